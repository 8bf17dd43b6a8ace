// Splits a report into claims: sentences (never split inside a quotation, and with a
// citation that follows the full stop joined to its sentence), each with the citations,
// quotations and figures in it. Code, comments and front matter are not prose.
import { parseCitations, type CitationItem } from '../citations';
import { codeRanges, type Range } from '../code-ranges';
import { splitSentences } from '../corpus/segment';
import { scanText } from '../figures/extract';
import type { Figure } from '../figures/figure';
import type { Label } from '../figures/scan';
import { firstEndingAfter } from '../positions';
import { quotationsIn, type Quotation } from '../quotes';

export interface Claim {
  text: string;
  start: number;
  end: number;
  /** The claim's own citations. */
  items: CitationItem[];
  /**
   * The citations that cover the claim: its own, or else those of the next cited sentence of
   * its paragraph (writers cite once, at the end of a paragraph).
   */
  scope: CitationItem[];
  /** Offsets absolute in the report. */
  quotes: Quotation[];
  /** Figures outside quotations (a quotation is checked as wording). */
  figures: Figure[];
  /** Figures inside quotations, checked when the quotation is not the source's. */
  quotedFigures: Figure[];
  /** Numbers inside names ("Xbox 2", "3D"), compared as written. */
  labels: Label[];
  /** Ranges (absolute) of citations inside the claim. */
  citationRanges: Range[];
}

/** Prose blocks: text between blank lines, with code blocks and comments cut out. */
function proseBlocks(report: string, code: readonly Range[]): Range[] {
  const blocks: Range[] = [];
  const re = /\r?\n[ \t]*\r?\n/g;
  let start = 0;
  const push = (s: number, e: number) => {
    // Cut code ranges out of the block.
    let at = s;
    for (const c of code) {
      if (c.end <= at || c.start >= e) continue;
      if (c.start > at) blocks.push({ start: at, end: c.start });
      at = Math.max(at, c.end);
    }
    if (at < e) blocks.push({ start: at, end: e });
  };
  for (let m = re.exec(report); m; m = re.exec(report)) {
    push(start, m.index);
    start = m.index + m[0].length;
  }
  push(start, report.length);
  return blocks.filter((b) => report.slice(b.start, b.end).trim() !== '');
}

/** The claims of a report, block by block as they are asked for, so a long report is split in steps. */
export function* splitClaims(report: string): Generator<Claim, void> {
  const code = codeRanges(report);
  for (const block of proseBlocks(report, code)) {
    const text = report.slice(block.start, block.end);
    const citations = parseCitations(text);
    const quotes = quotationsIn(text);
    const sentences = splitSentences(text);
    // Merge sentences split inside a quotation, and citation-only tails.
    const merged: Array<{ start: number; end: number }> = [];
    for (const s of sentences) {
      const prev = merged[merged.length - 1];
      const insideQuote = prev && overlapping(quotes, prev.end - 1, s.start).some((q) => q.start < s.start);
      const rest = stripCitations(text.slice(s.start, s.end), s.start, overlapping(citations, s.start, s.end));
      if (prev && (insideQuote || !/\p{L}{2}/u.test(rest))) prev.end = s.end;
      else merged.push({ start: s.start, end: s.end });
    }
    const claims: Claim[] = [];
    for (const s of merged) {
      const inClaim = overlapping(citations, s.start, s.end).filter((c) => c.start >= s.start);
      const citationRanges = inClaim.map((c) => ({ start: c.start + block.start, end: c.end + block.start }));
      const claimQuotes = overlapping(quotes, s.start, s.end).map((q) => ({ ...q, start: q.start + block.start, end: q.end + block.start }));
      const claimText = text.slice(s.start, s.end);
      const scan = scanText(claimText);
      const at = s.start + block.start;
      const shifted = scan.figures
        .map((f) => ({ ...f, start: f.start + at, end: f.end + at, countedEnd: f.countedEnd + at }))
        .filter((f) => overlapping(citationRanges, f.start, f.end).length === 0);
      const quoted = (f: { start: number; end: number }) => claimQuotes.some((q) => f.start >= q.start && f.end <= q.end);
      const items = inClaim.flatMap((c) => c.items.map((i) => shiftItem(i, block.start)));
      claims.push({
        text: claimText,
        start: at,
        end: s.end + block.start,
        items,
        scope: items,
        quotes: claimQuotes,
        figures: shifted.filter((f) => !quoted(f)),
        quotedFigures: shifted.filter(quoted),
        labels: scan.labels.map((l) => ({ ...l, start: l.start + at, end: l.end + at })).filter((l) => overlapping(citationRanges, l.start, l.end).length === 0),
        citationRanges,
      });
    }
    // A citation covers the uncited sentences before it in its paragraph, not across list items or headings.
    for (let i = claims.length - 2; i >= 0; i--) {
      const between = report.slice(claims[i].end, claims[i + 1].start + 4);
      if (claims[i].items.length === 0 && !/\n[ \t]*(?:[-*+]|\d{1,3}[.)]|#{1,6})\s/.test(between)) claims[i].scope = claims[i + 1].scope;
    }
    yield* claims;
  }
}

/**
 * The ranges of a sorted, non-overlapping list that overlap [start, end): a binary search
 * and a short walk, so long reports with thousands of citations stay linear.
 */
function overlapping<R extends Range>(ranges: readonly R[], start: number, end: number): R[] {
  const out: R[] = [];
  for (let i = firstEndingAfter(ranges, start); i < ranges.length && ranges[i].start < end; i++) out.push(ranges[i]);
  return out;
}

/** The sentence with its citations blanked out (same length), built in one pass. */
function stripCitations(sentence: string, offset: number, citations: ReadonlyArray<{ start: number; end: number }>): string {
  const parts: string[] = [];
  let at = 0;
  for (const c of citations) {
    const s = Math.max(at, c.start - offset);
    const e = Math.min(sentence.length, c.end - offset);
    if (e <= s) continue;
    parts.push(sentence.slice(at, s), ' '.repeat(e - s));
    at = e;
  }
  parts.push(sentence.slice(at));
  return parts.join('');
}

function shiftItem(i: CitationItem, by: number): CitationItem {
  return {
    ...i,
    start: i.start + by,
    end: i.end + by,
    keyStart: i.keyStart + by,
    keyEnd: i.keyEnd + by,
    locator: i.locator && { ...i.locator, start: i.locator.start + by, end: i.locator.end + by },
  };
}
