import Fuse from 'fuse.js';
import type { Source } from '../model';
import { STOP_WORDS, tokenize } from './tokenize';

/** A paragraph of a source, as search returns it. */
export interface PassageRef {
  key: string;
  title: string;
  paragraph: number;
  text: string;
}

export interface SearchHit {
  passage: PassageRef;
  score: number;
  /** Ranges in `passage.text` of the words that matched (for highlighting). */
  matches: Array<{ start: number; end: number }>;
}

export interface SearchOptions {
  limit?: number;
  /** Only passages of these sources. */
  keys?: ReadonlySet<string>;
  /** Match query words with typos (default true); ranking by a whole sentence needs only exact and prefix matches. */
  fuzzy?: boolean;
  /** Compute `matches` for highlighting (default true); ranking alone does not need them. */
  highlights?: boolean;
}

/** Narrow interface the features depend on, so another engine (e.g. a server) can stand in. */
export interface PassageSearch {
  search(query: string, options?: SearchOptions): SearchHit[];
  readonly passageCount: number;
}

interface Doc {
  passage: PassageRef;
  length: number;
}

/** A plain-data copy of an index, for a cache on disk (JSON) or a transfer between threads. */
export interface SearchSnapshot {
  version: 2;
  /** Removed passages leave a null, so ids stay stable. */
  docs: Array<Doc | null>;
  postings: Array<[string, number[], number[]]>;
  titlePostings: Array<[string, string[]]>;
  sourceDocs: Array<[string, number[]]>;
  totalLength: number;
}

// BM25 parameters, the usual defaults.
const K1 = 1.2;
const B = 0.75;
const TITLE_WEIGHT = 0.35;
const FUZZY_THRESHOLD = 0.34;
const RERANK_CANDIDATES = 100;
const RERANK_MAX_QUERY = 64;

/**
 * Fuzzy full-text search: each query word is matched against the corpus vocabulary with
 * fuse.js (typos, prefixes), and the words found are looked up in an inverted index and
 * scored with BM25. Fuse only ever sees the vocabulary, never every passage, so a query
 * costs about the same whether the corpus has a thousand passages or fifty thousand.
 * Sources are added and removed one at a time, so a changed file re-indexes alone.
 */
export class SearchIndex implements PassageSearch {
  private readonly docs: Array<Doc | null> = [];
  private readonly postings = new Map<string, Map<number, number>>();
  /** Title words -> keys of the sources whose title has them. */
  private readonly titlePostings = new Map<string, Set<string>>();
  private readonly sourceDocs = new Map<string, number[]>();
  private readonly titles = new Map<string, string>();
  private totalLength = 0;
  private liveDocs = 0;
  private trigramIndex: TrigramIndex | undefined;
  private readonly expansions = new Map<string, Array<{ term: string; weight: number }>>();

  constructor(sources: readonly Source[]) {
    for (const source of sources) this.addSource(source);
  }

  /** Indexes a source (replacing what was indexed under its key). */
  addSource(source: Source): void {
    const key = source.meta.key;
    if (this.sourceDocs.has(key)) this.removeSource(key);
    const docIds: number[] = [];
    for (const p of source.paragraphs) {
      const id = this.docs.length;
      const tokens = tokenize(p.text);
      this.docs.push({ passage: { key, title: source.meta.title, paragraph: p.index, text: p.text }, length: tokens.length });
      this.totalLength += tokens.length;
      this.liveDocs++;
      docIds.push(id);
      for (const t of tokens) this.post(t.term, id);
    }
    this.sourceDocs.set(key, docIds);
    this.titles.set(key, source.meta.title);
    for (const t of tokenize(source.meta.title)) {
      let set = this.titlePostings.get(t.term);
      if (!set) {
        this.titlePostings.set(t.term, (set = new Set()));
        this.trigramIndex?.add(t.term);
      }
      set.add(key);
    }
    this.expansions.clear();
  }

  /** Drops a source's passages and title words from the index. */
  removeSource(key: string): void {
    for (const id of this.sourceDocs.get(key) ?? []) {
      const doc = this.docs[id];
      if (!doc) continue;
      for (const t of tokenize(doc.passage.text)) {
        const list = this.postings.get(t.term);
        list?.delete(id);
        if (list?.size === 0) this.postings.delete(t.term);
      }
      this.totalLength -= doc.length;
      this.liveDocs--;
      this.docs[id] = null;
    }
    this.sourceDocs.delete(key);
    for (const t of tokenize(this.titles.get(key) ?? '')) {
      const set = this.titlePostings.get(t.term);
      set?.delete(key);
      if (set?.size === 0) this.titlePostings.delete(t.term);
    }
    this.titles.delete(key);
    this.expansions.clear();
  }

