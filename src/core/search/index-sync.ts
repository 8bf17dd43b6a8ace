// Brings a search index in line with a set of sources by adding and removing only the
// sources that changed, one per step: a caller that must stay responsive runs the steps
// in slices; one that need not runs them all at once.
import type { Source } from '../model';
import type { SearchIndex } from './search-index';

/**
 * `indexed` says what the index holds (by file); it is updated as the index is. A source
 * counts as changed when its key, title or paragraphs (by identity) differ.
 */
export function* syncIndex(index: SearchIndex, indexed: Map<string, Source>, sources: readonly Source[]): Generator<void, void> {
  const current = new Map(sources.map((s) => [s.location, s]));
  // Remove everything stale first: a key may pass from one file to another.
  for (const [location, was] of [...indexed]) {
    const now = current.get(location);
    if (now && now.meta.key === was.meta.key && now.meta.title === was.meta.title && now.paragraphs === was.paragraphs) continue;
    index.removeSource(was.meta.key);
    indexed.delete(location);
    yield;
  }
  for (const source of current.values()) {
    if (indexed.has(source.location)) continue;
    index.addSource(source);
    indexed.set(source.location, source);
    yield;
  }
}
