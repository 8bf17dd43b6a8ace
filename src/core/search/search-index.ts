import type { Source } from '../model';
import { rankBm25, type QueryWord } from './bm25';
import { rerankLikeFuse } from './bm25-rerank';
import { DocTable } from './doc-table';
import { ExpansionFinder } from './expansions';
import { fuseWordCount } from './fuse-scoring';
import { rankLikeFuse, type RankingIndex } from './fuse-ranking';
import { encodeIndex, IndexReader, type IndexData } from './index-snapshot';
import { PostingList } from './postings';
import { Scratch } from './scratch';
import { STOP_WORDS, termsOf, tokenize } from './tokenize';
import { runSteps } from '../steps';

/** A paragraph of a source, as search returns it. */
export interface PassageRef {
  key: string;
  title: string;
  paragraph: number;
  text: string;
}

export interface SearchHit {
  passage: PassageRef;
  /** Higher is better. */
  score: number;
  /** Ranges in `passage.text` of the words that matched (for highlighting). */
  matches: Array<{ start: number; end: number }>;
}

export interface SearchOptions {
  limit?: number;
  /** Only passages of these sources. */
  keys?: ReadonlySet<string>;
  /**
   * Fuzzy search as a writer types it (default true): passages ranked as plain fuse.js ranks
   * them, then passages that have the query's words in another order. False ranks passages
   * by a whole sentence's words (BM25), for completion and checks.
   */
  fuzzy?: boolean;
  /** Compute `matches` for highlighting (default true); ranking alone does not need them. */
  highlights?: boolean;
}

/** Narrow interface the features depend on, so another engine (e.g. a server) can stand in. */
export interface PassageSearch {
  search(query: string, options?: SearchOptions): SearchHit[];
  readonly passageCount: number;
  /** How many passages have the (folded) word: how common it is in the corpus. */
  passageFrequency?(term: string): number;
}

/**
 * Full-text search over the passages of the corpus: an inverted index in typed arrays,
 * ranked either as plain fuse.js would rank every passage (short queries as typed) or by
 * BM25 (sentences). fuse.js never sees more than a few candidates, so a query costs about
 * the same at a thousand passages or fifty thousand. Sources are added and removed one at
 * a time, so a changed file re-indexes alone.
 */
/** The text of a source's paragraph, as the corpus that adopts an index holds it. */
export type PassageTexts = (key: string, paragraph: number) => string | undefined;

/** Items an index reads from its binary form between pauses (see SearchIndex.load). */
const STEP = 64;

export class SearchIndex implements PassageSearch {
  private readonly table = new DocTable();
  private readonly postingsByTerm = new Map<string, PostingList>();
  /** Title words -> numbers of the sources whose title has them. */
  private readonly titlePostings = new Map<string, Set<number>>();
  private readonly work = new Scratch();
  private readonly expansions = new ExpansionFinder((word) => this.postingsByTerm.get(word)?.length ?? (this.titlePostings.has(word) ? 0 : undefined));

  constructor(sources: readonly Source[] = []) {
    for (const source of sources) this.addSource(source);
  }

