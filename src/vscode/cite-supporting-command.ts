import * as vscode from 'vscode';
import { citationText } from '../core/citation-insert';
import { planSupportingCitations, type PlannedCitation } from '../core/check/cite-supporting';
import type { CorpusService } from './corpus-service';

export interface CiteSupportingArgs {
  /** False applies every planned citation without the preview (for scripts and tests). */
  preview?: boolean;
}

const PREVIEW_LENGTH = 90;
const short = (text: string) => (text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH - 1)}…` : text);

/**
 * Grounded: Cite Supporting Sources. For the selection (or the whole report when nothing is
 * selected), cites each uncited sentence that one source clearly says: a preview lists what it
 * will add, all chosen, and what the writer keeps goes in as one undoable edit.
 */
export class CiteSupportingCommand {
  constructor(
    private readonly corpus: CorpusService,
    private readonly isSource: (uri: vscode.Uri) => boolean,
    private readonly scope: () => 'paragraph' | 'sentence',
  ) {}

  async run(args: CiteSupportingArgs = {}): Promise<PlannedCitation[]> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || this.isSource(editor.document.uri)) {
      void vscode.window.showWarningMessage(editor ? 'Grounded never writes to sources: open your report to cite its sentences.' : 'Open a report to cite its sentences.');
      return [];
    }
    await this.corpus.ready();
    const document = editor.document;
    const version = document.version;
    const selection = editor.selection;
    const range = selection.isEmpty ? undefined : { start: document.offsetAt(selection.start), end: document.offsetAt(selection.end) };
    const plan = planSupportingCitations(document.getText(), { corpus: this.corpus.corpus, search: this.corpus.searchIndex() }, range, { citationScope: this.scope() });
    if (plan.length === 0) {
      void vscode.window.showInformationMessage(`Grounded found no uncited sentence ${range ? 'in the selection ' : ''}that one source clearly says.`);
      return [];
    }
    const chosen = args.preview === false ? plan : await this.preview(plan);
    if (chosen.length === 0) return [];
    if (document.isClosed || document.version !== version) {
      void vscode.window.showWarningMessage('The report changed while the citations were chosen: nothing was added. Run the command again.');
      return [];
    }
    const edit = new vscode.WorkspaceEdit();
    for (const { edit: e } of chosen) edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
    return (await vscode.workspace.applyEdit(edit)) ? chosen : [];
  }

  private async preview(plan: PlannedCitation[]): Promise<PlannedCitation[]> {
    const items = plan.map((p) => ({ label: citationText(p.cite), description: short(p.sentence), detail: `Source: ${short(p.evidence)}`, picked: true, planned: p }));
    const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: `Grounded: add ${plan.length} citation${plan.length === 1 ? '' : 's'}`, placeHolder: 'Enter adds the checked ones; Escape adds none' });
    return picked?.map((i) => i.planned) ?? [];
  }
}
