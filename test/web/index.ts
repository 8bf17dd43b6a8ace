// Entry of the integration suite in the browser's extension host (the web worker host of
// code-server's workbench, with Grounded forced to run there): mocha's browser build runs the
// integration tests that need no Node (and host.test.ts, which asserts where they run), and the
// results are written through workspace.fs to `<workspace>.web-results.json` beside the
// workspace folder, where test/runner/run-web.ts reads them. Bundled by scripts/build.mjs for
// the browser, with node:assert/strict mapped to ./assert.ts.
import * as vscode from 'vscode';
import type { TestReport } from '../runner/results';

// Mocha's prebuilt browser bundle (mocha/mocha.js, which needs no Node) sets the global `mocha`
// (scripts/build.mjs loads it with no module in sight).
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('mocha/mocha.js');
const mocha = (globalThis as unknown as { mocha: BrowserMocha }).mocha;

/** Mocha's reporters write to a page or a terminal; results go to the file instead. */
function Silent(): void {}

interface MochaTest {
  fullTitle(): string;
  duration?: number;
}
interface MochaRunner {
  on(event: 'pass' | 'pending', listener: (test: MochaTest) => void): MochaRunner;
  on(event: 'fail', listener: (test: MochaTest, err: Error) => void): MochaRunner;
}
interface BrowserMocha {
  setup(options: { ui: 'bdd'; timeout: number }): void;
  reporter(reporter: () => void): void;
  grep(pattern: string): void;
  run(done: (failures: number) => void): MochaRunner;
}

/** The integration test files that apply in a host with no Node (the others start processes, read the disk or measure Node). */
function loadTests(): void {
  /* eslint-disable @typescript-eslint/no-require-imports */
  require('./host.test');
  require('../integration/bad-input.test');
  require('../integration/citation-meaning.test');
  require('../integration/citations.test');
  require('../integration/corpus.test');
  require('../integration/diagnostics.test');
  require('../integration/evidence.test');
  require('../integration/insertion.test');
  require('../integration/manifest.test');
  require('../integration/no-sources.test');
  require('../integration/search.test');
  require('../integration/sources-read-only.test');
  require('../integration/views.test');
  /* eslint-enable @typescript-eslint/no-require-imports */
}

/** Where the results go: beside the workspace folder, on the server's disk. */
export function resultsUri(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) throw new Error('the web tests need a workspace folder');
  return folder.with({ path: `${folder.path}.web-results.json` });
}

export async function run(): Promise<void> {
  const report: TestReport = { done: false, passed: 0, failed: 0, pending: 0, tests: [] };
  const target = resultsUri();
  let writing = Promise.resolve();
  // Written in order, whole each time; the runner waits for `done`.
  const save = () => (writing = writing.then(() => vscode.workspace.fs.writeFile(target, new TextEncoder().encode(JSON.stringify(report, null, 2)))));
  mocha.setup({ ui: 'bdd', timeout: 60_000 });
  mocha.reporter(Silent);
  try {
    loadTests();
  } catch (e) {
    report.failed++;
    report.done = true;
    report.tests.push({ title: 'loading the web test files', state: 'failed', error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    await save();
    throw e;
  }
  const failures = await new Promise<number>((resolve) => {
    mocha
      .run((n) => resolve(n))
      .on('pass', (test) => {
        report.passed++;
        report.tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration });
      })
      .on('fail', (test, err) => {
        report.failed++;
        report.tests.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration, error: err.stack ?? String(err) });
        void save();
      })
      .on('pending', (test) => {
        report.pending++;
        report.tests.push({ title: test.fullTitle(), state: 'pending' });
      });
  });
  report.done = true;
  await save();
  if (failures > 0) throw new Error(`${failures} web integration test(s) failed`);
}
