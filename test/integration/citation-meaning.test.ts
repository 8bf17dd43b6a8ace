import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GroundedApi } from '../../src/vscode/extension';
import { checkedDraft, grounded, until } from './helpers';

const WRONG = 'Blinken said Russia was still moving critical units toward the border and had not pulled back its forces [@zelensky-direct-talks].';
const UNCITED = 'US intelligence warned of an offensive involving 175,000 troops.';

function ours(uri: vscode.Uri, code: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'grounded' && d.code === code);
}

async function quickFixes(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
}

/** Applies an edit and waits for the check of the text it leaves. */
async function appliedAndChecked(api: GroundedApi, editor: vscode.TextEditor, change: () => Thenable<unknown>): Promise<void> {
  await change();
  await until(api.onDidCheckReport, () => api.checkedVersion(editor.document.uri) === editor.document.version, 'the check after the edit');
}

/** A settings change keeps the version: waits for the next check of `uri` instead. */
async function afterSetting(api: GroundedApi, uri: vscode.Uri, change: () => Thenable<void>): Promise<void> {
  let rechecked = false;
  const sub = api.onDidCheckReport((u) => (rechecked ||= u.toString() === uri.toString()));
  try {
    await change();
    await until(api.onDidCheckReport, () => rechecked, 'a check after the settings changed');
  } finally {
    sub.dispose();
  }
}

