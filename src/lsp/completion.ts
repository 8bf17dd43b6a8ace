// textDocument/completion: citation keys, then locators, ranked by the sentence.
import { CompletionItemKind, MarkupKind, type CancellationToken, type CompletionItem, type CompletionList, type CompletionParams } from 'vscode-languageserver/node';
import { citationCompletions, narrowCompletions } from '../service/completions';
import { isSourceDocument, type ServerContext } from './context';
import { completionMarkdown } from './markdown';

/** The most items one answer carries: the best-ranked; the rest come as the writer types more. */
const MAX_ITEMS = 100;

export class CitationCompletions {
  constructor(private readonly context: ServerContext) {}

  provide(params: CompletionParams, token: CancellationToken): CompletionList | null {
    const document = this.context.documents.get(params.textDocument.uri);
    // A citation accepted in a source would be Grounded writing to it.
    if (!document || token.isCancellationRequested || isSourceDocument(this.context, document.uri)) return null;
    const { indexer } = this.context;
    const offset = document.offsetAt(params.position);
    const text = document.getText();
    const found = citationCompletions(text, offset, indexer.corpus, indexer.searchIndex());
    if (!found) return null;
    const narrowed = narrowCompletions(found, found.length ? text.slice(found[0].start, offset) : '', MAX_ITEMS);
    const items = narrowed.items.map(
      (c): CompletionItem => ({
        label: c.label,
        kind: CompletionItemKind.Reference,
        detail: c.detail,
        documentation: { kind: MarkupKind.Markdown, value: completionMarkdown(c) },
        filterText: c.filterText,
        sortText: c.sortText,
        preselect: c.preselect || undefined,
        textEdit: { range: { start: document.positionAt(c.start), end: document.positionAt(c.end) }, newText: c.insertText },
      }),
    );
    // While the sources are being read, or past MAX_ITEMS, the list is partial: the client asks again as the writer types.
    return { isIncomplete: narrowed.truncated || !indexer.state.complete, items };
  }
}
