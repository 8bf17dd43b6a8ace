// grounded-lsp with a second real client: Emacs (Debian's 28 with elpa-eglot) in batch mode
// loads the README's eglot snippet as written, and test/lsp/eglot-client.el drives eglot
// against `grounded-lsp` on the PATH and writes what it got; this test checks it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeWorkspace, repoRoot, uriOf } from './harness';

const REPORT = ['Russia massed 120,000 troops on the border [@putin-biden-talks, para. 7].', '', 'Zelensky called for direct talks with Putin [@', '', 'The talks are due [@nosuch-key].', ''].join('\n');

interface EglotResults {
  error?: string;
  mode: string;
  codes: string[];
  completion: string[];
  hover: string;
  definition: { uri: string; line: number };
  actions: string[];
  'fixed-line': string;
  rechecked: boolean;
  'codes-after-fix': string[];
}

/** The README's eglot snippet, as written there. */
function eglotSnippet(): string {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const block = /```elisp\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf('**Emacs, eglot**')));
  assert.ok(block, 'the README has no eglot snippet');
  return block[1];
}

describe('grounded-lsp in Emacs (eglot)', function () {
  this.timeout(120_000);
  let results: EglotResults;
  let workspace: string;

  before(async () => {
    workspace = makeWorkspace({ 'report.md': REPORT });
    const home = mkdtempSync(join(tmpdir(), 'grounded-emacs-home-'));
    const bin = mkdtempSync(join(tmpdir(), 'grounded-emacs-bin-'));
    symlinkSync(join(repoRoot, 'bin', 'grounded-lsp.js'), join(bin, 'grounded-lsp'));
    writeFileSync(join(home, 'snippet.el'), eglotSnippet());
    const out = join(home, 'results.json');
    const child = spawn('emacs', ['--batch', '-l', join(repoRoot, 'test', 'lsp', 'eglot-client.el')], {
      cwd: workspace,
      env: { ...process.env, HOME: home, PATH: `${bin}:${process.env.PATH ?? ''}`, XDG_CACHE_HOME: home, GROUNDED_SNIPPET: join(home, 'snippet.el'), GROUNDED_RESULTS: out },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill(), 90_000);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    clearTimeout(timer);
    let text = '';
    try {
      text = readFileSync(out, 'utf8');
    } catch {
      assert.fail(`Emacs wrote no results (exit ${code}): ${stderr}`);
    }
    results = JSON.parse(text) as EglotResults;
    assert.equal(results.error, undefined, `eglot failed: ${results.error}\n${stderr}`);
    assert.equal(code, 0, stderr);
  });

  it('manages the report in markdown-mode and shows its findings', () => {
    assert.equal(results.mode, 'markdown-mode');
    assert.deepEqual([...results.codes].sort(), ['figure-mismatch', 'unknown-source']);
  });

  it('completes keys after [@, hovers the source words, goes to the source', () => {
    assert.equal(results.completion[0], 'zelensky-direct-talks');
    assert.equal(results.completion.length, 5);
    assert.match(results.hover, /over 94,000 \*\*troops\*\*/);
    assert.equal(results.definition.uri, uriOf(join(workspace, 'corpus', '002_c369252dabbea5e4.txt')));
    assert.equal(results.definition.line, 17);
  });

  it('applies the quick fix, and the report is checked again', () => {
    assert.match(results.actions[0], /over 94,000/);
    assert.equal(results['fixed-line'], 'Russia massed over 94,000 troops on the border [@putin-biden-talks, para. 7].');
    assert.equal(results.rechecked, true);
    assert.deepEqual(results['codes-after-fix'], ['unknown-source']);
  });
});