describe('citations checked by meaning in the extension host', () => {
  it('citation-unsupported names the source that says it; its fix replaces the key, and undo restores it', async () => {
    const api = await grounded();
    const { editor, remove } = await checkedDraft(api, 'meaning-wrong', `${WRONG}\n`);
    try {
      const uri = editor.document.uri;
      const [diagnostic] = ours(uri, 'citation-unsupported');
      assert.ok(diagnostic, 'no citation-unsupported diagnostic');
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
      assert.equal(editor.document.getText(diagnostic.range), 'zelensky-direct-talks');
      assert.match(diagnostic.message, /^@zelensky-direct-talks says nothing like this; @putin-nato-scholz does: ".+" \(para\. \d+\)$/);
      const locator = /\((para\. \d+)\)$/.exec(diagnostic.message)![1];
      const actions = await quickFixes(uri, diagnostic);
      const replace = actions.find((a) => a.title === `Replace with @putin-nato-scholz, ${locator}`);
      assert.ok(replace?.edit && replace.isPreferred, actions.map((a) => a.title).join(' | '));
      assert.ok(actions.some((a) => a.title === `Add @putin-nato-scholz, ${locator}` && a.edit));
      assert.ok(actions.some((a) => a.title === `Open @putin-nato-scholz, ${locator}` && a.command?.command === 'grounded.openSource'));
      await appliedAndChecked(api, editor, () => vscode.workspace.applyEdit(replace.edit!));
      assert.equal(editor.document.lineAt(0).text, WRONG.replace('@zelensky-direct-talks', `@putin-nato-scholz, ${locator}`));
      assert.deepEqual(ours(uri, 'citation-unsupported'), []);
      await appliedAndChecked(api, editor, () => vscode.commands.executeCommand('undo'));
      assert.equal(editor.document.lineAt(0).text, WRONG);
      assert.equal(ours(uri, 'citation-unsupported').length, 1);
    } finally {
      await remove();
    }
  });

  it('completion offers first the source citation-unsupported suggests', async () => {
    const api = await grounded();
    const { editor, remove } = await checkedDraft(api, 'meaning-completion', `${WRONG}\n\n${WRONG.replace('[@zelensky-direct-talks].', '[@')}\n`);
    try {
      const suggested = /; @([\w-]+) does:/.exec(ours(editor.document.uri, 'citation-unsupported')[0].message)![1];
      const end = editor.document.lineAt(2).range.end;
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, end, '@');
      const first = [...list.items].filter((i) => i.kind === vscode.CompletionItemKind.Reference).sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''))[0];
      assert.equal(typeof first.label === 'string' ? first.label : first.label.label, suggested);
    } finally {
      await remove();
    }
  });

  it('claim-unsupported marks a cited sentence no source says, with no fix that edits', async () => {
    const api = await grounded();
    const text = 'The orchestra rehearsed the ninth symphony in a cold concert hall all weekend [@putin-nato-scholz].\n';
    const { editor, remove } = await checkedDraft(api, 'meaning-nothing', text);
    try {
      const [diagnostic] = ours(editor.document.uri, 'claim-unsupported');
      assert.ok(diagnostic, 'no claim-unsupported diagnostic');
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Information);
      assert.match(editor.document.getText(diagnostic.range), /^The orchestra rehearsed/);
      const actions = await quickFixes(editor.document.uri, diagnostic);
      assert.deepEqual(actions.filter((a) => a.edit), []);
    } finally {
      await remove();
    }
  });

  it("quote-misattributed names the source's speaker; its fix replaces the name, and undo restores it", async () => {
    const api = await grounded();
    const text = 'Psaki said: "There\'s what Russia says. And there\'s what Russia does." [@putin-nato-scholz]\n';
    const { editor, remove } = await checkedDraft(api, 'meaning-speaker', text);
    try {
      const uri = editor.document.uri;
      const [diagnostic] = ours(uri, 'quote-misattributed');
      assert.ok(diagnostic, 'no quote-misattributed diagnostic');
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
      assert.equal(editor.document.getText(diagnostic.range), 'Psaki');
      assert.match(diagnostic.message, /attributes these words to Blinken, not Psaki/);
      const fix = (await quickFixes(uri, diagnostic)).find((a) => a.title === 'Change to Blinken');
      assert.ok(fix?.edit);
      await appliedAndChecked(api, editor, () => vscode.workspace.applyEdit(fix.edit!));
      assert.equal(editor.document.getText(), text.replace('Psaki', 'Blinken'));
      assert.deepEqual(ours(uri, 'quote-misattributed'), []);
      await appliedAndChecked(api, editor, () => vscode.commands.executeCommand('undo'));
      assert.equal(editor.document.getText(), text);
    } finally {
      await remove();
    }
  });

  it('citation-missing is a hint whose fix cites the source, undoably; the setting lists it in Problems or turns it off', async () => {
    const api = await grounded();
    const { editor, remove } = await checkedDraft(api, 'meaning-missing', `${UNCITED}\n`);
    const config = vscode.workspace.getConfiguration('grounded');
    try {
      const uri = editor.document.uri;
      const [diagnostic] = ours(uri, 'citation-missing');
      assert.ok(diagnostic, 'no citation-missing diagnostic');
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Hint);
      const fix = (await quickFixes(uri, diagnostic)).find((a) => /^Cite @biden-zelenskyy-call, para\. \d+$/.test(a.title));
      assert.ok(fix?.edit);
      const locator = fix.title.replace('Cite @biden-zelenskyy-call, ', '');
      await appliedAndChecked(api, editor, () => vscode.workspace.applyEdit(fix.edit!));
      assert.equal(editor.document.lineAt(0).text, `US intelligence warned of an offensive involving 175,000 troops [@biden-zelenskyy-call, ${locator}].`);
      assert.deepEqual(ours(uri, 'citation-missing'), []);
      await appliedAndChecked(api, editor, () => vscode.commands.executeCommand('undo'));
      assert.equal(editor.document.lineAt(0).text, UNCITED);

      await afterSetting(api, uri, () => config.update('checks.citationMissing', 'problems', vscode.ConfigurationTarget.Workspace));
      assert.equal(ours(uri, 'citation-missing')[0]?.severity, vscode.DiagnosticSeverity.Information);
      await afterSetting(api, uri, () => config.update('checks.citationMissing', 'off', vscode.ConfigurationTarget.Workspace));
      assert.deepEqual(ours(uri, 'citation-missing'), []);
    } finally {
      await config.update('checks.citationMissing', undefined, vscode.ConfigurationTarget.Workspace);
      await remove();
    }
  });

  it('Cite Supporting Sources cites every clearly supported uncited sentence as one undoable edit', async () => {
    const api = await grounded();
    const text = `${UNCITED}\n\nZelensky told parliament he was not afraid of a direct dialogue with Russia.\n\nThe orchestra rehearsed the ninth symphony all weekend.\n`;
    const { editor, remove } = await checkedDraft(api, 'meaning-command', text);
    try {
      const added = await vscode.commands.executeCommand<Array<{ cite: { key: string } }>>('grounded.citeSupportingSources', { preview: false });
      assert.deepEqual(added.map((a) => a.cite.key), ['biden-zelenskyy-call', 'zelensky-direct-talks']);
      const lines = editor.document.getText().split('\n');
      assert.match(lines[0], /175,000 troops \[@biden-zelenskyy-call, para\. \d+\]\.$/);
      assert.match(lines[2], /direct dialogue with Russia \[@zelensky-direct-talks, para\. \d+\]\.$/);
      assert.equal(lines[4], 'The orchestra rehearsed the ninth symphony all weekend.');
      await vscode.commands.executeCommand('undo');
      assert.equal(editor.document.getText(), text);
    } finally {
      await remove();
    }
  });
});
