// The main job (`npm start`): VS Code in the browser (code-server) with Grounded loaded on a
// folder: `npm start -- PATH` (or GROUNDED_WORKSPACE=PATH) opens the writer's own folder;
// without one, a copy of the sample corpus and report. Prints the address to open; runs until Ctrl+C.
import { cpSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const { freePort, repoRoot, startCodeServer, workbenchUrl } = require('../out/test/runner/code-server.js');

const root = resolve(repoRoot);
const userData = join(root, '.cache', 'demo-user');
// npm runs scripts in the package's folder: a relative PATH means the folder npm was started in.
const asked = process.argv[2] ?? process.env.GROUNDED_WORKSPACE;
const workspace = asked ? resolve(process.env.INIT_CWD ?? process.cwd(), asked) : sampleWorkspace();
if (asked && !(existsSync(workspace) && statSync(workspace).isDirectory())) {
  console.error(`npm start: ${workspace} is not a folder. Give the folder that holds your corpus/ (or sources/) and your reports: npm start -- PATH`);
  process.exit(2);
}
const report = reportIn(workspace);

mkdirSync(join(userData, 'User'), { recursive: true });
writeFileSync(
  join(userData, 'User', 'settings.json'),
  JSON.stringify(
    {
      'workbench.startupEditor': 'none',
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'extensions.ignoreRecommendations': true,
      'workbench.enableExperiments': false,
      'update.mode': 'none',
    },
    null,
    2,
  ),
);

const wanted = Number(process.env.GROUNDED_PORT ?? 8080);
const port = await isFree(wanted) ? wanted : await freePort();
// startCodeServer runs it with no extension gallery: it runs offline, and each failed lookup would be logged.
const server = await startCodeServer({ workspace, userDataDir: userData, extensionsDir: join(root, '.cache', 'demo-extensions'), port });
const url = workbenchUrl(server, workspace, { extensionPath: root, ...(report ? { openFile: report } : {}) });
const what = asked ? workspace : 'the sample corpus and report';
const next = report ? `With ${report.slice(workspace.length + 1)} open, press F1 and run "Grounded: Search Sources".` : 'Open a Markdown report, press F1 and run "Grounded: Search Sources".';
console.log(`\nGrounded is running in VS Code (code-server 4.100.3) on ${what}.\n\nOpen this address in a browser:\n\n  ${url}\n\n${next} Ctrl+C stops the server.\n`);

let stopping = false;
const stop = async () => {
  stopping = true;
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
server.process.on('exit', (code) => {
  if (stopping) return;
  console.error(`code-server exited (${code}).\n${server.log().split('\n').slice(-20).join('\n')}`);
  process.exit(1);
});

/** The sample: a copy, so the writer's edits to its report survive restarts (only what is missing is copied). */
function sampleWorkspace() {
  const demo = join(root, '.cache', 'demo-workspace');
  if (!existsSync(demo)) {
    mkdirSync(demo, { recursive: true });
    cpSync(join(root, 'corpus'), join(demo, 'corpus'), { recursive: true });
    cpSync(join(root, 'test', 'fixtures', 'report.md'), join(demo, 'report.md'));
  }
  return demo;
}

/** The report to open first: report.md, else the first Markdown file at the folder's top. */
function reportIn(folder) {
  const names = readdirSync(folder).filter((n) => /\.(md|markdown)$/i.test(n) && statSync(join(folder, n)).isFile()).sort();
  const name = names.find((n) => /^report\.md$/i.test(n)) ?? names[0];
  return name ? join(folder, name) : undefined;
}

async function isFree(p) {
  const { createServer } = await import('node:net');
  return new Promise((res) => {
    const s = createServer();
    s.once('error', () => res(false));
    s.listen(p, '127.0.0.1', () => s.close(() => res(true)));
  });
}
