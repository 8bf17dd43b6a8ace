import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GroundedApi } from '../../src/vscode/extension';
import { grounded, openReport, poll, resetEditors, until, workspaceUri, utf8 } from './helpers';

const MARKDOWN_SOURCE = `---
id: read-only-check
title: A Markdown source
---
Troops gathered at the border with 500 tanks on Monday.
`;

/** How many times the output channel said that `file` is a source and nothing was inserted. */
function refusals(api: GroundedApi, file: string): number {
  return api.log.recent().filter((l) => l.level === 'warn' && l.message.includes('never writes to sources') && l.message.includes(file)).length;
}

/** Runs `act`, then waits until the output channel has one more refusal for `file`. */
async function refused(api: GroundedApi, file: string, act: () => Thenable<unknown>): Promise<void> {
  const before = refusals(api, file);
  await act();
  await until(api.log.onDidLog, () => refusals(api, file) === before + 1, `Grounded to say that ${file} is a source`);
}

describe('Grounded never writes to a source', () => {
  afterEach(resetEditors);

  it('inserts nothing when the active editor is a source, from views, the preview, the keyboard or the search, and says why', async () => {
    const api = await grounded();
    const report = await openReport();
    const reportText = report.document.getText();
    const source = await vscode.commands.executeCommand<vscode.TextEditor>('grounded.openSource', { key: 'putin-biden-talks', paragraph: 7 });
    assert.equal(vscode.window.activeTextEditor?.document, source.document);
    const file = '002_c369252dabbea5e4.txt';
    const { version } = source.document;
    const text = source.document.getText();

    await refused(api, file, () => vscode.commands.executeCommand('grounded.insertCitation', { kind: 'paragraph', source: { meta: { key: 'putin-nato-scholz' } }, paragraph: { index: 4 } }));
    const troops = (await api.views.figures()).find((g) => g.label === 'troops')!;
    await refused(api, file, () => vscode.commands.executeCommand('grounded.insertFigure', { kind: 'value', group: troops, value: troops.values[0] }));
    await refused(api, file, () => api.views.previewMessage({ what: 'citation', key: 'putin-biden-talks', paragraph: 7 }));
    // The keybinding's path: no search is offered for a citation that could not go in.
    await refused(api, file, async () => assert.equal(await vscode.commands.executeCommand('grounded.insertCitation'), false));
    // Searching from a source is fine; inserting the pick into it is not.
    await refused(api, file, async () => {
      const before = refusals(api, file);
      const shown = vscode.commands.executeCommand('grounded.searchSources', 'critical unitz');
      await poll(async () => {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return refusals(api, file) > before;
      }, 'the search to accept a passage');
      await shown;
    });

    assert.equal(source.document.getText(), text);
    assert.equal(source.document.version, version, 'the source was edited and changed back');
    assert.equal(source.document.isDirty, false);
    assert.equal(report.document.getText(), reportText, 'nothing went into the report either');
  });

  it('treats a Markdown source as a source: no citation completion, no front matter from the bibliography export', async () => {
    const api = await grounded();
    const uri = workspaceUri('corpus', 'read-only-check.md');
    const bibliography = workspaceUri('read-only-check.json');
    await vscode.workspace.fs.writeFile(uri, utf8(MARKDOWN_SOURCE));
    try {
      await until(api.onDidChangeSources, () => api.sourceKeys().includes('read-only-check'), 'the Markdown source to be indexed');
      const editor = await vscode.window.showTextDocument(uri);
      const end = editor.document.positionAt(editor.document.getText().length);
      await editor.edit((b) => b.insert(end, 'Typed by the writer [@'));
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, editor.document.positionAt(editor.document.getText().length), '@');
      assert.deepEqual(list.items.filter((i) => i.kind === vscode.CompletionItemKind.Reference).map((i) => i.label), []);
      await vscode.commands.executeCommand('undo');
      assert.equal(editor.document.getText(), MARKDOWN_SOURCE);

      const written = await vscode.commands.executeCommand<vscode.Uri>('grounded.exportBibliography', { scope: 'all', target: bibliography.toString(), addToFrontMatter: true });
      assert.equal(written?.toString(), bibliography.toString());
      assert.equal(editor.document.getText(), MARKDOWN_SOURCE);
      assert.equal(editor.document.isDirty, false);
      await refused(api, 'read-only-check.md', () => vscode.commands.executeCommand('grounded.insertCitation'));
    } finally {
      await resetEditors();
      await vscode.workspace.fs.delete(bibliography).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(uri);
      await until(api.onDidChangeSources, () => !api.sourceKeys().includes('read-only-check'), 'the Markdown source to leave');
    }
  });

  it('inserts into the report at every cursor as one edit that one undo takes back, leaving the cursors after it', async () => {
    await grounded();
    const editor = await openReport();
    const original = editor.document.getText();
    const lineEnd = (line: number) => editor.document.lineAt(line).range.end;
    const [first, last] = [editor.document.lineCount - 3, editor.document.lineCount - 1].map((l) => new vscode.Selection(lineEnd(l), lineEnd(l)));
    editor.selections = [last, first];
    assert.equal(await vscode.commands.executeCommand('grounded.insertCitation', { kind: 'source', source: { meta: { key: 'putin-nato-scholz' } } }), true);
    const citation = '[@putin-nato-scholz]';
    for (const line of [first.active.line, last.active.line]) {
      const text = editor.document.lineAt(line).text;
      assert.ok(text.endsWith(citation) || text.trim() === citation, text);
    }
    assert.deepEqual(
      editor.selections.map((s) => [s.active.line, s.active.character]).sort((a, b) => a[0] - b[0]),
      [first.active.line, last.active.line].map((l) => [l, editor.document.lineAt(l).text.length]),
      'the cursors after the citations',
    );
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original);
  });
});
