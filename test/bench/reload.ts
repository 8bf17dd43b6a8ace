// npm run bench:reload: how long Grounded takes to be ready after a window reload, in the real
// VS Code (code-server) in headless Chromium, with its caches on disk (warm) and without
// (cold), on the 5-source sample and on the sample plus the 2,225 BBC News articles.
// Each reload is a real one (the page reloads; a new extension host starts); Grounded's own
// figure is the "Indexed N sources in X ms" line it logs, and the wall time is from the
// reload to its status bar item showing the sources. Runs alternate warm and cold.
// A benchmark, not a test: it reports numbers and the machine, it asserts nothing.
// Options: --runs N (default 5), --only sample|bbc.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, makeUserDataDir, makeWorkspace, removeQuietly, startCodeServer, workbenchUrl } from '../runner/code-server';
import { bbcNewsDir, loadArticles } from './bbc';
import { median, round } from './stats';

const repoRoot = resolve(__dirname, '../../..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] || 5);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

interface LogLine {
  at: string;
  text: string;
}

/** Every line of Grounded's output channel logs under a user-data folder, oldest first. */
function groundedLog(userDataDir: string): LogLine[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('Grounded.log')) files.push(path);
    }
  };
  walk(join(userDataDir, 'logs'));
  const lines = files.flatMap((f) => readFileSync(f, 'utf8').split('\n').filter(Boolean).map((line) => ({ at: line.slice(0, 23), text: line.slice(24) })));
  return lines.sort((a, b) => a.at.localeCompare(b.at));
}

/** Polls the log until `count` lines match `pattern`, and returns the last. */
async function logLine(userDataDir: string, pattern: RegExp, count: number): Promise<LogLine> {
  const deadline = Date.now() + 300_000;
  for (;;) {
    const matching = existsLog(userDataDir) ? groundedLog(userDataDir).filter((l) => pattern.test(l.text)) : [];
    if (matching.length >= count) return matching[count - 1];
    if (Date.now() > deadline) throw new Error(`no log line ${pattern} number ${count}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function existsLog(userDataDir: string): boolean {
  try {
    return statSync(join(userDataDir, 'logs')).isDirectory();
  } catch {
    return false;
  }
}

/** Removes the parse and index caches from the workspace's storage folder. */
function clearCaches(userDataDir: string): number {
  let removed = 0;
  const storage = join(userDataDir, 'User', 'workspaceStorage');
  for (const workspace of readdirSync(storage)) {
    const folder = join(storage, workspace, 'grounded-dev.grounded');
    for (const name of ['parse-cache.json', 'index-cache.bin']) {
      try {
        rmSync(join(folder, name));
        removed++;
      } catch {
        // Not written for this workspace.
      }
    }
  }
  return removed;
}

interface Reload {
  kind: 'warm' | 'cold';
  groundedMs: number;
  wallMs: number;
  line: string;
}

async function measure(name: string, extraArticles: string[]): Promise<{ name: string; sources: number; firstStart?: string; warm: Reload[]; cold: Reload[] }> {
  const workspace = makeWorkspace(`grounded-reload-${name}`);
  if (extraArticles.length) {
    mkdirSync(join(workspace, 'corpus', 'bbc'));
    extraArticles.forEach((text, i) => writeFileSync(join(workspace, 'corpus', 'bbc', `bbc-${String(i).padStart(4, '0')}.txt`), text));
  }
  const sources = 5 + extraArticles.length;
  const userDataDir = makeUserDataDir();
  const server = await startCodeServer({ workspace, userDataDir });
  const browser = await launchChromium();
  const reloads: Reload[] = [];
  let firstStart: LogLine | undefined;
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const ready = (p: Page) => p.locator('.statusbar-item', { hasText: `${sources} sources` }).first().waitFor({ timeout: 300_000 });
    let indexed = 1;
    let saved = 1;
    // The first start indexes from nothing and writes the caches.
    await page.goto(workbenchUrl(server, workspace, { extensionPath: repoRoot }));
    await ready(page);
    firstStart = await logLine(userDataDir, new RegExp(`^\\[info\\] Indexed ${sources} sources`), indexed);
    await logLine(userDataDir, /^\[info\] Caches saved/, saved);
    for (let i = 0; i < 2 * runs; i++) {
      const kind = i % 2 === 0 ? 'warm' : 'cold';
      if (kind === 'cold' && clearCaches(userDataDir) === 0) throw new Error('no caches to clear');
      const started = performance.now();
      await page.reload();
      await ready(page);
      const wallMs = performance.now() - started;
      const line = await logLine(userDataDir, new RegExp(`^\\[info\\] Indexed ${sources} sources`), ++indexed);
      // After a cold start the caches are written a second after indexing: the next (warm) reload needs them.
      if (kind === 'cold') await logLine(userDataDir, /^\[info\] Caches saved/, ++saved);
      const groundedMs = Number(/in (\d+) ms/.exec(line.text)?.[1]);
      reloads.push({ kind, groundedMs, wallMs: round(wallMs), line: line.text });
      console.error(`${name} ${kind}: ${groundedMs} ms (wall ${round(wallMs)} ms) ${line.text}`);
    }
  } finally {
    await browser.close();
    await server.stop();
    removeQuietly(workspace, userDataDir);
  }
  return { name, sources, firstStart: firstStart?.text, warm: reloads.filter((r) => r.kind === 'warm'), cold: reloads.filter((r) => r.kind === 'cold') };
}

async function main(): Promise<void> {
  const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGB: round(totalmem() / 2 ** 30, 1), node: process.version, loadAverage: loadavg().map((l) => round(l, 2)) };
  const results = [];
  if (only !== 'bbc') results.push(await measure('sample', []));
  if (only !== 'sample') results.push(await measure('bbc', loadArticles(bbcNewsDir(repoRoot))));
  const summary = results.map((r) => ({
    corpus: r.name,
    sources: r.sources,
    runs,
    /** The first start of a fresh VS Code on this workspace: no caches, nothing warmed up. */
    firstStartMs: Number(/in (\d+) ms/.exec(r.firstStart ?? '')?.[1]),
    warmMedianMs: median(r.warm.map((x) => x.groundedMs)),
    coldMedianMs: median(r.cold.map((x) => x.groundedMs)),
    warmWallMedianMs: median(r.warm.map((x) => x.wallMs)),
    coldWallMedianMs: median(r.cold.map((x) => x.wallMs)),
    warmMs: r.warm.map((x) => x.groundedMs),
    coldMs: r.cold.map((x) => x.groundedMs),
  }));
  const result = { date: new Date().toISOString().slice(0, 16), machine, summary, loadAverageAfter: loadavg().map((l) => round(l, 2)) };
  mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
  writeFileSync(join(repoRoot, 'test-results', 'reload.json'), JSON.stringify({ ...result, runs: results }, null, 2));
  console.log(JSON.stringify(result, null, 2));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
