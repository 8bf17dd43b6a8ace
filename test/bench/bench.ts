// npm run bench: Grounded's search, completion ranking and checks at 1,000, 10,000 and
// 50,000 passages of real news text, beside plain fuse.js measured in the same run. Each
// engine runs in a process of its own (bench-run.ts), so each peak memory is its own.
// A benchmark, not a test: it reports numbers and the machine, it asserts nothing.
// Options: --articles DIR (any folder of .txt/.md articles or CSVs with a `text` column),
// --sizes 1000,10000,50000.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { articlesFolder, option, repoRoot } from './options';
import { MISSPELT, QUERIES } from './queries';
import { median, percentile, round } from './stats';

const articlesDir = articlesFolder();
const sizes = option('--sizes', '1000,10000,50000').split(',').map(Number);


const scratch = mkdtempSync(join(tmpdir(), 'grounded-bench-'));
const cacheFile = join(scratch, 'index.bin');

function run<T>(engine: string, size?: number): T {
  const out = execFileSync(process.execPath, ['--expose-gc', join(__dirname, 'bench-run.js'), '--engine', engine, '--articles', articlesDir, '--cache', cacheFile, ...(size ? ['--size', String(size)] : [])], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out) as T;
}

interface GroundedRun {
  passages: number;
  sources: number;
  coldBuildMs: number;
  updateMs: number[];
  /** Each query's median over `searchRounds` rounds on fresh copies of the index. */
  searchMs: number[];
  searchRounds: number;
  completionMs: number[];
  diagnosticsMs: number;
  recheckMs: number;
  checkRounds: number;
  results: string[][];
  peakRssMB: number;
}
interface FuseRun {
  passages: number;
  buildMs: number;
  searchMs: number[];
  results: string[][];
  peakRssMB: number;
}

/** Of plain fuse.js's top 10 for each query, the share Grounded also returns in its top 10. */
function recallAt10(ours: string[][], theirs: string[][]): number {
  let agreed = 0;
  let expected = 0;
  theirs.forEach((list, i) => {
    const mine = new Set(ours[i]);
    for (const id of list) {
      expected++;
      if (mine.has(id)) agreed++;
    }
  });
  return expected ? agreed / expected : 1;
}

function measure(size: number) {
  const g = run<GroundedRun>('grounded', size);
  const w = run<{ passages: number; warmStartMs: number; cacheMB: number; peakRssMB: number }>('warm');
  if (w.passages !== g.passages) throw new Error(`the warm start read ${w.passages} passages, the cold build had ${g.passages}`);
  const f = run<FuseRun>('fuse', size);
  return {
    passages: g.passages,
    sources: g.sources,
    grounded: {
      coldBuildMs: round(g.coldBuildMs),
      warmStartMs: round(w.warmStartMs),
      cacheMB: w.cacheMB,
      warmPeakRssMB: w.peakRssMB,
      updateOneSourceMs: round(median(g.updateMs)),
      searchP50Ms: round(median(g.searchMs)),
      searchP95Ms: round(percentile(g.searchMs, 95)),
      searchMaxMs: round(Math.max(...g.searchMs)),
      searchRounds: g.searchRounds,
      completionP50Ms: round(median(g.completionMs)),
      completionP95Ms: round(percentile(g.completionMs, 95)),
      diagnostics5000WordsMs: round(g.diagnosticsMs),
      recheck5000WordsMs: round(g.recheckMs),
      checkRounds: g.checkRounds,
      peakRssMB: g.peakRssMB,
    },
    baseline: { buildMs: round(f.buildMs), searchP50Ms: round(median(f.searchMs)), searchP95Ms: round(percentile(f.searchMs, 95)), peakRssMB: f.peakRssMB },
    speedupP50: round(median(f.searchMs) / median(g.searchMs), 1),
    recallAt10: round(recallAt10(g.results, f.results), 3),
    perQuery: QUERIES.map((q, i) => ({ query: q, groundedMs: round(g.searchMs[i]), fuseMs: round(f.searchMs[i]), recall: round(recallAt10([g.results[i]], [f.results[i]]), 2) })),
  };
}

/**
 * What installing and starting Grounded costs: the packaged .vsix's size, and the activation
 * time the real extension host reported in the last integration run (test-results/scale.json).
 */
function extensionFootprint(): { vsixKB?: number; activationMs?: number; activationSource: string } {
  const out = join(mkdtempSync(join(tmpdir(), 'grounded-vsix-')), 'grounded.vsix');
  let vsixKB: number | undefined;
  try {
    execFileSync(process.execPath, [join(repoRoot, 'scripts', 'package.mjs'), '--out', out], { cwd: repoRoot, stdio: 'ignore' });
    vsixKB = Math.round(statSync(out).size / 1024);
  } catch (e) {
    console.error(`Could not package the .vsix: ${(e as Error).message}`);
  }
  const scale = join(repoRoot, 'test-results', 'scale.json');
  const activationMs = existsSync(scale) ? (JSON.parse(readFileSync(scale, 'utf8')) as { activation?: { ms: number } }).activation?.ms : undefined;
  return { vsixKB, activationMs, activationSource: existsSync(scale) ? `measured in the real extension host by scale.test.ts, ${statSync(scale).mtime.toISOString().slice(0, 16)}` : 'no integration run yet' };
}

