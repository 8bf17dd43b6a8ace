// The README's Neovim snippet, as written there, starts grounded-lsp from `grounded-lsp` on
// the PATH and gets diagnostics: the documented configuration works, not just the test's own.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { editorHome, readmeSnippet, runEditor } from './editor';
import { makeWorkspace, repoRoot } from './harness';

describe("grounded-lsp with the README's Neovim configuration", function () {
  this.timeout(90_000);

  it('starts from the PATH for a Markdown file and publishes its findings', async () => {
    const workspace = makeWorkspace({ 'report.md': 'Russia massed 120,000 troops on the border [@putin-biden-talks, para. 7].\n' });
    const home = editorHome();
    const init = join(home, 'init.lua');
    writeFileSync(init, readmeSnippet('**Neovim, plain**', 'lua'));
    const { results: got, code, stderr } = await runEditor<{ error?: string; filetype: string; clients: number; codes: string[] }>(
      'nvim',
      ['--headless', '-n', '-i', 'NONE', '-u', init, '-c', `luafile ${join(repoRoot, 'test', 'lsp', 'readme-snippet.lua')}`],
      workspace,
      home,
    );
    assert.equal(got.error, undefined, `${got.error} ${stderr}`);
    assert.equal(code, 0, stderr);
    assert.equal(got.filetype, 'markdown');
    assert.equal(got.clients, 1);
    assert.deepEqual(got.codes, ['figure-mismatch']);
  });
});
