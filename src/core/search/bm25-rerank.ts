// Orders the best BM25 candidates of a long query (past fuse.js's 32-character pattern, where
// the index cannot bound fuse.js's score) as fuse.js orders whole passages; candidates
// fuse.js rejects keep their place after the ones it accepts.
import Fuse from 'fuse.js';
import { FUSE_THRESHOLD } from './fuse-scoring';
import type { PassageRef } from './search-index';

const RERANK_CANDIDATES = 100;
const RERANK_MAX_QUERY = 64;

export function rerankLikeFuse<T extends { id: number }>(query: string, ranked: readonly T[], passage: (id: number) => PassageRef): T[] {
  if (ranked.length < 2 || query.length > RERANK_MAX_QUERY) return [...ranked];
  const candidates = ranked.slice(0, RERANK_CANDIDATES);
  const fuse = new Fuse(
    candidates.map((c) => ({ c, text: passage(c.id).text, title: passage(c.id).title })),
    { keys: ['text', 'title'], ignoreLocation: true, threshold: FUSE_THRESHOLD },
  );
  const accepted = fuse.search(query).map((r) => r.item.c);
  const seen = new Set(accepted);
  return [...accepted, ...candidates.filter((c) => !seen.has(c)), ...ranked.slice(RERANK_CANDIDATES)];
}
