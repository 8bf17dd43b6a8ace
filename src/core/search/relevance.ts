import { supportingSources, supportQuery } from '../evidence/support';
import type { Paragraph, Source } from '../model';
import type { PassageSearch, SearchHit } from './search-index';
import { STOP_WORDS, tokenize } from './tokenize';

export interface RankedSource {
  source: Source;
  score: number;
  /** The passage of this source that best matches the sentence, if any does. */
  best?: SearchHit;
}

/** Passages whose sources are read for what they support (the check reads as many). */
const SUPPORT_PASSAGES = 40;

/**
 * Orders sources by how much of the sentence being written they say (the notion of support
 * the citation checks use, so the first one offered is the source citation-unsupported would
 * suggest), then by how well their passages match it. Sources that match nothing keep
 * their order after the others.
 */
/**
 * Every source, ranked by how well it supports `sentence`. `sourceOf` finds a source by its key
 * (the corpus's own lookup); without it one is made from `sources`, a pass over all of them.
 */
export function rankSources(search: PassageSearch, sources: readonly Source[], sentence: string, sourceOf?: (key: string) => Source | undefined): RankedSource[] {
  const best = new Map<string, SearchHit>();
  const supported = new Map<string, number>();
  let lookUp = sourceOf;
  if (sentence.trim()) {
    const hits = search.search(sentence, { limit: 200, fuzzy: false, highlights: false });
    for (const hit of hits) if (!best.has(hit.passage.key)) best.set(hit.passage.key, hit);
    // Only the sources of the hits are looked up: a pass over 40,000 sources costs 10 to 30 ms.
    if (!lookUp) {
      const byKey = new Map<string, Source>();
      for (const s of sources) if (best.has(s.meta.key)) byKey.set(s.meta.key, s);
      lookUp = (key) => byKey.get(key);
    }
    const support = supportingSources(supportQuery([{ text: sentence }], search), search, lookUp, { hits: hits.slice(0, SUPPORT_PASSAGES) });
    support.forEach((s, rank) => supported.set(s.source.meta.key, rank));
  }
  // The few sources the sentence reaches are found in the list by identity (its places made
  // once per list: at 40,000 sources a lookup by key each costs more than the search); were a
  // lookup's source not one in `sources`, a pass over them all by key does it.
  const reachedKeys = new Set([...best.keys(), ...supported.keys()]);
  const reached: Source[] = [];
  for (const key of reachedKeys) {
    const source = lookUp?.(key);
    if (source) reached.push(source);
  }
  const byIdentity = reached.length === reachedKeys.size ? orderReached(sources, best, supported, reached) : undefined;
  return byIdentity ?? orderSources(sources, best, supported, reachedKeys);
}

/** A reached source with its place in the list, its best hit and its score. */
interface Reached {
  source: Source;
  order: number;
  best?: SearchHit;
  score: number;
}

/**
 * Sorted as one list would be (support's rank, then the search's score, then the list's
 * order), but only the few the sentence reaches are sorted: the rest (no support, score 0)
 * keep their order after those with a positive score and before any with a negative one.
 * Undefined where a reached source is not in the list (or the list holds one twice).
 */
function orderReached(sources: readonly Source[], best: Map<string, SearchHit>, supported: Map<string, number>, reached: readonly Source[]): RankedSource[] | undefined {
  const list = listOf(sources);
  if (!list.orderOf) return undefined;
  const places: Reached[] = [];
  for (const source of reached) {
    const order = list.orderOf.get(source);
    if (order === undefined) return undefined;
    const hit = best.get(source.meta.key);
    places.push({ source, order, best: hit, score: hit?.score ?? 0 });
  }
  const rank = (key: string) => supported.get(key) ?? Infinity;
  const top = places.filter((r) => rank(r.source.meta.key) !== Infinity || r.score > 0);
  const below = places.filter((r) => rank(r.source.meta.key) === Infinity && r.score < 0);
  const byRank = (a: Reached, b: Reached) => rank(a.source.meta.key) - rank(b.source.meta.key) || b.score - a.score || a.order - b.order;
  const out: RankedSource[] = top.sort(byRank).map(strip);
  // The rest in the list's order: the shared unreached entries, and a reached source with a
  // hit of score 0 in its place.
  let from = 0;
  for (const r of places.sort((a, b) => a.order - b.order)) {
    for (let i = from; i < r.order; i++) out.push(list.unranked[i]);
    from = r.order + 1;
    if (rank(r.source.meta.key) === Infinity && r.score === 0) out.push(strip(r));
  }
  for (let i = from; i < sources.length; i++) out.push(list.unranked[i]);
  for (const r of below.sort(byRank)) out.push(strip(r));
  return out;
}

