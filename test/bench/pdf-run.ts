// The PDF rows of `npm run bench`, in a process of their own: the extension's index worker
// (dist/index-worker.js, as built) reads a folder of real PDFs, while this thread stands where
// the extension host does (it takes the outcomes and watches its own event loop for stalls);
// then one PDF changes and is read again, as a save of it would be. Prints one JSON object.
// Usage: node pdf-run.js --pdfs DIR --changed FILE --scratch DIR  (the changed file is rewritten by the caller between the two phases: it waits for "changed" on stdin)
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Corpus } from '../../src/core/corpus/corpus';
import type { Source } from '../../src/core/model';
import { syncIndex } from '../../src/core/search/index-sync';
import { SearchIndex } from '../../src/core/search/search-index';
import { runSteps } from '../../src/core/steps';
import { IndexWorkerClient } from '../../src/worker/index-client';
import type { FileOutcome } from '../../src/worker/index-worker-core';
import { option, repoRoot } from './options';
import { round } from './stats';

const pdfDir = option('--pdfs', '');
const changed = option('--changed', '');
const scratch = option('--scratch', '');
const peakRssMB = () => round(process.resourceUsage().maxRSS / 1024, 0);
const ms = (from: number) => round(performance.now() - from, 0);

function host() {
  const corpus = new Corpus();
  const problems: string[] = [];
  const take = (o: FileOutcome) => {
    if (o.kind === 'parsed' && o.parse.kind === 'article') {
      corpus.upsert(o.parse.article);
      problems.push(...o.parse.article.problems.map((p) => p.message));
    } else if (o.kind === 'failed') problems.push(o.problem.message);
  };
  return { corpus, problems, take };
}

async function main() {
  const files = readdirSync(pdfDir).filter((n) => n.endsWith('.pdf')).sort().map((n) => join(pdfDir, n));
  // The last one is read from a copy, which the caller then changes.
  copyFileSync(files[files.length - 1], changed);
  const list = [...files.slice(0, -1), changed].map((path) => ({ location: path, path }));
  const worker = new IndexWorkerClient(join(repoRoot, 'dist', 'index-worker.js'), { cachePath: join(scratch, 'parse-cache.json'), indexCachePath: join(scratch, 'index.bin'), cacheVersion: 'bench' }, () => undefined);
  const stalls = monitorEventLoopDelay({ resolution: 10 });
  const { corpus, problems, take } = host();
  let batches = 0;
  stalls.enable();
  const started = performance.now();
  const stats = await worker.scan(list, 1e9, (outcomes) => {
    batches++;
    for (const o of outcomes) take(o);
  });
  const scanMs = ms(started);
  const { bytes } = await worker.index();
  const totalMs = ms(started);
  stalls.disable();
  const index = SearchIndex.fromBinary(bytes);
  const sources = corpus.all();
  const indexed = new Map<string, Source>(sources.map((s) => [s.location, s]));
  const pages = sources.reduce((n, s) => n + new Set(s.paragraphs.map((p) => p.page)).size, 0);
  await worker.save();

  // One PDF changes (the caller prints it again) and is read again, then indexed here, as the host does.
  process.stdout.write('ready\n');
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
  const again = performance.now();
  const [outcome] = await worker.update([{ location: changed, path: changed }], 1e9);
  take(outcome);
  runSteps(syncIndex(index, indexed, corpus.all()));
  const reindexOneMs = round(performance.now() - again, 1);
  const found = index.search('figures were revised on Friday', { limit: 3 }).some((h) => corpus.get(h.passage.key)?.location === changed && h.passage.text.includes('figures were revised on Friday'));
  worker.dispose();

  // A window reload: a new worker, every parse from the cache the first one saved.
  const reload = new IndexWorkerClient(join(repoRoot, 'dist', 'index-worker.js'), { cachePath: join(scratch, 'parse-cache.json'), indexCachePath: join(scratch, 'index.bin'), cacheVersion: 'bench' }, () => undefined);
  const warm = performance.now();
  const warmStats = await reload.scan(list, 1e9, () => undefined);
  await reload.index();
  const warmMs = ms(warm);
  reload.dispose();

  process.stdout.write(
    `${JSON.stringify({
      pdfs: list.length,
      parsed: stats.parsed,
      sources: sources.length,
      passages: index.passageCount,
      pages,
      problems: problems.length,
      scanMs,
      indexMs: round(totalMs - scanMs, 0),
      totalMs,
      perPdfMs: round(scanMs / list.length, 1),
      batches,
      hostStallMaxMs: round(stalls.max / 1e6, 1),
      hostStallP99Ms: round(stalls.percentile(99) / 1e6, 1),
      reindexOneMs,
      changedFound: found,
      reloadFromCacheMs: warmMs,
      reloadFromCache: warmStats.fromCache,
      hostPeakRssMB: peakRssMB(),
    })}\n`,
  );
}

void main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
