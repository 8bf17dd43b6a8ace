import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './paths';

interface Manifest {
  main: string;
  browser: string;
  icon?: string;
  bin?: Record<string, string> | string;
}

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', 'not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('grounded.vsix, as npm run package makes it', function () {
  this.timeout(180_000);
  let scratch: string;
  let vsix: string;
  let files: string[];
  const read = (name: string) => execFileSync('unzip', ['-p', vsix, name], { maxBuffer: 64 * 2 ** 20 });
  let manifest: Manifest;

  before(() => {
    scratch = mkdtempSync(join(tmpdir(), 'grounded-package-test-'));
    // GROUNDED_VSIX checks a package made elsewhere (a release candidate); by default this checkout is packaged.
    vsix = process.env.GROUNDED_VSIX ?? join(scratch, 'grounded.vsix');
    if (!process.env.GROUNDED_VSIX) execFileSync(process.execPath, [join(repoRoot, 'scripts', 'package.mjs'), '--out', vsix], { stdio: 'pipe' });
    files = execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).split('\n').filter(Boolean);
    manifest = JSON.parse(read('extension/package.json').toString('utf8')) as Manifest;
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('ships no bundle that points at a source map it does not ship', () => {
    const bundles = files.filter((f) => /\.m?js$/.test(f) && f.startsWith('extension/dist/'));
    // The desktop entry and its worker thread, with the readers of PDFs and Word documents beside them; the browser entry and its Web Worker.
    assert.deepEqual(bundles.sort(), ['extension/dist/bibtex.js', 'extension/dist/extension.js', 'extension/dist/index-worker.js', 'extension/dist/mammoth.js', 'extension/dist/parse5.js', 'extension/dist/pdfjs/pdf.min.mjs', 'extension/dist/pdfjs/pdf.worker.min.mjs', 'extension/dist/web/extension.js', 'extension/dist/web/index-worker.js', 'extension/dist/yaml.js']);
    for (const bundle of bundles) {
      for (const [, map] of read(bundle).toString('utf8').matchAll(/[#@] sourceMappingURL=(\S+)/g)) {
        assert.ok(files.includes(join(bundle, '..', map)), `${bundle} points at ${map}, which is not in the package`);
      }
    }
  });

  it('is under 2 MB, with PDF.js and mammoth in files of their own that the bundles load, not inlined in them', () => {
    const size = statSync(vsix).size;
    assert.ok(size < 2_000_000, `${(size / 1e6).toFixed(2)} MB`);
    for (const bundle of ['extension/dist/extension.js', 'extension/dist/index-worker.js']) {
      const text = read(bundle).toString('utf8');
      for (const beside of ['./pdfjs/pdf.min.mjs', './pdfjs/pdf.worker.min.mjs', './mammoth.js']) assert.ok(text.includes(`import("${beside}")`), `${bundle} does not load ${beside}`);
      // PDF.js's own code (its worker's message handler) is not in the bundle.
      assert.ok(!text.includes('WorkerMessageHandler'), `${bundle} inlines PDF.js`);
      assert.ok(text.length < 1.5 * 2 ** 20, `${bundle} is ${text.length} bytes`);
      // The libraries both desktop bundles use are required from the files beside them, not inlined twice.
      for (const shared of ['./bibtex.js', './parse5.js', './yaml.js']) assert.ok(text.includes(`require("${shared}")`), `${bundle} does not require ${shared}`);
    }
    assert.ok(files.includes('extension/dist/pdfjs/LICENSE'), "PDF.js's licence is shipped with it");
  });

  it('is one package with both entries', () => {
    assert.equal(manifest.main, './dist/extension.js');
    assert.equal(manifest.browser, './dist/web/extension.js');
  });

  it('carries no Node built-in in the browser bundles', () => {
    for (const bundle of ['extension/dist/web/extension.js', 'extension/dist/web/index-worker.js']) {
      const text = read(bundle).toString('utf8');
      // A bare require() of a built-in (lodash's guarded `freeModule.require('util')` inside a try is no import).
      assert.doesNotMatch(text, /(?<![.\w$])require\(["'](?:node:)?(?:fs|path|os|crypto|worker_threads|child_process|url|util)["']\)/, bundle);
    }
  });

  it('has a manifest that names only files it ships, and no CLI', () => {
    // The CLI (bin/grounded.js) is for a checkout of the repository; the package does not ship it.
    assert.equal(manifest.bin, undefined);
    const named = [manifest.main, manifest.browser, ...[...JSON.stringify(manifest).matchAll(/"((?:\.\/)?(?:media|dist)\/[^"]+)"/g)].map((m) => m[1])];
    for (const path of named) assert.ok(files.includes(`extension/${path.replace(/^\.\//, '')}`), `the manifest names ${path}, which is not in the package`);
  });

  it('ships only the media the manifest or the extension uses (not README-only screenshots)', () => {
    const bundles = read('extension/dist/extension.js').toString('utf8');
    const manifestText = JSON.stringify(manifest);
    const unused = files.filter((f) => f.startsWith('extension/media/')).map((f) => f.slice('extension/'.length)).filter((f) => !manifestText.includes(f) && !bundles.includes(f.split('/').pop()!));
    assert.deepEqual(unused, []);
  });

  it('has a README for the details page with no image but https: and data: ones, and no relative link', () => {
    const readme = read('extension/readme.md').toString('utf8');
    assert.match(readme, /^# Grounded/);
    const targets = [...readme.matchAll(/\]\(([^)\s]+)[^)]*\)|<img[^>]*src="([^"]+)"/g)].map((m) => m[1] ?? m[2]);
    assert.deepEqual(targets.filter((t) => !/^(https:|data:|mailto:|#)/.test(t)), []);
  });

  it('has a 128×128 PNG icon', () => {
    assert.equal(manifest.icon, 'media/icon.png');
    assert.deepEqual(pngSize(read(`extension/${manifest.icon}`)), { width: 128, height: 128 });
  });

  it('is installed by npm with no install script left unreviewed (allowScripts)', () => {
    const said = execFileSync('npm', ['install-scripts', 'ls'], { cwd: repoRoot, encoding: 'utf8' });
    assert.match(said, /No packages with unreviewed install scripts/, said);
  });
});
