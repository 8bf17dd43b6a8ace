// textDocument/hover: the source's own words under a citation or a quotation.
import { MarkupKind, type CancellationToken, type Hover, type HoverParams } from 'vscode-languageserver/node';
import { hoverContent } from '../service/hover-content';
import type { ServerContext } from './context';
import { hoverMarkdown, incompleteNote } from './markdown';

export class CitationHovers {
  constructor(private readonly context: ServerContext) {}

  provide(params: HoverParams, token: CancellationToken): Hover | null {
    const document = this.context.documents.get(params.textDocument.uri);
    if (!document || token.isCancellationRequested) return null;
    const { indexer } = this.context;
    const content = hoverContent(document.getText(), document.offsetAt(params.position), indexer.corpus);
    if (!content) return null;
    const state = indexer.state;
    const value = state.complete ? hoverMarkdown(content, true) : `${hoverMarkdown(content, false)}\n\n${incompleteNote(state)}`;
    return { contents: { kind: MarkupKind.Markdown, value }, range: { start: document.positionAt(content.start), end: document.positionAt(content.end) } };
  }
}
