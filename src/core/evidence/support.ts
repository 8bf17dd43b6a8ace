// What "a source supports a text" means, for the citation checks and for completion alike:
// the share of the text's content words (rare ones in the corpus weighing more, names more
// still) that one paragraph of the source has, sentence by sentence, pooled over the text's
// sentences. Candidates come from the search index, never from a scan of every source.
import type { Paragraph, Source } from '../model';
import type { PassageSearch } from '../search/search-index';
import { termsOf, tokenize } from '../search/tokenize';
import { contentTokens, isContentTerm, stem } from './words';

/** A sentence the citation covers, with the ranges (citations) that are not what it says. */
export interface SupportSentence {
  text: string;
  skip?: ReadonlyArray<{ start: number; end: number }>;
}

interface WeightedLemma {
  lemma: string;
  weight: number;
}

/** What a text says, ready to be compared with sources: each sentence's weighted content words. */
export interface SupportQuery {
  sentences: WeightedLemma[][];
  /** The sentences' words, to ask the search index for candidates. */
  text: string;
  /** Distinct content words, those no source has included (they weigh nothing). */
  contentWords: number;
}

export interface Support {
  source: Source;
  /** Share of the text's word weight the source's best paragraphs have, 0 to 1. */
  coverage: number;
  /** The paragraph that says most of it: the locator a fix writes. */
  paragraph: Paragraph;
  /** The passages read as one with it: the paragraph, or every sentence passage of its unbroken text. */
  passages: readonly Paragraph[];
  /** What was compared, for finding the sentence that says it (supportingSentence). */
  query: SupportQuery;
}

const NAME_WEIGHT = 1.5;
/** Passages read from the search index for candidates, and the sources of them read at most (in rank order). */
const CANDIDATE_PASSAGES = 40;
const CANDIDATE_SOURCES = 10;

export function supportQuery(sentences: readonly SupportSentence[], search?: PassageSearch): SupportQuery {
  const rarity = (term: string, capital: boolean): number => {
    if (!search?.passageFrequency) return 1;
    const df = search.passageFrequency(term);
    // A word no source has says nothing about which source says the text, unless it is a name:
    // then no source says it ("Najib Razak was handed a sentence" against a corpus without him).
    if (df === 0) return capital ? Math.log(1 + search.passageCount) : 0;
    return Math.log(1 + search.passageCount / df);
  };
  const out: WeightedLemma[][] = [];
  const texts: string[] = [];
  let contentWords = 0;
  for (const s of sentences) {
    const byLemma = new Map<string, number>();
    const words = tokenize(s.text);
    const terms = new Map(words.map((t) => [t.start, t.term]));
    for (const t of contentTokens(s.text, s.skip ?? [], words)) {
      const weight = rarity(terms.get(t.start) ?? '', t.capital) * (t.name ? NAME_WEIGHT : 1);
      byLemma.set(t.lemma, Math.max(byLemma.get(t.lemma) ?? 0, weight));
    }
    contentWords += byLemma.size;
    const weighted = [...byLemma].filter(([, w]) => w > 0).map(([lemma, weight]) => ({ lemma, weight }));
    if (weighted.length) out.push(weighted);
    texts.push(blanked(s.text, s.skip ?? []));
  }
  return { sentences: out, text: texts.join(' '), contentWords };
}

function blanked(text: string, skip: ReadonlyArray<{ start: number; end: number }>): string {
  let out = text;
  for (const r of skip) out = out.slice(0, r.start) + ' '.repeat(r.end - r.start) + out.slice(r.end);
  return out;
}

/**
 * The content lemmas of a paragraph, by its text: a source read again (a re-index, a reload)
 * makes new paragraphs of the same text, and the checks of an open report run again then.
 * Bounded: cleared when it holds this many paragraphs.
 */
const paragraphLemmas = new Map<string, Set<string>>();
const REMEMBERED_PARAGRAPHS = 20_000;

function lemmasOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const t of termsOf(text)) if (isContentTerm(t)) out.add(stem(t));
  return out;
}

/** The paragraph's lemmas, read once per text (figures' number words included, unlike the evidence engine's). */
function lemmasOfParagraph(p: Paragraph): Set<string> {
  let set = paragraphLemmas.get(p.text);
  if (!set) {
    if (paragraphLemmas.size >= REMEMBERED_PARAGRAPHS) paragraphLemmas.clear();
    paragraphLemmas.set(p.text, (set = lemmasOf(p.text)));
  }
  return set;
}

const weightIn = (words: readonly WeightedLemma[], set: Set<string>) => words.reduce((a, w) => a + (set.has(w.lemma) ? w.weight : 0), 0);

/**
 * How well the given paragraphs of sources (all of them, by default) support the text: each
 * sentence of the text is read against the paragraph that has most of its words.
 */
interface ReadingUnit {
  source: Source;
  passages: Paragraph[];
  lemmas: Set<string>;
}

/**
 * What one reads as a paragraph: a paragraph, or the whole of an unbroken text, whose sentence
 * passages are one paragraph of the writer's (so a summary of a one-line transcript is read
 * against the transcript, not sentence by sentence). A unit counts when one of its passages does.
 */
