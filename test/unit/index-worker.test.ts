import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, cpSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Corpus } from '../../src/core/corpus/corpus';
import { parseFile } from '../../src/core/corpus/parse-file';
import { SearchIndex } from '../../src/core/search/search-index';
import { IndexWorkerClient } from '../../src/worker/index-client';
import type { FileOutcome } from '../../src/worker/index-worker-core';
import { corpusDir, repoRoot } from './paths';

const workerPath = join(repoRoot, 'dist', 'index-worker.js');

describe('the index worker', () => {
  let scratch: string;
  let dir: string;
  const open: IndexWorkerClient[] = [];
  const start = (caches: boolean, version = 'v1', path = workerPath) => {
    const logs: string[] = [];
    const worker = new IndexWorkerClient(path, { cachePath: caches ? join(scratch, 'cache', 'parse-cache.json') : undefined, indexCachePath: caches ? join(scratch, 'cache', 'index.bin') : undefined, cacheVersion: version }, (m) => logs.push(m));
    open.push(worker);
    return { worker, logs };
  };
  const files = () => readdirSync(dir).sort().map((name) => ({ location: join(dir, name), path: join(dir, name) }));
  const scan = async (worker: IndexWorkerClient, list = files(), maxBytes = 1e9) => {
    const outcomes: FileOutcome[] = [];
    const stats = await worker.scan(list, maxBytes, (batch) => outcomes.push(...batch));
    return { stats, outcomes };
  };
  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'grounded-worker-'));
    dir = join(scratch, 'corpus');
    cpSync(corpusDir, dir, { recursive: true });
  });
  afterEach(() => {
    for (const w of open.splice(0)) w.dispose();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('reads and parses every seed article on its thread as the core does, and indexes them as the core would', async () => {
    const { worker } = start(false);
    const { stats, outcomes } = await scan(worker);
    assert.equal(stats.parsed, files().length);
    const corpus = new Corpus();
    for (const f of files()) {
      const expected = parseFile(f.location, readFileSync(f.path));
      const forHost = expected.kind === 'article' ? { ...expected, article: { ...expected.article, removed: [] } } : expected;
      assert.deepEqual(outcomes.find((o) => o.location === f.location), { location: f.location, kind: 'parsed', parse: forHost, fromCache: false }, f.location);
      if (expected.kind === 'article') corpus.upsert(expected.article);
      if (expected.kind === 'references') corpus.setReferences(f.location, expected.references);
    }
    const { bytes, reused } = await worker.index();
    assert.equal(reused, false);
    const theirs = SearchIndex.fromBinary(bytes);
    const ours = new SearchIndex(corpus.all());
    for (const q of ['Brinken', '94,000 troops', 'Geneva Janu']) assert.deepEqual(theirs.search(q), ours.search(q), q);
  });

  it('gives problems with a place their line and column', async () => {
    const { worker } = start(false);
    const outcome = await worker.parseBytes('/x/bad.md', new TextEncoder().encode('---\ntitle: [unclosed\n---\n\nBody text here.\n'));
    assert.ok(outcome.kind === 'parsed' && outcome.parse.kind === 'article');
    const problem = outcome.parse.article.problems.find((p) => p.lineRange);
    assert.ok(problem, 'the front-matter problem has a line range');
    assert.ok(problem.lineRange![0] >= 1 && problem.lineRange![0] <= 2, `on the front matter, not line ${problem.lineRange![0]}`);
  });

  it('says what is wrong with a file it cannot take, and passes over a missing metadata file in silence', async () => {
    const { worker } = start(false);
    writeFileSync(join(dir, 'big.txt'), 'x'.repeat(64 * 1024));
    const missingMetadata = join(dir, 'elsewhere', 'references.json');
    const list = [...files(), { location: join(dir, 'gone.txt'), path: join(dir, 'gone.txt') }, { location: missingMetadata, path: missingMetadata, optional: true }];
    const { outcomes } = await scan(worker, list, 32 * 1024);
    const byLocation = new Map(outcomes.map((o) => [o.location, o]));
    const big = byLocation.get(join(dir, 'big.txt'));
    assert.ok(big?.kind === 'failed' && /over the 32\.0 KB limit/.test(big.problem.message), JSON.stringify(big));
    const gone = byLocation.get(join(dir, 'gone.txt'));
    assert.ok(gone?.kind === 'failed' && /Cannot read the file: ENOENT/.test(gone.problem.message), JSON.stringify(gone));
    assert.equal(byLocation.get(missingMetadata)?.kind, 'absent');
    assert.equal(outcomes.filter((o) => o.kind === 'parsed').length, readdirSync(corpusDir).length, 'every seed file still read');
  });

  it('keeps both caches across restarts, and notices a changed file', async () => {
    const first = start(true).worker;
    await scan(first);
    await first.index();
    await first.save();
    first.dispose();

    const second = start(true).worker;
    const again = await scan(second);
    assert.deepEqual(again.stats, { parsed: 0, fromCache: files().length }, 'every file read back from the parse cache');
    const warm = await second.index();
    assert.equal(warm.reused, true, 'the index read back from its cache');
    assert.ok(SearchIndex.fromBinary(warm.bytes).search('Brinken').length > 0);

    const changed = files()[0].path;
    writeFileSync(changed, 'Entirely new words about zeppelins.\n\nA second paragraph.\n');
    utimesSync(changed, new Date(), new Date(Date.now() + 5000));
    const third = await scan(second);
    assert.deepEqual(third.stats, { parsed: 1, fromCache: files().length - 1 });
    const rebuilt = await second.index();
    assert.equal(rebuilt.reused, false, 'a changed file makes the cached index stale');
    assert.equal(SearchIndex.fromBinary(rebuilt.bytes).search('zeppelins')[0]?.passage.text, 'Entirely new words about zeppelins.');
  });

  it('ignores caches written by another version, and unreadable ones, saying why', async () => {
    const old = start(true, 'v1').worker;
    await scan(old);
    await old.index();
    await old.save();
    old.dispose();
    const newer = start(true, 'v2');
    assert.equal((await scan(newer.worker)).stats.fromCache, 0);
    assert.equal((await newer.worker.index()).reused, false);
    assert.ok(newer.logs.some((l) => l.includes('version v1')), newer.logs.join('\n'));
    newer.worker.dispose();

    writeFileSync(join(scratch, 'cache', 'parse-cache.json'), '{ not json');
    writeFileSync(join(scratch, 'cache', 'index.bin'), 'not an index');
    const broken = start(true, 'v2');
    assert.equal((await scan(broken.worker)).stats.fromCache, 0);
    assert.equal((await broken.worker.index()).reused, false);
    assert.ok(broken.logs.filter((l) => l.includes('unreadable')).length >= 2, broken.logs.join('\n'));
  });

  it('forgets files no longer in the corpus when it saves', async () => {
    const { worker } = start(true);
    await scan(worker);
    await scan(worker, files().slice(1));
    await worker.save();
    const saved = JSON.parse(readFileSync(join(scratch, 'cache', 'parse-cache.json'), 'utf8')) as { entries: Record<string, unknown> };
    assert.deepEqual(Object.keys(saved.entries).sort(), files().slice(1).map((f) => f.location));
    const articles = files().filter((f) => f.path.endsWith('.txt'));
    assert.equal(SearchIndex.fromBinary((await worker.index()).bytes).sourceShapes().size, articles.length - 1);
  });

  it('lists the files the corpus globs take, as VS Code applies them: excluded folders, hidden folders and other formats left out', async () => {
    const root = join(scratch, 'workspace');
    const write = (rel: string) => {
      mkdirSync(join(root, rel, '..'), { recursive: true });
      writeFileSync(join(root, rel), 'Some text.\n');
    };
    for (const rel of ['corpus/a.txt', 'corpus/sub/b.md', 'corpus/drafts/c.txt', 'corpus/d.png', 'corpus/.hidden/e.txt', 'corpus/node_modules/f.txt', 'notes/g.txt', 'sources/h.html']) write(rel);
    const { worker } = start(false);
    const expected = ['corpus/a.txt', 'corpus/sub/b.md', 'sources/h.html'].map((rel) => join(root, rel));
    for (const w of [worker, start(false, 'v1', join(scratch, 'missing-worker.js')).worker]) {
      const { paths, problems } = await w.list(root, ['**/corpus/**/*.{txt,md}', '**/sources/**'], ['**/drafts']);
      assert.deepEqual(paths, expected, w.runs());
      assert.deepEqual(problems, []);
    }
    // A folder under the workspace folder (one just made) is listed alone, its files matched from the workspace folder.
    assert.deepEqual((await worker.list(root, ['**/corpus/**/*.{txt,md}'], [], join(root, 'corpus', 'sub'))).paths, [join(root, 'corpus/sub/b.md')]);
    const missing = await worker.list(join(scratch, 'gone'), ['**'], []);
    assert.deepEqual(missing.paths, []);
    assert.match(missing.problems[0]?.message ?? '', /Cannot read folder/);
  });

  it("works on the host's thread, and says so, when the worker cannot start", async () => {
    const { worker, logs } = start(false, 'v1', join(scratch, 'missing-worker.js'));
    const { stats } = await scan(worker);
    assert.equal(stats.parsed, files().length);
    assert.ok(SearchIndex.fromBinary((await worker.index()).bytes).passageCount > 0);
    assert.ok(logs.some((l) => l.includes("extension host's thread")), logs.join('\n'));
  });
});
