// The seed dev set: 29 sentences on the five seed articles, each expected clean or with a
// given finding on its line (test/fixtures/eval/seed-report.expected.json says how).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkReport } from '../../src/core/check/check-report';
import type { Finding } from '../../src/core/check/findings';
import { loadCorpusDirectory } from '../../src/core/corpus/node-corpus';
import { LineIndex } from '../../src/core/positions';
import { SearchIndex } from '../../src/core/search/search-index';

export interface SeedCase {
  line: number;
  expect: string;
  sourceSays?: string;
  text: string;
}

export interface SeedOutcome {
  case: SeedCase;
  /** Empty when the line came out as expected; else what was found. */
  problem: string;
}

const CHECKED = new Set(['figure-mismatch', 'figure-unsupported', 'quote-mismatch', 'unknown-source']);

export async function seedCheck(evalDir: string, corpusDir: string): Promise<SeedOutcome[]> {
  const report = readFileSync(join(evalDir, 'seed-report.md'), 'utf8');
  const cases = (JSON.parse(readFileSync(join(evalDir, 'seed-report.expected.json'), 'utf8')) as { cases: SeedCase[] }).cases;
  const { corpus } = await loadCorpusDirectory(corpusDir);
  const findings = checkReport(report, { corpus, search: new SearchIndex(corpus.all()) });
  const lines = new LineIndex(report);
  const byLine = new Map<number, Finding[]>();
  for (const f of findings) {
    const line = lines.positionAt(f.start).line + 1;
    byLine.set(line, [...(byLine.get(line) ?? []), f]);
  }
  return cases.map((c) => {
    const found = (byLine.get(c.line) ?? []).filter((f) => CHECKED.has(f.code));
    const summary = found.map((f) => `${f.code}: ${f.message}`).join('\n') || 'nothing';
    if (c.expect === 'clean') return { case: c, problem: found.length ? summary : '' };
    const match = found.find((f) => f.code === c.expect);
    if (!match) return { case: c, problem: `no ${c.expect}; found ${summary}` };
    if (c.sourceSays && !match.message.includes(c.sourceSays)) return { case: c, problem: `message does not quote "${c.sourceSays}": ${match.message}` };
    return { case: c, problem: '' };
  });
}
