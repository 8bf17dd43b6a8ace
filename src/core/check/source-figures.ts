// Figures of source sentences, as the evidence engine indexed them (once per source): for the
// Figures view, which groups what the corpus counts.
import { sourceEvidence } from '../evidence/source-index';
import type { Figure } from '../figures/figure';
import type { Paragraph, Source } from '../model';

export interface SourceFigure {
  figure: Figure;
  key: string;
  paragraph: Paragraph;
  /** The sentence holding the figure. */
  sentence: string;
  /** Offset of the sentence in the paragraph text. */
  sentenceStart: number;
}

export function sourceFigures(source: Source): SourceFigure[] {
  return sourceEvidence(source).sentences.flatMap((s) => s.figures.filter(({ figure }) => !figure.listed).map(({ figure }) => ({ figure, key: s.key, paragraph: s.paragraph, sentence: s.text, sentenceStart: s.start })));
}
