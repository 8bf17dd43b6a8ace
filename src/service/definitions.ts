// Where Go to Definition on a citation leads, host-neutral: the source, at the cited passages
// or, without a locator, at the passage that best backs the sentence.
import type { CorpusView } from '../core/check/check-report';
import { locatedPassages } from '../core/corpus/locators';
import { bestPassage } from '../core/evidence/best-passage';
import type { PassageSearch } from '../core/search/search-index';
import type { Paragraph, Source } from '../core/model';
import { citationUnderCursor } from './citation-at';

export interface CitationTarget {
  source: Source;
  /** Empty when no passage is cited or shares words with the sentence: the file's start. */
  passages: Paragraph[];
}

/**
 * The target of the citation at `offset`; undefined when there is none, or no source has its
 * key. `search`, when given, is the index the best passage is sought with (as the extension does).
 */
export function citationTarget(report: string, offset: number, corpus: CorpusView, search?: PassageSearch): CitationTarget | undefined {
  const hit = citationUnderCursor(report, offset);
  const source = hit && corpus.get(hit.item.key);
  if (!hit || !source) return undefined;
  const located = locatedPassages(source, hit.item.locator);
  const best = located ? undefined : bestPassage(report, offset, source, search);
  return { source, passages: located ?? (best ? [best] : []) };
}
