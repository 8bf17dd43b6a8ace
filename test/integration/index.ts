// Entry of the integration suite inside a VS Code extension host (code-server here,
// @vscode/test-electron on a desktop): runs every *.test.js beside this file with mocha
// and, when GROUNDED_TEST_RESULTS names a file, writes the results there.
import { readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import type { TestReport } from '../runner/results';

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? testFiles(path) : name.endsWith('.test.js') ? [path] : [];
  });
}

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  // GROUNDED_GREP runs a subset while developing; CI sets none.
  if (process.env.GROUNDED_GREP) mocha.grep(process.env.GROUNDED_GREP);
  for (const file of testFiles(__dirname).sort()) mocha.addFile(file);
  const report: TestReport = { done: false, passed: 0, failed: 0, pending: 0, tests: [] };
  const resultsFile = process.env.GROUNDED_TEST_RESULTS;
  // Written whole and renamed into place: the runner polls the file and must never read half of it.
  const save = () => {
    if (!resultsFile) return;
    writeFileSync(`${resultsFile}.partial`, JSON.stringify(report, null, 2));
    renameSync(`${resultsFile}.partial`, resultsFile);
  };
  try {
    await mocha.loadFilesAsync();
  } catch (e) {
    // A test file that fails to load must fail the run, not leave the runner waiting.
    report.failed++;
    report.done = true;
    report.tests.push({ title: 'loading the integration test files', state: 'failed', error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    save();
    throw e;
  }
  await new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      report.done = true;
      save();
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
    runner.on('pass', (test) => {
      report.passed++;
      report.tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration });
    });
    runner.on('fail', (test, err: Error) => {
      report.failed++;
      report.tests.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration, error: err.stack ?? String(err) });
      save();
    });
    runner.on('pending', (test) => {
      report.pending++;
      report.tests.push({ title: test.fullTitle(), state: 'pending' });
    });
  });
}
