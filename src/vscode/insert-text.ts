import * as vscode from 'vscode';
import { citationAt, insertionText, planInsertions, type Insertion, type InsertMode, type InsertOptions } from '../core/citation-insert';
import type { ReportEditors } from './report-editors';

/** The edit that puts `insertion` at `selections` of `document`, and where each cursor ends after it. */
export function insertionEdit(document: vscode.TextDocument, selections: readonly vscode.Selection[], insertion: Insertion, options: InsertOptions): { edit: vscode.WorkspaceEdit; cursors: number[] } {
  const offsets = selections.map((s) => ({ start: document.offsetAt(s.start), end: document.offsetAt(s.end) }));
  const plan = planInsertions(document.getText(), offsets, insertion, options);
  const edit = new vscode.WorkspaceEdit();
  for (const e of plan.edits) edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
  return { edit, cursors: plan.cursors };
}

/**
 * Inserts at every cursor of `editor` as one WorkspaceEdit, which one undo takes back, where
 * the citation syntax allows (see planInsertions). The cursors end after what was inserted,
 * as after typing it.
 */
export async function insertAtCursors(editor: vscode.TextEditor, insertion: Insertion, options: InsertOptions): Promise<boolean> {
  const document = editor.document;
  const { edit, cursors } = insertionEdit(document, editor.selections, insertion, options);
  if (edit.size > 0 && !(await vscode.workspace.applyEdit(edit))) return false;
  editor.selections = cursors.map((offset) => new vscode.Selection(document.positionAt(offset), document.positionAt(offset)));
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
    /** Is this the key of an indexed source? Citation items with other keys are being typed, and are replaced. */
    private readonly isKnownKey: (key: string) => boolean,
  ) {}

  /**
   * True (after saying so) when `active` is a source: the caller must not insert. Commands
   * whose only purpose is to insert ask first, so the writer is not made to pick in vain.
   */
  refusesSource(active: vscode.TextEditor | undefined = vscode.window.activeTextEditor, insertion?: Insertion, mode: InsertMode = 'add'): boolean {
    if (!active || active.document.isClosed || !this.isSource(active.document.uri)) return false;
    const name = vscode.workspace.asRelativePath(active.document.uri);
    const message = `Grounded never writes to sources: ${name} is a source, so nothing was inserted. Put the cursor in your report and try again.`;
    this.log(message);
    const report = this.reports.current();
    const reportName = report && vscode.workspace.asRelativePath(report.document.uri);
    const offer = reportName ? (insertion ? `Insert into ${reportName}` : `Go to ${reportName}`) : 'Open a Report';
    void vscode.window.showWarningMessage(message, offer).then(async (choice) => {
      if (choice !== offer) return;
      if (!report) await vscode.commands.executeCommand('grounded.openSampleReport');
      else if (insertion) await this.insertInto(report, insertion, true, mode);
      else await vscode.window.showTextDocument(report.document, report.viewColumn);
    });
    return true;
  }

  /**
   * Inserts at the cursors of the report: `active` when it is one, else the report the writer
   * used last. With no report open, copies the text to the clipboard when `clipboard` is set.
   * `mode: 'replace'` replaces the citation item at each cursor, and needs a cursor at one.
   */
  async insert(insertion: Insertion, options: { active?: vscode.TextEditor; clipboard?: boolean; focus?: boolean; mode?: InsertMode } = {}): Promise<boolean> {
    const active = 'active' in options ? options.active : vscode.window.activeTextEditor;
    if (this.refusesSource(active, insertion, options.mode)) return false;
    const target = this.reports.current();
    if (!target) {
      const text = insertionText(insertion);
      if (options.clipboard) {
        await vscode.env.clipboard.writeText(text);
        void vscode.window.showInformationMessage(`Grounded: no report is open, so ${text.length > 60 ? 'the quotation' : text} was copied to the clipboard.`);
      } else this.reports.require();
      return false;
    }
    return this.insertInto(target, insertion, options.focus ?? false, options.mode ?? 'add');
  }

  private async insertInto(report: vscode.TextEditor, insertion: Insertion, focus: boolean, mode: InsertMode): Promise<boolean> {
    const editor = focus ? await vscode.window.showTextDocument(report.document, report.viewColumn) : report;
    const text = editor.document.getText();
    if (mode === 'replace' && !editor.selections.some((s) => citationAt(text, editor.document.offsetAt(s.active)))) {
      void vscode.window.showWarningMessage('Grounded: put the cursor in a citation to replace it; nothing was inserted.');
      return false;
    }
    if (await insertAtCursors(editor, insertion, { mode, isKnownKey: this.isKnownKey })) return true;
    void vscode.window.showErrorMessage('Grounded: the report did not accept the text (is it read-only?).');
    return false;
  }
}
