// What esbuild makes of the extension: its host bundle and its index worker. Shared by the
// development build (scripts/build.mjs) and the package (scripts/package.mjs).
import { build } from 'esbuild';
import { join } from 'node:path';

/**
 * Builds dist/extension.js and dist/index-worker.js into `outDir`. `sourcemap` writes .map
 * files beside them and points the bundles at them; the package ships neither.
 */
export function buildExtension({ outDir = 'dist', minify = true, sourcemap = true } = {}) {
  const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', minify, sourcemap };
  return Promise.all([
    build({ ...common, entryPoints: ['src/vscode/extension.ts'], outfile: join(outDir, 'extension.js'), external: ['vscode'] }),
    build({ ...common, entryPoints: ['src/worker/index-worker.ts'], outfile: join(outDir, 'index-worker.js') }),
  ]);
}
