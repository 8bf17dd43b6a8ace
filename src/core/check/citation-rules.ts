import type { CitationItem } from '../citations';
import type { Source } from '../model';
import type { Finding } from './findings';
import { runSteps } from '../steps';

/**
 * Edit distance, for suggesting the key a writer meant; past `limit` it stops and answers
 * `limit + 1` (a corpus of thousands of keys is compared with each unknown key).
 */
let row = new Int32Array(64);

export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (row.length <= b.length) row = new Int32Array(b.length * 2 + 1);
  const prev = row;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0];
    prev[0] = i;
    let rowBest = prev[0];
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j];
      const cost = diagonal + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      prev[j] = Math.min(above + 1, prev[j - 1] + 1, cost);
      diagonal = above;
      if (prev[j] < rowBest) rowBest = prev[j];
    }
    if (rowBest > limit) return limit + 1;
  }
  return prev[b.length];
}

/** Keys compared between two steps: a corpus of 40,000 sources is compared in slices of a few ms. */
const KEYS_PER_STEP = 256;

/**
 * The `count` keys closest to `key` (a key containing it, or contained in it, counts 2 closer),
 * by distance and then by name, a few hundred keys a step. Keys that cannot beat the ones kept
 * are passed over as soon as their distance shows it.
 */
export function* closestKeysSteps(key: string, keys: readonly string[], count = 3): Generator<void, string[]> {
  const wanted = key.toLowerCase();
  const best: Array<{ k: string; d: number }> = [];
  for (let i = 0; i < keys.length; i++) {
    if (i > 0 && i % KEYS_PER_STEP === 0) yield;
    const k = keys[i];
    const bonus = k.includes(key) || key.includes(k) ? 2 : 0;
    // To tie the last kept, the distance may be at most its score plus this key's bonus.
    const limit = best.length < count ? Infinity : best[best.length - 1].d + bonus;
    const distance = editDistance(wanted, k.toLowerCase(), limit);
    if (distance > limit) continue;
    const entry = { k, d: distance - bonus };
    const at = best.findIndex((b) => entry.d < b.d || (entry.d === b.d && entry.k.localeCompare(b.k) < 0));
    best.splice(at < 0 ? best.length : at, 0, entry);
    if (best.length > count) best.pop();
  }
  return best.map((x) => x.k);
}

export function closestKeys(key: string, keys: readonly string[], count = 3): string[] {
  return runSteps(closestKeysSteps(key, keys, count));
}

/** unknown-source, with the closest keys as fixes; in steps, as `closestKeysSteps`. */
export function* unknownSourceSteps(item: CitationItem, keys: readonly string[]): Generator<void, Finding> {
  const suggestions = yield* closestKeysSteps(item.key, keys);
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
