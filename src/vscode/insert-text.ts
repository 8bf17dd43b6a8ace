import * as vscode from 'vscode';
import type { ReportEditors } from './report-editors';

/**
 * Inserts text at every cursor of `editor` (replacing selections) as one WorkspaceEdit, which
 * one undo takes back, with a space before it when it would otherwise stick to the previous
 * word. The cursors end after what was inserted, as after typing it.
 */
export async function insertAtCursors(editor: vscode.TextEditor, text: string): Promise<boolean> {
  const document = editor.document;
  const inserts = [...editor.selections]
    .map((selection) => {
      const before = selection.start.character > 0 ? document.getText(new vscode.Range(selection.start.translate(0, -1), selection.start)) : '';
      const spaced = before && !/[\s([{“"'‘]/.test(before) ? ` ${text}` : text;
      return { range: new vscode.Range(selection.start, selection.end), start: document.offsetAt(selection.start), end: document.offsetAt(selection.end), spaced };
    })
    .sort((a, b) => a.start - b.start);
  const edit = new vscode.WorkspaceEdit();
  for (const insert of inserts) edit.replace(document.uri, insert.range, insert.spaced);
  if (!(await vscode.workspace.applyEdit(edit))) return false;
  // Each insertion shifts the ones after it by what it added.
  let shift = 0;
  const ends = inserts.map((insert) => {
    const end = insert.start + shift + insert.spaced.length;
    shift += insert.spaced.length - (insert.end - insert.start);
    return document.positionAt(end);
  });
  editor.selections = ends.map((end) => new vscode.Selection(end, end));
  return true;
}

/**
 * Puts text into the report being written and never into a source: when the active editor is
 * a source, it says so, inserts nothing, and offers the report instead.
 */
export class ReportInserter {
  constructor(
    private readonly reports: ReportEditors,
    private readonly isSource: (uri: vscode.Uri) => boolean,
    private readonly log: (message: string) => void,
  ) {}

  /**
   * True (after saying so) when `active` is a source: the caller must not insert. Commands
   * whose only purpose is to insert ask first, so the writer is not made to pick in vain.
   */
  refusesSource(active: vscode.TextEditor | undefined = vscode.window.activeTextEditor, text?: string): boolean {
    if (!active || active.document.isClosed || !this.isSource(active.document.uri)) return false;
    const name = vscode.workspace.asRelativePath(active.document.uri);
    const message = `Grounded never writes to sources: ${name} is a source, so nothing was inserted. Put the cursor in your report and try again.`;
    this.log(message);
    const report = this.reports.current();
    const reportName = report && vscode.workspace.asRelativePath(report.document.uri);
    const offer = reportName ? (text ? `Insert into ${reportName}` : `Go to ${reportName}`) : 'Open a Report';
    void vscode.window.showWarningMessage(message, offer).then(async (choice) => {
      if (choice !== offer) return;
      if (!report) await vscode.commands.executeCommand('grounded.openSampleReport');
      else if (text) await this.insertInto(report, text, true);
      else await vscode.window.showTextDocument(report.document, report.viewColumn);
    });
    return true;
  }

  /**
   * Inserts `text` at the cursors of the report: `active` when it is one, else the report the
   * writer used last. With no report open, copies it to the clipboard when `clipboard` is set.
   */
  async insert(text: string, options: { active?: vscode.TextEditor; clipboard?: boolean; focus?: boolean } = {}): Promise<boolean> {
    const active = 'active' in options ? options.active : vscode.window.activeTextEditor;
    if (this.refusesSource(active, text)) return false;
    const target = this.reports.current();
    if (!target) {
      if (options.clipboard) {
        await vscode.env.clipboard.writeText(text);
        void vscode.window.showInformationMessage(`Grounded: no report is open, so ${text.length > 60 ? 'the quotation' : text} was copied to the clipboard.`);
      } else this.reports.require();
      return false;
    }
    return this.insertInto(target, text, options.focus ?? false);
  }

  private async insertInto(report: vscode.TextEditor, text: string, focus: boolean): Promise<boolean> {
    const editor = focus ? await vscode.window.showTextDocument(report.document, report.viewColumn) : report;
    if (await insertAtCursors(editor, text)) return true;
    void vscode.window.showErrorMessage('Grounded: the report did not accept the text (is it read-only?).');
    return false;
  }
}
