// npm run bench: Grounded's search, completion ranking and checks at 1,000, 10,000, 50,000 and
// 250,000 passages of real news text, and on the BBC articles cut as the extension cuts them
// (sentence passages), beside plain fuse.js measured in the same run; then the index worker
// reading 1,000 PDFs that Chromium printed from the articles, and one of them changed. Each
// engine runs in a process of its own (bench-run.ts, pdf-run.ts), so each peak memory is its own.
// A benchmark, not a test: it reports numbers and the machine, it asserts nothing.
// Options: --articles DIR (any folder of .txt/.md articles or CSVs with a `text` column),
// --sizes 1000,10000,50000,250000, --pdfs 1000 (0: none).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { articlesFolder, option, repoRoot } from './options';
import { loadArticles } from './bbc';
import { benchPdfs, changedPdf, pdfCacheDir } from './pdfs';
import { MISSPELT, QUERIES } from './queries';
import { median, percentile, round } from './stats';

const articlesDir = articlesFolder();
const sizes = option('--sizes', '1000,10000,50000,250000').split(',').map(Number);
const pdfCount = Number(option('--pdfs', '1000'));
/** Past this size plain fuse.js takes seconds a query: it runs every third query only, and recall is measured on those. */
const FUSE_ALL_QUERIES_UP_TO = 50_000;


const scratch = mkdtempSync(join(tmpdir(), 'grounded-bench-'));
const cacheFile = join(scratch, 'index.bin');

