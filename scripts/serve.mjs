// The main job (`npm start`): VS Code in the browser (code-server) with Grounded loaded on
// the sample corpus and report. Prints the address to open; runs until Ctrl+C.
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const { freePort, repoRoot, startCodeServer, workbenchUrl } = require('../out/test/runner/code-server.js');

const root = resolve(repoRoot);
const demo = join(root, '.cache', 'demo-workspace');
const userData = join(root, '.cache', 'demo-user');
// The writer's edits to the demo report survive restarts: copy only what is missing.
if (!existsSync(demo)) {
  mkdirSync(demo, { recursive: true });
  cpSync(join(root, 'corpus'), join(demo, 'corpus'), { recursive: true });
  cpSync(join(root, 'test', 'fixtures', 'report.md'), join(demo, 'report.md'));
}
mkdirSync(join(userData, 'User'), { recursive: true });
writeFileSync(
  join(userData, 'User', 'settings.json'),
  JSON.stringify({ 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off', 'extensions.autoCheckUpdates': false }, null, 2),
);

const wanted = Number(process.env.GROUNDED_PORT ?? 8080);
const port = await isFree(wanted) ? wanted : await freePort();
const server = await startCodeServer({ workspace: demo, userDataDir: userData, extensionsDir: join(root, '.cache', 'demo-extensions'), port });
const url = workbenchUrl(server, demo, { extensionPath: root, openFile: join(demo, 'report.md') });
console.log(`\nGrounded is running in VS Code (code-server 4.100.3) on the sample corpus and report.\n\nOpen this address in a browser:\n\n  ${url}\n\nWith report.md open, press F1 and run "Grounded: Search Sources". Ctrl+C stops the server.\n`);

const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
server.process.on('exit', (code) => {
  console.error(`code-server exited (${code}).\n${server.log().split('\n').slice(-20).join('\n')}`);
  process.exit(1);
});

async function isFree(p) {
  const { createServer } = await import('node:net');
  return new Promise((res) => {
    const s = createServer();
    s.once('error', () => res(false));
    s.listen(p, '127.0.0.1', () => s.close(() => res(true)));
  });
}
