// Runs a mocha suite in plain Node (`unit`, `lsp` or `ui`), prints mocha's spec output and a
// closing 'N passed, N failed' line, and records the counts for the overall summary.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import { recordStage, summarize, type TestReport } from './results';

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? testFiles(path) : name.endsWith('.test.js') ? [path] : [];
  });
}

async function main(stage: string): Promise<number> {
  const mocha = new Mocha({ ui: 'bdd', timeout: stage === 'ui' ? 180_000 : stage === 'lsp' ? 60_000 : 10_000, color: false, reporter: 'spec' });
  const grep = process.env.GROUNDED_GREP;
  if (grep) mocha.grep(grep);
  for (const file of testFiles(join(__dirname, '..', stage)).sort()) mocha.addFile(file);
  await mocha.loadFilesAsync();
  const report: TestReport = { done: false, passed: 0, failed: 0, pending: 0, tests: [] };
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => {
      report.done = true;
      resolve();
    });
    runner.on('pass', (t) => void (report.passed++, report.tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration })));
    runner.on('fail', (t, err: Error) => void (report.failed++, report.tests.push({ title: t.fullTitle(), state: 'failed', error: err.stack ?? String(err) })));
    runner.on('pending', (t) => void (report.pending++, report.tests.push({ title: t.fullTitle(), state: 'pending' })));
  });
  console.log(`\n${stage} summary:`);
  const code = summarize(report, undefined, stage !== 'unit');
  recordStage(stage, report);
  return code;
}

const stage = process.argv[2];
if (stage !== 'unit' && stage !== 'lsp' && stage !== 'ui') {
  console.error('usage: run-mocha.js unit|lsp|ui');
  process.exit(2);
}
main(stage).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
