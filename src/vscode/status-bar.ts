import * as vscode from 'vscode';
import type { CorpusService } from './corpus-service';
import { DisposableStore } from './disposables';

const PROGRESS_DELAY_MS = 400;

/** What a status bar item shows, as plain data. */
export interface StatusItemState {
  text: string;
  tooltip: string;
  command: string | undefined;
  visible: boolean;
}

export function stateOf(item: vscode.StatusBarItem, visible: boolean): StatusItemState {
  const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : (item.tooltip ?? '');
  return { text: item.text, tooltip, command: typeof item.command === 'string' ? item.command : item.command?.command, visible };
}


/** Shows how many sources are indexed; indexing that takes a while shows progress. */
export class CorpusStatusBar implements vscode.Disposable {
  private readonly store = new DisposableStore();
  private readonly item = this.store.add(vscode.window.createStatusBarItem('grounded.sources', vscode.StatusBarAlignment.Left, 50));
  private progressTimer: ReturnType<typeof setTimeout> | undefined;
  private endProgress: (() => void) | undefined;

  constructor(private readonly corpus: CorpusService) {
    this.item.name = 'Grounded Sources';
    this.item.command = 'grounded.searchSources';
    this.store.add(corpus.onDidChange(() => this.render()));
    this.store.add(corpus.onDidChangeIndexing((busy) => this.onIndexing(busy)));
    this.render();
    this.item.show();
  }

  get state(): StatusItemState {
    return stateOf(this.item, true);
  }

  private render(): void {
    if (this.corpus.isIndexing) {
      this.item.text = '$(sync~spin) Indexing sources…';
      this.item.tooltip = 'Grounded is reading the source articles.';
      return;
    }
    const n = this.corpus.corpus.size;
    this.item.text = `$(book) ${n} source${n === 1 ? '' : 's'}`;
    this.item.tooltip = n
      ? `Grounded indexed ${n} source${n === 1 ? '' : 's'} (${this.corpus.searchIndex().passageCount} passages). Click to search them.`
      : 'Grounded found no sources. Put articles in a corpus/ or sources/ folder, or change grounded.corpus.include.';
  }

  private onIndexing(busy: boolean): void {
    this.render();
    if (busy) {
      this.progressTimer ??= setTimeout(() => {
        void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Grounded: indexing sources' }, () => new Promise<void>((resolve) => (this.endProgress = resolve)));
      }, PROGRESS_DELAY_MS);
    } else {
      if (this.progressTimer) clearTimeout(this.progressTimer);
      this.progressTimer = undefined;
      this.endProgress?.();
      this.endProgress = undefined;
    }
  }

  dispose(): void {
    if (this.progressTimer) clearTimeout(this.progressTimer);
    this.endProgress?.();
    this.store.dispose();
  }
}
