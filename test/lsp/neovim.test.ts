// grounded-lsp with a real editor's client: Neovim (Debian's 0.7) runs headless on a fixture
// workspace, and test/lsp/neovim-client.lua drives its built-in LSP client and writes what it
// got; this test checks it.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runEditor, editorHome } from './editor';
import { makeWorkspace, repoRoot, uriOf } from './harness';

const REPORT = [
  'Russia massed 120,000 troops on the border [@putin-biden-talks, para. 7].',
  '',
  'Zelensky called for direct talks with Putin [@',
  '',
  'The talks are due [@nosuch-key].',
  '',
].join('\n');

interface NeovimResults {
  version: { major: number; minor: number };
  error?: string;
  logs: string[];
  completion: Array<{ label: string }>;
  hover: string;
  definition: { uri: string; line: number };
  diagnostics: Array<{ code: string; message: string; lnum: number; col: number; source: string }>;
  actions: string[];
  fixed_line: string;
  figure_cleared: boolean;
  diagnostics_after_fix: Array<{ code: string }>;
}

describe('grounded-lsp in Neovim', function () {
  this.timeout(120_000);
  let results: NeovimResults;
  let workspace: string;

  before(async () => {
    workspace = makeWorkspace({ 'report.md': REPORT });
    const run = await runEditor<NeovimResults>('nvim', ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${join(repoRoot, 'test', 'lsp', 'neovim-client.lua')}`], workspace, editorHome(), {
      GROUNDED_WORKSPACE: workspace,
      GROUNDED_SERVER: join(repoRoot, 'bin', 'grounded-lsp.js'),
    });
    const { code, stderr } = run;
    results = run.results;
    assert.equal(results.error, undefined, `the Lua client failed: ${results.error}\nserver log:\n${results.logs?.join('\n')}`);
    assert.equal(code, 0, stderr);
  });

  it('ran Neovim 0.7 or later', () => {
    assert.ok(results.version.major > 0 || results.version.minor >= 7, JSON.stringify(results.version));
  });

  it('read the sources once, though Neovim pushes its settings again as it starts the server', () => {
    const scans = results.logs.filter((l) => l.startsWith('Indexed '));
    assert.equal(scans.length, 1, results.logs.join('\n'));
    // A second scan would have found the files in the worker's parse cache.
    assert.match(scans[0], /\(6 parsed, 0 from the cache/);
  });

  it('completes keys after [@, the source that backs the sentence first', () => {
    assert.equal(results.completion.length, 5);
    assert.equal(results.completion[0].label, 'zelensky-direct-talks');
  });

  it("hovers the citation with the source's own words", () => {
    assert.match(results.hover, /Vladimir Putin requests President Joe Biden/);
    assert.match(results.hover, /over 94,000 \*\*troops\*\*/);
  });

  it('goes to the cited paragraph of the source file', () => {
    assert.equal(results.definition.uri, uriOf(join(workspace, 'corpus', '002_c369252dabbea5e4.txt')));
    assert.equal(results.definition.line, 17);
  });

  it('shows the wrong figure as a diagnostic', () => {
    const figure = results.diagnostics.find((d) => d.code === 'figure-mismatch');
    assert.ok(figure, JSON.stringify(results.diagnostics));
    assert.equal(figure.source, 'grounded');
    assert.equal(figure.lnum, 0);
    assert.equal(figure.col, REPORT.indexOf('120,000'));
    assert.match(figure.message, /over 94,000 troops/);
  });

  it("applies the quick fix to the buffer, and the figure's diagnostic goes", () => {
    assert.ok(results.actions.length > 0);
    assert.doesNotMatch(results.fixed_line, /120,000/);
    assert.match(results.fixed_line, /94,000 troops/);
    assert.equal(results.figure_cleared, true, JSON.stringify(results.diagnostics_after_fix));
    // Checked again, not cleared: the other finding is still there.
    assert.deepEqual(
      results.diagnostics_after_fix.map((d) => d.code),
      ['unknown-source'],
    );
  });
});
