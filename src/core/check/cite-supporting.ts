// Grounded: Cite Supporting Sources, planned: for each uncited sentence of a range of the report
// (no citation in its scope) that one source clearly says, the citation to add, as the
// citation-missing quick fix would add it. The host previews the list and applies it as one edit.
import { planInsertions, type CitationRef, type TextEdit } from '../citation-insert';
import { splitClaims } from './claims';
import type { CheckContext } from './check-report';
import type { CheckOptions } from './findings';
import { locatorOf } from '../corpus/locators';
import { supportingSentence } from '../evidence/support';
import { citationPoint, clearSupport } from './support-rules';

export interface PlannedCitation {
  /** The sentence, as the report has it, and where. */
  sentence: string;
  start: number;
  end: number;
  cite: CitationRef;
  /** The source's sentence that says it. */
  evidence: string;
  edit: TextEdit;
}

/** The citations to add to the uncited sentences that overlap [from, to) (the whole report by default). */
export function planSupportingCitations(report: string, context: CheckContext, range: { start: number; end: number } = { start: 0, end: report.length }, options: CheckOptions = {}): PlannedCitation[] {
  const { search, corpus } = context;
  if (!search) return [];
  const planned: PlannedCitation[] = [];
  for (const claim of splitClaims(report)) {
    if (claim.end <= range.start || claim.start >= range.end) continue;
    const scope = options.citationScope === 'sentence' ? claim.items : claim.scope;
    if (scope.length > 0) continue;
    const best = clearSupport(claim, search, (key) => corpus.get(key));
    if (!best) continue;
    const cite = { key: best.source.meta.key, locator: locatorOf(best.source, supportingSentence(best).paragraph) };
    const at = citationPoint(claim);
    const [edit] = planInsertions(report, [{ start: at, end: at }], { cite }).edits;
    if (edit) planned.push({ sentence: claim.text.trim(), start: claim.start, end: claim.end, cite, evidence: supportingSentence(best).text, edit });
  }
  return planned;
}
