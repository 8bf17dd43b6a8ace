// The README's Neovim snippet, as written there, starts grounded-lsp from `grounded-lsp` on
// the PATH and gets diagnostics: the documented configuration works, not just the test's own.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeWorkspace, repoRoot } from './harness';

/** The first ```lua block after `heading` in the README. */
function readmeSnippet(heading: string): string {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const at = readme.indexOf(heading);
  assert.ok(at >= 0, `the README has no "${heading}"`);
  const block = /```lua\n([\s\S]*?)```/.exec(readme.slice(at));
  assert.ok(block, `no lua block after "${heading}"`);
  return block[1];
}

describe("grounded-lsp with the README's Neovim configuration", function () {
  this.timeout(90_000);

  it('starts from the PATH for a Markdown file and publishes its findings', async () => {
    const workspace = makeWorkspace({ 'report.md': 'Russia massed 120,000 troops on the border [@putin-biden-talks, para. 7].\n' });
    const home = mkdtempSync(join(tmpdir(), 'grounded-nvim-home-'));
    const bin = mkdtempSync(join(tmpdir(), 'grounded-nvim-bin-'));
    symlinkSync(join(repoRoot, 'bin', 'grounded-lsp.js'), join(bin, 'grounded-lsp'));
    const init = join(home, 'init.lua');
    writeFileSync(init, readmeSnippet('**Neovim, plain**'));
    const results = join(workspace, 'results.json');
    const child = spawn('nvim', ['--headless', '-n', '-i', 'NONE', '-u', init, '-c', `luafile ${join(repoRoot, 'test', 'lsp', 'readme-snippet.lua')}`], {
      cwd: workspace,
      env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, GROUNDED_RESULTS: results, XDG_CONFIG_HOME: home, XDG_DATA_HOME: home, XDG_STATE_HOME: home, XDG_CACHE_HOME: home },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill(), 60_000);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    clearTimeout(timer);
    const got = JSON.parse(readFileSync(results, 'utf8')) as { error?: string; filetype: string; clients: number; codes: string[] };
    assert.equal(got.error, undefined, `${got.error} ${stderr}`);
    assert.equal(code, 0, stderr);
    assert.equal(got.filetype, 'markdown');
    assert.equal(got.clients, 1);
    assert.deepEqual(got.codes, ['figure-mismatch']);
  });
});
