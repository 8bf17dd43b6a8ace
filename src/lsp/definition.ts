// textDocument/definition: the source file, at the cited (or best-matching) passage.
import type { CancellationToken, DefinitionParams, Location } from 'vscode-languageserver/node';
import { citationTarget } from '../service/definitions';
import type { ServerContext } from './context';

export class CitationDefinitions {
  constructor(private readonly context: ServerContext) {}

  provide(params: DefinitionParams, token: CancellationToken): Location[] | null {
    const document = this.context.documents.get(params.textDocument.uri);
    if (!document || token.isCancellationRequested) return null;
    const { indexer, sourceLines } = this.context;
    const target = citationTarget(document.getText(), document.offsetAt(params.position), indexer.corpus);
    if (!target) {
      if (!indexer.state.complete) this.context.connection.console.info('Go to Definition found no source yet: Grounded is still indexing the sources.');
      return null;
    }
    const uri = target.source.location;
    const at = (offset: number) => sourceLines.positionAt(uri, offset) ?? { line: 0, character: 0 };
    if (target.passages.length === 0) return [{ uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }];
    return target.passages.map((p) => ({ uri, range: { start: at(p.start), end: at(p.end) } }));
  }
}
