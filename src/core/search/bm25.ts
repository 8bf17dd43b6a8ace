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
  const { scores, covered, best } = index.scratch();
  const touched: number[] = [];
  const avgLength = table.totalLength / Math.max(1, table.live);
  for (const variants of words) {
    const termTouched: number[] = [];
    const raise = (id: number, s: number) => {
      if (best[id] === 0) termTouched.push(id);
      if (s > best[id]) best[id] = s;
    };
    for (const { term, weight } of variants) {
      const list = index.postings(term);
      const df = list?.df ?? 0;
      const idf = Math.log(1 + (table.live - df + 0.5) / (df + 0.5));
      for (let k = list?.start ?? 0, end = list?.end ?? 0; k < end; k++) {
        const id = list!.ids[k];
        if (table.source[id] < 0) continue;
        const tf = list!.tfs[k];
        raise(id, (weight * idf * (tf * (K1 + 1))) / (tf + K1 * (1 - B + (B * table.length[id]) / avgLength)));
      }
      const titleBonus = TITLE_WEIGHT * weight * idf;
      for (const n of index.titleSources(term)) for (const id of table.sources[n]?.docs ?? []) if (table.source[id] >= 0) raise(id, best[id] + titleBonus);
    }
    for (const id of termTouched) {
      if (covered[id] === 0) touched.push(id);
      scores[id] += best[id];
      covered[id]++;
      best[id] = 0;
    }
  }
  const ranked: Array<{ id: number; score: number }> = [];
  for (const id of touched) {
    if (!sources || sources[table.source[id]]) ranked.push({ id, score: scores[id] * (0.5 + covered[id] / words.length) });
    scores[id] = covered[id] = 0;
  }
  return topByScore(ranked, limit);
}

/** The `limit` best by score (then by id), without sorting them all. */
function topByScore(items: Array<{ id: number; score: number }>, limit: number): Array<{ id: number; score: number }> {
  const better = (a: { id: number; score: number }, b: { id: number; score: number }) => b.score - a.score || a.id - b.id;
  if (items.length <= limit * 4) return items.sort(better).slice(0, limit);
  // Keep a sorted window of the best `limit`; most items fall below it at once.
  const top = items.slice(0, limit).sort(better);
  for (let i = limit; i < items.length; i++) {
    const item = items[i];
    if (better(item, top[limit - 1]) >= 0) continue;
    let j = limit - 1;
    while (j > 0 && better(item, top[j - 1]) < 0) j--;
    top.splice(j, 0, item);
    top.pop();
  }
  return top;
}
