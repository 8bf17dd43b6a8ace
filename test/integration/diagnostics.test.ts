import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, grounded, resetEditors, until, workspaceUri, utf8 } from './helpers';

interface Case {
  line: number;
  expect: string;
  sourceSays?: string;
}

const CHECKED = new Set(['figure-mismatch', 'figure-unsupported', 'quote-mismatch', 'unknown-source']);

/** A file of the seed dev set, read through VS Code's file system from the extension's folder (in either host). */
async function evalFile(name: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, 'test', 'fixtures', 'eval', name)));
}

/** Waits until the diagnostics of `document` describe its current text. */
async function checked(document: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
  const api = await grounded();
  await until(api.onDidCheckReport, () => api.checkedVersion(document.uri) === document.version, `diagnostics for version ${document.version} of ${document.uri.path}`);
  return vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'grounded');
}

async function openChecked(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  await checked(editor.document);
  return editor;
}

async function nextCheck(editor: vscode.TextEditor, change: () => Thenable<unknown>): Promise<vscode.Diagnostic[]> {
  await change();
  return checked(editor.document);
}

describe('figure and quote diagnostics in the extension host', () => {
  const report = workspaceUri('eval', 'seed-report.md');
  before(async () => {
    await vscode.workspace.fs.writeFile(report, utf8(await evalFile('seed-report.md')));
  });
  afterEach(resetEditors);
  after(async () => vscode.workspace.fs.delete(workspaceUri('eval'), { recursive: true }));

  it('passes every case of the development set', async () => {
    await openChecked(report);
    const diagnostics = vscode.languages.getDiagnostics(report).filter((d) => d.source === 'grounded');
    const cases = (JSON.parse(await evalFile('seed-report.expected.json')) as { cases: Case[] }).cases;
    const failures: string[] = [];
    for (const c of cases) {
      const onLine = diagnostics.filter((d) => d.range.start.line === c.line - 1 && CHECKED.has(String(d.code)));
      const ok = c.expect === 'clean' ? onLine.length === 0 : onLine.some((d) => d.code === c.expect && (!c.sourceSays || d.message.includes(c.sourceSays)));
      if (!ok) failures.push(`line ${c.line}: expected ${c.expect}, got ${onLine.map((d) => `${String(d.code)} ${d.message}`).join('; ') || 'nothing'}`);
    }
    assert.deepEqual(failures, []);
    const mismatch = diagnostics.find((d) => d.range.start.line === 3)!;
    assert.equal(mismatch.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(mismatch.relatedInformation?.[0].location.uri.path.endsWith('/corpus/002_c369252dabbea5e4.txt'));
  });

  it('fixes a figure with the source\'s own words, as an undoable edit, and the warning goes', async () => {
    const editor = await openChecked(report);
    const line = 3;
    const diagnostic = vscode.languages.getDiagnostics(report).find((d) => d.range.start.line === line && d.code === 'figure-mismatch')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', report, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const replace = actions.find((a) => a.title.startsWith('Replace with'));
    assert.ok(replace?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(actions.some((a) => a.title === 'Open @putin-biden-talks, para. 7' && a.command?.command === 'grounded.openSource'));
    const after = await nextCheck(editor, () => vscode.workspace.applyEdit(replace.edit!));
    assert.equal(editor.document.lineAt(line).text, "Ukraine's defence minister put the Russian build-up at over 94,000 troops [@putin-biden-talks].");
    assert.equal(after.filter((d) => d.range.start.line === line).length, 0);
    // After the edit VS Code runs the action's command: it records the fix (the walkthrough waits for it).
    assert.equal(replace.command?.command, 'grounded.fixApplied');
    const api = await grounded();
    await vscode.commands.executeCommand(replace.command.command, ...(replace.command.arguments ?? []));
    assert.ok(api.log.recent().some((l) => l.message.startsWith('Quick fix applied (figure-mismatch): Replace with')), 'the fix is logged');
    await vscode.commands.executeCommand('undo');
    assert.match(editor.document.lineAt(line).text, /120,000/);
  });

  it('offers the closest keys for an unknown source', async () => {
    await openChecked(report);
    const diagnostic = vscode.languages.getDiagnostics(report).find((d) => d.code === 'unknown-source')!;
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', report, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    assert.ok(actions.filter((a) => a.title.startsWith('Change to @')).length >= 1);
  });

  it('updates as the writer types, honours grounded-ignore, and settings turn a check off', async () => {
    const editor = await openChecked(report);
    const typed = await nextCheck(editor, () => editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), '\nRussia seized Crimea in 2016 [@biden-zelenskyy-call].\n')));
    const last = editor.document.lineCount - 2;
    assert.ok(typed.some((d) => d.range.start.line === last && d.code === 'figure-mismatch'));

    const ignored = await nextCheck(editor, () => editor.edit((b) => b.insert(new vscode.Position(last, 0), '<!-- grounded-ignore -->\n')));
    assert.ok(!ignored.some((d) => d.range.start.line === last + 1));

    const config = vscode.workspace.getConfiguration('grounded');
    // A settings change keeps the version: wait for the next check of this report instead.
    const api = await grounded();
    let rechecked = false;
    const sub = api.onDidCheckReport((u) => (rechecked ||= u.toString() === report.toString()));
    await config.update('diagnostics.severity', { 'figure-mismatch': 'off', 'unknown-source': 'warning' }, vscode.ConfigurationTarget.Workspace);
    await until(api.onDidCheckReport, () => rechecked, 'a check after the settings changed');
    sub.dispose();
    const off = vscode.languages.getDiagnostics(report).filter((d) => d.source === 'grounded');
    try {
      assert.ok(!off.some((d) => d.code === 'figure-mismatch'));
      assert.equal(off.find((d) => d.code === 'unknown-source')?.severity, vscode.DiagnosticSeverity.Warning);
    } finally {
      await config.update('diagnostics.severity', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('checks every report of the workspace on command', async () => {
    await grounded();
    const result = await vscode.commands.executeCommand<{ reports: number; findings: number }>('grounded.checkWorkspace');
    assert.ok(result.reports >= 2, JSON.stringify(result));
    assert.ok(vscode.languages.getDiagnostics(report).some((d) => d.code === 'figure-mismatch'));
  });

  it('checks a 10,000-line report with mixed line endings: edits during the check win, and every range is right', async () => {
    const api = await grounded();
    const lines: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      if (i % 5 === 0) lines.push(`Russia seized Crimea in ${2010 + (i % 7)} [@biden-zelenskyy-call]. Mail press@example.org, \`[@not-a-cite]\`.`);
      else if (i % 5 === 1) lines.push('Unbalanced [brackets and "quotes in a line [@putin-biden-talks, para. 3');
      else lines.push(`The build-up reached ${90 + (i % 9)},000 troops [@putin-biden-talks, para. 7].`);
    }
    const big = workspaceUri('eval', 'big.md');
    // Mixed line endings, as reports pasted together from several places have.
    await vscode.workspace.fs.writeFile(big, utf8(lines.map((l, i) => l + (i % 2 ? '\r\n' : '\n')).join('')));
    const versions: number[] = [];
    const sub = api.onDidCheckReport((u) => {
      if (u.toString() === big.toString()) versions.push(api.checkedVersion(u) ?? -1);
    });
    try {
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(big));
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', big, new vscode.Position(2, 40));
      assert.ok(hovers.length > 0, 'no hover');
      // Typing while the first check runs: only the newest text's findings are published.
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Russia seized Crimea in 2099 [@biden-zelenskyy-call].\n'));
      const diagnostics = await checked(editor.document);
      assert.equal(versions[versions.length - 1], editor.document.version);
      assert.ok(diagnostics.some((d) => d.range.start.line === 0 && d.code === 'figure-mismatch'), 'the edit was not checked');
      const lastLine = editor.document.lineCount - 1;
      for (const d of diagnostics) {
        assert.ok(d.range.end.line <= lastLine, `range past the end: ${d.range.end.line}`);
        assert.ok(d.range.end.character <= editor.document.lineAt(d.range.end.line).text.length);
      }
      assert.ok(!diagnostics.some((d) => d.message.includes('not-a-cite') || d.message.includes('example.org')));
      // Thousands of findings: VS Code shows 1,000 per file, so Grounded places those and says how many more there are.
      assert.equal(diagnostics.length, 1001);
      assert.match(diagnostics[1000].message, /^\d+ more Grounded findings are not shown/);
    } finally {
      sub.dispose();
    }
  });
});

