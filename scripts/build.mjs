// Bundles the extension, the CLI, the language server and the test suites with esbuild, with source maps.
// `vscode` stays external (the host provides it); test bundles keep node_modules external.
import { build } from 'esbuild';
import { buildExtension } from './bundles.mjs';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const watch = process.argv.includes('--watch');
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

function files(dir, suffix) {
  const out = [];
  let entries = [];
  try { entries = readdirSync(dir); } catch { return out; }
  for (const name of entries) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p, suffix));
    else if (p.endsWith(suffix)) out.push(p);
  }
  return out;
}

// Test bundles load the project's packages from node_modules, except those whose CommonJS build
// Node cannot require: @retorquere/bibtex-parser's `dist/cjs` sits in a `"type": "module"`
// package, so it is bundled, as it is in dist/.
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const BUNDLED_IN_TESTS = new Set(['@retorquere/bibtex-parser']);
const testExternals = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).filter((name) => !BUNDLED_IN_TESTS.has(name));

// Mocha's browser bundle is a UMD script: inside a CommonJS bundle it would take the bundle's own
// `module.exports` (the suite's `run`) for itself. Loaded with no module in sight, it sets the global `mocha`.
const mochaAsGlobal = {
  name: 'mocha-as-global',
  setup(b) {
    b.onLoad({ filter: /node_modules[\\/]mocha[\\/]mocha\.js$/ }, (args) => ({
      contents: `(function (module, exports, define) {\n${readFileSync(args.path, 'utf8')}\n}).call(globalThis);`,
      loader: 'js',
    }));
  },
};

const jobs = [
  buildExtension({ minify: !watch }),
  build({
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    format: 'cjs',
    define: { GROUNDED_VERSION: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
  }),
  build({
    ...common,
    entryPoints: ['src/lsp/main.ts'],
    outfile: 'dist/lsp.js',
    format: 'cjs',
    define: { GROUNDED_VERSION: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
  }),
  build({
    ...common,
    // test/web runs in the browser's extension host: bundled below, for the browser.
    entryPoints: files('test', '.ts').filter((f) => !f.startsWith(join('test', 'web'))),
    outdir: 'out/test',
    outbase: 'test',
    format: 'cjs',
    external: ['vscode', ...testExternals],
  }),
  // The integration tests that apply in the browser's extension host, as one browser bundle:
  // no Node there, so node:assert/strict is the suite's own (test/web/assert.ts); `vscode` is the host's.
  build({
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'cjs',
    sourcemap: 'inline',
    logLevel: 'warning',
    entryPoints: ['test/web/index.ts'],
    outfile: 'out/test-web/index.js',
    external: ['vscode'],
    alias: { 'node:assert/strict': './test/web/assert.ts' },
    plugins: [mochaAsGlobal],
    define: { 'process.env.NODE_ENV': '"test"' },
  }),
];
await Promise.all(jobs);