/** orderReached by key, in one pass over every source. */
function orderSources(sources: readonly Source[], best: Map<string, SearchHit>, supported: Map<string, number>, reachedKeys: ReadonlySet<string>): RankedSource[] {
  const rank = (key: string) => supported.get(key) ?? Infinity;
  const top: Reached[] = [];
  const below: Reached[] = [];
  const rest: RankedSource[] = [];
  sources.forEach((source, order) => {
    const hit = reachedKeys.has(source.meta.key) ? best.get(source.meta.key) : undefined;
    const score = hit?.score ?? 0;
    if (rank(source.meta.key) !== Infinity || score > 0) top.push({ source, order, best: hit, score });
    else if (score < 0) below.push({ source, order, best: hit, score });
    else rest.push({ source, score, best: hit });
  });
  const byRank = (a: Reached, b: Reached) => rank(a.source.meta.key) - rank(b.source.meta.key) || b.score - a.score || a.order - b.order;
  return [...top.sort(byRank).map(strip), ...rest, ...below.sort(byRank).map(strip)];
}

const strip = ({ source, score, best: hit }: Reached): RankedSource => ({ source, score, best: hit });

/**
 * Each list of sources ranked (the corpus hands out the same list until it changes): its
 * sources as unreached entries, frozen as every ranking of the list shares them, and each
 * source's place (none when the list holds a source twice). Made once, not 40,000 objects
 * and lookups a keystroke.
 */
const lists = new WeakMap<readonly Source[], { unranked: readonly RankedSource[]; orderOf?: Map<Source, number> }>();
function listOf(sources: readonly Source[]): { unranked: readonly RankedSource[]; orderOf?: Map<Source, number> } {
  let list = lists.get(sources);
  if (!list) {
    const orderOf = new Map(sources.map((source, order) => [source, order]));
    list = { unranked: sources.map((source) => Object.freeze({ source, score: 0, best: undefined })), orderOf: orderOf.size === sources.length ? orderOf : undefined };
    lists.set(sources, list);
  }
  return list;
}

/** Paragraphs of one source ordered by relevance to the sentence (then in document order). */
export function rankParagraphs(search: PassageSearch, source: Source, sentence: string): Array<{ paragraph: Paragraph; score: number; hit?: SearchHit }> {
  const hits = new Map<number, SearchHit>();
  if (sentence.trim()) {
    for (const hit of search.search(sentence, { limit: source.paragraphs.length, keys: new Set([source.meta.key]), fuzzy: false, highlights: false })) hits.set(hit.passage.paragraph, hit);
  }
  return source.paragraphs
    .map((paragraph) => ({ paragraph, hit: hits.get(paragraph.index), score: hits.get(paragraph.index)?.score ?? 0 }))
    .sort((a, b) => b.score - a.score || a.paragraph.index - b.paragraph.index);
}

/**
 * Ranges in `passage` of the words and figures it shares with `sentence` (stop words
 * aside): what a hover shows in bold so the writer sees why this passage backs the claim.
 */
export function sharedWords(passage: string, sentence: string): Array<{ start: number; end: number }> {
  const wanted = new Set(tokenize(sentence).map((t) => t.term).filter((t) => !STOP_WORDS.has(t)));
  return tokenize(passage)
    .filter((t) => wanted.has(t.term))
    .map((t) => ({ start: t.start, end: t.end }));
}
