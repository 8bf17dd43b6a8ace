// Runs the UI tests (mocha in plain Node; each test drives VS Code in headless Chromium).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import { summarize, type TestReport } from './results';

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? testFiles(path) : name.endsWith('.test.js') ? [path] : [];
  });
}

async function main(): Promise<number> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 180_000, color: false, reporter: 'spec' });
  const grep = process.env.GROUNDED_UI_GREP;
  if (grep) mocha.grep(grep);
  for (const file of testFiles(join(__dirname, '..', 'ui')).sort()) mocha.addFile(file);
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
  console.log('\nUI summary:');
  return summarize(report);
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
