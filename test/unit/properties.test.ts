import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { checkReport } from '../../src/core/check/check-report';
import { parseCitations } from '../../src/core/citations';
import { parseArticle } from '../../src/core/corpus/article';
import type { Corpus } from '../../src/core/corpus/corpus';
import { loadCorpusDirectory } from '../../src/core/corpus/node-corpus';
import { extractFigures } from '../../src/core/figures/extract';
import type { SourceFormat } from '../../src/core/model';
import { corpusDir, repoRoot } from './paths';

// Text that looks like what Grounded reads: prose, markup, citations, numbers, quotes, odd bytes.
const pieces = ['[@', ']', '@', 'para. ', '; ', '-', '"', '“', '”', '’', '`', '```\n', '<!--', '-->', '---\n', '\n', '\n\n', '\r\n', ' ', '94,000', 'nine', 'January 10', '2014', '$2.3bn', '7.5%', 'two-hour', 'troops', 'Putin', '<p>', '</p>', '<div>', '&amp;', '[ad_1]', 'Source link', 'é', '\u0000', '\uD83D\uDE00', '{', '}', 'key:a', '.'];
const prose = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })), { maxLength: 80 }).map((parts) => parts.join(''));
const RUNS = { numRuns: 300 };

function inside(range: { start: number; end: number }, length: number): boolean {
  return Number.isInteger(range.start) && Number.isInteger(range.end) && range.start >= 0 && range.start <= range.end && range.end <= length;
}

describe('properties on random and mutated input', () => {
  let seeds: Corpus;
  let seedReport: string;
  before(async () => {
    seeds = (await loadCorpusDirectory(corpusDir)).corpus;
    seedReport = readFileSync(join(repoRoot, 'test', 'fixtures', 'eval', 'seed-report.md'), 'utf8');
  });

  it('the loader never throws, and every passage points at its own text in the file', () => {
    fc.assert(
      fc.property(prose, fc.constantFrom<SourceFormat>('text', 'markdown', 'html'), (text, format) => {
        const article = parseArticle('mem://x', text, format);
        for (const p of article.paragraphs) {
          assert.ok(inside(p, text.length));
          if (format !== 'html') assert.equal(text.slice(p.start, p.end).replace(/\r\n|\r|\n/g, (m) => ' '.repeat(m.length)), p.text);
          for (const s of p.sentences) {
            assert.ok(inside(s, p.text.length));
            assert.equal(p.text.slice(s.start, s.end), s.text);
          }
        }
        for (const r of article.removed) assert.ok(inside(r, text.length));
      }),
      RUNS,
    );
  });

  it('the citation parser never throws, and every key range holds its key', () => {
    fc.assert(
      fc.property(prose, (text) => {
        for (const c of parseCitations(text)) {
          assert.ok(inside(c, text.length));
          for (const item of c.items) {
            assert.ok(inside(item, text.length) && item.start >= c.start && item.end <= c.end);
            assert.equal(text.slice(item.keyStart, item.keyEnd).trim(), item.key);
            if (item.locator) assert.equal(text.slice(item.locator.start, item.locator.end), item.locator.value);
          }
        }
      }),
      RUNS,
    );
  });

  it('the figure parser never throws; spans hold the figure text and intervals are ordered', () => {
    fc.assert(
      fc.property(prose, (text) => {
        for (const f of extractFigures(text)) {
          assert.ok(inside(f, text.length));
          assert.equal(text.slice(f.start, f.end), f.text);
          assert.ok(f.min <= f.max && Number.isFinite(f.min), `${f.text}: ${f.min}..${f.max}`);
        }
      }),
      RUNS,
    );
  });

  it('checking never throws on random or mutated reports, and every finding lies inside the report', () => {
    const mutated = fc
      .array(fc.record({ at: fc.nat(), cut: fc.nat({ max: 8 }), insert: fc.constantFrom(...pieces) }), { maxLength: 12 })
      .map((edits) => edits.reduce((text, e) => {
        const at = e.at % (text.length + 1);
        return text.slice(0, at) + e.insert + text.slice(at + e.cut);
      }, seedReport));
    fc.assert(
      fc.property(fc.oneof(prose, mutated), (report) => {
        for (const f of checkReport(report, { corpus: seeds })) {
          assert.ok(inside(f, report.length), `${f.code} ${f.start}-${f.end} of ${report.length}`);
          for (const fix of f.fixes) assert.ok(inside(fix, report.length));
        }
      }),
      { numRuns: 150 },
    );
  });
});
