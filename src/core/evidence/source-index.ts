// What the evidence engine knows of a source, built once per source and kept while the
// source is: each sentence's content words with their places, its figures, and how rare
// each word is in the source (a word in every sentence says little about which one is meant).
import { scanText } from '../figures/extract';
import type { Figure } from '../figures/figure';
import type { Label } from '../figures/scan';
import type { Paragraph, Source } from '../model';
import { firstEndingAfter } from '../positions';
import { tokenize, type Token } from '../search/tokenize';
import { contentTokens, type ContentToken } from './words';

export interface PlacedFigure {
  figure: Figure;
  /** Word position of the figure in its sentence. */
  position: number;
}

export interface EvidenceSentence {
  key: string;
  /** The source the sentence is from, for how to cite it. */
  source: Source;
  paragraph: Paragraph;
  /** Index of the sentence in the paragraph. */
  index: number;
  text: string;
  /** Offset of the sentence in the paragraph's text. */
  start: number;
  tokens: ContentToken[];
  lemmas: Set<string>;
  figures: PlacedFigure[];
  labels: Label[];
  words: number;
}

export interface SourceEvidence {
  source: Source;
  sentences: EvidenceSentence[];
  /** Inverse sentence frequency of a lemma in this source. */
  idf(lemma: string): number;
  /** Every lemma of the source, for "does the source speak of X at all". */
  lemmas: Set<string>;
  /** Lemmas the source writes capitalised inside a sentence: its names. */
  names: Set<string>;
  /** The lemmas of a paragraph's sentences. */
  paragraphLemmas(paragraph: Paragraph): Set<string>;
  /** The source's paragraphs, one after another, and the same in lower case (same length), for looking up names as written. */
  joined: string;
  folded: string;
}

const cache = new WeakMap<Source, SourceEvidence>();

export function wordPosition(text: string, offset: number): number {
  return positionIn(tokenize(text), offset);
}

/** The position of the word at `offset` among `words`. */
const positionIn = (words: readonly Token[], offset: number) => firstEndingAfter(words, offset);

function indexSentence(source: Source, paragraph: Paragraph, index: number): EvidenceSentence {
  const s = paragraph.sentences[index];
  // One scan and one tokenizing per sentence: a check of a long report builds this for every cited source.
  const scan = scanText(s.text);
  const words = tokenize(s.text);
  const tokens = contentTokens(s.text, scan.figures, words);
  return {
    key: source.meta.key,
    source,
    paragraph,
    index,
    text: s.text,
    start: s.start,
    tokens,
    lemmas: new Set(tokens.map((t) => t.lemma)),
    figures: scan.figures.map((figure) => ({ figure, position: positionIn(words, figure.start) })),
    labels: scan.labels,
    words: words.length,
  };
}

const LIST_ITEM = /^\(?(\d{1,2})[.)](?:\s|$)/;

/**
 * A numbered list counts its items without saying the number ("1. … 2. … 3. …"): the sentence
 * that introduces the list states that count, as a figure of its own.
 */
function addListCounts(sentences: EvidenceSentence[]): void {
  let expected = 1;
  let start = -1;
  const lists: Array<{ intro: EvidenceSentence; items: EvidenceSentence[] }> = [];
  const close = (end: number) => {
    const intro = sentences[start - 1];
    if (intro && expected > 2) lists.push({ intro, items: sentences.slice(start, end) });
    expected = 1;
  };
  sentences.forEach((s, i) => {
    const n = LIST_ITEM.exec(s.text)?.[1];
    if (n === undefined) return;
    if (Number(n) !== expected) close(i);
    if (Number(n) === expected) {
      if (expected === 1) start = i;
      expected++;
    }
  });
  close(sentences.length);
  // The list's count stands in a sentence of its own: the introduction's words and the items' words.
  for (const { intro, items } of lists) {
    const count = items.filter((s) => LIST_ITEM.test(s.text)).length;
    const at = intro.text.length;
    const figure: Figure = { kind: 'count', text: `${count} items`, start: at, end: at, value: count, valueTo: count, min: count, max: count, approximate: false, counted: [], countedEnd: at, listed: true };
    let offset = intro.words;
    const tokens = [...intro.tokens];
    for (const item of items) {
      tokens.push(...item.tokens.map((t) => ({ ...t, position: t.position + offset })));
      offset += item.words;
    }
    sentences.push({ ...intro, tokens, lemmas: new Set(tokens.map((t) => t.lemma)), figures: [{ figure, position: intro.words }], labels: [], words: offset });
  }
}

function namesOf(sentences: readonly EvidenceSentence[]): Set<string> {
  const names = new Set<string>();
  for (const s of sentences) for (const t of s.tokens) if (t.name) names.add(t.lemma);
  return names;
}

export function sourceEvidence(source: Source): SourceEvidence {
  let index = cache.get(source);
  if (index) return index;
  const sentences = source.paragraphs.flatMap((p) => p.sentences.map((_, i) => indexSentence(source, p, i)));
  addListCounts(sentences);
  const df = new Map<string, number>();
  for (const s of sentences) for (const l of s.lemmas) df.set(l, (df.get(l) ?? 0) + 1);
  const n = Math.max(1, sentences.length);
  const joined = source.paragraphs.map((p) => p.text).join('\n');
  const idf = (lemma: string) => Math.log(1 + n / (1 + (df.get(lemma) ?? 0)));
  const byParagraph = new Map<Paragraph | number, Set<string>>();
  for (const s of sentences) {
    // The sentence passages of an unbroken text share their block's words as context.
    const at = s.paragraph.block ?? s.paragraph;
    let set = byParagraph.get(at);
    if (!set) byParagraph.set(at, (set = new Set()));
    for (const l of s.lemmas) set.add(l);
  }
  index = {
    source,
    sentences,
    idf,
    paragraphLemmas: (p) => byParagraph.get(p.block ?? p) ?? new Set(),
    names: namesOf(sentences),
    lemmas: new Set(df.keys()),
    // Lower case keeps the length but for a few letters (İ); then the folded text stands for both.
    joined: joined.toLowerCase().length === joined.length ? joined : joined.toLowerCase(),
    folded: joined.toLowerCase(),
  };
  cache.set(source, index);
  return index;
}

/** Where a figure of an evidence sentence is in the source file. */
export function figureRange(s: EvidenceSentence, f: Figure, through: 'figure' | 'counted' = 'counted'): { start: number; end: number; text: string } {
  const base = s.paragraph.start + s.start;
  const end = through === 'counted' ? f.countedEnd : f.end;
  return { start: base + f.start, end: base + end, text: s.text.slice(f.start, end) };
}
