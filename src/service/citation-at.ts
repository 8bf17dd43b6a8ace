// The citation under a cursor of a report, with offsets made absolute. Only the paragraph
// around the cursor is parsed, so hovering in a long report stays cheap.
import { parseCitations, type Citation, type CitationItem } from '../core/citations';
import { paragraphAt } from '../core/report';

export interface CitationUnderCursor {
  citation: Citation;
  /** The item under the cursor (for a group citation, the one whose text holds it). */
  item: CitationItem;
}

export function citationUnderCursor(report: string, offset: number): CitationUnderCursor | undefined {
  const paragraph = paragraphAt(report, offset);
  const base = paragraph.start;
  for (const parsed of parseCitations(paragraph.text)) {
    if (offset < parsed.start + base || offset > parsed.end + base) continue;
    const items = parsed.items.map((i) => ({
      ...i,
      start: i.start + base,
      end: i.end + base,
      keyStart: i.keyStart + base,
      keyEnd: i.keyEnd + base,
      locator: i.locator && { ...i.locator, start: i.locator.start + base, end: i.locator.end + base },
    }));
    const citation: Citation = { ...parsed, start: parsed.start + base, end: parsed.end + base, items };
    return { citation, item: items.find((i) => offset >= i.start && offset <= i.end) ?? items[0] };
  }
  return undefined;
}