  /** Indexes a source (replacing what was indexed under its key). */
  addSource(source: Source): void {
    const { key, title } = source.meta;
    this.removeSource(key);
    const n = this.addTitle(key, title);
    for (const p of source.paragraphs) {
      const terms = termsOf(p.text);
      const id = this.table.addPassage(n, p.index, p.text, p.text.length, terms.length, fuseWordCount(p.text));
      const tf = new Map<string, number>();
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [term, count] of tf) this.postingList(term).push(id, count);
    }
    this.expansions.forget();
  }

  private postingList(term: string): PostingList {
    let list = this.postingsByTerm.get(term);
    if (!list) {
      this.postingsByTerm.set(term, (list = new PostingList()));
      this.expansions.add(term);
    }
    return list;
  }

  private addTitle(key: string, title: string): number {
    const n = this.table.addSource(key, title, fuseWordCount(title));
    for (const term of termsOf(title)) {
      let set = this.titlePostings.get(term);
      if (!set) {
        this.titlePostings.set(term, (set = new Set()));
        this.expansions.add(term);
      }
      set.add(n);
    }
    return n;
  }

  /** Drops a source's passages and title words from the index. */
  removeSource(key: string): void {
    const n = this.table.sourceNumber(key);
    if (n === undefined) return;
    const source = this.table.sources[n]!;
    for (const id of source.docs) {
      if (this.table.source[id] < 0) continue;
      // Posting entries stay (readers skip removed passages); frequencies must be right now.
      for (const term of new Set(termsOf(this.table.text(id)))) {
        const list = this.postingsByTerm.get(term);
        if (list && --list.df === 0) this.postingsByTerm.delete(term);
      }
    }
    for (const term of termsOf(source.title)) {
      const set = this.titlePostings.get(term);
      set?.delete(n);
      if (set?.size === 0) this.titlePostings.delete(term);
    }
    this.table.removeSource(n);
    this.expansions.forget();
  }

  get passageCount(): number {
    return this.table.live;
  }

  passageFrequency(term: string): number {
    return this.postingsByTerm.get(term)?.df ?? 0;
  }

  /** True when removed passages outnumber live ones: time to build afresh. */
  get wasteful(): boolean {
    return this.table.count - this.table.live > Math.max(1000, this.table.live);
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? 50;
    if (limit <= 0) return [];
    const fuzzy = options.fuzzy ?? true;
    const sources = options.keys ? this.sourceMask(options.keys) : undefined;
    const found: Array<{ id: number; score: number }> = [];
    const likeFuse = fuzzy ? rankLikeFuse(this.rankingIndex(), query, limit, sources) : undefined;
    for (const r of likeFuse ?? []) found.push({ id: r.id, score: 1 - r.score });
    const words = this.queryWords(query, fuzzy);
    if (found.length < limit && words.length > 0) {
      // Then passages with the query's words in any order, which fuse.js's whole-query match misses.
      const seen = new Set(found.map((f) => f.id));
      let ranked = rankBm25(this.rankingIndex(), words, fuzzy ? Math.max(limit, 100) : limit, sources);
      // A query fuse.js cannot take whole (too long) still gets its words' best passages in fuse.js's order.
      if (fuzzy && !likeFuse) ranked = rerankLikeFuse(query, ranked, (id) => this.table.passage(id)!);
      for (const r of ranked) {
        if (found.length >= limit) break;
        // Below every fuse.js match, whatever BM25 says.
        if (!seen.has(r.id)) found.push({ id: r.id, score: fuzzy ? -1 / (1 + r.score) : r.score });
      }
    }
    const highlight = options.highlights === false ? undefined : new Set(words.flatMap((w) => w.map((v) => v.term)));
    return found.map(({ id, score }) => {
      const passage = this.table.passage(id)!;
      const matches = highlight
        ? tokenize(passage.text)
            .filter((t) => highlight.has(t.term))
            .map((t) => ({ start: t.start, end: t.end }))
        : [];
      return { passage, score, matches };
    });
  }

  /** The query's words (content words when it has any), each with the vocabulary words it may stand for. */
  private queryWords(query: string, fuzzy: boolean): QueryWord[] {
    let words = [...new Set(termsOf(query))];
    const content = words.filter((t) => !STOP_WORDS.has(t));
    if (content.length > 0) words = content;
    return words.map((w) => (fuzzy ? this.expansions.weighted(w) : this.postingsByTerm.has(w) || this.titlePostings.has(w) ? [{ term: w, weight: 1 }] : []));
  }

  private sourceMask(keys: ReadonlySet<string>): Uint8Array {
    const mask = new Uint8Array(this.table.sources.length);
    for (const key of keys) {
      const n = this.table.sourceNumber(key);
      if (n !== undefined) mask[n] = 1;
    }
    return mask;
  }

  private rankingIndex(): RankingIndex {
    return {
      table: this.table,
      postings: (term) => this.postingsByTerm.get(term),
      titleSources: (term) => this.titlePostings.get(term) ?? [],
      expansions: (word, maxEdits) => this.expansions.within(word, maxEdits),
      scratch: () => this.work.ensure(this.table.count, this.table.sources.length),
    };
  }

  /** The index as bytes (the on-disk cache; also transferable between threads without copying). */
  toBinary(): Uint8Array {
    const data: IndexData = { sources: [], docs: [], terms: [] };
    const renumber = new Int32Array(this.table.count).fill(-1);
    for (let id = 0; id < this.table.count; id++) {
      const passage = this.table.passage(id);
      if (!passage) continue;
      renumber[id] = data.docs.length;
      data.docs.push({ key: passage.key, paragraph: passage.paragraph, text: passage.text, length: this.table.length[id], words: this.table.words[id] });
    }
    for (const source of this.table.sources) if (source) data.sources.push({ key: source.key, title: source.title });
    for (const [term, list] of this.postingsByTerm) {
      const ids: number[] = [];
      const tfs: number[] = [];
      for (let k = list.start; k < list.end; k++) {
        const id = renumber[list.ids[k]];
        if (id < 0) continue;
        ids.push(id);
        tfs.push(list.tfs[k]);
      }
      data.terms.push({ term, ids: Int32Array.from(ids), tfs: Uint16Array.from(tfs) });
    }
    return encodeIndex(data);
  }

  static fromBinary(bytes: Uint8Array, texts?: PassageTexts): SearchIndex {
    return runSteps(SearchIndex.load(bytes, texts));
  }

  /**
   * Reads an index from its binary form a few hundred items per step, so a thread that must
   * stay responsive can adopt a large index between other work. Given `texts`, passages take
   * their text from there (the holder's own corpus) instead of decoding a second copy; a text
   * whose length differs from the indexed one means the index is of other sources, and throws.
   */
  static *load(bytes: Uint8Array, texts?: PassageTexts): Generator<void, SearchIndex> {
    const reader = new IndexReader(bytes);
    const index = new SearchIndex();
    const numbers = new Map<string, number>();
    for (let i = 0; i < reader.sources.length; i++) {
      const s = reader.sources[i];
      numbers.set(s.key, index.addTitle(s.key, s.title));
      if (i % STEP === STEP - 1) yield;
    }
    // Without the holder's texts, each is decoded from the bytes when a query first needs it.
    if (!texts) index.table.readTextsWith((id) => reader.text(id));
    for (let i = 0; i < reader.docCount; i++) {
      const d = reader.doc(i);
      const text = texts?.(d.key, d.paragraph);
      if (texts && (text === undefined || text.length !== reader.textLength(i))) throw new Error(`the index does not match the corpus at ${d.key}, paragraph ${d.paragraph}`);
      // A fresh index numbers its passages from 0 in this order: passage i is the reader's i.
      index.table.addPassage(numbers.get(d.key)!, d.paragraph, text, reader.textLength(i), d.length, d.words);
      if (i % STEP === STEP - 1) yield;
    }
    for (let i = 0; i < reader.termCount; i++) {
      const t = reader.term(i);
      index.postingsByTerm.set(t.term, PostingList.of(t.ids, t.tfs, t.start, t.length, t.length));
      index.expansions.add(t.term);
      if (i % STEP === STEP - 1) yield;
    }
    return index;
  }

  /** Keys of the indexed sources with their passage counts (to compare with a corpus). */
  sourceShapes(): Map<string, number> {
    const out = new Map<string, number>();
    for (const s of this.table.sources) if (s) out.set(s.key, s.docs.filter((id) => this.table.source[id] >= 0).length);
    return out;
  }
}
