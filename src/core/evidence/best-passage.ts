// The passage of a source that backs the report's sentence at a place: what the figure check
// compared the sentence's figures with, else the source sentence the evidence engine aligns
// best. One function for the hover, the preview's highlight and Go to Definition, so they point
// where the diagnostics point.
import { splitClaims } from '../check/claims';
import { checkCitedFigures, claimText } from '../check/figure-rules';
import type { Paragraph, Source } from '../model';
import { sentenceAt } from '../report';
import { alignClaim } from './align';

export function bestPassage(report: string, offset: number, source: Source): Paragraph | undefined {
  const sentence = sentenceAt(report, offset);
  for (const claim of splitClaims(sentence.text)) {
    const located = checkCitedFigures(claim, [source], new Set()).find((f) => f.source?.locator);
    const index = located && Number(/\d+/.exec(located.source!.locator!)?.[0]);
    if (index) return source.paragraphs.find((p) => p.index === index);
  }
  let best: { paragraph: Paragraph; score: number } | undefined;
  for (const claim of splitClaims(sentence.text)) {
    const [top] = alignClaim(claimText(claim), [source]);
    if (top && (!best || top.score > best.score)) best = { paragraph: top.sentence.paragraph, score: top.score };
  }
  return best?.paragraph;
}
