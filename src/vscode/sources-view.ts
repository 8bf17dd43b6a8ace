import * as vscode from 'vscode';
import type { Paragraph, Source } from '../core/model';
import { citationCounts, listSources, type SourceSort } from '../core/views/source-list';
import type { CorpusService } from './corpus-service';
import { DisposableStore } from './disposables';
import { appendUntrusted, safeMarkdown } from './markdown-text';
import type { ReportEditors } from './report-editors';

export type SourceNode = { kind: 'source'; source: Source } | { kind: 'paragraph'; source: Source; paragraph: Paragraph };

const SORT_STATE = 'grounded.sources.sort';
const COUNT_DELAY_MS = 300;
/** Sources' rows carry a URI of this scheme, only so that their citation count can show as a badge. */
const BADGE_SCHEME = 'grounded-source';

/**
 * The Sources view: every source, how often the report cites it, and its paragraphs. The count
 * is a badge at the row's right edge, which a narrow side bar never cuts (titles are cut first).
 */
export class SourcesView implements vscode.TreeDataProvider<SourceNode>, vscode.FileDecorationProvider, vscode.Disposable {
  private readonly store = new DisposableStore();
  private readonly changed = this.store.add(new vscode.EventEmitter<SourceNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private readonly badgesChanged = this.store.add(new vscode.EventEmitter<vscode.Uri[]>());
  readonly onDidChangeFileDecorations = this.badgesChanged.event;
  private readonly view: vscode.TreeView<SourceNode>;
  private counts = new Map<string, number>();
  private filter = '';
  private countTimer: ReturnType<typeof setTimeout> | undefined;
  private nodes = new Map<string, SourceNode>();
  private noSources: boolean | undefined;

  constructor(
    private readonly corpus: CorpusService,
    private readonly reports: ReportEditors,
    private readonly state: vscode.Memento,
  ) {
    this.view = this.store.add(vscode.window.createTreeView('grounded.sources', { treeDataProvider: this, showCollapseAll: true }));
    this.store.add(vscode.window.registerFileDecorationProvider(this));
    this.store.add(corpus.onDidChange(() => this.refresh()));
    this.store.add(corpus.onDidChangeIndexing(() => this.describe()));
    this.store.add(reports.onDidChange(() => this.recount()));
    this.store.add(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document !== this.reports.current()?.document) return;
        if (this.countTimer) clearTimeout(this.countTimer);
        this.countTimer = setTimeout(() => this.recount(), COUNT_DELAY_MS);
      }),
    );
    this.recount();
    this.describe();
  }

  get sort(): SourceSort {
    return this.state.get<SourceSort>(SORT_STATE, 'title');
  }

  async setSort(sort: SourceSort): Promise<void> {
    await this.state.update(SORT_STATE, sort);
    this.refresh();
  }

  async askFilter(): Promise<void> {
    const value = await vscode.window.showInputBox({ title: 'Filter sources', prompt: 'Words in the title, key or publisher', value: this.filter });
    if (value !== undefined) await this.setFilter(value);
  }

  async setFilter(filter: string): Promise<void> {
    this.filter = filter.trim();
    await vscode.commands.executeCommand('setContext', 'grounded.sourcesFiltered', this.filter !== '');
    this.refresh();
  }

  /** Citations of each key in the report being written. */
  citationsOf(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  getTreeItem(node: SourceNode): vscode.TreeItem {
    const { source } = node;
    if (node.kind === 'paragraph') {
      const lead = node.paragraph.text.length > 80 ? `${node.paragraph.text.slice(0, 80)}…` : node.paragraph.text;
      const item = new vscode.TreeItem(`${passageMark(source, node.paragraph)}${lead}`, vscode.TreeItemCollapsibleState.None);
      item.id = `${source.meta.key}#${node.paragraph.index}`;
      item.contextValue = 'paragraph';
      item.tooltip = appendUntrusted(safeMarkdown(), node.paragraph.text);
      item.command = { command: 'grounded.previewSource', title: 'Preview', arguments: [{ key: source.meta.key, paragraph: node.paragraph.index }] };
      return item;
    }
    // A bibliography entry with no text has nothing to expand or preview: a click opens the entry.
    const entry = source.format === 'reference';
    const item = new vscode.TreeItem(source.meta.title, entry ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = source.meta.key;
    item.contextValue = entry ? 'entry' : 'source';
    item.iconPath = new vscode.ThemeIcon(entry ? 'book' : 'file-text');
    item.resourceUri = badgeUri(source.meta.key);
    item.description = describeSource(source, this.citationsOf(source.meta.key));
    const tooltip = safeMarkdown();
    appendUntrusted(tooltip, source.meta.title).appendMarkdown('\n\n');
    appendUntrusted(tooltip, `@${source.meta.key}`);
    if (entry) tooltip.appendMarkdown('\n\nAn entry of your bibliography with no text to check against.');
    item.tooltip = tooltip;
    item.command = entry
      ? { command: 'grounded.openSource', title: 'Open Entry', arguments: [{ key: source.meta.key }] }
      : { command: 'grounded.previewSource', title: 'Preview', arguments: [{ key: source.meta.key }] };
    return item;
  }

  /** The citation count of a source's row, as a badge (two characters at most, as VS Code allows). */
  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== BADGE_SCHEME) return undefined;
    const n = this.citationsOf(decodeURIComponent(uri.path.slice(1)));
    return n ? new vscode.FileDecoration(n > 99 ? '99' : String(n), `Cited ${n} time${n === 1 ? '' : 's'} in the report`) : undefined;
  }

  getChildren(node?: SourceNode): SourceNode[] {
    if (!node) return listSources(this.corpus.corpus.all(), { sort: this.sort, filter: this.filter, counts: this.counts }).map((source) => this.node({ kind: 'source', source }));
    if (node.kind === 'source') return node.source.paragraphs.map((paragraph) => this.node({ kind: 'paragraph', source: node.source, paragraph }));
    return [];
  }

  getParent(node: SourceNode): SourceNode | undefined {
    return node.kind === 'paragraph' ? this.node({ kind: 'source', source: node.source }) : undefined;
  }

  private node(node: SourceNode): SourceNode {
    const id = node.kind === 'source' ? node.source.meta.key : `${node.source.meta.key}#${node.paragraph.index}`;
    const known = this.nodes.get(id);
    if (known && known.source === node.source) return known;
    this.nodes.set(id, node);
    return node;
  }

  private recount(): void {
    const report = this.reports.current();
    const before = this.counts;
    this.counts = report ? citationCounts(report.document.getText()) : new Map();
    this.refresh();
    const keys = new Set([...before.keys(), ...this.counts.keys()].filter((k) => before.get(k) !== this.counts.get(k)));
    if (keys.size) this.badgesChanged.fire([...keys].map(badgeUri));
  }

  private refresh(): void {
    this.nodes.clear();
    this.describe();
    this.changed.fire(undefined);
  }

  private describe(): void {
    this.view.description = this.filter ? `filter: ${this.filter}` : undefined;
    // The manifest's welcome content says how to add sources; VS Code shows it only while the view has no message.
    const noSources = this.corpus.corpus.size === 0 && !this.corpus.isIndexing;
    if (noSources === this.noSources) return;
    this.noSources = noSources;
    void vscode.commands.executeCommand('setContext', 'grounded.noSources', noSources);
  }

  dispose(): void {
    if (this.countTimer) clearTimeout(this.countTimer);
    this.store.dispose();
  }
}

function badgeUri(key: string): vscode.Uri {
  return vscode.Uri.from({ scheme: BADGE_SCHEME, path: `/${encodeURIComponent(key)}` });
}

/** The row's description: the citation count first (what a writer scans for), then publisher and date. */
export function describeSource(source: Source, citations: number): string {
  const parts = [source.meta.publisher, source.meta.issued, source.format === 'reference' ? 'no text' : undefined].filter(Boolean);
  if (citations) parts.unshift(`${citations} citation${citations === 1 ? '' : 's'}`);
  return parts.join(' · ');
}

/** What stands before a passage in the tree: its paragraph or page; nothing for a sentence of an unbroken text. */
function passageMark(source: Source, paragraph: Paragraph): string {
  if (source.locators === 'none') return '';
  if (source.locators === 'page') return `p. ${paragraph.page ?? '?'}  `;
  return `¶${paragraph.index}  `;
}
