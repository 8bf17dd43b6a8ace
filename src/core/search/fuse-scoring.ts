// Fuse.js's scoring, for passages matched on their text and their source's title with equal
// weight ("plain" fuzzy search: threshold 0.4, location ignored). fuse.js itself measures
// how well the query matches a string (its Bitap score); this module combines those scores
// as `new Fuse(passages, { keys: ['text', 'title'] })` would, so the index can rank exactly
// like plain fuzzy search while running fuse.js on a few candidates instead of every passage.
import Fuse from 'fuse.js';
import type { PatternDistance } from './vocabulary';

export const FUSE_THRESHOLD = 0.4;
/** fuse.js's Bitap matcher takes patterns of at most 32 characters at a time. */
export const FUSE_MAX_PATTERN = 32;
/** Two keys of equal weight: fuse.js normalises each to 1/2. */
const KEY_WEIGHT = 0.5;
/** What fuse.js scores an exact substring match (it never reports less but for equality). */
export const EXACT_SCORE = 0.001;

const normByWords = new Map<number, number>();

/** fuse.js's field-length norm: 1/sqrt(words), to three decimals (src/tools/fieldNorm). */
export function fieldNorm(words: number): number {
  let n = normByWords.get(words);
  if (n === undefined) {
    n = Math.round(1000 / Math.pow(Math.max(1, words), 0.5)) / 1000;
    normByWords.set(words, n);
  }
  return n;
}

/** Words as fuse.js counts them: runs of characters other than white space. */
export function fuseWordCount(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const separator = (c >= 9 && c <= 13) || c === 32 || c === 160;
    if (!separator && !inWord) words++;
    inWord = !separator;
  }
  return words;
}

/** One key's factor in fuse.js's score (src/core/computeScore): 1 when the key did not match. */
export function keyFactor(score: number | undefined, words: number): number {
  if (score === undefined) return 1;
  return Math.pow(score === 0 ? Number.EPSILON : score, KEY_WEIGHT * fieldNorm(words));
}

/** The largest number of errors fuse.js accepts in a pattern of this length. */
export function maxErrors(patternLength: number): number {
  let e = 0;
  while ((e + 1) / patternLength <= FUSE_THRESHOLD) e++;
  return e;
}

/**
 * fuse.js's Bitap score of `query` in each text (0 = equal, 0.001 = contains it, up to the
 * threshold), or undefined where it does not match.
 */
export function bitapScores(query: string, texts: readonly string[]): Array<number | undefined> {
  const out: Array<number | undefined> = new Array<number | undefined>(texts.length).fill(undefined);
  if (texts.length === 0) return out;
  const fuse = new Fuse(
    texts.map((t) => ({ t })),
    { keys: ['t'], includeScore: true, ignoreFieldNorm: true, ignoreLocation: true, threshold: FUSE_THRESHOLD, shouldSort: false },
  );
  // One key of weight 1 and no norm: fuse.js reports the Bitap score itself (EPSILON for 0).
  for (const r of fuse.search(query)) out[r.refIndex] = r.score === Number.EPSILON ? 0 : r.score;
  return out;
}

/**
 * bitapScores of the query that `distance` counts (its lower-cased form), counted with Myers'
 * algorithm wherever that is fuse.js's own count: an ASCII pattern, and a text that is not
 * blank and whose lower-casing keeps every character in its place and turns none into ASCII
 * (fuse.js lower-cases the text; the count matches either case of each pattern character).
 * fuse.js's Bitap, a few times slower on long patterns, scores the rest.
 */
export function countedBitapScores(query: string, distance: PatternDistance, texts: readonly string[]): Array<number | undefined> {
  const pattern = distance.pattern;
  if (/[^\0-\x7f]/.test(pattern)) return bitapScores(query, texts);
  const allowed = maxErrors(pattern.length);
  const out: Array<number | undefined> = [];
  const left: number[] = [];
  texts.forEach((text, i) => {
    if (!foldsInPlace(text)) {
      left.push(i);
      out.push(undefined);
    } else if (text.length === pattern.length && text.toLowerCase() === pattern) out.push(0);
    else {
      const edits = distance.in(text);
      out.push(edits > allowed ? undefined : Math.max(EXACT_SCORE, edits / pattern.length));
    }
  });
  if (left.length) bitapScores(query, left.map((i) => texts[i])).forEach((score, j) => (out[left[j]] = score));
  return out;
}

/** Whether fuse.js's lower-casing of `text` leaves Myers' case-insensitive count unchanged (see countedBitapScores). */
function foldsInPlace(text: string): boolean {
  const lower = text.toLowerCase();
  if (!text.trim() || lower.length !== text.length) return false;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 128 && lower.charCodeAt(i) < 128) return false;
  return true;
}
