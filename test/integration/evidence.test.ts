import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { grounded, resetEditors, until, workspaceUri, utf8 } from './helpers';

/** Waits until the diagnostics of `document` describe its current text. */
async function checked(document: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
  const api = await grounded();
  await until(api.onDidCheckReport, () => api.checkedVersion(document.uri) === document.version, `diagnostics for version ${document.version} of ${document.uri.path}`);
  return vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'grounded');
}

/** Changes what a citation covers and waits for the report's next check (a settings change keeps the version). */
async function afterSetting(scope: string | undefined): Promise<vscode.Diagnostic[]> {
  const api = await grounded();
  const report = workspaceUri('evidence-report.md');
  let rechecked = false;
  const sub = api.onDidCheckReport((u) => (rechecked ||= u.toString() === report.toString()));
  try {
    await vscode.workspace.getConfiguration('grounded').update('checks.citationScope', scope, vscode.ConfigurationTarget.Workspace);
    await until(api.onDidCheckReport, () => rechecked, `a check after citationScope became ${scope ?? 'the default'}`);
  } finally {
    sub.dispose();
  }
  return vscode.languages.getDiagnostics(report).filter((d) => d.source === 'grounded');
}

describe('figure checks on the evidence, in the extension host', () => {
  const source = workspaceUri('corpus', 'brit-awards.md');
  const report = workspaceUri('evidence-report.md');
  const text = [
    'Joss Stone, 17, was nominated in four categories. The singer also performed at the ceremony [@brit-awards].',
    '',
    'Russia had massed 120,000 troops near the border. Talks in Geneva were meant to calm the crisis [@putin-biden-talks].',
    '',
  ].join('\n');

  before(async () => {
    const api = await grounded();
    await vscode.workspace.fs.writeFile(
      source,
      utf8('---\nid: brit-awards\ntitle: Brit Awards nominations\n---\nThe nominations for this year\'s Brit Awards were announced on Monday.\n\nJoss Stone, 17, was nominated in four categories, and will perform at the ceremony in London.\n'),
    );
    await until(api.onDidChangeSources, () => api.sourceKeys().includes('brit-awards'), 'the test source to be indexed');
    await vscode.workspace.fs.writeFile(report, utf8(text));
  });
  afterEach(resetEditors);
  after(async () => {
    const api = await grounded();
    await vscode.workspace.fs.delete(report);
    await vscode.workspace.fs.delete(source);
    await until(api.onDidChangeSources, () => !api.sourceKeys().includes('brit-awards'), 'the test source to leave');
    await vscode.workspace.getConfiguration('grounded').update('checks.citationScope', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('checks a sentence against the citation at the end of its paragraph, and leaves a correct age alone', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(report));
    const diagnostics = await checked(editor.document);
    const troops = diagnostics.find((d) => d.range.start.line === 2 && d.code === 'figure-mismatch');
    assert.ok(troops, diagnostics.map((d) => `${d.range.start.line}: ${String(d.code)} ${d.message}`).join('\n'));
    assert.equal(editor.document.getText(troops.range), '120,000');
    assert.match(troops.message, /94,000/);
    // The age 17 and the four categories are what the source says: nothing on the first line.
    assert.deepEqual(diagnostics.filter((d) => d.range.start.line === 0).map((d) => `${String(d.code)} ${d.message}`), []);
  });

  it('narrows the scope to the sentence when the setting says so', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(report));
    await checked(editor.document);
    const narrowed = await afterSetting('sentence');
    assert.deepEqual(narrowed.filter((d) => d.range.start.line === 2 && d.code === 'figure-mismatch').map((d) => d.message), []);
    const restored = await afterSetting(undefined);
    assert.ok(restored.some((d) => d.range.start.line === 2 && d.code === 'figure-mismatch'), 'the paragraph scope is back');
  });

  it('shows in the hover the passage the diagnostic quotes', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(report));
    const diagnostics = await checked(editor.document);
    const mismatch = diagnostics.find((d) => d.code === 'figure-mismatch' && d.range.start.line === 2);
    const line = editor.document.lineAt(2).text;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', report, new vscode.Position(2, line.indexOf('[@') + 4));
    const shown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    const para = /para\. (\d+)/.exec(mismatch?.message ?? '')?.[1];
    assert.ok(para && shown.includes(`para. ${para}`), `hover:\n${shown}\ndiagnostic: ${mismatch?.message}`);
  });
});
