import * as vscode from 'vscode';
import { bestPassage } from '../core/evidence/best-passage';
import { citationAtOffset } from './citation-at';
import type { CorpusService } from './corpus-service';
import { sourceDocument } from './extracted-text';
import { locatedParagraphs } from './hover-provider';

/** Go to Definition / Peek on a citation: the source file at the cited (or best-matching) passage. */
export class CitationDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly corpus: CorpusService) {}

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Location[] | undefined> {
    const text = document.getText();
    const offset = document.offsetAt(position);
    const hit = citationAtOffset(text, offset);
    if (!hit) return undefined;
    await this.corpus.ready();
    if (token.isCancellationRequested) return undefined;
    const source = this.corpus.corpus.get(hit.item.key);
    if (!source) return undefined;
    const best = bestPassage(text, offset, source, this.corpus.searchIndex());
    const paragraphs = locatedParagraphs(source, hit.item) ?? (best ? [best] : []);
    // A PDF or Word document: its extracted text, where the passage stands.
    const shown = sourceDocument(this.corpus, source);
    const target = await vscode.workspace.openTextDocument(shown.uri);
    if (token.isCancellationRequested) return undefined;
    const spans = (paragraphs.length ? paragraphs : source.entry ? [source.entry] : []).flatMap((p) => shown.span(p.start, p.end) ?? []);
    const ranges = spans.length ? spans.map((p) => new vscode.Range(target.positionAt(p.start), target.positionAt(p.end))) : [new vscode.Range(0, 0, 0, 0)];
    return ranges.map((range) => new vscode.Location(target.uri, range));
  }
}
