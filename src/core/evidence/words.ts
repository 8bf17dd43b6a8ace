// Content words for aligning a report sentence with source sentences: folded, lightly
// stemmed, stop words and numbers left out; names (capitalised inside a sentence) marked.
import { STOP_WORDS, tokenize, type Token } from '../search/tokenize';
import porter2Stem from 'wink-porter2-stemmer';

const EXTRA_STOP = new Set([
  'also', 'time', 'according', 'told', 'reported', 'saying', 'just', 'only', 'very', 'well', 'like', 'get', 'got', 'one', 'yes', 'yeah', 'okay', 'ok', 'um', 'uh', 'oh',
  'really', 'actually', 'going', 'know', 'think', 'mean', 'thing', 'things', 'lot', 'kind', 'sort', 'way', 'right', 'just', 'now', 'even', 'much', 'many', 'should', 'can', 'each',
]);

/** Porter2 (Snowball English) stems: "infections" and "infected" meet, as the old suffix-stripper's did not. */
const stems = new Map<string, string>();

export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    // Remembered: the same words come back in every sentence of every source.
    if (stems.size >= 100_000) stems.clear();
    stems.set(word, (s = porter2Stem(word.replace(/-/g, ''))));
  }
  return s;
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
export function contentTokens(text: string, skip: ReadonlyArray<{ start: number; end: number }> = [], words: readonly Token[] = tokenize(text)): ContentToken[] {
  const out: ContentToken[] = [];
  const ranges = skip.length > 1 ? [...skip].sort((a, b) => a.start - b.start) : skip;
  let r = 0;
  let position = -1;
  let previousEnd = 0;
  for (const t of words) {
    position++;
    const sentenceStart = position === 0 || opensSentence(text, previousEnd, t.start);
    previousEnd = t.end;
    while (r < ranges.length && ranges[r].end <= t.start) r++;
    if (overlapsAny(ranges, r, t.start, t.end)) continue;
    if (!isContentTerm(t.term)) continue;
    const capital = /^\p{Lu}/u.test(text[t.start]);
    out.push({ lemma: stem(t.term), position, start: t.start, end: t.end, name: !sentenceStart && capital, capital });
  }
  return out;
}

/** Whether the gap [from, to) between two words ends a sentence, a clause opened by a colon, or a line. */
function opensSentence(text: string, from: number, to: number): boolean {
  for (let i = to - 1; i >= from; i--) {
    const c = text[i];
    if (c === '\n') return true;
    if (c === ' ' || c === '\t' || c === '\r') continue;
    return '.!?:;"“'.includes(c);
  }
  return false;
}

/** Whether [start, end) overlaps one of the next few ranges from `r` (ranges sorted, non-overlapping). */
function overlapsAny(ranges: ReadonlyArray<{ start: number; end: number }>, r: number, start: number, end: number): boolean {
  for (let i = r; i < ranges.length && i < r + 4; i++) if (start < ranges[i].end && end > ranges[i].start) return true;
  return false;
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
