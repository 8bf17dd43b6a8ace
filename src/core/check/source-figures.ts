// Figures of source sentences, computed once per paragraph and cached: a report is
// re-checked on every pause in typing, the sources rarely change.
import { extractFigures } from '../figures/extract';
import type { Figure } from '../figures/figure';
import type { Paragraph, Source } from '../model';
import { contentStems } from './words';

export interface SourceFigure {
  figure: Figure;
  key: string;
  paragraph: Paragraph;
  /** The sentence holding the figure, and its content words. */
  sentence: string;
  stems: Set<string>;
  /** Offset of the sentence in the paragraph text. */
  sentenceStart: number;
}

const cache = new WeakMap<Paragraph, Array<Omit<SourceFigure, 'key'>>>();

function paragraphFigures(paragraph: Paragraph): Array<Omit<SourceFigure, 'key'>> {
  let list = cache.get(paragraph);
  if (!list) {
    list = [];
    for (const s of paragraph.sentences) {
      const figures = extractFigures(s.text);
      if (figures.length === 0) continue;
      const stems = contentStems(s.text, figures);
      for (const figure of figures) list.push({ figure, paragraph, sentence: s.text, stems, sentenceStart: s.start });
    }
    cache.set(paragraph, list);
  }
  return list;
}

export function sourceFigures(source: Source, paragraphs: readonly Paragraph[] = source.paragraphs): SourceFigure[] {
  return paragraphs.flatMap((p) => paragraphFigures(p).map((f) => ({ ...f, key: source.meta.key })));
}

/** The source's own words for a figure: qualifier, figure and what it counts ("over 94,000 troops"). */
export function sourceWords(f: SourceFigure): { text: string; start: number; end: number } {
  const start = f.paragraph.start + f.sentenceStart + f.figure.start;
  const end = f.paragraph.start + f.sentenceStart + f.figure.countedEnd;
  return { text: f.sentence.slice(f.figure.start, f.figure.countedEnd), start, end };
}