interface LanguageServerRun {
  passages: number;
  sources: number;
  indexMs: number;
  lsp: { completion: { p50: number; p95: number }; hover: { p50: number; p95: number } };
  inProcess: { completion: { p50: number; p95: number }; hover: { p50: number; p95: number } };
}

/**
 * The language server's answer times at the largest size (lsp.ts, in a process of its own:
 * grounded-lsp over stdio, request to response), and the same completion and hover computed
 * in-process as the extension's providers compute them.
 */
function languageServer(passages: number): LanguageServerRun | undefined {
  try {
    execFileSync(process.execPath, [join(__dirname, 'lsp.js'), '--articles', articlesDir, '--passages', String(passages)], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
    return JSON.parse(readFileSync(join(repoRoot, 'test-results', 'bench-lsp.json'), 'utf8')) as LanguageServerRun;
  } catch (e) {
    console.error(`The language server's bench failed: ${(e as Error).message}`);
    return undefined;
  }
}

const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGB: round(totalmem() / 2 ** 30, 1), node: process.version, platform: `${process.platform} ${process.arch}` };
const coldStart = run<{ articles: number; passages: number; parseMs: number; indexMs: number; peakRssMB: number }>('articles');
const rows = sizes.map(measure);
const lspRun = languageServer(Math.max(...sizes));
const result = { date: new Date().toISOString().slice(0, 10), machine, articlesDir, coldStart, queries: QUERIES.length, misspelt: MISSPELT, searchRounds: rows[0]?.grounded.searchRounds, rows, extension: extensionFootprint(), languageServer: lspRun };
mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
writeFileSync(join(repoRoot, 'test-results', 'bench.json'), JSON.stringify(result, null, 2));
rmSync(scratch, { recursive: true, force: true });
console.log(JSON.stringify(result, null, 2));

const n = (x: number) => x.toLocaleString('en');
console.log(`\nMachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, Node ${machine.node}, ${machine.platform}.`);
console.log(`Articles: ${n(coldStart.articles)} from ${articlesDir} (${n(coldStart.passages)} passages as the extension cuts them): cold start ${n(Math.round(coldStart.parseMs + coldStart.indexMs))} ms (parse ${n(Math.round(coldStart.parseMs))} + index ${n(Math.round(coldStart.indexMs))}).`);
console.log(`Extension: .vsix ${result.extension.vsixKB ?? '?'} KB; activation ${result.extension.activationMs ?? '(not measured yet: run npm run test:integration)'} ms (${result.extension.activationSource}).`);
console.log(`Queries: ${QUERIES.length}, ${MISSPELT} misspelt; each engine in its own process. Grounded's time per query is the median of ${result.searchRounds} rounds on fresh copies of the index; plain Fuse's is one timing. A 5,000-word report's checks: the median of ${rows[0]?.grounded.checkRounds ?? '?'} first checks, each on fresh copies of the sources (every cited source's sentences read anew), and of ${rows[0]?.grounded.checkRounds ?? '?'} re-checks.\n`);
console.log('| passages | search p50 / p95 (ms) | plain Fuse p50 / p95 (ms) | speed-up (p50) | recall@10 | completion p50 / p95 (ms) | checks, 5,000 words, first / re-check (ms) | cold build (ms) | warm start (ms) | one source re-indexed (ms) | peak RSS, Grounded / plain Fuse (MB) |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const g = r.grounded;
  console.log(
    `| ${n(r.passages)} | ${g.searchP50Ms} / ${g.searchP95Ms} | ${n(r.baseline.searchP50Ms)} / ${n(r.baseline.searchP95Ms)} | ${n(r.speedupP50)}× | ${r.recallAt10} | ${g.completionP50Ms} / ${g.completionP95Ms} | ${g.diagnostics5000WordsMs} / ${g.recheck5000WordsMs} | ${n(g.coldBuildMs)} | ${g.warmStartMs} | ${g.updateOneSourceMs} | ${g.peakRssMB} / ${r.baseline.peakRssMB} |`,
  );
}
const largest = rows.find((r) => r.passages === Math.max(...sizes));
if (lspRun && largest) {
  console.log(`\nAnswer times at ${n(lspRun.passages)} passages (${n(lspRun.sources)} sources), the extension's and the language server's (grounded-lsp over stdio, request to response, after indexing in ${n(lspRun.indexMs)} ms):\n`);
  console.log('| host | completion p50 / p95 (ms) | hover p50 / p95 (ms) |');
  console.log('|---|---:|---:|');
  console.log(`| extension (its providers' work, in-process; the completion ranking above: ${largest.grounded.completionP50Ms} / ${largest.grounded.completionP95Ms}) | ${lspRun.inProcess.completion.p50} / ${lspRun.inProcess.completion.p95} | ${lspRun.inProcess.hover.p50} / ${lspRun.inProcess.hover.p95} |`);
  console.log(`| language server, over the protocol | ${lspRun.lsp.completion.p50} / ${lspRun.lsp.completion.p95} | ${lspRun.lsp.hover.p50} / ${lspRun.lsp.hover.p95} |`);
}
