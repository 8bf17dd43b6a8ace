// One measurement of `npm run bench`, in a process of its own so that its peak memory is its
// own: Grounded at one corpus size, its warm start from the cache that run wrote, plain
// fuse.js at one size, or the parse and index of every article as the extension does it. Prints one JSON object on stdout.
import Fuse from 'fuse.js';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { checkReport } from '../../src/core/check/check-report';
import { Corpus } from '../../src/core/corpus/corpus';
import { parseFile } from '../../src/core/corpus/parse-file';
import type { Source } from '../../src/core/model';
import { rankSources } from '../../src/core/search/relevance';
import { SearchIndex } from '../../src/core/search/search-index';
import { buildSources, loadArticles } from './bbc';
import { QUERIES, WARM_UP } from './queries';
import { median, round } from './stats';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  if (i < 0 || i + 1 >= args.length) throw new Error(`bench-run: ${name} is required`);
  return args[i + 1];
};
const engine = option('--engine');
/** `--cut sentences`: the articles as the extension cuts them (an unbroken BBC text into sentence passages), not in passages of three sentences. */
const cut = args.includes('--cut') ? option('--cut') : 'passages';
/** `--queries 0,3,6`: plain Fuse runs only these of the queries (at sizes where it takes seconds a query). */
const queryIndices = args.includes('--queries') ? option('--queries').split(',').map(Number) : QUERIES.map((_, i) => i);
const articles = engine === 'warm' ? [] : loadArticles(option('--articles'));
const passages = engine === 'articles' || engine === 'warm' ? Infinity : Number(option('--size'));
const gc = () => (globalThis as { gc?: () => void }).gc?.();

const SEARCH_ROUNDS = 3;
const CHECK_ROUNDS = 3;
function time<T>(f: () => T): [T, number] {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
}
const peakRssMB = () => round(process.resourceUsage().maxRSS / 1024, 0);
const idOf = (key: string, paragraph: number) => `${key}#${paragraph}`;

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

/** The sources a run measures: built passages, or the articles parsed as the extension parses them. */
function benchSources(): readonly Source[] {
  if (cut !== 'sentences') return buildSources(articles, passages);
  const corpus = new Corpus();
  articles.forEach((text, i) => {
    const parsed = parseFile(`bench/article-${i}.txt`, new TextEncoder().encode(text));
    if (parsed.kind === 'article') corpus.upsert(parsed.article);
  });
  return corpus.all();
}

