// Content words for aligning a report sentence with source sentences: folded, lightly
// stemmed, stop words and numbers left out.
import { STOP_WORDS, tokenize } from '../search/tokenize';

const EXTRA_STOP = new Set(['also', 'year', 'years', 'time', 'according', 'told', 'reported', 'report', 'reports', 'saying']);

export function stem(word: string): string {
  let w = word.replace(/-/g, '');
  if (w.length > 5 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 5 && /(ing|ed)$/.test(w)) w = w.replace(/(ing|ed)$/, '');
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  return w.replace(/ce$/, 'se');
}

/** Stems of the content words of `text`, outside the given ranges (figures, citations). */
export function contentStems(text: string, skip: ReadonlyArray<{ start: number; end: number }> = []): Set<string> {
  const out = new Set<string>();
  // Tokens and skipped ranges both run left to right: one walk, not a search per token.
  const ranges = [...skip].sort((a, b) => a.start - b.start);
  let r = 0;
  for (const t of tokenize(text)) {
    while (r < ranges.length && ranges[r].end <= t.start) r++;
    if (ranges.slice(r, r + 4).some((x) => t.start < x.end && t.end > x.start)) continue;
    if (/^[\d.,]+$/.test(t.term) || STOP_WORDS.has(t.term) || EXTRA_STOP.has(t.term) || t.term.length < 2) continue;
    out.add(stem(t.term));
  }
  return out;
}

export function sharedCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}
