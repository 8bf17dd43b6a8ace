// What the Sources view lists: sources sorted and filtered, with how often a report cites each.
import { parseCitations } from '../citations';
import type { Source } from '../model';

export type SourceSort = 'title' | 'date' | 'citations';

/** How many citation items of the report name each key. */
export function citationCounts(report: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const citation of parseCitations(report)) for (const item of citation.items) counts.set(item.key, (counts.get(item.key) ?? 0) + 1);
  return counts;
}

/** Sources matching `filter` (in title, key or publisher, any case), in the order asked for. */
export function listSources(sources: readonly Source[], options: { sort: SourceSort; filter?: string; counts?: ReadonlyMap<string, number> }): Source[] {
  const needle = options.filter?.trim().toLowerCase();
  const shown = needle ? sources.filter((s) => [s.meta.title, s.meta.key, s.meta.publisher ?? ''].some((t) => t.toLowerCase().includes(needle))) : [...sources];
  const byTitle = (a: Source, b: Source) => a.meta.title.localeCompare(b.meta.title) || a.meta.key.localeCompare(b.meta.key);
  const count = (s: Source) => options.counts?.get(s.meta.key) ?? 0;
  // Newest first; undated sources last.
  const byDate = (a: Source, b: Source) => (b.meta.issued ?? '').localeCompare(a.meta.issued ?? '') || byTitle(a, b);
  return shown.sort(options.sort === 'title' ? byTitle : options.sort === 'date' ? byDate : (a, b) => count(b) - count(a) || byTitle(a, b));
}
