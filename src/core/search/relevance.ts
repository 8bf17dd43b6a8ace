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
  // The pass over every source asks a set of the few sources the sentence reaches about each
  // (by identity: at 40,000 sources a lookup by key costs more than the search); were a
  // lookup's source not the one in `sources`, the pass is made again by key.
  const reachedKeys = new Set([...best.keys(), ...supported.keys()]);
  const reached = new Set<Source>();
  for (const key of reachedKeys) {
    const source = lookUp?.(key);
    if (source) reached.add(source);
  }
  const byIdentity = reached.size === reachedKeys.size ? orderSources(sources, best, supported, (source) => reached.has(source), reached.size) : undefined;
  return byIdentity ?? orderSources(sources, best, supported, (source) => reachedKeys.has(source.meta.key))!;
}

/**
 * Sorted as one list would be (support's rank, then the search's score, then the corpus's
 * order), but only the few the sentence reaches are sorted: the rest (no support, score 0)
 * keep their order after those with a positive score and before any with a negative one.
 * Undefined when `expected` is given and the pass did not meet that many sources reached.
 */
function orderSources(sources: readonly Source[], best: Map<string, SearchHit>, supported: Map<string, number>, isReached: (source: Source) => boolean, expected?: number): RankedSource[] | undefined {
  const rank = (key: string) => supported.get(key) ?? Infinity;
  const top: Array<{ source: Source; order: number; best?: SearchHit; score: number }> = [];
  const below: typeof top = [];
  const rest: RankedSource[] = [];
  const unranked = unrankedOf(sources);
  let met = 0;
  for (let order = 0; order < sources.length; order++) {
    const source = sources[order];
    if (!isReached(source)) {
      rest.push(unranked[order]);
      continue;
    }
    met++;
    const hit = best.get(source.meta.key);
    const score = hit?.score ?? 0;
    if (rank(source.meta.key) !== Infinity || score > 0) top.push({ source, order, best: hit, score });
    else if (score < 0) below.push({ source, order, best: hit, score });
    else rest.push({ source, score, best: hit });
  }
  if (expected !== undefined && met !== expected) return undefined;
  const byRank = (a: (typeof top)[number], b: (typeof top)[number]) => rank(a.source.meta.key) - rank(b.source.meta.key) || b.score - a.score || a.order - b.order;
  const strip = ({ source, score, best: hit }: (typeof top)[number]): RankedSource => ({ source, score, best: hit });
  const out: RankedSource[] = [];
  for (const t of top.sort(byRank)) out.push(strip(t));
  for (const r of rest) out.push(r);
  for (const b of below.sort(byRank)) out.push(strip(b));
  return out;
}

/**
 * Each list of sources ranked (the corpus hands out the same list until it changes) as its
 * sources unreached, in order: made once, not 40,000 objects a keystroke. Frozen, as every
 * ranking of the list shares them.
 */
const unrankedLists = new WeakMap<readonly Source[], readonly RankedSource[]>();
function unrankedOf(sources: readonly Source[]): readonly RankedSource[] {
  let list = unrankedLists.get(sources);
  if (!list) unrankedLists.set(sources, (list = sources.map((source) => Object.freeze({ source, score: 0, best: undefined }))));
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
