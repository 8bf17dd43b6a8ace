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
export function rankSources(search: PassageSearch, sources: readonly Source[], sentence: string): RankedSource[] {
  const best = new Map<string, SearchHit>();
  const supported = new Map<string, number>();
  if (sentence.trim()) {
    const hits = search.search(sentence, { limit: 200, fuzzy: false, highlights: false });
    for (const hit of hits) if (!best.has(hit.passage.key)) best.set(hit.passage.key, hit);
    const byKey = new Map(sources.map((s) => [s.meta.key, s]));
    const support = supportingSources(supportQuery([{ text: sentence }], search), search, (key) => byKey.get(key), { hits: hits.slice(0, SUPPORT_PASSAGES) });
    support.forEach((s, rank) => supported.set(s.source.meta.key, rank));
  }
  const rank = (key: string) => supported.get(key) ?? Infinity;
  return sources
    .map((source, order) => ({ source, order, best: best.get(source.meta.key), score: best.get(source.meta.key)?.score ?? 0 }))
    .sort((a, b) => rank(a.source.meta.key) - rank(b.source.meta.key) || b.score - a.score || a.order - b.order)
    .map(({ source, score, best: hit }) => ({ source, score, best: hit }));
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
