// The calibration of the citation checks (issue 13) on the paraphrase sets, built here,
// deterministically: every `kept` summary cited to its own document is a correct citation; the
// same summary cited to the next document of its set (keys in sorted order) is a wrong one; the
// wrong one again with its own document hidden from the corpus is a citation no source backs;
// and the summary with its citation taken out is uncited (citation-missing should name its document).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkReport, type CorpusView } from '../../src/core/check/check-report';
import { splitClaims } from '../../src/core/check/claims';
import type { Finding } from '../../src/core/check/findings';
import { loadCorpusDirectory } from '../../src/core/corpus/node-corpus';
import { SearchIndex } from '../../src/core/search/search-index';
import { round } from './paraphrase';

export interface CitationScore {
  set: string;
  /** Correct citations, and those citation-unsupported flagged. */
  correct: number;
  flaggedCorrect: number;
  wrong: number;
  flaggedWrong: number;
  /** Flagged wrong citations whose suggested source is the summary's own document (named, or one of two offered as equally close). */
  suggestedRight: number;
  /** Wrong citations with the own document hidden: claim-unsupported, and citation-unsupported (whose suggestion cannot be right). */
  hiddenClaimUnsupported: number;
  hiddenWrongSuggestion: number;
  /** Of the flagged (wrong; own hidden), those that offer two sources as equally close rather than name one. */
  twoOffered: number;
  hiddenTwoOffered: number;
  /** Uncited sentences with a figure or a quotation; citation-missing findings; those naming the own document. */
  uncited: number;
  missing: number;
  missingRight: number;
  /** Examples to read: correct citations flagged, wrong ones missed. */
  examples: string[];
}

const CITATION = /\[@(doc-[0-9a-f]+)\]/;

function hiding(corpus: CorpusView, key: string): CorpusView {
  return { get: (k) => (k === key ? undefined : corpus.get(k)), all: () => corpus.all().filter((s) => s.meta.key !== key) };
}

const codes = (findings: readonly Finding[], code: string) => findings.filter((f) => f.code === code);

export async function scoreCitations(dir: string): Promise<CitationScore> {
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Array<{ report: string; source: string; kind: string }>;
  const { corpus } = await loadCorpusDirectory(join(dir, 'corpus'));
  const search = new SearchIndex(corpus.all());
  const keys = corpus.all().map((s) => s.meta.key).sort();
  const set = dir.split('/').filter(Boolean).at(-1)!;
  const s: CitationScore = { set, correct: 0, flaggedCorrect: 0, wrong: 0, flaggedWrong: 0, suggestedRight: 0, hiddenClaimUnsupported: 0, hiddenWrongSuggestion: 0, twoOffered: 0, hiddenTwoOffered: 0, uncited: 0, missing: 0, missingRight: 0, examples: [] };
  for (const entry of expected.filter((e) => e.kind === 'kept')) {
    const report = readFileSync(join(dir, entry.report), 'utf8');
    if (CITATION.exec(report)?.[1] !== entry.source) continue;
    const other = keys[(keys.indexOf(entry.source) + 1) % keys.length];
    if (other === entry.source) continue;
    const wrongReport = report.replace(CITATION, `[@${other}]`);
    s.correct++;
    const onCorrect = codes(checkReport(report, { corpus, search }), 'citation-unsupported');
    if (onCorrect.length) {
      s.flaggedCorrect++;
      s.examples.push(`correct flagged ${entry.report}: ${onCorrect[0].message}`);
    }
    s.wrong++;
    const [onWrong] = codes(checkReport(wrongReport, { corpus, search }), 'citation-unsupported');
    if (onWrong) {
      s.flaggedWrong++;
      // Right when the source it names is the summary's own, or one of the two it offers as equally close.
      if (onWrong.source?.key === entry.source || onWrong.related?.some((r) => r.key === entry.source)) s.suggestedRight++;
      if (!onWrong.source && onWrong.related?.length === 2) s.twoOffered++;
    } else s.examples.push(`wrong missed ${entry.report} cited to ${other}`);
    const hidden = checkReport(wrongReport, { corpus: hiding(corpus, entry.source), search });
    if (codes(hidden, 'claim-unsupported').length) s.hiddenClaimUnsupported++;
    const hiddenUnsupported = codes(hidden, 'citation-unsupported');
    if (hiddenUnsupported.length) s.hiddenWrongSuggestion++;
    if (hiddenUnsupported.some((f) => !f.source && f.related?.length === 2)) s.hiddenTwoOffered++;
    const uncitedReport = report.replace(CITATION, '');
    s.uncited += [...splitClaims(uncitedReport)].filter((c) => c.figures.length > 0 || c.quotes.length > 0).length;
    const missing = codes(checkReport(uncitedReport, { corpus, search }), 'citation-missing');
    s.missing += missing.length;
    s.missingRight += missing.filter((f) => f.source?.key === entry.source).length;
  }
  return s;
}

export function pooledCitations(scores: readonly CitationScore[]): CitationScore {
  const sum = (k: keyof CitationScore) => scores.reduce((a, x) => a + (x[k] as number), 0);
  return {
    set: 'pooled',
    correct: sum('correct'),
    flaggedCorrect: sum('flaggedCorrect'),
    wrong: sum('wrong'),
    flaggedWrong: sum('flaggedWrong'),
    suggestedRight: sum('suggestedRight'),
    hiddenClaimUnsupported: sum('hiddenClaimUnsupported'),
    hiddenWrongSuggestion: sum('hiddenWrongSuggestion'),
    twoOffered: sum('twoOffered'),
    hiddenTwoOffered: sum('hiddenTwoOffered'),
    uncited: sum('uncited'),
    missing: sum('missing'),
    missingRight: sum('missingRight'),
    examples: [],
  };
}

/** The rates the issue sets targets for, and the others, rounded as the table prints them. */
export function citationRates(s: CitationScore) {
  const rate = (n: number, d: number) => (d ? round(n / d) : undefined);
  return {
    onCorrect: rate(s.flaggedCorrect, s.correct),
    onWrong: rate(s.flaggedWrong, s.wrong),
    suggestedRight: rate(s.suggestedRight, s.flaggedWrong),
    hiddenClaimUnsupported: rate(s.hiddenClaimUnsupported, s.wrong),
    hiddenWrongSuggestion: rate(s.hiddenWrongSuggestion, s.wrong),
    twoOffered: rate(s.twoOffered, s.flaggedWrong),
    hiddenTwoOffered: rate(s.hiddenTwoOffered, s.hiddenWrongSuggestion),
    missingRate: rate(s.missing, s.uncited),
    missingRight: rate(s.missingRight, s.missing),
  };
}
