// The passage of a source that backs what a citation covers, at a place in the report: where a
// quotation of it occurs, what the figure check compared the covered sentences' figures with, else the source sentence the
// evidence engine aligns best with them. One function for the hover, the preview's highlight and
// Go to Definition, so they point where the diagnostics point.
import { splitClaims, type Claim } from '../check/claims';
import { checkCitedFigures, claimText } from '../check/figure-rules';
import type { Paragraph, Source } from '../model';
import { locateQuotation } from '../quotes';
import { paragraphAt } from '../report';
import type { PassageSearch } from '../search/search-index';
import { alignClaim } from './align';
import { sourceSupport, supportQuery } from './support';

/** The claims of the report's paragraph at `offset` that the citation there covers (the claim at `offset` first). */
function coveredClaims(report: string, offset: number): Claim[] {
  const paragraph = paragraphAt(report, offset);
  const local = offset - paragraph.start;
  const claims = [...splitClaims(paragraph.text)];
  const here = claims.find((c) => c.start <= local && local <= c.end) ?? [...claims].reverse().find((c) => c.start <= local);
  if (!here) return [];
  return [here, ...claims.filter((c) => c !== here && c.scope.length > 0 && c.scope === here.scope)];
}

/**
 * Given the search index, the last resort is the paragraph that supports the covered sentences
 * most, as the citation checks and completion measure support; without it, the evidence
 * engine's best-aligned sentence.
 */
export function bestPassage(report: string, offset: number, source: Source, search?: PassageSearch): Paragraph | undefined {
  const claims = coveredClaims(report, offset);
  // A quotation found word for word is where the source says it.
  for (const claim of claims) {
    for (const quote of claim.quotes) {
      const [found] = locateQuotation(quote.text, [source]);
      if (found) return source.paragraphs.find((p) => p.index === found.paragraph);
    }
  }
  for (const claim of claims) {
    const index = checkCitedFigures(claim, [source], new Set()).find((f) => f.source?.paragraph)?.source?.paragraph;
    if (index) return source.paragraphs.find((p) => p.index === index);
  }
  if (search) {
    const sentences = claims.map((c) => ({ text: c.text, skip: c.citationRanges.map((r) => ({ start: r.start - c.start, end: r.end - c.start })) }));
    const support = sourceSupport(supportQuery(sentences, search), [source]);
    return support && support.coverage > 0 ? support.paragraph : undefined;
  }
  let best: { paragraph: Paragraph; score: number } | undefined;
  for (const claim of claims) {
    const [top] = alignClaim(claimText(claim), [source]);
    if (top && (!best || top.score > best.score)) best = { paragraph: top.sentence.paragraph, score: top.score };
  }
  return best?.paragraph;
}
