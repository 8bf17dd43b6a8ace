// Splits a report into claims: sentences (never split inside a quotation, and with a
// citation that follows the full stop joined to its sentence), each with the citations,
// quotations and figures in it. Code, comments and front matter are not prose.
import { parseCitations, type CitationItem } from '../citations';
import { codeRanges, type Range } from '../code-ranges';
import { splitSentences } from '../corpus/segment';
import { extractFigures } from '../figures/extract';
import type { Figure } from '../figures/figure';
import { quotationsIn, type Quotation } from '../quotes';

export interface Claim {
  text: string;
  start: number;
  end: number;
  items: CitationItem[];
  /** Offsets absolute in the report. */
  quotes: Quotation[];
  figures: Figure[];
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

export function splitClaims(report: string): Claim[] {
  const code = codeRanges(report);
  const claims: Claim[] = [];
  for (const block of proseBlocks(report, code)) {
    const text = report.slice(block.start, block.end);
    const citations = parseCitations(text);
    const quotes = quotationsIn(text);
    const sentences = splitSentences(text);
    // Merge sentences split inside a quotation, and citation-only tails.
    const merged: Array<{ start: number; end: number }> = [];
    for (const s of sentences) {
      const prev = merged[merged.length - 1];
      const insideQuote = prev && quotes.some((q) => q.start < s.start && q.end > prev.end - 1);
      const rest = stripCitations(text.slice(s.start, s.end), s.start, citations);
      if (prev && (insideQuote || !/\p{L}{2}/u.test(rest))) prev.end = s.end;
      else merged.push({ start: s.start, end: s.end });
    }
    for (const s of merged) {
      const inClaim = citations.filter((c) => c.start >= s.start && c.start < s.end);
      const citationRanges = inClaim.map((c) => ({ start: c.start + block.start, end: c.end + block.start }));
      const claimQuotes = quotes.filter((q) => q.end > s.start && q.start < s.end).map((q) => ({ ...q, start: q.start + block.start, end: q.end + block.start }));
      const claimText = text.slice(s.start, s.end);
      const figures = extractFigures(claimText)
        .map((f) => ({ ...f, start: f.start + s.start + block.start, end: f.end + s.start + block.start, countedEnd: f.countedEnd + s.start + block.start }))
        .filter((f) => !citationRanges.some((r) => f.start < r.end && f.end > r.start))
        .filter((f) => !claimQuotes.some((q) => f.start >= q.start && f.end <= q.end));
      claims.push({
        text: claimText,
        start: s.start + block.start,
        end: s.end + block.start,
        items: inClaim.flatMap((c) => c.items.map((i) => shiftItem(i, block.start))),
        quotes: claimQuotes,
        figures,
        citationRanges,
      });
    }
  }
  return claims;
}

function stripCitations(sentence: string, offset: number, citations: ReadonlyArray<{ start: number; end: number }>): string {
  let out = sentence;
  for (const c of citations) {
    if (c.end <= offset || c.start >= offset + sentence.length) continue;
    const s = Math.max(0, c.start - offset);
    const e = Math.min(sentence.length, c.end - offset);
    out = out.slice(0, s) + ' '.repeat(e - s) + out.slice(e);
  }
  return out;
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
