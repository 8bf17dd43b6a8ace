// Checks a Markdown report against its sources. Pure: the same function serves the
// editor, the CLI and tests.
import type { Source } from '../model';
import type { PassageSearch, SearchHit } from '../search/search-index';
import { checkLocator, unknownSourceSteps } from './citation-rules';
import { splitClaims } from './claims';
import { checkCitedFigures } from './figure-rules';
import { checkLabels } from './label-rule';
import { checkUncitedFigures } from './disagree-rule';
import type { Quotation } from '../quotes';
import { DEFAULT_SEVERITY, type CheckOptions, type Finding } from './findings';
import { checkQuote, isWordingQuote } from './quote-rule';
import { checkAttribution } from './attribution-rule';
import { checkCitationSupport, checkMissingCitation, type SupportContext } from './support-rules';
import type { Claim } from './claims';
import { runSteps } from '../steps';
import { locatedPassages } from '../corpus/locators';

export interface CorpusView {
  get(key: string): Source | undefined;
  all(): readonly Source[];
}

export interface CheckContext {
  corpus: CorpusView;
  /** Narrows the sources an uncited figure is compared with; without it, all are. */
  search?: PassageSearch;
}

const IGNORE_COMMENT = /<!--\s*grounded-ignore\s*-->/g;
const UNCITED_CANDIDATE_PASSAGES = 40;

export function checkReport(report: string, context: CheckContext, options: CheckOptions = {}): Finding[] {
  return runSteps(checkReportSteps(report, context, options));
}

/**
 * The same check, one claim per step: a host can run it in slices, yield to other work
 * between them, and drop it when the text has changed.
 */
export function* checkReportSteps(report: string, context: CheckContext, options: CheckOptions = {}): Generator<void, Finding[]> {
  const { corpus } = context;
  const keys = corpus.all().map((s) => s.meta.key);
  const findings: Finding[] = [];
  const sentenceScope = options.citationScope === 'sentence';
  const support: SupportContext = { report, search: context.search, sourceOf: (key) => corpus.get(key) };
  // The uncited sentences a citation further on covers, for its support check.
  let covering: Claim[] = [];
  for (const claim of splitClaims(report)) {
    yield;
    const covered = sentenceScope || claim.items.length === 0 ? [claim] : [...covering.filter((c) => c.scope === claim.items), claim];
    covering = claim.items.length === 0 && claim.scope.length > 0 ? [...covering, claim] : [];
    for (const item of claim.items) {
      const source = corpus.get(item.key);
      if (!source) findings.push(yield* unknownSourceSteps(item, keys));
      // A bibliography entry with no attached text: known, with nothing to check a locator or claim against.
      else if (source.format !== 'reference') {
        const locator = checkLocator(item, source);
        if (locator) findings.push(locator);
      }
    }
    const scope = sentenceScope ? claim.items : claim.scope;
    const cited: Source[] = [];
    const located = new Set<number>();
    for (const item of scope) {
      const source = corpus.get(item.key);
      if (!source || source.format === 'reference' || checkLocator(item, source)) continue;
      if (!cited.includes(source)) cited.push(source);
      for (const p of locatedPassages(source, item.locator) ?? []) located.add(p.index);
    }
    if (scope.length > 0) {
      // A claim whose only citations are unknown keys cannot be checked further.
      if (cited.length === 0) continue;
      // Quotations whose figures are checked as figures: a word or two ("a 'three'"), or wording not the source's.
      const byFigures: Quotation[] = claim.quotes.filter((q) => !isWordingQuote(q));
      for (const quote of claim.quotes) {
        const finding = checkQuote(quote, cited);
        if (finding) {
          findings.push(finding);
          byFigures.push(quote);
        } else if (isWordingQuote(quote)) {
          const misattributed = checkAttribution(report, claim, quote, cited);
          if (misattributed) findings.push(misattributed);
        }
      }
      if (claim.items.length > 0) findings.push(...checkCitationSupport(covered, claim.items, cited, located, support));
      const quotedFigures = claim.quotedFigures.filter((f) => byFigures.some((q) => f.start >= q.start && f.end <= q.end));
      findings.push(...checkCitedFigures(claim, cited, located, quotedFigures));
      findings.push(...checkLabels(claim, cited, byFigures));
    } else if (claim.figures.length > 0 || claim.quotes.length > 0) {
      const hits = context.search?.search(claim.text, { limit: UNCITED_CANDIDATE_PASSAGES, fuzzy: false, highlights: false });
      if (claim.figures.length > 0) findings.push(...checkUncitedFigures(claim, uncitedCandidates(hits, context)));
      const missing = checkMissingCitation(claim, support, hits);
      if (missing) findings.push(missing);
    }
  }
  return applyOptions(silenced(report, findings), options);
}

function uncitedCandidates(hits: SearchHit[] | undefined, { corpus }: CheckContext): Source[] {
  if (!hits) return [...corpus.all()];
  const keys = new Set<string>();
  for (const hit of hits) keys.add(hit.passage.key);
  return [...keys].map((k) => corpus.get(k)).filter((s): s is Source => !!s);
}

/** Drops findings on the line after a `<!-- grounded-ignore -->` comment. */
function silenced(report: string, findings: Finding[]): Finding[] {
  const ignored: Array<[number, number]> = [];
  for (const m of report.matchAll(IGNORE_COMMENT)) {
    const lineEnd = report.indexOf('\n', m.index + m[0].length);
    if (lineEnd < 0) continue;
    const nextEnd = report.indexOf('\n', lineEnd + 1);
    ignored.push([lineEnd + 1, nextEnd < 0 ? report.length : nextEnd]);
  }
  if (ignored.length === 0) return findings;
  return findings.filter((f) => !ignored.some(([s, e]) => f.start >= s && f.start <= e));
}

function applyOptions(findings: Finding[], options: CheckOptions): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const severity = options.severity?.[f.code] ?? DEFAULT_SEVERITY[f.code];
    if (severity !== 'off') out.push({ ...f, severity });
  }
  return out.sort((a, b) => a.start - b.start || a.code.localeCompare(b.code));
}
