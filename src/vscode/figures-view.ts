import * as vscode from 'vscode';
import type { Insertion } from '../core/citation-insert';
import type { FigureGroup, FigurePlace, FigureValue } from '../core/figures/corpus-figures';
import type { CorpusService } from './corpus-service';
import type { Source } from '../core/model';
import { citationFor } from './source-locations';
import { DisposableStore } from './disposables';
import { appendUntrusted, safeMarkdown } from './markdown-text';

export type FigureNode =
  | { kind: 'group'; group: FigureGroup }
  | { kind: 'value'; group: FigureGroup; value: FigureValue }
  | { kind: 'place'; group: FigureGroup; value: FigureValue; place: FigurePlace };

/** The Figures view: what the sources count, each value with the sources that state it. */
export class FiguresView implements vscode.TreeDataProvider<FigureNode>, vscode.Disposable {
  private readonly store = new DisposableStore();
  private readonly changed = this.store.add(new vscode.EventEmitter<FigureNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private groups: Promise<FigureGroup[]> | undefined;

  constructor(private readonly corpus: CorpusService) {
    this.store.add(vscode.window.createTreeView('grounded.figures', { treeDataProvider: this, showCollapseAll: true }));
    this.store.add(
      corpus.onDidChange(() => {
        this.groups = undefined;
        this.changed.fire(undefined);
      }),
    );
  }

  /** Groups of the current corpus, worked out by the index worker when first shown after a change. */
  figureGroups(): Promise<FigureGroup[]> {
    this.groups ??= this.corpus.figureGroups();
    return this.groups;
  }

  getTreeItem(node: FigureNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const { group } = node;
      const item = new vscode.TreeItem(`${group.label} (${group.kind === 'money' && group.unit ? group.unit : group.kind})${group.subject ? ` · ${group.subject}` : ''}`, vscode.TreeItemCollapsibleState[group.disagree ? 'Expanded' : 'Collapsed']);
      item.id = group.id;
      item.description = `${group.disagree ? 'sources disagree: ' : ''}${group.values.map((v) => v.value).join(' · ')}`;
      item.iconPath = new vscode.ThemeIcon(group.disagree ? 'warning' : 'symbol-number', group.disagree ? new vscode.ThemeColor('list.warningForeground') : undefined);
      item.contextValue = 'figureGroup';
      return item;
    }
    if (node.kind === 'value') {
      const { value } = node;
      const n = value.keys.length;
      const item = new vscode.TreeItem(value.value, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `${node.group.id}|${value.value}`;
      item.description = `${n} source${n === 1 ? '' : 's'}${value.projection ? ' · projection' : ''}`;
      item.contextValue = 'figureValue';
      const first = value.places[0];
      item.command = { command: 'grounded.previewSource', title: 'Preview', arguments: [{ key: first.key, paragraph: first.paragraph }] };
      return item;
    }
    const { place } = node;
    const item = new vscode.TreeItem(`@${place.key} ¶${place.paragraph}`, vscode.TreeItemCollapsibleState.None);
    item.id = `${node.group.id}|${node.value.value}|${place.key}|${place.paragraph}|${place.start}`;
    item.description = `“${place.text}”${place.projection ? ' (projection)' : ''}`;
    item.tooltip = appendUntrusted(safeMarkdown(), this.sentenceOf(place));
    item.contextValue = 'figurePlace';
    item.command = { command: 'grounded.previewSource', title: 'Preview', arguments: [{ key: place.key, paragraph: place.paragraph }] };
    return item;
  }

  /** The sentence stating a figure, from this side's corpus (the worker leaves it out of its message). */
  private sentenceOf(place: FigurePlace): string {
    const paragraph = this.corpus.corpus.get(place.key)?.paragraphs.find((p) => p.index === place.paragraph);
    return place.sentence || (paragraph?.text.slice(place.sentenceStart, place.sentenceEnd) ?? place.text);
  }

  async getChildren(node?: FigureNode): Promise<FigureNode[]> {
    if (!node) return (await this.figureGroups()).map((group) => ({ kind: 'group', group }));
    if (node.kind === 'group') return node.group.values.map((value) => ({ kind: 'value', group: node.group, value }));
    if (node.kind === 'value') return node.value.places.map((place) => ({ kind: 'place', group: node.group, value: node.value, place }));
    return [];
  }

  dispose(): void {
    this.store.dispose();
  }
}

/** What "insert figure" writes: the value as the source words it, with its citation. */
export function figureWithCitation(node: FigureNode, sourceOf: (key: string) => Source | undefined): Insertion | undefined {
  if (node.kind === 'group') return undefined;
  const place = node.kind === 'place' ? node.place : node.value.places[0];
  const source = sourceOf(place.key);
  const paragraph = source?.paragraphs.find((p) => p.index === place.paragraph);
  return { text: place.text, cite: source ? citationFor(source, paragraph) : { key: place.key, locator: `para. ${place.paragraph}` } };
}
