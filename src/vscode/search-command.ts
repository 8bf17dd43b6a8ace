import * as vscode from 'vscode';
import type { SearchHit } from '../core/search/search-index';
import type { CorpusService } from './corpus-service';
import { insertAtCursors } from './insert-text';
import type { OpenSourceCommand } from './source-locations';

interface PassageItem extends vscode.QuickPickItem {
  hit: SearchHit;
}

const OPEN_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('go-to-file'), tooltip: 'Open the source at this passage' };
const QUOTE_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('quote'), tooltip: 'Insert the passage as a quotation with its citation' };
const SNIPPET_LENGTH = 160;

/** A window of the passage around its first match, on one line. */
export function snippet(hit: SearchHit): string {
  const text = hit.passage.text.replace(/\s+/g, ' ');
  const first = hit.matches[0]?.start ?? 0;
  let start = Math.max(0, first - 40);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < first ? space + 1 : start;
  }
  const end = Math.min(text.length, start + SNIPPET_LENGTH);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

/** Grounded: Search Sources — a QuickPick that searches as you type and cites what you pick. */
export class SearchSourcesCommand {
  constructor(
    private readonly corpus: CorpusService,
    private readonly openSource: OpenSourceCommand,
  ) {}

  async run(initialQuery = ''): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const pick = vscode.window.createQuickPick<PassageItem>();
    pick.title = 'Grounded: Search Sources';
    pick.placeholder = 'Search passages and titles (typos are fine). Enter cites the passage.';
    pick.matchOnDescription = false;
    pick.matchOnDetail = false;
    pick.value = initialQuery;
    pick.busy = this.corpus.isIndexing;

    const update = () => {
      const hits = this.corpus.searchIndex().search(pick.value, { limit: 50 });
      pick.items = hits.map((hit) => ({
        hit,
        label: snippet(hit),
        // The snippet fills the first line, so the citation goes first on the second.
        detail: `${hit.passage.key} · para. ${hit.passage.paragraph} — ${hit.passage.title}`,
        // We rank ourselves; VS Code must not hide passages that match only fuzzily.
        alwaysShow: true,
        buttons: [QUOTE_BUTTON, OPEN_BUTTON],
      }));
    };
    const done = new Promise<void>((resolve) => {
      pick.onDidChangeValue(update);
      pick.onDidAccept(() => {
        const item = pick.selectedItems[0] ?? pick.activeItems[0];
        // Enter on an empty list keeps the search open rather than closing it on nothing.
        if (!item) return;
        pick.hide();
        void this.insert(editor, `[@${item.hit.passage.key}, para. ${item.hit.passage.paragraph}]`);
      });
      pick.onDidTriggerItemButton((e) => {
        const { passage } = e.item.hit;
        if (e.button === OPEN_BUTTON) {
          pick.hide();
          void this.openSource.run({ key: passage.key, paragraph: passage.paragraph, beside: true });
        } else if (e.button === QUOTE_BUTTON) {
          pick.hide();
          void this.insert(editor, `“${passage.text.trim()}” [@${passage.key}, para. ${passage.paragraph}]`);
        }
      });
      pick.onDidHide(() => {
        pick.dispose();
        resolve();
      });
    });
    pick.show();
    if (this.corpus.isIndexing) {
      await this.corpus.ready();
      pick.busy = false;
    }
    update();
    await done;
  }

  private async insert(editor: vscode.TextEditor | undefined, text: string): Promise<void> {
    const target = editor && !editor.document.isClosed ? editor : vscode.window.activeTextEditor;
    if (!target) {
      await vscode.env.clipboard.writeText(text);
      void vscode.window.showInformationMessage(`Grounded: no editor is open, so ${text.length > 60 ? 'the quotation' : text} was copied to the clipboard.`);
      return;
    }
    await vscode.window.showTextDocument(target.document, target.viewColumn);
    if (!(await insertAtCursors(target, text))) void vscode.window.showErrorMessage('Grounded: the editor did not accept the citation (is it read-only?).');
  }
}
