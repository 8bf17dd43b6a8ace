import { parseCitations, type Citation, type CitationItem } from '../core/citations';
import { paragraphAt } from '../core/report';

export interface CitationHit {
  citation: Citation;
  /** The item under the offset (for a group citation, the one whose text holds it). */
  item: CitationItem;
}

/**
 * The citation at an offset of a report, with offsets made absolute. Only the paragraph
 * around the offset is parsed, so hovering in a long report stays cheap.
 */
export function citationAtOffset(text: string, offset: number): CitationHit | undefined {
  const paragraph = paragraphAt(text, offset);
  const shift = <T extends { start: number; end: number }>(x: T): T => ({ ...x, start: x.start + paragraph.start, end: x.end + paragraph.start });
  for (const c of parseCitations(paragraph.text)) {
    const citation: Citation = {
      ...shift(c),
      items: c.items.map((i) => ({ ...shift(i), keyStart: i.keyStart + paragraph.start, keyEnd: i.keyEnd + paragraph.start, locator: i.locator && shift(i.locator) })),
    };
    if (offset < citation.start || offset > citation.end) continue;
    const item = citation.items.find((i) => offset >= i.start && offset <= i.end) ?? citation.items[0];
    return { citation, item };
  }
  return undefined;
}
