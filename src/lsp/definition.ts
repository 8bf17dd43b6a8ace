// textDocument/definition: the source file, at the cited (or best-matching) passage; for a PDF or
// a Word document, the text Grounded extracted from it (see SourcePlaces).
import type { CancellationToken, DefinitionParams, Location } from 'vscode-languageserver/node';
import { citationTarget } from '../service/definitions';
import { fileStart } from '../service/source-places';
import type { ServerContext } from './context';

export class CitationDefinitions {
  constructor(private readonly context: ServerContext) {}

  provide(params: DefinitionParams, token: CancellationToken): Location[] | null {
    const document = this.context.documents.get(params.textDocument.uri);
    if (!document || token.isCancellationRequested) return null;
    const { indexer, sourcePlaces } = this.context;
    const target = citationTarget(document.getText(), document.offsetAt(params.position), indexer.corpus);
    if (!target) {
      if (!indexer.state.complete) this.context.connection.console.info('Go to Definition found no source yet: Grounded is still indexing the sources.');
      return null;
    }
    const { source, passages } = target;
    if (passages.length === 0) {
      const shown = sourcePlaces.locate(source, 0, 0) ?? fileStart(source);
      return [{ uri: shown.uri, range: fileStart(source).range }];
    }
    return passages.map((p) => sourcePlaces.locate(source, p.start, p.end) ?? fileStart(source));
  }
}
