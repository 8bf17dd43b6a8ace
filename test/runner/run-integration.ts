// Runs the integration suite inside a real VS Code extension host (the Node one): code-server
// serves the workbench, headless Chromium opens it with the extension under development and the
// test entry, and the suite's results come back through a file (see in-workbench.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeWorkspace, repoRoot } from './code-server';
import { exitWith, runSuiteInWorkbench } from './in-workbench';

exitWith(async () => {
  const workspace = makeWorkspace();
  const scratch = mkdtempSync(join(tmpdir(), 'grounded-results-'));
  const resultsFile = join(scratch, 'results.json');
  return runSuiteInWorkbench({
    stage: 'integration',
    workspace,
    testsPath: join(repoRoot, 'out', 'test', 'integration', 'index'),
    resultsFile,
    env: { GROUNDED_TEST_RESULTS: resultsFile, GROUNDED_TEST_WORKSPACE: workspace },
    scratch: [scratch],
  });
});
