import { locatorOf } from '../core/corpus/locators';
import * as vscode from 'vscode';
import { citationAt, type CitationRef, type Insertion, type InsertMode } from '../core/citation-insert';
import type { SearchHit } from '../core/search/search-index';
import type { CorpusService } from './corpus-service';
import type { ReportInserter } from './insert-text';
import { escapeThemeIcons } from './markdown-text';
import type { OpenSourceCommand } from './source-locations';

interface PassageItem extends vscode.QuickPickItem {
  hit: SearchHit;
}

const OPEN_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('go-to-file'), tooltip: 'Open the source at this passage' };
const QUOTE_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('quote'), tooltip: 'Insert the passage as a quotation with its citation' };
const REPLACE_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('replace'), tooltip: 'Cite this passage in place of the citation at the cursor' };
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

function citationOf(hit: SearchHit, corpus: CorpusService): CitationRef {
  const source = corpus.corpus.get(hit.passage.key);
  const paragraph = source?.paragraphs.find((p) => p.index === hit.passage.paragraph);
  const locator = source && paragraph ? locatorOf(source, paragraph) : `para. ${hit.passage.paragraph}`;
  return locator ? { key: hit.passage.key, locator } : { key: hit.passage.key };
}

/** Grounded: Search Sources — a QuickPick that searches as you type and cites what you pick. */
export class SearchSourcesCommand {
  constructor(
    private readonly corpus: CorpusService,
    private readonly openSource: OpenSourceCommand,
    private readonly inserter: ReportInserter,
  ) {}

  async run(initialQuery = ''): Promise<void> {
    // The editor the writer searched from: what is picked goes there, unless it is a source.
    const editor = vscode.window.activeTextEditor;
    // Enter adds the passage to a citation at the cursor; a button replaces that citation instead.
    const inCitation = !!editor && editor.selections.some((s) => citationAt(editor.document.getText(), editor.document.offsetAt(s.active)));
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
        // Source text: a `$(name)` in it must show as typed, not as an icon.
        label: escapeThemeIcons(snippet(hit)),
        // The snippet fills the first line, so the citation goes first on the second.
        detail: escapeThemeIcons(`${[hit.passage.key, citationOf(hit, this.corpus).locator].filter(Boolean).join(' · ')} — ${hit.passage.title}`),
        // We rank ourselves; VS Code must not hide passages that match only fuzzily.
        alwaysShow: true,
        buttons: inCitation ? [REPLACE_BUTTON, QUOTE_BUTTON, OPEN_BUTTON] : [QUOTE_BUTTON, OPEN_BUTTON],
      }));
    };
    const done = new Promise<void>((resolve) => {
      pick.onDidChangeValue(update);
      pick.onDidAccept(() => {
        const item = pick.selectedItems[0] ?? pick.activeItems[0];
        // Enter on an empty list keeps the search open rather than closing it on nothing.
        if (!item) return;
        pick.hide();
        void this.insert(editor, { cite: citationOf(item.hit, this.corpus) });
      });
      pick.onDidTriggerItemButton((e) => {
        const { passage } = e.item.hit;
        if (e.button === OPEN_BUTTON) {
          pick.hide();
          void this.openSource.run({ key: passage.key, paragraph: passage.paragraph, beside: true });
        } else if (e.button === QUOTE_BUTTON) {
          pick.hide();
          void this.insert(editor, { text: `“${passage.text.trim()}”`, cite: citationOf(e.item.hit, this.corpus) });
        } else if (e.button === REPLACE_BUTTON) {
          pick.hide();
          void this.insert(editor, { cite: citationOf(e.item.hit, this.corpus) }, 'replace');
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

  private async insert(editor: vscode.TextEditor | undefined, insertion: Insertion, mode: InsertMode = 'add'): Promise<void> {
    await this.inserter.insert(insertion, { active: editor, clipboard: true, focus: true, mode });
  }
}
