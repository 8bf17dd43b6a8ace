// grounded-lsp with a second real client: Emacs (Debian's 28 with elpa-eglot) in batch mode
// loads the README's eglot snippet as written, and test/lsp/eglot-client.el drives eglot
// against `grounded-lsp` on the PATH and writes what it got; this test checks it.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { editorHome, readmeSnippet, runEditor } from './editor';
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

describe('grounded-lsp in Emacs (eglot)', function () {
  this.timeout(120_000);
  let results: EglotResults;
  let workspace: string;

  before(async () => {
    workspace = makeWorkspace({ 'report.md': REPORT });
    const home = editorHome();
    writeFileSync(join(home, 'snippet.el'), readmeSnippet('**Emacs, eglot**', 'elisp'));
    const run = await runEditor<EglotResults>('emacs', ['--batch', '-l', join(repoRoot, 'test', 'lsp', 'eglot-client.el')], workspace, home, { GROUNDED_SNIPPET: join(home, 'snippet.el') });
    const { code, stderr } = run;
    results = run.results;
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
