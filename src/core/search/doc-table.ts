// What the index knows of each passage and each source, in flat arrays that queries read
// by number: at 50,000 passages, looking a passage's source up by key in a Map on every
// candidate costs more than the rest of a query.
import type { PassageRef } from './search-index';

export interface IndexedSource {
  key: string;
  title: string;
  /** Words of the title as fuse.js counts them. */
  titleWords: number;
  docs: number[];
}

export class DocTable {
  /** The passages; null where a source was removed. */
  readonly passages: Array<PassageRef | null> = [];
  /** Per passage: its source's number, or -1 once removed. */
  source = new Int32Array(1024);
  /** Per passage: words as the index counts them (BM25's length). */
  length = new Int32Array(1024);
  /** Per passage: words as fuse.js counts them (its field-length norm). */
  words = new Int32Array(1024);
  readonly sources: Array<IndexedSource | null> = [];
  private readonly byKey = new Map<string, number>();
  live = 0;
  totalLength = 0;

  get count(): number {
    return this.passages.length;
  }

  sourceNumber(key: string): number | undefined {
    return this.byKey.get(key);
  }

  addSource(key: string, title: string, titleWords: number): number {
    const n = this.sources.push({ key, title, titleWords, docs: [] }) - 1;
    this.byKey.set(key, n);
    return n;
  }

  removeSource(n: number): void {
    const source = this.sources[n];
    if (!source) return;
    for (const id of source.docs) {
      if (this.source[id] < 0) continue;
      this.source[id] = -1;
      this.passages[id] = null;
      this.live--;
      this.totalLength -= this.length[id];
    }
    this.byKey.delete(source.key);
    this.sources[n] = null;
  }

  addPassage(source: number, passage: PassageRef, length: number, words: number): number {
    const id = this.passages.push(passage) - 1;
    if (id >= this.source.length) this.grow();
    this.source[id] = source;
    this.length[id] = length;
    this.words[id] = words;
    this.sources[source]!.docs.push(id);
    this.live++;
    this.totalLength += length;
    return id;
  }

  private grow(): void {
    const n = this.source.length * 2;
    const grown = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.source = grown(this.source);
    this.length = grown(this.length);
    this.words = grown(this.words);
  }
}
