import * as vscode from 'vscode';
import { citationUnderCursor } from '../service/citation-at';
import { citationTarget } from '../service/definitions';
import type { CorpusService } from './corpus-service';
import { sourceDocument } from './extracted-text';

/** Go to Definition / Peek on a citation: the source file at the cited (or best-matching) passage, as src/service/definitions.ts finds it. */
export class CitationDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly corpus: CorpusService) {}

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Location[] | undefined> {
    const text = document.getText();
    const offset = document.offsetAt(position);
    if (!citationUnderCursor(text, offset)) return undefined;
    await this.corpus.ready();
    if (token.isCancellationRequested) return undefined;
    const found = citationTarget(text, offset, this.corpus.corpus, this.corpus.searchIndex());
    if (!found) return undefined;
    const { source, passages } = found;
    // A PDF or Word document: its extracted text, where the passage stands.
    const shown = sourceDocument(this.corpus, source);
    const target = await vscode.workspace.openTextDocument(shown.uri);
    if (token.isCancellationRequested) return undefined;
    const spans = (passages.length ? passages : source.entry ? [source.entry] : []).flatMap((p) => shown.span(p.start, p.end) ?? []);
    const ranges = spans.length ? spans.map((p) => new vscode.Range(target.positionAt(p.start), target.positionAt(p.end))) : [new vscode.Range(0, 0, 0, 0)];
    return ranges.map((range) => new vscode.Location(target.uri, range));
  }
}
