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


/**
 * Shows how many sources are indexed; indexing that takes a while shows progress. With no
 * sources it is hidden: "0 sources" means nothing to someone writing Markdown without any
 * (the Sources view's welcome says how to add them).
 */
export class CorpusStatusBar implements vscode.Disposable {
  private readonly store = new DisposableStore();
  private readonly item = this.store.add(vscode.window.createStatusBarItem('grounded.sources', vscode.StatusBarAlignment.Left, 50));
  private progressTimer: ReturnType<typeof setTimeout> | undefined;
  private endProgress: (() => void) | undefined;
  /** Indexing has gone on long enough to be worth showing (a scan that finds nothing is over sooner). */
  private slow = false;
  private visible = false;
  private readonly rendered = this.store.add(new vscode.EventEmitter<void>());
  /** Fires after the item changed (what it shows, or whether it shows). */
  readonly onDidRender = this.rendered.event;

  constructor(private readonly corpus: CorpusService) {
    this.item.name = 'Grounded Sources';
    this.item.command = 'grounded.searchSources';
    this.store.add(corpus.onDidChange(() => this.render()));
    this.store.add(corpus.onDidChangeIndexing((busy) => this.onIndexing(busy)));
    this.render();
  }

  get state(): StatusItemState {
    return stateOf(this.item, this.visible);
  }

  private render(): void {
    const n = this.corpus.corpus.size;
    if (this.corpus.isIndexing) {
      this.item.text = '$(sync~spin) Indexing sources…';
      this.item.tooltip = 'Grounded is reading the source articles.';
    } else {
      this.item.text = `$(book) ${n} source${n === 1 ? '' : 's'}`;
      this.item.tooltip = `Grounded indexed ${n} source${n === 1 ? '' : 's'} (${this.corpus.searchIndex().passageCount} passages). Click to search them.`;
    }
    this.visible = n > 0 || (this.corpus.isIndexing && this.slow);
    if (this.visible) this.item.show();
    else this.item.hide();
    this.rendered.fire();
  }

  /** Is the item shown: are there sources (or is indexing, which may find some, taking a while)? */
  get shown(): boolean {
    return this.visible;
  }

  private onIndexing(busy: boolean): void {
    if (busy) {
      this.progressTimer ??= setTimeout(() => {
        this.slow = true;
        this.render();
        void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Grounded: indexing sources' }, () => new Promise<void>((resolve) => (this.endProgress = resolve)));
      }, PROGRESS_DELAY_MS);
    } else {
      if (this.progressTimer) clearTimeout(this.progressTimer);
      this.progressTimer = undefined;
      this.slow = false;
      this.endProgress?.();
      this.endProgress = undefined;
    }
    this.render();
  }

  dispose(): void {
    if (this.progressTimer) clearTimeout(this.progressTimer);
    this.endProgress?.();
    this.store.dispose();
  }
}
