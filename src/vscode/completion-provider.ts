import * as vscode from 'vscode';
import { citationContextAt } from '../core/citations';
import { rankParagraphs, rankSources } from '../core/search/relevance';
import { sentenceAt } from '../core/report';
import { proseOf } from '../core/citations';
import type { Source } from '../core/model';
import { locatorOf } from '../core/corpus/locators';
import type { CorpusService } from './corpus-service';
import { appendUntrusted, safeMarkdown } from './markdown-text';

const LEAD_LENGTH = 400;

/**
 * Citation completions in pandoc syntax: keys after `[@`, `; @` or a word-initial `@`,
 * ranked by how well each source matches the sentence being written; paragraphs
 * (`para. N`) or pages (`p. N`) after `[@key, `, nothing for a text with no locators.
 */
export class CitationCompletionProvider implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = ['@', ',', ' ', '.'];

  constructor(
    private readonly corpus: CorpusService,
    private readonly isSource: (uri: vscode.Uri) => boolean,
  ) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.CompletionList | undefined> {
    // A citation accepted in a source would be Grounded writing to it.
    if (this.isSource(document.uri)) return undefined;
    const text = document.getText();
    const offset = document.offsetAt(position);
    const context = citationContextAt(text, offset);
    if (!context) return undefined;
    await this.corpus.ready();
    if (token.isCancellationRequested) return undefined;
    const sentence = proseOf(sentenceAt(text, offset).text);
    const search = this.corpus.searchIndex();

    if (context.kind === 'key') {
      const range = new vscode.Range(document.positionAt(context.start), position);
      const ranked = rankSources(search, this.corpus.corpus.all(), sentence, (key) => this.corpus.corpus.get(key));
      const items = ranked.map(({ source }, rank) => this.keyItem(source, rank, range));
      return new vscode.CompletionList(items, false);
    }

    const source = this.corpus.corpus.get(context.key);
    if (!source) return undefined;
    const range = new vscode.Range(document.positionAt(context.start), position);
    // An unbroken text has no locator to offer; a PDF offers each page once, at its best passage's rank.
    if (source.locators === 'none') return undefined;
    const seen = new Set<string>();
    const items: vscode.CompletionItem[] = [];
    for (const { paragraph } of rankParagraphs(search, source, sentence)) {
      const label = locatorOf(source, paragraph);
      if (!label || seen.has(label)) continue;
      seen.add(label);
      const item = new vscode.CompletionItem({ label, description: preview(paragraph.text, 60) }, vscode.CompletionItemKind.Reference);
      item.range = range;
      item.insertText = label;
      item.filterText = `${label} ${paragraph.text}`;
      item.sortText = String(items.length).padStart(5, '0');
      item.documentation = appendUntrusted(safeMarkdown(), paragraph.text);
      item.detail = source.meta.title;
      items.push(item);
    }
    return new vscode.CompletionList(items, false);
  }

  private keyItem(source: Source, rank: number, range: vscode.Range): vscode.CompletionItem {
    const { key, title, publisher, issued } = source.meta;
    // The title goes in `detail`: as a label description it would squeeze the key out of view.
    const item = new vscode.CompletionItem(key, vscode.CompletionItemKind.Reference);
    item.range = range;
    item.insertText = key;
    item.detail = title;
    // Typing title words finds the source too.
    item.filterText = `${key} ${title}`;
    item.sortText = String(rank).padStart(5, '0');
    if (rank === 0) item.preselect = true;
    const docs = safeMarkdown();
    const facts = [publisher, issued].filter(Boolean).join(' · ');
    if (facts) appendUntrusted(docs, facts).appendMarkdown('\n\n');
    const lead = source.paragraphs[0]?.text;
    if (lead) appendUntrusted(docs, preview(lead, LEAD_LENGTH));
    item.documentation = docs;
    return item;
  }
}

function preview(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}
