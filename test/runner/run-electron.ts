// The same integration suite under @vscode/test-electron, for desktops with internet
// access (it downloads VS Code, which these offline machines cannot).
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { makeWorkspace, repoRoot } from './code-server';
import { exitWith } from './in-workbench';
import { summarize, type TestReport } from './results';

async function main(): Promise<number> {
  const workspace = makeWorkspace();
  const resultsFile = join(mkdtempSync(join(tmpdir(), 'grounded-results-')), 'results.json');
  let problem: string | undefined;
  try {
    await runTests({
      version: '1.100.3',
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(repoRoot, 'out', 'test', 'integration', 'index'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
      extensionTestsEnv: { GROUNDED_TEST_RESULTS: resultsFile, GROUNDED_TEST_WORKSPACE: workspace },
    });
  } catch (e) {
    problem = e instanceof Error ? e.message : String(e);
  }
  const report = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as TestReport) : undefined;
  return summarize(report, problem);
}

exitWith(main);
