import * as vscode from 'vscode';
import { citationContextAt } from '../core/citations';
import { citationCompletions, COMPLETION_TRIGGERS, preview, type CitationCompletion } from '../service/completions';
import type { CorpusService } from './corpus-service';
import { appendUntrusted, safeMarkdown } from './markdown-text';

/**
 * Citation completions in pandoc syntax, as src/service/completions.ts ranks them for every
 * host: keys after `[@`, `; @` or a word-initial `@`, ranked by how well each source matches
 * the sentence being written; paragraphs (`para. N`) or pages (`p. N`) after `[@key, `,
 * nothing for a text with no locators.
 */
export class CitationCompletionProvider implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = COMPLETION_TRIGGERS;

  constructor(
    private readonly corpus: CorpusService,
    private readonly isSource: (uri: vscode.Uri) => boolean,
  ) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.CompletionList | undefined> {
    // A citation accepted in a source would be Grounded writing to it.
    if (this.isSource(document.uri)) return undefined;
    const text = document.getText();
    const offset = document.offsetAt(position);
    if (!citationContextAt(text, offset)) return undefined;
    await this.corpus.ready();
    if (token.isCancellationRequested) return undefined;
    const completions = citationCompletions(text, offset, this.corpus.corpus, this.corpus.searchIndex());
    if (!completions) return undefined;
    return new vscode.CompletionList(
      completions.map((c) => this.item(c, new vscode.Range(document.positionAt(c.start), position))),
      false,
    );
  }

  private item(c: CitationCompletion, range: vscode.Range): vscode.CompletionItem {
    // A key's title goes in `detail`: as a label description it would squeeze the key out of view.
    const item = new vscode.CompletionItem(c.kind === 'key' ? c.label : { label: c.label, description: preview(c.passage, 60) }, vscode.CompletionItemKind.Reference);
    item.range = range;
    item.insertText = c.insertText;
    item.detail = c.detail;
    item.filterText = c.filterText;
    item.sortText = c.sortText;
    if (c.preselect) item.preselect = true;
    const docs = safeMarkdown();
    if (c.facts) appendUntrusted(docs, c.facts).appendMarkdown('\n\n');
    if (c.passage) appendUntrusted(docs, c.passage);
    item.documentation = docs;
    return item;
  }
}
