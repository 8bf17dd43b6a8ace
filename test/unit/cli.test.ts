import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusDir, repoRoot } from './paths';

const bin = join(repoRoot, 'bin', 'grounded.js');
const evalDir = join(repoRoot, 'test', 'fixtures', 'eval');
const seedReport = join(evalDir, 'seed-report.md');

function grounded(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonReport {
  version: number;
  files: Array<{ path: string; diagnostics: Array<{ code: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; source: { key: string; locator: string | null; text: string } | null }> }>;
}

describe('grounded check (CLI)', function () {
  this.timeout(60_000);

  it('passes every case of the development set, through the CLI', () => {
    const r = grounded('check', '--corpus', corpusDir, '--format', 'json', seedReport);
    assert.equal(r.code, 1, r.stderr);
    const json = JSON.parse(r.stdout) as JsonReport;
    assert.equal(json.version, 1);
    const diagnostics = json.files[0].diagnostics;
    const cases = (JSON.parse(readFileSync(join(evalDir, 'seed-report.expected.json'), 'utf8')) as { cases: Array<{ line: number; expect: string; sourceSays?: string }> }).cases;
    const checked = new Set(['figure-mismatch', 'figure-unsupported', 'quote-mismatch', 'unknown-source']);
    const failures: string[] = [];
    for (const c of cases) {
      const onLine = diagnostics.filter((d) => d.range.start.line === c.line - 1 && checked.has(d.code));
      if (c.expect === 'clean' ? onLine.length > 0 : !onLine.some((d) => d.code === c.expect && (!c.sourceSays || d.message.includes(c.sourceSays)))) {
        failures.push(`line ${c.line}: expected ${c.expect}, got ${onLine.map((d) => d.code).join(', ') || 'nothing'}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  it('writes 0-based UTF-16 ranges and the source in JSON', () => {
    const json = JSON.parse(grounded('check', '--corpus', corpusDir, '--format', 'json', seedReport).stdout) as JsonReport;
    const mismatch = json.files[0].diagnostics.find((d) => d.code === 'figure-mismatch')!;
    const line = readFileSync(seedReport, 'utf8').split('\n')[mismatch.range.start.line];
    assert.equal(line.slice(mismatch.range.start.character, mismatch.range.end.character), '120,000');
    assert.deepEqual(mismatch.source, { key: 'putin-biden-talks', locator: 'para. 7', text: 'over 94,000 troops' });
  });

  it('prints compiler-style text lines', () => {
    const r = grounded('check', '--corpus', corpusDir, seedReport);
    assert.match(r.stdout, /^test\/fixtures\/eval\/seed-report\.md:4:56: warning figure-mismatch Source says "over 94,000 troops"/m);
  });

  it('writes SARIF 2.1.0 with rules and locations', () => {
    const sarif = JSON.parse(grounded('check', '--corpus', corpusDir, '--format', 'sarif', seedReport).stdout) as {
      version: string;
      runs: Array<{ tool: { driver: { name: string; rules: Array<{ id: string }> } }; results: Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }> }> }>;
    };
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'Grounded');
    assert.ok(run.tool.driver.rules.some((r) => r.id === 'figure-mismatch'));
    const first = run.results.find((r) => r.ruleId === 'figure-mismatch')!;
    assert.equal(first.level, 'warning');
    assert.deepEqual(first.locations[0].physicalLocation.region, { startLine: 4, startColumn: 56, endLine: 4, endColumn: 63 });
    assert.equal(first.locations[0].physicalLocation.artifactLocation.uri, 'test/fixtures/eval/seed-report.md');
  });

  it('exits 1 at --fail-on, 0 below it, 2 on bad usage or unreadable input', () => {
    assert.equal(grounded('check', '--corpus', corpusDir, '--fail-on', 'none', seedReport).code, 0);
    assert.equal(grounded('check', '--corpus', corpusDir, '--fail-on', 'error', seedReport).code, 1);
    const clean = join(mkdtempSync(join(tmpdir(), 'grounded-cli-')), 'ok.md');
    writeFileSync(clean, 'Russia seized Crimea in 2014 [@biden-zelenskyy-call].\n');
    assert.equal(grounded('check', '--corpus', corpusDir, clean).code, 0);
    const noCorpus = grounded('check', seedReport);
    assert.equal(noCorpus.code, 2);
    assert.match(noCorpus.stderr, /No --corpus DIR or --bibliography FILE given/);
    const missing = grounded('check', '--corpus', corpusDir, 'no-such-report.md');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /Cannot read no-such-report\.md/);
    assert.match(grounded('check', '--corpus', corpusDir, '--format', 'xml', seedReport).stderr, /--format must be one of text, json, sarif; got "xml"/);
  });

  it('reports the citation checks by meaning in text, JSON and SARIF', () => {
    const report = join(mkdtempSync(join(tmpdir(), 'grounded-meaning-')), 'wrong.md');
    writeFileSync(report, 'Blinken said Russia was still moving critical units toward the border and had not pulled back its forces [@zelensky-direct-talks].\n\nUS intelligence warned of an offensive involving 175,000 troops.\n');
    const text = grounded('check', '--corpus', corpusDir, report).stdout;
    assert.match(text, /wrong\.md:1:\d+: warning citation-unsupported @zelensky-direct-talks says nothing like this; @putin-nato-scholz does:/);
    assert.match(text, /wrong\.md:3:1: hint citation-missing No citation; @biden-zelenskyy-call says this:/);
    const json = JSON.parse(grounded('check', '--corpus', corpusDir, '--format', 'json', report).stdout) as JsonReport;
    const unsupported = json.files[0].diagnostics.find((d) => d.code === 'citation-unsupported');
    assert.equal(unsupported?.source?.key, 'putin-nato-scholz');
    const sarif = JSON.parse(grounded('check', '--corpus', corpusDir, '--format', 'sarif', report).stdout) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<{ ruleId: string; level: string }> }> };
    const ids = sarif.runs[0].tool.driver.rules.map((r) => r.id);
    for (const code of ['citation-unsupported', 'claim-unsupported', 'quote-misattributed', 'citation-missing']) assert.ok(ids.includes(code), code);
    assert.deepEqual(sarif.runs[0].results.map((r) => `${r.ruleId} ${r.level}`).sort(), ['citation-missing note', 'citation-unsupported warning']);
  });

  it('checks hundreds of reports in one run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'grounded-many-'));
    for (let i = 0; i < 300; i++) writeFileSync(join(dir, `r${i}.md`), i % 2 ? 'Russia seized Crimea in 2015 [@biden-zelenskyy-call].\n' : 'Russia seized Crimea in 2014 [@biden-zelenskyy-call].\n');
    const json = JSON.parse(grounded('check', '--corpus', corpusDir, '--format', 'json', dir).stdout) as JsonReport;
    assert.equal(json.files.length, 300);
    assert.equal(json.files.filter((f) => f.diagnostics.some((d) => d.code === 'figure-mismatch')).length, 150);
  });
});
