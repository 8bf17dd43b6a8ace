// Runs the integration suite inside a real VS Code extension host: code-server serves the
// workbench, headless Chromium opens it with the extension under development and the test
// entry, and the suite's results come back through a file. Fails on any failed test, a
// missing report, no tests, or a time-out.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, makeWorkspace, removeQuietly, repoRoot, startCodeServer, workbenchUrl } from './code-server';
import { recordStage, summarize, type TestReport } from './results';

const TIMEOUT_MS = Number(process.env.GROUNDED_TEST_TIMEOUT_MS ?? 15 * 60_000);

async function main(): Promise<number> {
  const workspace = makeWorkspace();
  const scratch = mkdtempSync(join(tmpdir(), 'grounded-results-'));
  const resultsFile = join(scratch, 'results.json');
  const server = await startCodeServer({ workspace, env: { GROUNDED_TEST_RESULTS: resultsFile, GROUNDED_TEST_WORKSPACE: workspace } });
  const browser = await launchChromium();
  const consoleErrors: string[] = [];
  let report: TestReport | undefined;
  let problem: string | undefined;
  try {
    const page = await browser.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text());
    });
    await page.goto(workbenchUrl(server, workspace, { extensionPath: repoRoot, testsPath: join(repoRoot, 'out', 'test', 'integration', 'index') }));
    const deadline = Date.now() + TIMEOUT_MS;
    for (;;) {
      if (existsSync(resultsFile)) {
        const current = JSON.parse(readFileSync(resultsFile, 'utf8')) as TestReport;
        if (current.done) {
          report = current;
          break;
        }
      }
      if (server.process.exitCode !== null) {
        problem = `code-server exited (${server.process.exitCode}) before the tests finished`;
        break;
      }
      if (Date.now() > deadline) {
        problem = `the integration tests did not finish within ${TIMEOUT_MS / 1000} s`;
        break;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    if (!report && existsSync(resultsFile)) report = JSON.parse(readFileSync(resultsFile, 'utf8')) as TestReport;
  } finally {
    await browser.close();
    await server.stop();
  }
  const code = summarize(report, problem);
  recordStage('integration', report, problem);
  if (code !== 0) {
    if (consoleErrors.length) console.error(`Browser console errors:\n${consoleErrors.slice(-30).join('\n')}`);
    console.error(`code-server log (last lines):\n${server.log().split('\n').slice(-60).join('\n')}`);
  }
  removeQuietly(workspace, scratch);
  return code;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
