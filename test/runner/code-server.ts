// Starts a real VS Code (code-server 4.100.3, VS Code 1.100.3) on a throw-away workspace,
// and headless Chromium to drive its web workbench. Shared by the integration runner,
// the UI tests and `npm start`.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const repoRoot = resolve(__dirname, '../../..');
export const CODE_SERVER_VERSION = '4.100.3';
const cacheDir = process.env.GROUNDED_CACHE ?? join(homedir(), '.cache', 'grounded');
export const codeServerBin = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', '.bin', 'code-server');

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.tips.enabled': false,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'workbench.colorTheme': 'Default Light Modern',
  // VS Code's port finder forks `ls` and `ps` from the extension host every few seconds, and
  // forking a host that holds 2,225 articles blocks its loop for tens of ms: the Scale tests
  // would charge that to Grounded. With ports read from terminal output only, it never runs.
  'remote.autoForwardPorts': false,
  'remote.autoForwardPortsSource': 'output',
};

/**
 * A fresh folder with the sample corpus and report (and test-only extras), safe to edit; or,
 * given `files` (path → text), with those files alone.
 */
export function makeWorkspace(name = 'grounded-ws', files?: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), `${name}-`));
  if (files) {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  }
  cpSync(join(repoRoot, 'corpus'), join(dir, 'corpus'), { recursive: true });
  cpSync(join(repoRoot, 'test', 'fixtures', 'report.md'), join(dir, 'report.md'));
  const extra = join(repoRoot, 'test', 'fixtures', 'workspace-extra');
  if (existsSync(extra)) for (const entry of readdirSync(extra)) cpSync(join(extra, entry), join(dir, entry), { recursive: true });
  return dir;
}

/** A user-data folder with settings that keep welcome pages and update checks out of the way. */
export function makeUserDataDir(settings: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'grounded-user-'));
  mkdirSync(join(dir, 'User'), { recursive: true });
  writeFileSync(join(dir, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2));
  return dir;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface CodeServer {
  port: number;
  origin: string;
  process: ChildProcess;
  log: () => string;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  workspace: string;
  userDataDir?: string;
  extensionsDir?: string;
  port?: number;
  env?: Record<string, string>;
}

/** Starts code-server bound to 127.0.0.1 and resolves once it answers its health check. */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  if (!existsSync(codeServerBin)) throw new Error(`code-server is not installed at ${codeServerBin}; run bash scripts/setup.sh`);
  const port = options.port ?? (await freePort());
  const userDataDir = options.userDataDir ?? makeUserDataDir();
  const extensionsDir = options.extensionsDir ?? mkdtempSync(join(tmpdir(), 'grounded-ext-'));
  const args = [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    options.workspace,
  ];
  // No extension gallery: these servers run offline, and each failed gallery lookup is logged.
  const child = spawn(codeServerBin, args, { env: { ...process.env, EXTENSIONS_GALLERY: '{}', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${origin}/healthz`);
      if (res.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`code-server did not answer on ${origin} within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    origin,
    process: child,
    log: () => output,
    stop: () => stopProcess(child),
  };
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** The workbench URL for a folder, loading the extension under development (and its tests). */
export function workbenchUrl(server: CodeServer, folder: string, dev?: { extensionPath: string; testsPath?: string; openFile?: string }): string {
  const remote = (path: string) => `vscode-remote://127.0.0.1:${server.port}${path}`;
  const params = new URLSearchParams({ folder });
  if (dev) {
    const payload: Array<[string, string]> = [['extensionDevelopmentPath', remote(dev.extensionPath)]];
    if (dev.testsPath) payload.push(['extensionTestsPath', remote(dev.testsPath)]);
    if (dev.openFile) payload.push(['openFile', remote(dev.openFile)]);
    params.set('payload', JSON.stringify(payload));
  }
  return `${server.origin}/?${params.toString()}`;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export function removeQuietly(...dirs: string[]): void {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
