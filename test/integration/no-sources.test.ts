import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GroundedApi } from '../../src/vscode/extension';
import { grounded, resetEditors, until, workspaceUri, utf8 } from './helpers';

describe('Grounded in a workspace with no sources', () => {
  const config = () => vscode.workspace.getConfiguration('grounded.corpus');
  const folder = workspaceUri('notes-no-sources');
  const notes = vscode.Uri.joinPath(folder, 'notes.md');
  let api: GroundedApi;

  before(async () => {
    api = await grounded();
    await vscode.workspace.fs.writeFile(notes, utf8('# Notes\n\nAs argued in [@foo], 120,000 troops massed at the border [@bar, para. 3].\n'));
    // No file matches: the corpus is empty, as in a workspace that has none.
    await config().update('include', ['**/no-such-folder/**/*.txt'], vscode.ConfigurationTarget.Workspace);
    await until(api.onDidChangeSources, () => api.sourceKeys().length === 0, 'the corpus emptied');
    await api.ready();
  });

  after(async () => {
    await resetEditors();
    await config().update('include', undefined, vscode.ConfigurationTarget.Workspace);
    await until(api.onDidChangeSources, () => api.sourceKeys().length === 5, 'the sample corpus back');
    await vscode.workspace.fs.delete(folder, { recursive: true });
  });

  it('flags no citation as an unknown source, and shows no status bar item', async () => {
    const editor = await vscode.window.showTextDocument(notes);
    await until(api.onDidCheckReport, () => api.checkedVersion(notes) === editor.document.version, 'the notes checked');
    assert.deepEqual(vscode.languages.getDiagnostics(notes).map((d) => `${String(d.code)}: ${d.message}`), []);
    const { sources, findings } = api.statusBar();
    assert.equal(sources.visible, false, `the sources item shows "${sources.text}"`);
    assert.equal(findings.visible, false, `the findings item shows "${findings.text}"`);
  });

  it('checks the same notes again once there are sources, and shows the items', async () => {
    const editor = await vscode.window.showTextDocument(notes);
    await config().update('include', undefined, vscode.ConfigurationTarget.Workspace);
    await until(api.onDidChangeSources, () => api.sourceKeys().length === 5, 'the sample corpus back');
    await until(api.onDidCheckReport, () => vscode.languages.getDiagnostics(notes).some((d) => d.code === 'unknown-source'), 'the notes checked against the sources');
    assert.equal(api.checkedVersion(notes), editor.document.version);
    const line = editor.document.lineAt(2).text;
    assert.deepEqual(vscode.languages.getDiagnostics(notes).filter((d) => d.code === 'unknown-source').map((d) => d.range.start.character), [line.indexOf('foo'), line.indexOf('bar')]);
    assert.equal(api.statusBar().sources.visible, true);
    assert.equal(api.statusBar().findings.visible, true);
  });
});
