// The text Grounded read out of a PDF or a Word document, as a plain document a writer can
// open beside the report: the passages in order, a page mark where each page of a PDF starts
// (`— p. 3 —`), each paragraph of a Word document numbered as it is cited (`¶4`). Go to
// Definition and Open Source land there, on the passage, since neither file opens as text.
import type { Paragraph, Source } from '../model';

export interface ExtractedText {
  text: string;
  /** Where each passage stands in `text`, by its index. */
  spans: Map<number, { start: number; end: number }>;
}

/** Is this source read out of a file that does not open as text (a PDF, a Word document)? */
export function isExtracted(source: Pick<Source, 'format'>): boolean {
  return source.format === 'pdf' || source.format === 'docx';
}

export function extractedText(source: Pick<Source, 'meta' | 'paragraphs' | 'locators' | 'format'>): ExtractedText {
  const parts: string[] = [];
  let length = 0;
  const add = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  const spans = new Map<number, { start: number; end: number }>();
  add(`${source.meta.title}\n\n`);
  let page: number | undefined;
  for (const p of source.paragraphs) {
    if (source.locators === 'page' && p.page !== undefined && p.page !== page) {
      page = p.page;
      add(`— p. ${page} —\n\n`);
    } else if (source.locators !== 'page' && source.locators !== 'none') add(`¶${p.index} `);
    spans.set(p.index, { start: length, end: length + p.text.length });
    add(`${p.text}\n\n`);
  }
  return { text: parts.join('').replace(/\n+$/, '\n'), spans };
}

/**
 * Where offsets `start`–`end` of the source (as its passages count them) stand in its extracted
 * text: within the passage that holds `start`, clipped to it; undefined when no passage does.
 */
export function extractedSpan(source: Pick<Source, 'paragraphs'>, text: ExtractedText, start: number, end: number): { start: number; end: number } | undefined {
  const p: Paragraph | undefined = source.paragraphs.find((q) => q.start <= start && start <= q.end);
  const span = p && text.spans.get(p.index);
  if (!p || !span) return undefined;
  // A Word document's offsets count its converted HTML, tags and all: the whole passage, then.
  if (p.end - p.start !== p.text.length) return span;
  return { start: span.start + (start - p.start), end: Math.min(span.end, span.start + (Math.max(end, start) - p.start)) };
}
