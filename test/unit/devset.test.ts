import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkReport } from '../../src/core/check/check-report';
import type { Finding } from '../../src/core/check/findings';
import { loadCorpusDirectory } from '../../src/core/corpus/node-corpus';
import { LineIndex } from '../../src/core/positions';
import { SearchIndex } from '../../src/core/search/search-index';
import { corpusDir, repoRoot } from './paths';

interface Case {
  line: number;
  expect: string;
  sourceSays?: string;
  text: string;
}

const evalDir = join(repoRoot, 'test', 'fixtures', 'eval');
const report = readFileSync(join(evalDir, 'seed-report.md'), 'utf8');
const cases = (JSON.parse(readFileSync(join(evalDir, 'seed-report.expected.json'), 'utf8')) as { cases: Case[] }).cases;
const CHECKED = new Set(['figure-mismatch', 'figure-unsupported', 'quote-mismatch', 'unknown-source']);

describe('development set: figure and quote checks on the seed report (core)', () => {
  let byLine: Map<number, Finding[]>;
  before(async () => {
    const { corpus } = await loadCorpusDirectory(corpusDir);
    const findings = checkReport(report, { corpus, search: new SearchIndex(corpus.all()) });
    const lines = new LineIndex(report);
    byLine = new Map();
    for (const f of findings) {
      const line = lines.positionAt(f.start).line + 1;
      byLine.set(line, [...(byLine.get(line) ?? []), f]);
    }
  });

  for (const c of cases) {
    it(`line ${c.line}: ${c.expect}${c.sourceSays ? ` (source says ${c.sourceSays})` : ''} — ${c.text.slice(0, 70)}`, () => {
      const found = (byLine.get(c.line) ?? []).filter((f) => CHECKED.has(f.code));
      const summary = found.map((f) => `${f.code}: ${f.message}`).join('\n');
      if (c.expect === 'clean') {
        assert.equal(found.length, 0, summary);
        return;
      }
      const match = found.find((f) => f.code === c.expect);
      assert.ok(match, `no ${c.expect} on line ${c.line}; found:\n${summary}`);
      if (c.sourceSays) assert.ok(match.message.includes(c.sourceSays), match.message);
    });
  }
});
