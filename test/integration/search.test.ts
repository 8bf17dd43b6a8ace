import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { grounded, openReport, poll, resetEditors } from './helpers';

describe('Grounded: Search Sources in the extension host', () => {
  afterEach(resetEditors);

  it('is a palette command in the Grounded category', async () => {
    await grounded();
    const pkg = vscode.extensions.getExtension('grounded-dev.grounded')!.packageJSON as { contributes: { commands: Array<{ command: string; category: string; title: string }> } };
    const command = pkg.contributes.commands.find((c) => c.command === 'grounded.searchSources');
    assert.deepEqual([command?.category, command?.title], ['Grounded', 'Search Sources']);
    assert.ok((await vscode.commands.getCommands(true)).includes('grounded.searchSources'));
  });

  it('inserts [@key, para. N] at the cursor for a query with a typo, as one undoable edit', async () => {
    await grounded();
    const editor = await openReport();
    const line = editor.document.lineCount - 1;
    const end = editor.document.lineAt(line).range.end;
    editor.selection = new vscode.Selection(end, end);
    const before = editor.document.getText();

    const shown = vscode.commands.executeCommand('grounded.searchSources', 'critical unitz');
    // The QuickPick reports no event to extensions: accept as soon as it has items.
    await poll(async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return editor.document.getText() !== before;
    }, 'the citation to be inserted');
    await shown;
    const inserted = editor.document.getText().slice(before.length);
    assert.match(inserted, /^ ?\[@putin-nato-scholz, para\. 8\]$/);

    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), before);
  });
});
