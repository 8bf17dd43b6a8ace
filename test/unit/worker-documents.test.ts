// PDFs and Word documents read by the extension's index worker (dist/index-worker.js, which
// loads PDF.js and mammoth from the files beside it): made by Chromium and pandoc from a real
// BBC article, with a scan among them; the host's thread is watched for stalls meanwhile.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParsedArticle } from '../../src/core/corpus/article';
import { Corpus } from '../../src/core/corpus/corpus';
import { extractedSpan, extractedText } from '../../src/core/corpus/extracted-text';
import { parseFileAsync, readsAsSource } from '../../src/core/corpus/parse-file';
import { SearchIndex } from '../../src/core/search/search-index';
import { IndexWorkerClient } from '../../src/worker/index-client';
import type { FileOutcome } from '../../src/worker/index-worker-core';
import { articleHtml, pandocDocx, printToPdf, scannedPdf } from '../real-documents';
import { repoRoot } from './paths';

const article = readFileSync(join(repoRoot, 'test', 'fixtures', 'unbroken', 'mixed-christmas-for-us-retailers.txt'), 'utf8').replace(/^Mixed Christmas for US retailers /, '').trim();
const sentences = article.split(/(?<=[.!?]"?) (?=[A-Z"])/);
const paragraphs = Array.from({ length: Math.ceil(sentences.length / 3) }, (_, i) => sentences.slice(i * 3, i * 3 + 3).join(' '));
const flat = (t: string) => t.replace(/\s+/g, ' ').trim();

/** CPU time this (the host's) thread has run, in ms (Linux's schedstat). */
const threadCpuMs = () => Number(readFileSync(`/proc/${process.pid}/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;

/**
 * The longest this thread ran between two ticks of a 5 ms timer while `work` ran: what held up
 * its event loop. CPU time, not wall time: on a shared machine the thread also waits for a CPU.
 */
async function longestRun<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  let last = threadCpuMs();
  let ms = 0;
  const timer = setInterval(() => {
    const now = threadCpuMs();
    ms = Math.max(ms, now - last);
    last = now;
  }, 5);
  try {
    const result = await work();
    return { result, ms: Math.max(ms, threadCpuMs() - last) };
  } finally {
    clearInterval(timer);
  }
}

describe('PDFs and Word documents on the index worker', function () {
  this.timeout(120_000);
  let dir: string;
  let pdf: string;
  let docx: string;
  let scan: string;
  const open: IndexWorkerClient[] = [];
  const scanWith = async (worker: IndexWorkerClient) => {
    const outcomes: FileOutcome[] = [];
    const stats = await worker.scan([pdf, docx, scan].map((path) => ({ location: path, path })), 1e9, (batch) => outcomes.push(...batch));
    return { stats, outcomes };
  };
  const articleOf = (outcomes: FileOutcome[], path: string) => {
    const o = outcomes.find((x) => x.location === path);
    assert.ok(o?.kind === 'parsed' && o.parse.kind === 'article', `${path}: ${JSON.stringify(o)}`);
    return o.parse.article;
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'grounded-worker-docs-'));
    [pdf, docx, scan] = await Promise.all([
      printToPdf(dir, 'christmas', articleHtml('Mixed Christmas for US retailers', paragraphs)),
      pandocDocx(dir, 'christmas-draft', `---\ntitle: Mixed Christmas for US retailers\n---\n\n${paragraphs.join('\n\n')}\n`),
      scannedPdf(dir, 'scanned', paragraphs[0]),
    ]);
  });
  after(() => {
    for (const w of open.splice(0)) w.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('are sources the editor reads', () => {
    assert.deepEqual([pdf, docx, 'a.PDF', 'b.doc', 'c.txt'].map(readsAsSource), [true, true, true, false, true]);
  });

  it('are read on the worker as the core reads them, a scan indexed empty with its message, and the host thread never runs 50 ms at a stretch', async () => {
    const worker = new IndexWorkerClient(join(repoRoot, 'dist', 'index-worker.js'), { cacheVersion: 'test' }, () => undefined);
    open.push(worker);
    const { result, ms: worst } = await longestRun(async () => ({ ...(await scanWith(worker)), ...(await worker.index()) }));
    const { stats, outcomes, bytes } = result;
    assert.equal(stats.parsed, 3);
    for (const path of [pdf, docx]) {
      const expected = ((await parseFileAsync(path, readFileSync(path))) as { article: ParsedArticle }).article;
      assert.deepEqual(articleOf(outcomes, path), { ...expected, removed: [] }, path);
    }
    const read = articleOf(outcomes, pdf);
    assert.equal(read.locators, 'page');
    assert.deepEqual(read.paragraphs.map((p) => flat(p.text)), paragraphs.map(flat));
    assert.deepEqual(articleOf(outcomes, docx).paragraphs.map((p) => p.text), paragraphs);
    const scanned = articleOf(outcomes, scan);
    assert.equal(scanned.paragraphs.length, 0);
    assert.equal(scanned.problems[0].location, scan);
    assert.match(scanned.problems[0].message, /no text layer.*OCR/s);
    // The index the worker built finds the PDF's page.
    const corpus = new Corpus();
    for (const path of [pdf, docx, scan]) corpus.upsert(articleOf(outcomes, path));
    const texts = (key: string, n: number) => corpus.get(key)?.paragraphs.find((p) => p.index === n)?.text;
    const index = SearchIndex.fromBinary(bytes);
    const hit = index.search('American Eagle Outfitters', { limit: 5 }).find((h) => corpus.get(h.passage.key)?.format === 'pdf');
    assert.ok(hit && texts(hit.passage.key, hit.passage.paragraph)?.includes('American Eagle'));
    assert.ok(worst < 50, `the host's thread ran ${worst.toFixed(1)} ms between two ticks`);
  });

  it("are read on the host's thread too, when no worker can start", async () => {
    const logs: string[] = [];
    const worker = new IndexWorkerClient(join(dir, 'no-such-worker.js'), { cacheVersion: 'test' }, (m) => logs.push(m));
    open.push(worker);
    const { outcomes } = await scanWith(worker);
    assert.ok(logs.some((l) => /on the extension host's thread/.test(l)), logs.join('\n'));
    assert.equal(articleOf(outcomes, pdf).locators, 'page');
    assert.ok(articleOf(outcomes, docx).paragraphs.length > 0);
  });

  it('shows a PDF as its text with page marks, each passage where its offsets say', () => {
    const corpus = new Corpus();
    return parseFileAsync(pdf, readFileSync(pdf)).then((parse) => {
      corpus.upsert((parse as { article: ParsedArticle }).article);
      const [source] = corpus.all();
      const shown = extractedText(source);
      const pages = [...new Set(source.paragraphs.map((p) => p.page))];
      assert.ok(pages.length >= 2);
      for (const page of pages) assert.ok(shown.text.includes(`— p. ${page} —`), `no mark of p. ${page}`);
      for (const p of source.paragraphs) {
        const span = shown.spans.get(p.index)!;
        assert.equal(shown.text.slice(span.start, span.end), p.text);
        // The mark of a passage's page stands before it.
        assert.ok(shown.text.lastIndexOf(`— p. ${p.page} —`, span.start) >= 0);
      }
      // Offsets within a passage (a quotation's) land on the same words.
      const p = source.paragraphs.find((q) => q.text.includes('American Eagle'))!;
      const at = p.start + p.text.indexOf('American Eagle');
      const span = extractedSpan(source, shown, at, at + 'American Eagle'.length)!;
      assert.equal(shown.text.slice(span.start, span.end), 'American Eagle');
    });
  });
});