function readingUnits(source: Source, only?: (source: Source, p: Paragraph) => boolean): ReadingUnit[] {
  const all = allReadingUnits(source);
  return only ? all.filter((u) => u.passages.some((p) => only(source, p))) : all;
}

/** A source's reading units, built once per source (every claim's check reads them again). */
const unitsOfSource = new WeakMap<Source, ReadingUnit[]>();

function allReadingUnits(source: Source): ReadingUnit[] {
  let out = unitsOfSource.get(source);
  if (out) return out;
  const units = new Map<number | Paragraph, Paragraph[]>();
  for (const p of source.paragraphs) {
    const at = p.block ?? p;
    const unit = units.get(at);
    if (unit) unit.push(p);
    else units.set(at, [p]);
  }
  out = [...units.values()].map((passages) => ({
    source,
    passages,
    lemmas: passages.length === 1 ? lemmasOfParagraph(passages[0]) : new Set(passages.flatMap((p) => [...lemmasOfParagraph(p)])),
  }));
  unitsOfSource.set(source, out);
  return out;
}

export function sourceSupport(query: SupportQuery, sources: readonly Source[], only?: (source: Source, p: Paragraph) => boolean): Support | undefined {
  let found = 0;
  let total = 0;
  const units = sources.flatMap((source) => readingUnits(source, only));
  const carried = new Map<ReadingUnit, number>();
  for (const words of query.sentences) {
    total += words.reduce((a, w) => a + w.weight, 0);
    let best: { unit: ReadingUnit; weight: number } | undefined;
    for (const unit of units) {
      const weight = weightIn(words, unit.lemmas);
      if (!best || weight > best.weight) best = { unit, weight };
    }
    if (!best) continue;
    found += best.weight;
    carried.set(best.unit, (carried.get(best.unit) ?? 0) + best.weight);
  }
  const top = [...carried].sort((a, b) => b[1] - a[1])[0];
  if (!top || total === 0) return undefined;
  const [unit] = top;
  // The passage of the unit that says most of the text: the one a locator names.
  const all = query.sentences.flat();
  let paragraph = unit.passages[0];
  if (unit.passages.length > 1) {
    let bestWeight = -1;
    for (const p of unit.passages) {
      const weight = weightIn(all, lemmasOfParagraph(p));
      if (weight > bestWeight) [paragraph, bestWeight] = [p, weight];
    }
  }
  return { source: unit.source, coverage: found / total, paragraph, passages: unit.passages, query };
}

/** The sentence of a support's paragraph that says most of the text, with its offsets in the source file: for a message. */
export function supportingSentence(s: Support): { text: string; start: number; end: number; paragraph: Paragraph } {
  const all = s.query.sentences.flat();
  let best: { text: string; start: number; end: number; paragraph: Paragraph } | undefined;
  let bestWeight = -1;
  for (const p of s.passages) {
    const sentences = p.sentences.length ? p.sentences : [{ text: p.text, start: 0, end: p.text.length }];
    for (const sentence of sentences) {
      const weight = weightIn(all, lemmasOf(sentence.text));
      if (weight > bestWeight) [best, bestWeight] = [{ text: sentence.text, start: p.start + sentence.start, end: p.start + sentence.end, paragraph: p }, weight];
    }
  }
  return best!;
}

/**
 * Whether the paragraphs have every content word of the sentences as written: then nothing can
 * support them better, and weighing their words is not needed (a check's fast path).
 */
export function hasEveryWord(sentences: readonly SupportSentence[], paragraphs: readonly Paragraph[]): boolean {
  if (paragraphs.length === 0) return false;
  const words = new Set<string>();
  for (const p of paragraphs) for (const t of termsOf(p.text)) words.add(t);
  return sentences.every((s) => termsOf(blanked(s.text, s.skip ?? [])).every((t) => !isContentTerm(t) || words.has(t)));
}

export interface SupportCandidates {
  /** Sources never suggested (those already cited). */
  exclude?: ReadonlySet<string>;
  /** Passages already found for the text, to save a second search. */
  hits?: ReturnType<PassageSearch['search']>;
}

/**
 * The sources that support the text, best first: the sources of the passages the search index
 * finds for it, each read on those passages.
 */
export function supportingSources(query: SupportQuery, search: PassageSearch, sourceOf: (key: string) => Source | undefined, options: SupportCandidates = {}): Support[] {
  if (query.sentences.length === 0) return [];
  const hits = options.hits ?? search.search(query.text, { limit: CANDIDATE_PASSAGES, fuzzy: false, highlights: false });
  const paragraphs = new Map<string, Set<number>>();
  for (const hit of hits) {
    const { key, paragraph } = hit.passage;
    if (options.exclude?.has(key)) continue;
    let set = paragraphs.get(key);
    if (!set && paragraphs.size >= CANDIDATE_SOURCES) continue;
    if (!set) paragraphs.set(key, (set = new Set()));
    set.add(paragraph);
  }
  const out: Support[] = [];
  for (const [key, found] of paragraphs) {
    const source = sourceOf(key);
    const support = source && sourceSupport(query, [source], (_, p) => found.has(p.index));
    if (support) out.push(support);
  }
  // Equal support: the search's order decides (it also weighs the figures, which support leaves out), not the key's letters.
  return out.sort((a, b) => b.coverage - a.coverage);
}
