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
  /**
   * Per passage: its text; undefined once removed, or until first read where a reader was
   * given (an index read from its binary form decodes a text when a query first needs it:
   * at 250,000 passages decoding every text costs a third of a warm start).
   */
  private readonly texts: Array<string | undefined> = [];
  private readText: ((id: number) => string) | undefined;
  /** Per passage: its source's number, or -1 once removed. */
  source = new Int32Array(1024);
  /** Per passage: its paragraph's number in the source. */
  paragraph = new Int32Array(1024);
  /** Per passage: its text's length in UTF-16 units (known before the text is read). */
  chars = new Int32Array(1024);
  /** Per passage: words as the index counts them (BM25's length). */
  length = new Int32Array(1024);
  /** Per passage: words as fuse.js counts them (its field-length norm). */
  words = new Int32Array(1024);
  readonly sources: Array<IndexedSource | null> = [];
  /**
   * Per source: its title (a removed source's stays until the index is rebuilt). A query
   * counts edits in thousands of titles and few match: reading them from here, not through
   * each source's object, leaves the object alone for those that do.
   */
  readonly titles: string[] = [];
  private readonly byKey = new Map<string, number>();
  /** Live passages by word count (fewest first), made when first asked for after a change. */
  private fewestWordsFirst: Int32Array | undefined;
  live = 0;
  totalLength = 0;

  get count(): number {
    return this.texts.length;
  }

  /** Where the texts left out of addPassage come from. */
  readTextsWith(read: (id: number) => string): void {
    this.readText = read;
  }

  /** The text of a live passage. */
  text(id: number): string {
    let text = this.texts[id];
    if (text === undefined) {
      if (!this.readText || this.source[id] < 0) throw new Error(`passage ${id} has no text`);
      this.texts[id] = text = this.readText(id);
    }
    return text;
  }

  /** A live passage as search returns it (null once removed). */
  passage(id: number): PassageRef | null {
    const source = this.source[id] >= 0 ? this.sources[this.source[id]] : null;
    return source ? { key: source.key, title: source.title, paragraph: this.paragraph[id], text: this.text(id) } : null;
  }

  sourceNumber(key: string): number | undefined {
    return this.byKey.get(key);
  }

  addSource(key: string, title: string, titleWords: number): number {
    const n = this.sources.push({ key, title, titleWords, docs: [] }) - 1;
    this.byKey.set(key, n);
    this.titles.push(title);
    return n;
  }

  removeSource(n: number): void {
    const source = this.sources[n];
    if (!source) return;
    for (const id of source.docs) {
      if (this.source[id] < 0) continue;
      this.source[id] = -1;
      this.texts[id] = undefined;
      this.live--;
      this.totalLength -= this.length[id];
    }
    this.byKey.delete(source.key);
    this.sources[n] = null;
    this.fewestWordsFirst = undefined;
  }

  /** `text` undefined: read when first needed (see readTextsWith), `chars` long. */
  addPassage(source: number, paragraph: number, text: string | undefined, chars: number, length: number, words: number): number {
    const id = this.texts.push(text) - 1;
    if (id >= this.source.length) this.grow();
    this.source[id] = source;
    this.paragraph[id] = paragraph;
    this.chars[id] = chars;
    this.length[id] = length;
    this.words[id] = words;
    this.sources[source]!.docs.push(id);
    this.live++;
    this.totalLength += length;
    this.fewestWordsFirst = undefined;
    return id;
  }

  /** The live passages ordered by their fuse.js word count, fewest first (then by number). */
  byWords(): Int32Array {
    if (this.fewestWordsFirst) return this.fewestWordsFirst;
    // A counting sort over the table itself: at 250,000 passages the first query after a change pays for it.
    let max = 0;
    for (let id = 0; id < this.count; id++) if (this.source[id] >= 0 && this.words[id] > max) max = Math.min(this.words[id], 0xffff);
    const starts = new Int32Array(max + 2);
    for (let id = 0; id < this.count; id++) if (this.source[id] >= 0) starts[Math.min(this.words[id], 0xffff) + 1]++;
    for (let w = 1; w < starts.length; w++) starts[w] += starts[w - 1];
    const out = new Int32Array(this.live);
    for (let id = 0; id < this.count; id++) if (this.source[id] >= 0) out[starts[Math.min(this.words[id], 0xffff)]++] = id;
    return (this.fewestWordsFirst = out);
  }

  private grow(): void {
    const n = this.source.length * 2;
    const grown = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.source = grown(this.source);
    this.paragraph = grown(this.paragraph);
    this.chars = grown(this.chars);
    this.length = grown(this.length);
    this.words = grown(this.words);
  }
}

/** Ids ordered by word count, ties in the order given (a counting sort: counts are small integers). */
export function sortByWords(ids: readonly number[], wordsOf: Int32Array): Int32Array {
  const words = new Int32Array(ids.length);
  let max = 0;
  ids.forEach((id, i) => {
    words[i] = Math.min(wordsOf[id], 0xffff);
    if (words[i] > max) max = words[i];
  });
  const starts = new Int32Array(max + 2);
  for (const w of words) starts[w + 1]++;
  for (let w = 1; w < starts.length; w++) starts[w] += starts[w - 1];
  const out = new Int32Array(ids.length);
  ids.forEach((id, i) => (out[starts[words[i]]++] = id));
  return out;
}
