// The words of the corpus, indexed by letter trigrams, so a query word finds the words it
// may stand for (typos, prefixes, words containing it) without comparing it with all of them.

/** Letter trigrams of the vocabulary (`^ab`, `abc`, `bc$`). */
export class Vocabulary {
  /** Trigram (see forEachGram) -> indexes of the words that have it. */
  private readonly byGram = new Map<number, number[]>();
  private readonly words: string[] = [];
  private readonly known = new Set<string>();
  /** Shared-trigram counts per word, zero between calls. */
  private counts = new Uint8Array(0);

  constructor(words: Iterable<string> = []) {
    for (const word of words) this.add(word);
  }

  get size(): number {
    return this.words.length;
  }

  /** Adds a word (words of removed sources stay: they only widen the candidates). */
  add(word: string): void {
    if (this.known.has(word)) return;
    this.known.add(word);
    const i = this.words.push(word) - 1;
    forEachGram(word, (g) => {
      const list = this.byGram.get(g);
      if (!list) this.byGram.set(g, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    });
  }

  /** Words sharing at least `needed` trigrams with `term`, for which `keep` holds. */
  similarWords(term: string, needed: number, keep: (word: string) => boolean): string[] {
    if (this.counts.length < this.words.length) this.counts = new Uint8Array(this.words.length * 2);
    const counts = this.counts;
    const touched: number[] = [];
    const seen = new Set<number>();
    forEachGram(term, (g) => {
      if (seen.has(g)) return;
      seen.add(g);
      for (const i of this.byGram.get(g) ?? []) {
        if (counts[i] === 0) touched.push(i);
        if (counts[i] < 255) counts[i]++;
      }
    });
    const out: string[] = [];
    for (const i of touched) {
      if (counts[i] >= needed && keep(this.words[i])) out.push(this.words[i]);
      counts[i] = 0;
    }
    return out;
  }

  /** Words that contain `fragment` (a word too short for trigrams to find them), by a scan. */
  wordsContaining(fragment: string, keep: (word: string) => boolean): string[] {
    return this.words.filter((w) => w !== fragment && w.includes(fragment) && keep(w));
  }
}

// Trigrams as small integers: each character gets a number below 1023 in order of first
// sight (later ones share 1022, which only widens candidates), 1023 marks the word's edges.
const EDGE = 1023;
const charNumbers = new Map<number, number>();
function charNumber(code: number): number {
  let n = charNumbers.get(code);
  if (n === undefined) {
    n = Math.min(charNumbers.size, EDGE - 1);
    charNumbers.set(code, n);
  }
  return n;
}

/** Calls `f` with each trigram of `^word$` as a number (repeats included). */
function forEachGram(word: string, f: (gram: number) => void): void {
  let a = EDGE;
  let b = word.length > 0 ? charNumber(word.charCodeAt(0)) : EDGE;
  for (let i = 1; i <= word.length; i++) {
    const c = i < word.length ? charNumber(word.charCodeAt(i)) : EDGE;
    f((a * 1024 + b) * 1024 + c);
    a = b;
    b = c;
  }
}

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/**
 * The fewest edits (insertions, deletions, substitutions) that turn `pattern` into some
 * substring of `text` — how fuzzy search scores a pattern inside a longer text; `max + 1`
 * when it takes more than `max`.
 */
export function substringDistance(pattern: string, text: string, max: number): number {
  const m = pattern.length;
  if (m === 0) return 0;
  if (rowA.length <= m) {
    rowA = new Int32Array(m * 2 + 2);
    rowB = new Int32Array(m * 2 + 2);
  }
  let prev = rowA;
  let cur = rowB;
  for (let i = 0; i <= m; i++) prev[i] = i;
  let best = m;
  for (let j = 0; j < text.length; j++) {
    const c = text.charCodeAt(j);
    cur[0] = 0;
    for (let i = 1; i <= m; i++) {
      const substitute = prev[i - 1] + (pattern.charCodeAt(i - 1) === c ? 0 : 1);
      cur[i] = Math.min(substitute, prev[i] + 1, cur[i - 1] + 1);
    }
    if (cur[m] < best) best = cur[m];
    if (best === 0) return 0;
    const swap = prev;
    prev = cur;
    cur = swap;
  }
  return best <= max ? best : max + 1;
}

/**
 * `substringDistance` for one pattern of at most 32 characters against many texts, ignoring
 * case, with Myers' bit-parallel algorithm: a few operations per character of text instead
 * of one per character pair. It counts the edits fuse.js's Bitap matcher counts.
 */
export class PatternDistance {
  private readonly ascii = new Int32Array(128);
  private readonly other = new Map<number, number>();
  private readonly last: number;

  constructor(readonly pattern: string) {
    if (pattern.length === 0 || pattern.length > 32) throw new Error('PatternDistance takes 1 to 32 characters');
    // Case-insensitive as fuse.js is (it lower-cases both sides): a character matches in either case.
    for (let i = 0; i < pattern.length; i++) {
      const lower = pattern[i].toLowerCase();
      for (const form of new Set([lower, lower.toUpperCase()])) {
        if (form.length !== 1) continue;
        const c = form.charCodeAt(0);
        if (c < 128) this.ascii[c] |= 1 << i;
        else this.other.set(c, (this.other.get(c) ?? 0) | (1 << i));
      }
    }
    this.last = 1 << (pattern.length - 1);
  }

  /** The fewest edits turning the pattern into some substring of `text`. */
  in(text: string): number {
    const m = this.pattern.length;
    const mask = m === 32 ? -1 : (1 << m) - 1;
    let pv = mask;
    let mv = 0;
    let score = m;
    let best = m;
    for (let j = 0; j < text.length; j++) {
      const c = text.charCodeAt(j);
      const eq = c < 128 ? this.ascii[c] : (this.other.get(c) ?? 0);
      const xv = eq | mv;
      const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      if (ph & this.last) score++;
      else if (mh & this.last) score--;
      // The text's start is free: no carry into the first row.
      ph = (ph << 1) & mask;
      mh = (mh << 1) & mask;
      pv = (mh | ~(xv | ph)) & mask;
      mv = ph & xv;
      if (score < best) {
        best = score;
        if (best === 0) return 0;
      }
    }
    return best;
  }
}
