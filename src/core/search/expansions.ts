// The vocabulary words a query word may stand for: typos, continuations, words that contain
// it. Found through letter trigrams, counted with Myers' algorithm, remembered per word
// until the vocabulary changes.
import { PatternDistance, substringDistance, Vocabulary } from './vocabulary';

/** A vocabulary word a query word may stand for, and the edits that takes. */
export interface Expansion {
  term: string;
  cost: number;
}

/** The vocabulary words within some edits of a query word, fewest edits first. */
export interface WordExpansions {
  list: Expansion[];
  /** For each number of edits: how many of `list` take at most that many. */
  countUpTo: number[];
  /** For each number of edits: how many posting entries those words have (the work of reading them). */
  postingsUpTo: number[];
}

const MAX_CACHED = 5000;
/**
 * The expansions within `maxEdits` of those within more: the list is ordered by edits (then
 * length, then as found), so it is a prefix, and a word within `maxEdits` is never too short
 * for the narrower search's length filter (a shorter word needs more deletions than that).
 */
function narrowed(wider: WordExpansions, maxEdits: number): WordExpansions {
  return { list: wider.list.slice(0, wider.countUpTo[maxEdits]), countUpTo: wider.countUpTo.slice(0, maxEdits + 1), postingsUpTo: wider.postingsUpTo.slice(0, maxEdits + 1) };
}

/** Typo variants of one word that BM25 scores at most. */
const MAX_WEIGHTED = 24;

export class ExpansionFinder {
  private readonly vocabulary = new Vocabulary();
  private readonly cache = new Map<string, WordExpansions>();
  /** Per word, its expansions at the most edits asked for yet: fewer edits are a prefix of them. */
  private readonly widest = new Map<string, { maxEdits: number; expansions: WordExpansions }>();

  constructor(
    /** Whether a word is still in the index, and how many posting entries it has. */
    private readonly postingsOf: (word: string) => number | undefined,
  ) {}

  /** A word entered the index (its trigrams are indexed now, so the first query pays nothing for them). */
  add(word: string): void {
    this.vocabulary.add(word);
    if (this.cache.size) this.clear();
  }

  /** Words left the index (they stay in the trigrams, where they only widen candidates). */
  forget(): void {
    this.clear();
  }

  private clear(): void {
    this.cache.clear();
    this.widest.clear();
  }

  /** Vocabulary words within `maxEdits` edits of `word` as a substring, fewest edits first. */
  within(word: string, maxEdits: number): WordExpansions {
    const cacheKey = `${maxEdits}:${word}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    // A search asks for a word at the ranking's allowance, then at BM25's (never more): the
    // fewer edits are taken from the list already counted. Not for no edits, which skips
    // the similar words (and with them those that contain the word).
    const wider = this.widest.get(word);
    const result = wider && wider.maxEdits > maxEdits && (maxEdits > 0 || word.length < 3) ? narrowed(wider.expansions, maxEdits) : this.find(word, maxEdits);
    if (!wider || maxEdits > wider.maxEdits) this.widest.set(word, { maxEdits, expansions: result });
    if (this.cache.size >= MAX_CACHED) this.clear();
    this.cache.set(cacheKey, result);
    return result;
  }

  private find(word: string, maxEdits: number): WordExpansions {
    const list: Expansion[] = this.postingsOf(word) !== undefined ? [{ term: word, cost: 0 }] : [];
    if (word.length < 3) {
      // Trigrams cannot find a word of one or two letters inside others: look at every word.
      for (const w of this.vocabulary.wordsContaining(word, (w) => this.postingsOf(w) !== undefined)) list.push({ term: w, cost: 0 });
    } else if (maxEdits > 0) {
      const distance = word.length <= 32 ? new PatternDistance(word) : undefined;
      const similar = this.vocabulary.similarWords(word, 1, (w) => w !== word && w.length >= word.length - maxEdits);
      for (const w of similar) {
        const cost = distance ? distance.in(w) : substringDistance(word, w, maxEdits);
        // Whether the word is still in the index is asked last: most candidates fail on edits first.
        if (cost <= maxEdits && this.postingsOf(w) !== undefined) list.push({ term: w, cost });
      }
      list.sort((a, b) => a.cost - b.cost || a.term.length - b.term.length);
    }
    const countUpTo = new Array<number>(maxEdits + 1).fill(0);
    const postingsUpTo = new Array<number>(maxEdits + 1).fill(0);
    for (const e of list) {
      const n = this.postingsOf(e.term) ?? 0;
      for (let a = e.cost; a <= maxEdits; a++) {
        countUpTo[a]++;
        postingsUpTo[a] += n;
      }
    }
    return { list, countUpTo, postingsUpTo };
  }

  /** Typos and continuations of a word, weighted for BM25 (the word itself weighs 1). */
  weighted(term: string): Array<{ term: string; weight: number }> {
    const out = new Map<string, number>();
    if (this.postingsOf(term) !== undefined) out.set(term, 1);
    if (term.length >= 3 && !/^[\d.]+$/.test(term)) {
      const allowance = term.length < 6 ? 1 : 2;
      for (const { term: word, cost } of this.within(term, allowance).list) {
        if (word === term) continue;
        const isPrefix = word.startsWith(term);
        // Only words about as long as the query word are typos of it; three letters are too few to guess from.
        if (!isPrefix && (term.length < 4 || cost === 0 || Math.abs(word.length - term.length) > allowance)) continue;
        const weight = isPrefix ? 0.8 : 0.85 * (1 - cost / term.length);
        if (weight > (out.get(word) ?? 0)) out.set(word, weight);
        if (out.size >= MAX_WEIGHTED) break;
      }
    }
    return [...out].map(([t, weight]) => ({ term: t, weight }));
  }
}
