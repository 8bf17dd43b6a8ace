// npm run bench: Grounded's search, completion ranking and checks at 1,000, 10,000 and
// 50,000 passages of real news text, beside plain fuse.js measured in the same run.
// A benchmark, not a test: it reports numbers and the machine, it asserts nothing.
import Fuse from 'fuse.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { checkReport } from '../../src/core/check/check-report';
import type { Source } from '../../src/core/model';
import { rankSources } from '../../src/core/search/relevance';
import { SearchIndex, type SearchSnapshot } from '../../src/core/search/search-index';
import { buildSources, loadArticles } from './bbc';

const repoRoot = resolve(__dirname, '../../..');
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const articlesDir = option('--articles', resolve(repoRoot, '..', 'shared', 'bench', 'bbc-news'));
const sizes = option('--sizes', '1000,10000,50000').split(',').map(Number);

// Real subjects of the corpus, some misspelt as writers do.
const QUERIES = [
  'Blair election campaign', 'Brown budget', 'Gordon Brwon budget', 'Chelsea Mourinho', 'Mourinho Chelsae',
  'oil prices', 'Yukos Russia', 'Yukos Rusia', 'iPod Apple', 'Microsoft Windows', 'Microsfot Windows',
  'mobile phone', 'broadband', 'interest rates Bank of England', 'Liverpool Gerrard', 'Liverpool Gerard',
  'box office', 'Oscar nominations', 'Osacr nominations', 'tsunami aid', 'music downloads', 'games console',
];

const median = (xs: number[]) => percentile(xs, 50);
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}
let peakRss = 0;
/** Work here is synchronous, so memory is sampled after each timed step rather than on a timer. */
function time<T>(f: () => T): [T, number] {
  const t = performance.now();
  const r = f();
  const ms = performance.now() - t;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return [r, ms];
}
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

function report5000Words(sources: readonly Source[]): string {
  const lines: string[] = [];
  let words = 0;
  for (let i = 0; words < 5000; i++) {
    const s = sources[(i * 7919) % sources.length];
    const p = s.paragraphs[i % s.paragraphs.length];
    const sentence = p.sentences[0]?.text ?? p.text;
    lines.push(`${sentence.replace(/[.!?]$/, '')} [@${s.meta.key}, para. ${p.index}].`);
    words += sentence.split(/\s+/).length;
  }
  return lines.join('\n\n');
}

interface Row {
  passages: number;
  sources: number;
  grounded: { coldBuildMs: number; snapshotMB: number; warmStartMs: number; updateOneSourceMs: number; searchP50Ms: number; searchP95Ms: number; completionP50Ms: number; completionP95Ms: number; diagnostics5000WordsMs: number };
  baseline: { buildMs: number; searchP50Ms: number; searchP95Ms: number };
  speedupP50: number;
  recallAt10: number;
  peakRssMB: number;
}

function measure(articles: readonly string[], passages: number): Row {
  (globalThis as { gc?: () => void }).gc?.();
  peakRss = 0;
  const sources = buildSources(articles, passages);
  const [index, coldBuildMs] = time(() => new SearchIndex(sources));
  const snapshotJson = JSON.stringify(index.toSnapshot());
  const [, warmStartMs] = time(() => SearchIndex.fromSnapshot(JSON.parse(snapshotJson) as SearchSnapshot));
  // A writer edits one article: only that source is re-indexed.
  const updateMs = sources.slice(0, 10).map((source) => time(() => index.addSource({ ...source, paragraphs: [...source.paragraphs] }))[1]);

  index.search('warm up');
  const ours = QUERIES.map((q) => time(() => index.search(q, { limit: 10 })));
  const sentences = sources.slice(0, 40).map((s) => s.paragraphs[0].sentences[0]?.text ?? s.paragraphs[0].text);
  const completion = sentences.map((s) => time(() => rankSources(index, sources, s))[1]);
  const report = report5000Words(sources);
  const byKey = new Map(sources.map((s) => [s.meta.key, s]));
  const [, diagnosticsMs] = time(() => checkReport(report, { corpus: { get: (k) => byKey.get(k), all: () => sources }, search: index }));

  // The baseline: one Fuse over all passages, used the plain way.
  const docs = sources.flatMap((s) => s.paragraphs.map((p) => ({ key: s.meta.key, paragraph: p.index, text: p.text, title: s.meta.title })));
  const [fuse, buildMs] = time(() => new Fuse(docs, { keys: ['text', 'title'], ignoreLocation: true, threshold: 0.4 }));
  const theirs = QUERIES.map((q) => time(() => fuse.search(q, { limit: 10 })));
  let agreed = 0;
  let expected = 0;
  QUERIES.forEach((_, i) => {
    const mine = new Set(ours[i][0].map((h) => `${h.passage.key}#${h.passage.paragraph}`));
    for (const r of theirs[i][0]) {
      expected++;
      if (mine.has(`${r.item.key}#${r.item.paragraph}`)) agreed++;
    }
  });
  const oursMs = ours.map(([, ms]) => ms);
  const theirsMs = theirs.map(([, ms]) => ms);
  return {
    passages: docs.length,
    sources: sources.length,
    grounded: {
      coldBuildMs: round(coldBuildMs),
      snapshotMB: round(snapshotJson.length / 1048576),
      warmStartMs: round(warmStartMs),
      updateOneSourceMs: round(median(updateMs)),
      searchP50Ms: round(median(oursMs)),
      searchP95Ms: round(percentile(oursMs, 95)),
      completionP50Ms: round(median(completion)),
      completionP95Ms: round(percentile(completion, 95)),
      diagnostics5000WordsMs: round(diagnosticsMs),
    },
    baseline: { buildMs: round(buildMs), searchP50Ms: round(median(theirsMs)), searchP95Ms: round(percentile(theirsMs, 95)) },
    speedupP50: round(median(theirsMs) / median(oursMs), 1),
    recallAt10: round(expected ? agreed / expected : 1, 3),
    peakRssMB: round(peakRss / 1048576, 0),
  };
}

const articles = loadArticles(articlesDir);
const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGB: round(totalmem() / 2 ** 30, 1), node: process.version, platform: `${process.platform} ${process.arch}` };
const [, coldArticlesMs] = time(() => new SearchIndex(buildSources(articles, Infinity)));
const rows = sizes.map((n) => measure(articles, n));
const result = { machine, articles: articles.length, coldIndexAllArticlesMs: round(coldArticlesMs), queries: QUERIES.length, rows };
mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
writeFileSync(join(repoRoot, 'test-results', 'bench.json'), JSON.stringify(result, null, 2));
console.log(JSON.stringify(result, null, 2));
console.log(`\nMachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, Node ${machine.node}. ${articles.length} articles; index of all of them built cold in ${round(coldArticlesMs, 0)} ms.\n`);
console.log('| passages | search p50 / p95 (ms) | plain Fuse p50 / p95 (ms) | speed-up | recall@10 | completion p95 (ms) | checks, 5,000 words (ms) | cold build (ms) | warm start (ms) | one source re-indexed (ms) | peak RSS (MB) |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.passages.toLocaleString('en')} | ${r.grounded.searchP50Ms} / ${r.grounded.searchP95Ms} | ${r.baseline.searchP50Ms} / ${r.baseline.searchP95Ms} | ${r.speedupP50}× | ${r.recallAt10} | ${r.grounded.completionP95Ms} | ${r.grounded.diagnostics5000WordsMs} | ${r.grounded.coldBuildMs} | ${r.grounded.warmStartMs} | ${r.grounded.updateOneSourceMs} | ${r.peakRssMB} |`);
}
