// What esbuild makes of the extension: its host bundle and its index worker. Shared by the
// development build (scripts/build.mjs) and the package (scripts/package.mjs).
//
// The readers of PDFs and Word documents are files of their own beside the bundles, loaded by
// the index worker (or the host, when no worker starts) the first time it reads such a file:
// PDF.js (pdfjs-dist's minified legacy build, which runs on Node; ~530 KB gzipped) is copied as
// Mozilla ships it, since it loads its own parts with import() and createRequire, and mammoth is
// bundled once into dist/mammoth.js rather than into both the host bundle and the worker.
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

/** Leaves the readers out of a bundle: their imports become imports of the files beside it. */
const readersBeside = {
  name: 'readers-beside',
  setup(b) {
    const filter = new RegExp(`^(${Object.keys(READERS).map((m) => m.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
    b.onResolve({ filter }, (args) => ({ path: READERS[args.path], external: true }));
  },
};

/**
 * Builds dist/extension.js and dist/index-worker.js into `outDir`, with the readers beside them.
 * `sourcemap` writes .map files beside the bundles and points them at them; the package ships neither.
 */
export function buildExtension({ outDir = 'dist', minify = true, sourcemap = true } = {}) {
  const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', minify, sourcemap };
  mkdirSync(join(outDir, 'pdfjs'), { recursive: true });
  const pdfjs = dirname(require.resolve('pdfjs-dist/legacy/build/pdf.mjs'));
  for (const name of ['pdf.min.mjs', 'pdf.worker.min.mjs']) copyFileSync(join(pdfjs, name), join(outDir, 'pdfjs', name));
  copyFileSync(join(pdfjs, '..', '..', 'LICENSE'), join(outDir, 'pdfjs', 'LICENSE'));
  return Promise.all([
    build({ ...common, entryPoints: ['src/vscode/extension.ts'], outfile: join(outDir, 'extension.js'), external: ['vscode'], plugins: [readersBeside] }),
    build({ ...common, entryPoints: ['src/worker/index-worker.ts'], outfile: join(outDir, 'index-worker.js'), plugins: [readersBeside] }),
    build({ ...common, entryPoints: [require.resolve('mammoth')], outfile: join(outDir, 'mammoth.js'), sourcemap: false }),
  ]);
}
