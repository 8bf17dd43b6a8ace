// What esbuild makes of the extension: its two entries and their index workers. Shared by the
// development build (scripts/build.mjs) and the package (scripts/package.mjs).
//   dist/extension.js, dist/index-worker.js          desktop (`main`): the Node extension host and its worker thread
//   dist/web/extension.js, dist/web/index-worker.js  browser (`browser`): the web worker extension host and its Web Worker
// The browser bundles are built for platform 'browser' with no Node built-in allowed: one that
// slips into their imports fails the build.
import { build } from 'esbuild';
import { join } from 'node:path';

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
 * Builds the extension's bundles into `outDir`. `sourcemap` writes .map files beside them
 * and points the bundles at them; the package ships neither.
 */
export function buildExtension({ outDir = 'dist', minify = true, sourcemap = true } = {}) {
  const node = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', minify, sourcemap };
  const browser = { bundle: true, platform: 'browser', target: 'es2022', logLevel: 'warning', minify, sourcemap, plugins: [noNodeBuiltins], define: { 'process.env.NODE_ENV': '"production"' } };
  return Promise.all([
    build({ ...node, entryPoints: ['src/vscode/extension.ts'], outfile: join(outDir, 'extension.js'), external: ['vscode'] }),
    build({ ...node, entryPoints: ['src/worker/index-worker.ts'], outfile: join(outDir, 'index-worker.js') }),
    build({ ...browser, format: 'cjs', entryPoints: ['src/vscode/extension-browser.ts'], outfile: join(outDir, 'web', 'extension.js'), external: ['vscode'] }),
    // A classic script: the web worker host starts Workers through importScripts.
    build({ ...browser, format: 'iife', entryPoints: ['src/worker/index-worker-browser.ts'], outfile: join(outDir, 'web', 'index-worker.js') }),
  ]);
}
