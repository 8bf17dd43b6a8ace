// Grounded makes no network request. The integration suite watches Node's networking
// functions in the extension host, but only on its main thread: the index worker runs in a
// worker_thread with its own module instances, where those spies see nothing. These tests
// cover both bundles as built (run `npm run build` first), and the readers of PDFs and Word
// documents beside them: mammoth's bundle statically, PDF.js (whose code can fetch a PDF by URL
// and load an optional canvas with createRequire, neither of which Grounded asks of it) by the
// spies while the worker reads a real PDF.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IndexWorkerClient } from '../../src/worker/index-client';
import { corpusDir, repoRoot } from './paths';
import { articleHtml, pandocDocx, printToPdf } from '../real-documents';

/** Modules each bundle may load; anything else (http, https, http2, net, tls, dgram, undici, child_process…) fails. */
/** The shared libraries beside the desktop bundles (scripts/bundles.mjs), required by these names. */
const SHARED = ['./bibtex.js', './parse5.js', './yaml.js'];
const ALLOWED: Record<string, string[]> = {
  'extension.js': ['vscode', 'buffer', 'process', 'node:crypto', 'node:fs', 'node:path', 'node:worker_threads', ...SHARED],
  'index-worker.js': ['buffer', 'process', 'node:crypto', 'node:fs', 'node:os', 'node:path', 'node:worker_threads', ...SHARED],
  'mammoth.js': ['buffer', 'events', 'fs', 'os', 'path', 'stream', 'url', 'util'],
  // The libraries both desktop bundles require, each bundled once beside them.
  'bibtex.js': [],
  'parse5.js': [],
  'yaml.js': ['buffer', 'process'],
  // The browser entry loads only the host's API; its Web Worker loads nothing.
  'web/extension.js': ['vscode'],
  'web/index-worker.js': [],
};
/** The one dynamic import the bundles make: of the readers beside them, by these literal names. */
const READERS = ['./pdfjs/pdf.min.mjs', './pdfjs/pdf.worker.min.mjs', './mammoth.js'];

describe('no network in the built bundles', () => {
  for (const [bundle, allowed] of Object.entries(ALLOWED)) {
    it(`dist/${bundle} loads ${allowed.length ? `only ${allowed.join(', ')}` : 'no module'}, and uses no fetch, WebSocket or dynamic import but of the readers beside it`, () => {
      const code = readFileSync(join(repoRoot, 'dist', bundle), 'utf8');
      const imports = [...code.matchAll(/(?<![\w$.])import\s*\(\s*(?:"([^"]*)"\s*\))?/g)].map((m) => m[1]);
      assert.deepEqual(imports.filter((name) => !READERS.includes(name)), [], 'an import() of something else than a reader beside the bundle');
      // esbuild leaves every external module as require("name"); a require with any other argument
      // could load anything, so it fails too (x.require() and a method named require() load nothing).
      const required = [...code.matchAll(/(?<![\w$.])require\(\s*(["'])([^"']+)\1\s*\)/g)].map((m) => m[2]);
      const calls = [...code.matchAll(/(?<![\w$.])require\s*\((?!\s*\))/g)].length;
      assert.equal(calls, required.length, 'a require() without a literal module name');
      assert.deepEqual([...new Set(required)].filter((name) => !allowed.includes(name)), []);
      if (allowed.length) assert.ok(required.length > 0, 'no require() found: the pattern no longer matches the bundle');
      // A method named fetch is defined, not called (`fetch(n){…}`: bibtex-parser's cache of word shapes).
      for (const pattern of [/(?<![\w$.])fetch\s*\((?![\w$,\s]*\)\s*\{)/, /\bWebSocket\b/, /\bXMLHttpRequest\b/, /\bEventSource\b/, /\bsendBeacon\b/, /\bcreateRequire\b/, /process\.binding/]) {
        assert.doesNotMatch(code, pattern);
      }
    });
  }

  // What the static test cannot see (a module reached some other way) the spies below would:
  // they replace the networking functions inside the worker's own thread before the bundle loads.
  it('the index worker calls no networking function while it reads (a PDF and a Word document too), parses, indexes, caches and clears', async function () {
    this.timeout(120_000);
    const scratch = mkdtempSync(join(tmpdir(), 'grounded-nonet-'));
    const documents = await Promise.all([
      printToPdf(scratch, 'article', articleHtml('Talks in Geneva', ['Negotiators met in Geneva on Monday.', 'They agreed to meet again in a week.'])),
      pandocDocx(scratch, 'draft', '# Talks in Geneva\n\nNegotiators met in Geneva on Monday.\n'),
    ]);
    const spiedWorker = (control: boolean) => {
      const calls = join(scratch, `${control ? 'control' : 'worker'}-calls.txt`);
      const path = join(scratch, `${control ? 'control' : 'spied'}-worker.js`);
      writeFileSync(
        path,
        `const { appendFileSync } = require('node:fs');
const record = (name) => appendFileSync(${JSON.stringify(calls)}, name + '\\n');
const spy = (target, name, label) => {
  const original = target[name];
  if (typeof original !== 'function') return;
  target[name] = function (...args) { record(label); return original.apply(this, args); };
};
for (const [module, names] of [['node:http', ['request', 'get']], ['node:https', ['request', 'get']], ['node:http2', ['connect']], ['node:net', ['connect', 'createConnection']], ['node:tls', ['connect']], ['node:dgram', ['createSocket']]]) {
  const m = require(module);
  for (const name of names) spy(m, name, module + '.' + name);
}
spy(require('node:net').Socket.prototype, 'connect', 'net.Socket.connect');
spy(globalThis, 'fetch', 'fetch');
if (typeof globalThis.WebSocket === 'function') spy(globalThis, 'WebSocket', 'WebSocket');
${control ? "globalThis.fetch('data:,control').catch(() => undefined);" : ''}
require(${JSON.stringify(join(repoRoot, 'dist', 'index-worker.js'))});
`,
      );
      return { path, calls };
    };
    const run = async (control: boolean) => {
      const { path, calls } = spiedWorker(control);
      const worker = new IndexWorkerClient(path, { cachePath: join(scratch, `${control}-cache.json`), indexCachePath: join(scratch, `${control}-index.bin`), cacheVersion: 'no-network' }, () => undefined);
      try {
        const files = [...readdirSync(corpusDir).map((name) => join(corpusDir, name)), ...documents].map((path) => ({ location: path, path }));
        const read: string[] = [];
        await worker.scan(files, 1e9, (batch) => read.push(...batch.flatMap((o) => (o.kind === 'parsed' && o.parse.kind === 'article' && o.parse.article.paragraphs.length ? [o.location] : []))));
        // PDF.js and mammoth did run in the spied thread.
        assert.ok(documents.every((d) => read.includes(d)), `read ${read.join(', ')}`);
        await worker.parseBytes('/x/a.txt', readFileSync(files[0].path));
        await worker.index();
        await worker.save();
        await worker.clear();
      } finally {
        worker.dispose();
      }
      return existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n') : [];
    };
    try {
      // The control shows a call in the worker's thread does get recorded.
      assert.deepEqual(await run(true), ['fetch']);
      assert.deepEqual(await run(false), []);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
