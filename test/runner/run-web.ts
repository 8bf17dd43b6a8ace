// Runs the integration tests that apply in the browser's extension host: code-server serves the
// workbench, with the user setting `remote.extensionKind` forcing Grounded into the web worker
// extension host (its `browser` entry, no Node); headless Chromium opens it with the extension
// under development and the browser test bundle (out/test-web/index.js, from test/web/index.ts).
// The tests write their results through workspace.fs beside the workspace folder.
import { join } from 'node:path';
import { makeUserDataDir, makeWorkspace, repoRoot } from './code-server';
import { exitWith, runSuiteInWorkbench } from './in-workbench';

exitWith(async () => {
  const workspace = makeWorkspace('grounded-web-ws');
  const userDataDir = makeUserDataDir({ 'remote.extensionKind': { 'grounded-dev.grounded': ['web'] } });
  const resultsFile = `${workspace}.web-results.json`;
  return runSuiteInWorkbench({
    stage: 'web',
    workspace,
    userDataDir,
    testsPath: join(repoRoot, 'out', 'test-web', 'index.js'),
    resultsFile,
    consoleTypes: ['error', 'warning'],
    scratch: [resultsFile, userDataDir],
  });
});
