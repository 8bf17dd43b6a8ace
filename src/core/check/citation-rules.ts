import type { CitationItem } from '../citations';
import type { Source } from '../model';
import type { Finding } from './findings';

/** Edit distance, for suggesting the key a writer meant. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length];
}

export function closestKeys(key: string, keys: readonly string[], count = 3): string[] {
  return keys
    .map((k) => ({ k, d: editDistance(key.toLowerCase(), k.toLowerCase()) - (k.includes(key) || key.includes(k) ? 2 : 0) }))
    .sort((a, b) => a.d - b.d || a.k.localeCompare(b.k))
    .slice(0, count)
    .map((x) => x.k);
}

export function checkUnknownSource(item: CitationItem, keys: readonly string[]): Finding {
  const suggestions = closestKeys(item.key, keys);
  return {
    code: 'unknown-source',
    severity: 'error',
    message: `No source has the key "${item.key}".${suggestions.length ? ` Did you mean ${suggestions.map((k) => `@${k}`).join(', ')}?` : ''}`,
    start: item.keyStart,
    end: item.keyEnd,
    fixes: suggestions.map((k) => ({ title: `Change to @${k}`, start: item.keyStart, end: item.keyEnd, newText: k })),
  };
}

export function checkLocator(item: CitationItem, source: Source): Finding | undefined {
  const loc = item.locator;
  if (!loc || !/^(para|paras|paragraph|paragraphs|¶+)\.?$/i.test(loc.label)) return undefined;
  const last = source.paragraphs.length;
  const highest = Math.max(loc.from, loc.to ?? loc.from);
  if (loc.from >= 1 && highest <= last) return undefined;
  return {
    code: 'unknown-locator',
    severity: 'warning',
    message: `@${source.meta.key} has ${last} paragraph${last === 1 ? '' : 's'}; there is no ${loc.label} ${loc.value}.`,
    start: loc.start,
    end: loc.end,
    fixes: last ? [{ title: `Change to ${loc.label} ${last}`, start: loc.start, end: loc.end, newText: String(last) }] : [],
  };
}