function run<T>(engine: string, size?: number, extra: string[] = []): T {
  const out = execFileSync(process.execPath, ['--expose-gc', join(__dirname, 'bench-run.js'), '--engine', engine, '--articles', articlesDir, '--cache', cacheFile, ...(size ? ['--size', String(size)] : []), ...extra], {
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
  queryIndices: number[];
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

/** `sentences`: the articles as the extension cuts them, whatever their number of passages. */
function measure(size: number, cut?: 'sentences') {
  const extra = cut ? ['--cut', cut] : [];
  const g = run<GroundedRun>('grounded', size, extra);
  const w = run<{ passages: number; warmStartMs: number; cacheMB: number; peakRssMB: number }>('warm');
  if (w.passages !== g.passages) throw new Error(`the warm start read ${w.passages} passages, the cold build had ${g.passages}`);
  const sample = g.passages > FUSE_ALL_QUERIES_UP_TO ? QUERIES.map((_, i) => i).filter((i) => i % 3 === 0) : undefined;
  const f = run<FuseRun>('fuse', size, [...extra, ...(sample ? ['--queries', sample.join(',')] : [])]);
  const ours = f.queryIndices.map((i) => g.results[i]);
  const groundedMsOf = f.queryIndices.map((i) => g.searchMs[i]);
  return {
    label: cut ? `${n(g.sources)} BBC articles, sentence passages` : n(g.passages),
    cut: cut ?? 'passages of three sentences',
    /** The size asked for (Infinity: every article); the language server's workspace of that size parses to a few more passages. */
    size,
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
    baseline: { buildMs: round(f.buildMs), searchP50Ms: round(median(f.searchMs)), searchP95Ms: round(percentile(f.searchMs, 95)), peakRssMB: f.peakRssMB, queries: f.queryIndices.length },
    // On the same queries (a sample of them past FUSE_ALL_QUERIES_UP_TO).
    speedupP50: round(median(f.searchMs) / median(groundedMsOf), 1),
    recallAt10: round(recallAt10(ours, f.results), 3),
    perQuery: f.queryIndices.map((qi, j) => ({ query: QUERIES[qi], groundedMs: round(g.searchMs[qi]), fuseMs: round(f.searchMs[j]), recall: round(recallAt10([g.results[qi]], [f.results[j]]), 2) })),
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

const n = (x: number) => x.toLocaleString('en');

const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGB: round(totalmem() / 2 ** 30, 1), node: process.version, platform: `${process.platform} ${process.arch}` };
interface PdfRun {
  pdfs: number;
  passages: number;
  pages: number;
  problems: number;
  scanMs: number;
  indexMs: number;
  totalMs: number;
  perPdfMs: number;
  hostStallMaxMs: number;
  hostStallP99Ms: number;
  reindexOneMs: number;
  changedFound: boolean;
  reloadFromCacheMs: number;
  hostPeakRssMB: number;
}

/** The index worker reads `count` PDFs that Chromium printed from the articles (made once, then cached), then one changes. */
async function pdfRows(count: number): Promise<(PdfRun & { cacheDir: string; printedNow: number; printMs: number }) | undefined> {
  if (!count) return undefined;
  const articles = loadArticles(articlesDir).slice(0, count);
  const dir = join(pdfCacheDir(), `bbc-${articles.length}`);
  const { made, makeMs } = await benchPdfs(articles, dir);
  const work = mkdtempSync(join(tmpdir(), 'grounded-bench-pdf-'));
  const changed = join(work, 'changed.pdf');
  const child = spawn(process.execPath, [join(__dirname, 'pdf-run.js'), '--pdfs', dir, '--changed', changed, '--scratch', work], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  const lines: string[] = [];
  let wake: () => void = () => undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    const cut = out.split('\n');
    out = cut.pop() ?? '';
    lines.push(...cut.filter(Boolean));
    wake();
  });
  const line = () => new Promise<string>((resolve, reject) => {
    const take = () => (lines.length ? resolve(lines.shift()!) : child.exitCode !== null ? reject(new Error(`pdf-run exited (${child.exitCode})`)) : undefined);
    wake = take;
    child.once('exit', take);
    take();
  });
  try {
    if ((await line()) !== 'ready') throw new Error('pdf-run did not get ready');
    await changedPdf(articles[articles.length - 1], changed);
    child.stdin.write('changed\n');
    return { ...(JSON.parse(await line()) as PdfRun), cacheDir: dir, printedNow: made, printMs: round(makeMs, 0) };
  } finally {
    child.stdin.end();
    rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const coldStart = run<{ articles: number; passages: number; parseMs: number; indexMs: number; peakRssMB: number }>('articles');
  const rows = [...sizes.map((size) => measure(size)), measure(Infinity, 'sentences')];
  const pdf = await pdfRows(pdfCount);
  // The language server at 50,000 passages (or the largest size below it), as the issue asks.
  const lspPassages = Math.max(...sizes.filter((size) => size <= 50_000));
  const lspRun = Number.isFinite(lspPassages) ? languageServer(lspPassages) : undefined;
  const result = { date: new Date().toISOString().slice(0, 10), machine, articlesDir, coldStart, queries: QUERIES.length, misspelt: MISSPELT, searchRounds: rows[0]?.grounded.searchRounds, rows, pdf, extension: extensionFootprint(), languageServer: lspRun };
  mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
  writeFileSync(join(repoRoot, 'test-results', 'bench.json'), JSON.stringify(result, null, 2));
  rmSync(scratch, { recursive: true, force: true });
  console.log(JSON.stringify(result, null, 2));
  printTables({ ...result, lspSize: lspPassages });
}

function printTables({ coldStart, rows, pdf, extension, searchRounds, languageServer: lspRun, lspSize }: { coldStart: { articles: number; passages: number; parseMs: number; indexMs: number }; rows: ReturnType<typeof measure>[]; pdf: Awaited<ReturnType<typeof pdfRows>>; extension: ReturnType<typeof extensionFootprint>; searchRounds?: number; languageServer?: LanguageServerRun; lspSize: number }): void {
  console.log(`\nMachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, Node ${machine.node}, ${machine.platform}.`);
  console.log(`Articles: ${n(coldStart.articles)} from ${articlesDir} (${n(coldStart.passages)} passages as the extension cuts them): cold start ${n(Math.round(coldStart.parseMs + coldStart.indexMs))} ms (parse ${n(Math.round(coldStart.parseMs))} + index ${n(Math.round(coldStart.indexMs))}).`);
  console.log(`Extension: .vsix ${extension.vsixKB ?? '?'} KB; activation ${extension.activationMs ?? '(not measured yet: run npm run test:integration)'} ms (${extension.activationSource}).`);
  console.log(`Queries: ${QUERIES.length}, ${MISSPELT} misspelt; each engine in its own process. Grounded's time per query is the median of ${searchRounds} rounds on fresh copies of the index; plain Fuse's is one timing. A 5,000-word report's checks: the median of ${rows[0]?.grounded.checkRounds ?? '?'} first checks, each on fresh copies of the sources (every cited source's sentences read anew), and of ${rows[0]?.grounded.checkRounds ?? '?'} re-checks.\n`);
  console.log(`Load average before / after: ${loadBefore} / ${loadavg().map((x) => x.toFixed(2)).join(' ')}.`);
  console.log('| passages | search p50 / p95 (ms) | plain Fuse p50 / p95 (ms) | speed-up (p50) | recall@10 | completion p50 / p95 (ms) | checks, 5,000 words, first / re-check (ms) | cold build (ms) | warm start (ms) | one source re-indexed (ms) | peak RSS, Grounded / plain Fuse (MB) |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const g = r.grounded;
    console.log(
      `| ${r.label}${r.baseline.queries < QUERIES.length ? ` (plain Fuse on ${r.baseline.queries} of the queries)` : ''} | ${g.searchP50Ms} / ${g.searchP95Ms} | ${n(r.baseline.searchP50Ms)} / ${n(r.baseline.searchP95Ms)} | ${n(r.speedupP50)}× | ${r.recallAt10} | ${g.completionP50Ms} / ${g.completionP95Ms} | ${g.diagnostics5000WordsMs} / ${g.recheck5000WordsMs} | ${n(g.coldBuildMs)} | ${g.warmStartMs} | ${g.updateOneSourceMs} | ${g.peakRssMB} / ${r.baseline.peakRssMB} |`,
    );
  }
  if (pdf) {
    console.log(`\nPDFs: ${n(pdf.pdfs)} BBC articles printed by Chromium (${pdf.printedNow ? `${pdf.printedNow} printed now in ${n(pdf.printMs)} ms` : 'all from the cache'}, ${pdf.cacheDir}): ${n(pdf.pages)} pages, ${n(pdf.passages)} passages.`);
    console.log('| PDFs | read on the worker (ms) | per PDF (ms) | index (ms) | host stall max / p99 (ms) | one changed PDF re-indexed (ms) | reload from the parse cache (ms) |');
    console.log('|---:|---:|---:|---:|---:|---:|---:|');
    console.log(`| ${n(pdf.pdfs)} | ${n(pdf.scanMs)} | ${pdf.perPdfMs} | ${n(pdf.indexMs)} | ${pdf.hostStallMaxMs} / ${pdf.hostStallP99Ms} | ${pdf.reindexOneMs}${pdf.changedFound ? '' : ' (its new sentence NOT found)'} | ${n(pdf.reloadFromCacheMs)} |`);
  }
  // The server cuts its files itself (50,355 passages for the 50,000 row): the row is the size it was asked for.
  const largest = lspRun && rows.find((r) => r.size === lspSize);
  if (lspRun && largest) {
    console.log(`\nAnswer times at ${n(lspRun.passages)} passages (${n(lspRun.sources)} sources), the extension's and the language server's (grounded-lsp over stdio, request to response, after indexing in ${n(lspRun.indexMs)} ms):\n`);
    console.log('| host | completion p50 / p95 (ms) | hover p50 / p95 (ms) |');
    console.log('|---|---:|---:|');
    console.log(`| extension (its providers' work, in-process; the completion ranking above: ${largest.grounded.completionP50Ms} / ${largest.grounded.completionP95Ms}) | ${lspRun.inProcess.completion.p50} / ${lspRun.inProcess.completion.p95} | ${lspRun.inProcess.hover.p50} / ${lspRun.inProcess.hover.p95} |`);
    console.log(`| language server, over the protocol | ${lspRun.lsp.completion.p50} / ${lspRun.lsp.completion.p95} | ${lspRun.lsp.hover.p50} / ${lspRun.lsp.hover.p95} |`);
  }
}

const loadBefore = loadavg().map((x) => x.toFixed(2)).join(' ');
void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
