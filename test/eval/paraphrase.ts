// Scores the figure checks on the paraphrase dev sets (real summaries of real documents, figure
// edits labelled; test/fixtures/paraphrase/README.md), beside the naive baseline, as that
// README scores them: a hit is a figure-mismatch or figure-unsupported finding that overlaps a
// figure to flag; a false flag is one that overlaps a figure that must stay clean.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkReport } from '../../src/core/check/check-report';
import type { CheckOptions, Finding } from '../../src/core/check/findings';
import { loadCorpusDirectory } from '../../src/core/corpus/node-corpus';
import { SearchIndex } from '../../src/core/search/search-index';

interface ExpectedFigure {
  start: number;
  end: number;
  text: string;
  expect: 'flag' | 'clean';
}

interface ExpectedReport {
  report: string;
  source: string;
  kind: 'changed' | 'kept';
  figures: ExpectedFigure[];
}

export interface Score {
  toFlag: number;
  hits: number;
  clean: number;
  falseFlags: number;
  /** undefined when the set has no figure to flag. */
  recall?: number;
  falseFlagRate?: number;
}

export interface SetResult {
  set: string;
  reports: number;
  grounded: Score;
  naive: Score;
  /** sources-disagree findings in the set's reports: the corpus is mostly unrelated documents. */
  sourcesDisagree: number;
  /** Figures Grounded got wrong, for reading (the first few of each). */
  misses: string[];
  falseFlagExamples: string[];
}

const FIGURE_CODES = new Set(['figure-mismatch', 'figure-unsupported']);

function score(toFlag: number, hits: number, clean: number, falseFlags: number): Score {
  return {
    toFlag,
    hits,
    clean,
    falseFlags,
    recall: toFlag ? round(hits / toFlag) : undefined,
    falseFlagRate: clean ? round(falseFlags / clean) : undefined,
  };
}

export function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** The naive rule: a figure whose text (case aside, a trailing full stop or comma dropped) is not in the document. */
function naiveFlags(figure: string, document: string): boolean {
  return !document.toLowerCase().includes(figure.toLowerCase().replace(/[.,]$/, ''));
}

const EXAMPLES = Number(process.env.GROUNDED_EVAL_EXAMPLES ?? 8);

export async function evaluateSet(dir: string, options: CheckOptions = {}): Promise<SetResult> {
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as ExpectedReport[];
  const { corpus } = await loadCorpusDirectory(join(dir, 'corpus'));
  const search = new SearchIndex(corpus.all());
  const documents = new Map(readdirSync(join(dir, 'corpus')).map((name) => [name.replace(/\.md$/, ''), readFileSync(join(dir, 'corpus', name), 'utf8')]));
  const g = { toFlag: 0, hits: 0, clean: 0, falseFlags: 0 };
  const n = { hits: 0, falseFlags: 0 };
  let sourcesDisagree = 0;
  const misses: string[] = [];
  const falseFlagExamples: string[] = [];
  for (const entry of expected) {
    const report = readFileSync(join(dir, entry.report), 'utf8');
    const findings = checkReport(report, { corpus, search }, options);
    sourcesDisagree += findings.filter((f) => f.code === 'sources-disagree').length;
    const figureFindings = findings.filter((f) => FIGURE_CODES.has(f.code));
    const document = documents.get(entry.source) ?? '';
    for (const figure of entry.figures) {
      const found = figureFindings.filter((f) => f.start < figure.end && figure.start < f.end);
      const naive = naiveFlags(figure.text, document);
      const context = () => `${entry.report} "${figure.text}" in: ${report.slice(Math.max(0, figure.start - 80), figure.end + 40).trim()}`;
      if (figure.expect === 'flag') {
        g.toFlag++;
        if (found.length) g.hits++;
        else if (misses.length < EXAMPLES) misses.push(context());
        if (naive) n.hits++;
      } else {
        g.clean++;
        if (found.length) {
          g.falseFlags++;
          if (falseFlagExamples.length < EXAMPLES) falseFlagExamples.push(`${context()}\n      -> ${found.map(describe).join(' | ')}`);
        }
        if (naive) n.falseFlags++;
      }
    }
  }
  return {
    set: dir.split('/').filter(Boolean).at(-1)!,
    reports: expected.length,
    grounded: score(g.toFlag, g.hits, g.clean, g.falseFlags),
    naive: score(g.toFlag, n.hits, g.clean, n.falseFlags),
    sourcesDisagree,
    misses,
    falseFlagExamples,
  };
}

function describe(f: Finding): string {
  return `${f.code}: ${f.message}`;
}

export function paraphraseSets(root: string): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(root, d.name))
    .sort();
}

/** Pooled over the given sets (the target pools the SummEdits sets). */
export function pooled(results: readonly SetResult[], which: 'grounded' | 'naive'): Score {
  const sum = (k: keyof Pick<Score, 'toFlag' | 'hits' | 'clean' | 'falseFlags'>) => results.reduce((a, r) => a + r[which][k], 0);
  return score(sum('toFlag'), sum('hits'), sum('clean'), sum('falseFlags'));
}
