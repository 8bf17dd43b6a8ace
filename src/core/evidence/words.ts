// Content words for aligning a report sentence with source sentences: folded, lightly
// stemmed, stop words and numbers left out; names (capitalised inside a sentence) marked.
import { STOP_WORDS, tokenize } from '../search/tokenize';
import porter2Stem from 'wink-porter2-stemmer';

const EXTRA_STOP = new Set([
  'also', 'time', 'according', 'told', 'reported', 'saying', 'just', 'only', 'very', 'well', 'like', 'get', 'got', 'one', 'yes', 'yeah', 'okay', 'ok', 'um', 'uh', 'oh',
  'really', 'actually', 'going', 'know', 'think', 'mean', 'thing', 'things', 'lot', 'kind', 'sort', 'way', 'right', 'just', 'now', 'even', 'much', 'many', 'should', 'can', 'each',
]);

/** Porter2 (Snowball English) stems: "infections" and "infected" meet, as the old suffix-stripper's did not. */
export function stem(word: string): string {
  return porter2Stem(word.replace(/-/g, ''));
}

export function isContentTerm(term: string): boolean {
  return !(/^[\d.,]+$/.test(term) || STOP_WORDS.has(term) || EXTRA_STOP.has(term) || term.length < 2);
}

export interface ContentToken {
  lemma: string;
  /** Index of the word among all the words of the text (stop words counted), for distances. */
  position: number;
  start: number;
  end: number;
  /** Capitalised where a sentence does not start: a name. */
  name: boolean;
  /** Capitalised, wherever it stands (a name that opens a sentence is one too). */
  capital: boolean;
}

/**
 * The content words of `text`, each with its place, outside the given ranges (figures,
 * citations). Positions count every word, so distances between words are as written.
 */
export function contentTokens(text: string, skip: ReadonlyArray<{ start: number; end: number }> = []): ContentToken[] {
  const out: ContentToken[] = [];
  const ranges = [...skip].sort((a, b) => a.start - b.start);
  let r = 0;
  let position = -1;
  let previousEnd = 0;
  for (const t of tokenize(text)) {
    position++;
    const gap = text.slice(previousEnd, t.start);
    const sentenceStart = position === 0 || /[.!?:;"“]\s*$/.test(gap) || /\n/.test(gap);
    previousEnd = t.end;
    while (r < ranges.length && ranges[r].end <= t.start) r++;
    if (ranges.slice(r, r + 4).some((x) => t.start < x.end && t.end > x.start)) continue;
    if (!isContentTerm(t.term)) continue;
    const capital = /^\p{Lu}/u.test(text[t.start]);
    out.push({ lemma: stem(t.term), position, start: t.start, end: t.end, name: !sentenceStart && capital, capital });
  }
  return out;
}

/** Stems of the content words of `text`, outside the given ranges (figures, citations). */
export function contentStems(text: string, skip: ReadonlyArray<{ start: number; end: number }> = []): Set<string> {
  return new Set(contentTokens(text, skip).map((t) => t.lemma));
}

/** The position of the word at or after `offset`. */
export function positionAt(tokens: readonly { start: number; position: number }[], offset: number, fallback: number): number {
  for (const t of tokens) if (t.start >= offset) return t.position;
  return fallback;
}

export function sharedCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}
