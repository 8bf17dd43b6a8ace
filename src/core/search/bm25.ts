// BM25 over the index: how well a passage's words cover a sentence's words, for ranking
// sources by what the writer is saying (completion, checks) and for queries fuse.js cannot
// take whole (words in another order, long queries).
import type { DocTable } from './doc-table';
import type { PostingList } from './postings';
import type { Scratch } from './scratch';

// The usual defaults.
const K1 = 1.2;
const B = 0.75;
/** A title word counts for a little in each passage of its source. */
const TITLE_WEIGHT = 0.35;

export interface Bm25Index {
  readonly table: DocTable;
  postings(term: string): PostingList | undefined;
  /** Numbers of the sources whose title has the term. */
  titleSources(term: string): Iterable<number>;
  scratch(): Scratch;
}

/** A query word and the vocabulary words it may stand for, each with a weight in (0, 1]. */
export type QueryWord = Array<{ term: string; weight: number }>;

/**
 * The best `limit` passages by BM25 (each query word scores a passage by its best variant),
 * with passages that have more of the words first; only passages of `sources` when given.
 */
export function rankBm25(index: Bm25Index, words: readonly QueryWord[], limit: number, sources?: Uint8Array): Array<{ id: number; score: number }> {
  const { table } = index;
  const { scores, covered, best, listA: touched, listB: termTouched } = index.scratch();
  let touchedCount = 0;
  const avgLength = table.totalLength / Math.max(1, table.live);
  const sourceOf = table.source;
  const lengthOf = table.length;
  // Flat loops over the posting arrays, no closure a posting: at 250,000 passages a sentence's
  // words have 100,000 posting entries and this is most of a completion's time.
  for (const variants of words) {
    let termCount = 0;
    for (const { term, weight } of variants) {
      const list = index.postings(term);
      const df = list?.df ?? 0;
      const idf = Math.log(1 + (table.live - df + 0.5) / (df + 0.5));
      if (list) {
        const { ids, tfs } = list;
        const weighted = weight * idf;
        for (let k = list.start, end = list.end; k < end; k++) {
          const id = ids[k];
          if (sourceOf[id] < 0) continue;
          const tf = tfs[k];
          const s = (weighted * (tf * (K1 + 1))) / (tf + K1 * (1 - B + (B * lengthOf[id]) / avgLength));
          const was = best[id];
          if (was === 0) termTouched[termCount++] = id;
          if (s > was) best[id] = s;
        }
      }
      const titleBonus = TITLE_WEIGHT * weight * idf;
      for (const n of index.titleSources(term)) {
        for (const id of table.sources[n]?.docs ?? []) {
          if (sourceOf[id] < 0) continue;
          const was = best[id];
          if (was === 0) termTouched[termCount++] = id;
          // A passage the term's postings raised gets the bonus on top; one they did not, the bonus alone.
          const s = was + titleBonus;
          if (s > was) best[id] = s;
        }
      }
    }
    for (let i = 0; i < termCount; i++) {
      const id = termTouched[i];
      if (covered[id] === 0) touched[touchedCount++] = id;
      scores[id] += best[id];
      covered[id]++;
      best[id] = 0;
    }
  }
  const top = new TopScores(limit);
  for (let i = 0; i < touchedCount; i++) {
    const id = touched[i];
    if (!sources || sources[sourceOf[id]]) top.offer(id, scores[id] * (0.5 + covered[id] / words.length));
    scores[id] = covered[id] = 0;
  }
  return top.sorted();
}

/**
 * The `limit` best by score (then by id) of those offered: a heap of the best so far with the
 * worst on top, so most offers are turned away by one comparison and make no object.
 */
class TopScores {
  private readonly ids: Int32Array;
  private readonly scores: Float64Array;
  private size = 0;

  constructor(private readonly limit: number) {
    this.ids = new Int32Array(Math.max(0, limit));
    this.scores = new Float64Array(Math.max(0, limit));
  }

  /** Whether (a, aId) ranks below (b, bId). */
  private static worse(a: number, aId: number, b: number, bId: number): boolean {
    return a < b || (a === b && aId > bId);
  }

  offer(id: number, score: number): void {
    if (this.size < this.limit) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!TopScores.worse(score, id, this.scores[parent], this.ids[parent])) break;
        this.ids[i] = this.ids[parent];
        this.scores[i] = this.scores[parent];
        i = parent;
      }
      this.ids[i] = id;
      this.scores[i] = score;
      return;
    }
    if (this.limit === 0 || !TopScores.worse(this.scores[0], this.ids[0], score, id)) return;
    // Replace the worst and sift it down.
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) break;
      const r = l + 1;
      const c = r < this.size && TopScores.worse(this.scores[r], this.ids[r], this.scores[l], this.ids[l]) ? r : l;
      if (!TopScores.worse(this.scores[c], this.ids[c], score, id)) break;
      this.ids[i] = this.ids[c];
      this.scores[i] = this.scores[c];
      i = c;
    }
    this.ids[i] = id;
    this.scores[i] = score;
  }

  sorted(): Array<{ id: number; score: number }> {
    const out: Array<{ id: number; score: number }> = [];
    for (let i = 0; i < this.size; i++) out.push({ id: this.ids[i], score: this.scores[i] });
    return out.sort((a, b) => b.score - a.score || a.id - b.id);
  }
}
