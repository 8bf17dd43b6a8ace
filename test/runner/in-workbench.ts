// Runs a test suite inside a real VS Code extension host: code-server serves the workbench on a
// workspace, headless Chromium opens it with the extension under development and the suite's
// entry, and the suite's results come back through a file. Shared by the integration runner
// (the Node extension host) and the web runner (the web worker extension host). Fails on any
// failed test, a missing report, no tests, or a time-out.
import { existsSync, readFileSync } from 'node:fs';
import { launchChromium, removeQuietly, repoRoot, startCodeServer, workbenchUrl } from './code-server';
import { recordStage, summarize, type TestReport } from './results';

const TIMEOUT_MS = Number(process.env.GROUNDED_TEST_TIMEOUT_MS ?? 15 * 60_000);

export interface SuiteRun {
  /** The stage `npm test` names in its closing summary. */
  stage: string;
  workspace: string;
  testsPath: string;
  /** Where the suite writes its results. */
  resultsFile: string;
  userDataDir?: string;
  env?: Record<string, string>;
  /** Console messages of these types are shown when the run fails. */
  consoleTypes?: string[];
  /** Folders and files to remove afterwards. */
  scratch?: string[];
}

/** The results file, or undefined while there is none or it is caught mid-write (a writer that does not write aside and rename). */
function readReport(file: string): TestReport | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as TestReport;
  } catch {
    return undefined;
  }
}

export async function runSuiteInWorkbench(run: SuiteRun): Promise<number> {
  const server = await startCodeServer({ workspace: run.workspace, userDataDir: run.userDataDir, env: run.env });
  const browser = await launchChromium();
  const consoleLines: string[] = [];
  const types = run.consoleTypes ?? ['error'];
  let report: TestReport | undefined;
  let problem: string | undefined;
  try {
    const page = await browser.newPage();
    page.on('console', (msg) => {
      if (types.includes(msg.type())) consoleLines.push(types.length > 1 ? `${msg.type()}: ${msg.text()}` : msg.text());
    });
    await page.goto(workbenchUrl(server, run.workspace, { extensionPath: repoRoot, testsPath: run.testsPath }));
    const deadline = Date.now() + TIMEOUT_MS;
    for (;;) {
      const current = readReport(run.resultsFile);
      if (current?.done) {
        report = current;
        break;
      }
      if (server.process.exitCode !== null) {
        problem = `code-server exited (${server.process.exitCode}) before the tests finished`;
        break;
      }
      if (Date.now() > deadline) {
        problem = `the ${run.stage} tests did not finish within ${TIMEOUT_MS / 1000} s`;
        break;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    report ??= readReport(run.resultsFile);
  } finally {
    await browser.close();
    await server.stop();
  }
  const code = summarize(report, problem);
  recordStage(run.stage, report, problem);
  if (code !== 0) {
    if (consoleLines.length) console.error(`Browser console (last lines):\n${consoleLines.slice(-40).join('\n')}`);
    console.error(`code-server log (last lines):\n${server.log().split('\n').slice(-60).join('\n')}`);
  }
  removeQuietly(run.workspace, ...(run.scratch ?? []));
  return code;
}

/** Exits with what `main` resolves to; an error thrown is one failed test. */
export function exitWith(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      console.log('0 passed, 1 failed');
      process.exit(1);
    },
  );
}