  private post(term: string, id: number): void {
    let list = this.postings.get(term);
    if (!list) {
      this.postings.set(term, (list = new Map()));
      this.trigramIndex?.add(term);
    }
    list.set(id, (list.get(id) ?? 0) + 1);
  }

  toSnapshot(): SearchSnapshot {
    return {
      version: 2,
      docs: this.docs,
      postings: [...this.postings].map(([term, list]) => [term, [...list.keys()], [...list.values()]]),
      titlePostings: [...this.titlePostings].map(([term, set]) => [term, [...set]]),
      sourceDocs: [...this.sourceDocs],
      totalLength: this.totalLength,
    };
  }

  static fromSnapshot(snapshot: SearchSnapshot): SearchIndex {
    const index = new SearchIndex([]);
    for (const doc of snapshot.docs) {
      index.docs.push(doc);
      if (doc) index.liveDocs++;
    }
    for (const [term, docs, tfs] of snapshot.postings) index.postings.set(term, new Map(docs.map((d, i) => [d, tfs[i]])));
    for (const [term, keys] of snapshot.titlePostings) index.titlePostings.set(term, new Set(keys));
    for (const [key, docs] of snapshot.sourceDocs) {
      index.sourceDocs.set(key, docs);
      const first = docs.map((d) => index.docs[d]).find(Boolean);
      if (first) index.titles.set(key, first.passage.title);
    }
    index.totalLength = snapshot.totalLength;
    return index;
  }

  get passageCount(): number {
    return this.liveDocs;
  }

