// Search of the sources as a command answers it, host-neutral: passages best first, each with
// the citation that cites it.
import type { CorpusView } from '../core/check/check-report';
import { citationText, type CitationRef } from '../core/citation-insert';
import { locatorOf } from '../core/corpus/locators';
import type { PassageSearch, SearchHit } from '../core/search/search-index';

export interface PassageFound {
  key: string;
  title: string;
  paragraph: number;
  locator?: string;
  text: string;
  score: number;
  /** How to cite it, e.g. `[@key, para. 3]`. */
  citation: string;
  /** The source file (a URI) and the passage's offsets in it. */
  location: string;
  start: number;
  end: number;
}

export function citationOfHit(hit: SearchHit, corpus: CorpusView): CitationRef {
  const source = corpus.get(hit.passage.key);
  const paragraph = source?.paragraphs.find((p) => p.index === hit.passage.paragraph);
  const locator = source && paragraph ? locatorOf(source, paragraph) : `para. ${hit.passage.paragraph}`;
  return locator ? { key: hit.passage.key, locator } : { key: hit.passage.key };
}

export function searchPassages(query: string, limit: number, corpus: CorpusView, search: PassageSearch): PassageFound[] {
  const found: PassageFound[] = [];
  for (const hit of search.search(query, { limit })) {
    const source = corpus.get(hit.passage.key);
    const paragraph = source?.paragraphs.find((p) => p.index === hit.passage.paragraph);
    if (!source || !paragraph) continue;
    const cite = citationOfHit(hit, corpus);
    found.push({ key: cite.key, title: hit.passage.title, paragraph: paragraph.index, locator: cite.locator, text: paragraph.text, score: hit.score, citation: citationText(cite), location: source.location, start: paragraph.start, end: paragraph.end });
  }
  return found;
}
