// What a hover shows, host-neutral and as plain data (each host renders it in its own
// markup): over a citation, the cited passage or, without a locator, the passage that best
// backs the sentence, with the words they share marked; over a quotation, where it occurs
// in the sources, or that it occurs in none.
import { proseOf } from '../core/citations';
import type { CorpusView } from '../core/check/check-report';
import { locatedPassages, locatorOf, locatorRange } from '../core/corpus/locators';
import { bestPassage } from '../core/evidence/best-passage';
import type { Paragraph, Source } from '../core/model';
import { locateQuotation, quotationsIn } from '../core/quotes';
import { paragraphAt, sentenceAt } from '../core/report';
import { sharedWords } from '../core/search/relevance';
import type { PassageSearch } from '../core/search/search-index';
import { citationUnderCursor } from './citation-at';

export interface QuotedPassage {
  key: string;
  paragraph: number;
  locator?: string;
  /** The passage and, for a sentence of an unbroken text, the sentences either side. */
  before?: string;
  text: string;
  after?: string;
  /** Ranges of `text` the report's sentence shares. */
  shared: Array<{ start: number; end: number }>;
  /** Chosen as the best match for the sentence (the citation has no locator). */
  best: boolean;
}

export type CitedSource =
  | { key: string; known: false }
  | {
      key: string;
      known: true;
      title: string;
      facts: string;
      passages: QuotedPassage[];
      pastEnd?: string;
      /** An entry of the writer's bibliography with no text: its authors, and no passages. */
      entryOnly?: { authors: string[] };
    };

/** What a hover says of a bibliography entry with no text to check against. */
export const ENTRY_ONLY_NOTE = 'An entry of your bibliography with no text to check against: it attaches no file Grounded reads (text, Markdown, HTML, PDF or Word), or the file is gone.';

export type HoverContent =
  | { kind: 'citation'; start: number; end: number; sources: CitedSource[] }
  | { kind: 'quotation'; start: number; end: number; found: Array<{ key: string; paragraph: number; label: string }>; firstText?: string };

/** `search`, when given, is the index the best passage is sought with (as the extension does). */
export function hoverContent(report: string, offset: number, corpus: CorpusView, search?: PassageSearch): HoverContent | undefined {
  const hit = citationUnderCursor(report, offset);
  if (hit) {
    const sentence = proseOf(sentenceAt(report, offset).text);
    const sources = hit.citation.items.map((item): CitedSource => {
      const source = corpus.get(item.key);
      if (!source) return { key: item.key, known: false };
      const { title, publisher, issued, url } = source.meta;
      const facts = [publisher, issued, url].filter(Boolean).join(' · ');
      if (source.format === 'reference') return { key: item.key, known: true, title, facts, passages: [], entryOnly: { authors: source.meta.authors ?? [] } };
      const located = locatedPassages(source, item.locator);
      if (located && located.length === 0) return { key: item.key, known: true, title, facts, passages: [], pastEnd: `This source has ${locatorRange(source)}; the locator points past its end.` };
      const best = located ? undefined : bestPassage(report, offset, source, search);
      const passages = (located ?? (best ? [best] : [])).map((p) => quoted(source, p, sentence, !located));
      return { key: item.key, known: true, title, facts, passages };
    });
    return { kind: 'citation', start: hit.citation.start, end: hit.citation.end, sources };
  }
  const paragraph = paragraphAt(report, offset);
  const quote = quotationsIn(paragraph.text).find((q) => q.start - 1 + paragraph.start <= offset && offset <= q.end + 1 + paragraph.start);
  if (!quote) return undefined;
  const found = locateQuotation(quote.text, corpus.all()).map((f) => ({ key: f.key, paragraph: f.paragraph, label: citationLabel(corpus.get(f.key), f.key, f.paragraph) }));
  const first = found[0] && corpus.get(found[0].key)?.paragraphs.find((p) => p.index === found[0].paragraph);
  return { kind: 'quotation', start: paragraph.start + quote.start - 1, end: paragraph.start + quote.end + 1, found, firstText: first?.text };
}

/** A passage as a hover quotes it: a sentence of an unbroken text comes with its neighbours, so it reads in context. */
function quoted(source: Source, p: Paragraph, sentence: string, best: boolean): QuotedPassage {
  const at = source.locators === 'none' ? source.paragraphs.indexOf(p) : -1;
  return {
    key: source.meta.key,
    paragraph: p.index,
    locator: locatorOf(source, p),
    before: at > 0 ? source.paragraphs[at - 1].text : undefined,
    text: p.text,
    after: at >= 0 ? source.paragraphs[at + 1]?.text : undefined,
    shared: sharedWords(p.text, sentence),
    best,
  };
}

function citationLabel(source: Source | undefined, key: string, paragraph: number): string {
  const p = source?.paragraphs.find((q) => q.index === paragraph);
  const locator = source && p ? locatorOf(source, p) : `para. ${paragraph}`;
  return locator ? `@${key}, ${locator}` : `@${key}`;
}
