import * as vscode from 'vscode';
import { DisposableStore } from './disposables';
import { reportSchemes } from './report-schemes';

/** Is this editor's document a report (Markdown or plain text), rather than a source or a panel? */
export function isReportEditor(editor: vscode.TextEditor | undefined): editor is vscode.TextEditor {
  return !!editor && ['markdown', 'plaintext'].includes(editor.document.languageId) && reportSchemes().includes(editor.document.uri.scheme);
}

/**
 * Remembers the report editor the writer used last: commands run from a view or the
 * preview (which take the focus) insert there.
 */
export class ReportEditors implements vscode.Disposable {
  private readonly store = new DisposableStore();
  private last: vscode.TextEditor | undefined;
  private readonly changed = this.store.add(new vscode.EventEmitter<vscode.TextEditor | undefined>());
  /** Fires when the report being written changes (another report, or none open). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly isSource: (uri: vscode.Uri) => boolean) {
    this.track(vscode.window.activeTextEditor);
    this.store.add(vscode.window.onDidChangeActiveTextEditor((e) => this.track(e)));
    this.store.add(
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        if (this.last && !editors.includes(this.last)) {
          this.last = editors.find((e) => this.isReport(e) && e.document === this.last?.document);
          this.changed.fire(this.last);
        }
      }),
    );
  }

  /** The report to act on, or undefined (after telling the writer) when none is open. */
  current(): vscode.TextEditor | undefined {
    return this.last;
  }

  require(): vscode.TextEditor | undefined {
    if (!this.last) void vscode.window.showErrorMessage('Grounded: open a report (a Markdown file) and put the cursor where the text should go.');
    return this.last;
  }

  private isReport(editor: vscode.TextEditor | undefined): editor is vscode.TextEditor {
    return isReportEditor(editor) && !this.isSource(editor.document.uri);
  }

  private track(editor: vscode.TextEditor | undefined): void {
    if (!this.isReport(editor) || editor === this.last) return;
    this.last = editor;
    this.changed.fire(editor);
  }

  dispose(): void {
    this.store.dispose();
  }
}