  /** True when removed passages outnumber live ones: time to build afresh. */
  get wasteful(): boolean {
    return this.docs.length - this.liveDocs > Math.max(1000, this.liveDocs);
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? 50;
    let terms = [...new Set(tokenize(query).map((t) => t.term))];
    const content = terms.filter((t) => !STOP_WORDS.has(t));
    if (content.length > 0) terms = content;
    if (terms.length === 0) return [];

    const scores = new Map<number, number>();
    const matched = new Map<number, Set<string>>();
    const avgLength = this.totalLength / Math.max(1, this.liveDocs);
    for (const term of terms) {
      // Best contribution of this query word to each document, over its expansions.
      const best = new Map<number, { score: number; term: string }>();
      for (const { term: variant, weight } of this.expand(term, options.fuzzy ?? true)) {
        const list = this.postings.get(variant);
        const df = list?.size ?? 0;
        const idf = Math.log(1 + (this.liveDocs - df + 0.5) / (df + 0.5));
        if (list) {
          for (const [doc, tf] of list) {
            const norm = (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * this.docs[doc]!.length) / avgLength));
            const s = weight * idf * norm;
            if (s > (best.get(doc)?.score ?? 0)) best.set(doc, { score: s, term: variant });
          }
        }
        const titleBonus = TITLE_WEIGHT * weight * idf;
        for (const key of this.titlePostings.get(variant) ?? []) {
          for (const doc of this.sourceDocs.get(key) ?? []) {
            const prev = best.get(doc);
            best.set(doc, { score: (prev?.score ?? 0) + titleBonus, term: prev?.term ?? '' });
          }
        }
      }
      for (const [doc, { score, term: variant }] of best) {
        scores.set(doc, (scores.get(doc) ?? 0) + score);
        if (variant) {
          let set = matched.get(doc);
          if (!set) matched.set(doc, (set = new Set()));
          set.add(variant);
        }
      }
    }

    let ranked = [...scores]
      .filter(([doc]) => !options.keys || options.keys.has(this.docs[doc]!.passage.key))
      .map(([doc, score]) => {
        // Passages that match more of the query's words come first.
        const coverage = (matched.get(doc)?.size ?? 0) / terms.length;
        return [doc, score * (0.5 + coverage)] as const;
      })
      .sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    if (options.fuzzy !== false && query.length <= RERANK_MAX_QUERY) ranked = this.rerank(query, ranked.slice(0, RERANK_CANDIDATES)).concat(ranked.slice(RERANK_CANDIDATES));
    ranked = ranked.slice(0, limit);
    return ranked.map(([doc, score]) => {
      const words = matched.get(doc) ?? new Set<string>();
      const passage = this.docs[doc]!.passage;
      const matches =
        options.highlights === false
          ? []
          : tokenize(passage.text)
              .filter((t) => words.has(t.term))
              .map((t) => ({ start: t.start, end: t.end }));
      return { passage, score, matches };
    });
  }

  /**
   * Orders the best candidates as fuse.js orders whole passages (the matcher writers know
   * from plain fuzzy search), after the index has found them; candidates fuse.js rejects
   * keep their place after the ones it accepts.
   */
  private rerank(query: string, candidates: ReadonlyArray<readonly [number, number]>): Array<readonly [number, number]> {
    if (candidates.length < 2) return [...candidates];
    const fuse = new Fuse(
      candidates.map(([doc]) => ({ doc, text: this.docs[doc]!.passage.text, title: this.docs[doc]!.passage.title })),
      { keys: ['text', 'title'], ignoreLocation: true, threshold: 0.4, includeScore: true },
    );
    const accepted = fuse.search(query);
    const seen = new Set(accepted.map((r) => r.item.doc));
    const score = new Map(candidates);
    return [...accepted.map((r) => [r.item.doc, score.get(r.item.doc)!] as const), ...candidates.filter(([doc]) => !seen.has(doc))];
  }

  /** Vocabulary words a query word may stand for, with a weight in (0, 1]. */
  private expand(term: string, fuzzy: boolean): Array<{ term: string; weight: number }> {
    const key = `${fuzzy ? 'f' : 'x'}:${term}`;
    const cached = this.expansions.get(key);
    if (cached) return cached;
    const out = new Map<string, number>();
    if (this.postings.has(term) || this.titlePostings.has(term)) out.set(term, 1);
    if (fuzzy && term.length >= 3 && !/^[\d.]+$/.test(term)) {
      // Fuse compares the query word only with words that share letter trigrams with it,
      // a few hundred at most, not the whole vocabulary.
      const candidates = this.trigrams().similarWords(term);
      const fuse = new Fuse(candidates, { includeScore: true, threshold: FUZZY_THRESHOLD, ignoreLocation: true, isCaseSensitive: true, shouldSort: true });
      for (const r of fuse.search(term, { limit: 24 })) {
        const word = r.item;
        if (word === term) continue;
        const isPrefix = word.startsWith(term);
        // Fuse matches substrings; only words of about the query word's length are typos of it,
        // and a word of three letters is too short to guess a typo from.
        if (!isPrefix && (term.length < 4 || Math.abs(word.length - term.length) > (term.length < 6 ? 1 : 2))) continue;
        const weight = isPrefix ? 0.8 : 0.85 * (1 - (r.score ?? 1));
        if (weight > (out.get(word) ?? 0)) out.set(word, weight);
      }
    }
    const result = [...out].map(([t, weight]) => ({ term: t, weight }));
    if (this.expansions.size > 5000) this.expansions.clear();
    this.expansions.set(key, result);
    return result;
  }

  private trigrams(): TrigramIndex {
    this.trigramIndex ??= new TrigramIndex([...new Set([...this.postings.keys(), ...this.titlePostings.keys()])]);
    return this.trigramIndex;
  }
}

/** Letter trigrams of the vocabulary (`^ab`, `abc`, `bc$`), to find words like a misspelt one. */
class TrigramIndex {
  private readonly byGram = new Map<string, number[]>();
  private readonly words: string[] = [];
  private readonly known = new Set<string>();

  constructor(words: readonly string[]) {
    for (const word of words) this.add(word);
  }

  /** Adds a word (words of removed sources stay: they only widen the candidates Fuse sees). */
  add(word: string): void {
    if (this.known.has(word)) return;
    this.known.add(word);
    const i = this.words.push(word) - 1;
    for (const g of grams(word)) {
      let list = this.byGram.get(g);
      if (!list) this.byGram.set(g, (list = []));
      list.push(i);
    }
  }

  /** Words sharing enough trigrams with `term` to be a typo or a continuation of it. */
  similarWords(term: string): string[] {
    const own = grams(term);
    const counts = new Map<number, number>();
    for (const g of own) for (const i of this.byGram.get(g) ?? []) counts.set(i, (counts.get(i) ?? 0) + 1);
    // One typo breaks at most three trigrams; a prefix keeps all but the last.
    const needed = Math.max(1, own.length - 4);
    const out: string[] = [];
    for (const [i, n] of counts) {
      const w = this.words[i];
      if (n >= needed && (Math.abs(w.length - term.length) <= 2 || w.startsWith(term))) out.push(w);
    }
    return out;
  }
}

function grams(word: string): string[] {
  const padded = `^${word}$`;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return [...out];
}
