// What esbuild makes of the extension: its two entries and their index workers. Shared by the
// development build (scripts/build.mjs) and the package (scripts/package.mjs).
//   dist/extension.js, dist/index-worker.js          desktop (`main`): the Node extension host and its worker thread
//   dist/web/extension.js, dist/web/index-worker.js  browser (`browser`): the web worker extension host and its Web Worker
// The browser bundles are built for platform 'browser' with no Node built-in allowed: one that
// slips into their imports fails the build.
//
// The readers of PDFs and Word documents are files of their own beside the desktop bundles, loaded
// by the index worker (or the host, when no worker starts) the first time it reads such a file:
// PDF.js (pdfjs-dist's minified legacy build, which runs on Node; ~530 KB gzipped) is copied as
// Mozilla ships it, since it loads its own parts with import() and createRequire, and mammoth is
// bundled once into dist/mammoth.js rather than into both the host bundle and the worker. The
// browser bundles have none: there a PDF or Word source gets a message saying where it is read.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** What the bundles import, and the file beside them (relative to dist/) they load it from instead. */
export const READERS = {
  'pdfjs-dist/legacy/build/pdf.mjs': './pdfjs/pdf.min.mjs',
  'pdfjs-dist/legacy/build/pdf.worker.mjs': './pdfjs/pdf.worker.min.mjs',
  mammoth: './mammoth.js',
};

/** A filter for esbuild's onResolve that matches exactly these module names. */
const importOf = (names) => new RegExp(`^(${names.map((m) => m.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
const READER_IMPORT = importOf(Object.keys(READERS));

/** Leaves the readers out of a bundle: their imports become imports of the files beside it. */
const readersBeside = {
  name: 'readers-beside',
  setup(b) {
    b.onResolve({ filter: READER_IMPORT }, (args) => ({ path: READERS[args.path], external: true }));
  },
};

/**
 * Libraries both desktop bundles use, bundled once beside them (each its own file, which the host
 * bundle and its worker require) rather than into both: Better BibTeX's parser with its LaTeX
 * and Unicode tables (~530 KB minified), the HTML parser and the YAML parser.
 */
const SHARED = { '@retorquere/bibtex-parser': './bibtex.js', parse5: './parse5.js', yaml: './yaml.js' };
const sharedBeside = {
  name: 'shared-beside',
  setup(b) {
    b.onResolve({ filter: importOf(Object.keys(SHARED)) }, (args) => ({ path: SHARED[args.path], external: true }));
  },
};

/** In a browser bundle the readers are a module that says where PDFs and Word documents are read. */
const readersUnavailable = {
  name: 'readers-unavailable',
  setup(b) {
    b.onResolve({ filter: READER_IMPORT }, (args) => ({ path: args.path, namespace: 'reader-unavailable' }));
    b.onLoad({ filter: /.*/, namespace: 'reader-unavailable' }, () => ({
      contents: 'throw new Error("PDF and Word documents are read by Grounded in desktop VS Code, by grounded check and by grounded-lsp, not in the browser");',
      loader: 'js',
    }));
  },
};

/** Fails the build when a browser bundle would import a Node built-in (esbuild would otherwise leave a require() to fail at run time). */
const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(b) {
    b.onResolve({ filter: /^node:|^(fs|path|os|crypto|worker_threads|child_process|url|util|stream|buffer|events|net|http|https|zlib)$/ }, (args) => ({
      errors: [{ text: `${args.path} is a Node built-in, which the browser entry cannot use (imported by ${args.importer})` }],
    }));
  },
};

/**
 * Builds the extension's bundles into `outDir`, with the readers beside the desktop ones.
 * `sourcemap` writes .map files beside the bundles and points them at them; the package ships neither.
 */
export function buildExtension({ outDir = 'dist', minify = true, sourcemap = true } = {}) {
  const node = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', minify, sourcemap };
  const browser = { bundle: true, platform: 'browser', target: 'es2022', logLevel: 'warning', minify, sourcemap, plugins: [noNodeBuiltins, readersUnavailable], define: { 'process.env.NODE_ENV': '"production"' } };
  mkdirSync(join(outDir, 'pdfjs'), { recursive: true });
  const pdfjs = dirname(require.resolve('pdfjs-dist/legacy/build/pdf.mjs'));
  for (const name of ['pdf.min.mjs', 'pdf.worker.min.mjs']) copyFileSync(join(pdfjs, name), join(outDir, 'pdfjs', name));
  copyFileSync(join(pdfjs, '..', '..', 'LICENSE'), join(outDir, 'pdfjs', 'LICENSE'));
  return Promise.all([
    build({ ...node, entryPoints: ['src/vscode/extension.ts'], outfile: join(outDir, 'extension.js'), external: ['vscode'], plugins: [readersBeside, sharedBeside] }),
    build({ ...node, entryPoints: ['src/worker/index-worker.ts'], outfile: join(outDir, 'index-worker.js'), plugins: [readersBeside, sharedBeside] }),
    build({ ...node, entryPoints: [require.resolve('mammoth')], outfile: join(outDir, 'mammoth.js'), sourcemap: false }),
    // Each resolved as the sources import it (its ES module build), not as require() would.
    ...Object.entries(SHARED).map(([module, file]) => build({ ...node, stdin: { contents: `export * from '${module}';`, resolveDir: process.cwd() }, outfile: join(outDir, file), sourcemap: false })),
    build({ ...browser, format: 'cjs', entryPoints: ['src/vscode/extension-browser.ts'], outfile: join(outDir, 'web', 'extension.js'), external: ['vscode'] }),
    // A classic script: the web worker host starts Workers through importScripts.
    build({ ...browser, format: 'iife', entryPoints: ['src/worker/index-worker-browser.ts'], outfile: join(outDir, 'web', 'index-worker.js') }),
  ]);
}