function grounded() {
  const sources = benchSources();
  gc();
  const [index, coldBuildMs] = time(() => new SearchIndex(sources));
  // The first queries wake the JIT up, as a writer's first keystrokes would.
  for (const q of [...WARM_UP, ...WARM_UP]) index.search(q, { limit: 10 });
  const results: string[][] = [];
  const searchMs = QUERIES.map((q) => {
    const [hits, ms] = time(() => index.search(q, { limit: 10 }));
    results.push(hits.map((h) => idOf(h.passage.key, h.passage.paragraph)));
    return ms;
  });
  const firstSentence = (s: Source) => s.paragraphs[0].sentences[0]?.text ?? s.paragraphs[0].text;
  const sentences = sources.slice(0, 40).map(firstSentence);
  // As the editor ranks them: the corpus's own lookup by key.
  const byKey = new Map(sources.map((s) => [s.meta.key, s]));
  // As for search, a few sentences outside the set wake the JIT up first (a writer's first completions).
  for (const s of sources.slice(40, 45).map(firstSentence)) rankSources(index, sources, s, (key) => byKey.get(key));
  const completionMs = sentences.map((s) => time(() => rankSources(index, sources, s, (key) => byKey.get(key)))[1]);
  const report = report5000Words(sources);
  // A report's first check reads every cited source's sentences (the evidence, then kept per
  // source); a re-check after an edit finds them read. Each cold round checks fresh copies of
  // the sources, so none finds another's evidence; the median of the rounds is reported.
  const check = (copies: readonly Source[]) => {
    const byKey = new Map(copies.map((s) => [s.meta.key, s]));
    return time(() => checkReport(report, { corpus: { get: (k) => byKey.get(k), all: () => copies }, search: index }))[1];
  };
  const coldChecks = Array.from({ length: CHECK_ROUNDS }, (_, r) => check(r === 0 ? sources : sources.map((s) => ({ ...s }))));
  const warmChecks = Array.from({ length: CHECK_ROUNDS }, () => check(sources));
  // A writer edits one article: only that source is re-indexed.
  const updateMs = sources.slice(0, 10).map((source) => time(() => index.addSource({ ...source, paragraphs: [...source.paragraphs] }))[1]);
  const peak = peakRssMB();
  // The on-disk cache, for the warm start measured in a process of its own.
  const bytes = index.toBinary();
  writeFileSync(option('--cache'), bytes);
  // On a shared machine one timing of a query may catch a GC pause or another process: each
  // query's time is the median of SEARCH_ROUNDS rounds, each on a fresh copy of the index read
  // back from the cache (as the extension adopts it), so no round answers from another's
  // memoized word expansions. Measured after the peak memory, which the copies would inflate.
  const rounds = [searchMs];
  for (let r = 1; r < SEARCH_ROUNDS; r++) {
    const copy = SearchIndex.fromBinary(bytes);
    for (const q of [...WARM_UP, ...WARM_UP]) copy.search(q, { limit: 10 });
    rounds.push(QUERIES.map((q) => time(() => copy.search(q, { limit: 10 }))[1]));
  }
  const searchMedianMs = QUERIES.map((_, i) => median(rounds.map((timings) => timings[i])));
  return { passages: index.passageCount, sources: sources.length, coldBuildMs, updateMs, searchMs: searchMedianMs, searchRounds: SEARCH_ROUNDS, completionMs, diagnosticsMs: median(coldChecks), recheckMs: median(warmChecks), checkRounds: CHECK_ROUNDS, results, peakRssMB: peak };
}

/** A reload: the index read back from the on-disk cache, ready to answer its first query. */
function warmStart() {
  const file = option('--cache');
  const [index, warmStartMs] = time(() => {
    const loaded = SearchIndex.fromBinary(readFileSync(file));
    loaded.search('parliament', { limit: 10 });
    return loaded;
  });
  return { passages: index.passageCount, warmStartMs, cacheMB: round(statSync(file).size / 1048576, 1), peakRssMB: peakRssMB() };
}

function plainFuse() {
  const sources = benchSources();
  gc();
  const docs = sources.flatMap((s) => s.paragraphs.map((p) => ({ key: s.meta.key, paragraph: p.index, text: p.text, title: s.meta.title })));
  const [fuse, buildMs] = time(() => new Fuse(docs, { keys: ['text', 'title'], ignoreLocation: true, threshold: 0.4 }));
  const results: string[][] = [];
  const searchMs = queryIndices.map((i) => QUERIES[i]).map((q) => {
    const [hits, ms] = time(() => fuse.search(q, { limit: 10 }));
    results.push(hits.map((h) => idOf(h.item.key, h.item.paragraph)));
    return ms;
  });
  return { passages: docs.length, buildMs, searchMs, results, queryIndices, peakRssMB: peakRssMB() };
}

/** What the extension does with a folder of articles on a cold start: parse every file, then index. */
function articlesColdStart() {
  gc();
  const [corpus, parseMs] = time(() => {
    const c = new Corpus();
    articles.forEach((text, i) => {
      const parsed = parseFile(`bench/article-${i}.txt`, new TextEncoder().encode(text));
      if (parsed.kind === 'article') c.upsert(parsed.article);
    });
    return c;
  });
  const [index, indexMs] = time(() => new SearchIndex(corpus.all()));
  return { articles: articles.length, passages: index.passageCount, parseMs, indexMs, peakRssMB: peakRssMB() };
}

const measure = { grounded, warm: warmStart, fuse: plainFuse, articles: articlesColdStart }[engine];
if (!measure) throw new Error(`bench-run: unknown engine ${engine}`);
process.stdout.write(JSON.stringify(measure()));
