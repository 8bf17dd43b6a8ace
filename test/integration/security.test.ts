import * as assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as vscode from 'vscode';
import { grounded, resetEditors, until, workspaceUri } from './helpers';

const HOSTILE = `---
id: hostile
title: "Hostile <img src=x onerror=alert(1)> [t](command:workbench.action.files.delete)"
---
Troops gathered at the border with 500 tanks [x](command:workbench.action.files.delete) <img src=x onerror=alert(1)> <script>alert(2)</script> **bold** | table |.
`;

function markdownOf(contents: ReadonlyArray<vscode.MarkdownString | vscode.MarkedString>): vscode.MarkdownString[] {
  return contents.filter((c): c is vscode.MarkdownString => typeof c === 'object' && 'value' in c && 'isTrusted' in c);
}

/** Command links in rendered Markdown: what a click could run. */
function commandLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1]);
}

describe('untrusted source content in the UI', () => {
  const source = workspaceUri('corpus', 'hostile.md');
  before(async () => {
    const api = await grounded();
    await vscode.workspace.fs.writeFile(source, Buffer.from(HOSTILE, 'utf8'));
    await until(api.onDidChangeSources, () => api.sourceKeys().includes('hostile'), 'the hostile source to be indexed');
  });
  after(async () => {
    const api = await grounded();
    await vscode.workspace.fs.delete(source);
    await until(api.onDidChangeSources, () => !api.sourceKeys().includes('hostile'), 'the hostile source to leave');
    await vscode.workspace.fs.delete(workspaceUri('drafts-security'), { recursive: true });
  });
  afterEach(resetEditors);

  async function draft(text: string): Promise<vscode.TextDocument> {
    const uri = workspaceUri('drafts-security', `d${Date.now()}.md`);
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    return doc;
  }

  it('shows source text in hovers as inert text, trusting only grounded.openSource', async () => {
    const doc = await draft('Troops gathered at the border with 500 tanks [@hostile, para. 1].');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(doc.getText().indexOf('hostile')));
    const markdown = hovers.flatMap((h) => markdownOf(h.contents));
    assert.ok(markdown.length > 0, 'no Markdown hover');
    for (const md of markdown) {
      assert.equal(md.supportHtml, false);
      assert.deepEqual(md.isTrusted, { enabledCommands: ['grounded.openSource'] });
      assert.deepEqual([...new Set(commandLinks(md.value))], ['grounded.openSource'], md.value);
      assert.doesNotMatch(md.value, /<img|<script/);
    }
    assert.match(markdown.map((m) => m.value).join('\n'), /500/);
  });

  it('shows source text in completion documentation as inert text', async () => {
    const doc = await draft('Troops gathered at the border with 500 tanks [@');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, doc.positionAt(doc.getText().length), '@');
    const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'hostile');
    assert.ok(item, 'no completion for the hostile source');
    const docs = item.documentation as vscode.MarkdownString;
    assert.ok(docs.isTrusted === false || docs.isTrusted === undefined);
    assert.deepEqual(commandLinks(docs.value), []);
    assert.doesNotMatch(docs.value, /<img|<script/);
  });

  it('makes no network request while indexing, searching, completing, hovering and checking', async () => {
    const calls: string[] = [];
    const ours = (stack = new Error().stack ?? '') => stack.includes('/dist/extension.js');
    const restore: Array<() => void> = [];
    const spy = (target: object, name: string) => {
      const original = (target as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
      (target as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
        if (ours()) calls.push(name);
        return original.apply(this, args);
      };
      restore.push(() => ((target as Record<string, unknown>)[name] = original));
    };
    // The modules themselves (an import gives read-only namespace objects).
    const load = createRequire(__filename);
    const http = load('node:http') as Record<string, unknown>;
    const https = load('node:https') as Record<string, unknown>;
    const net = load('node:net') as Record<string, unknown>;
    spy(http, 'request');
    spy(http, 'get');
    spy(https, 'request');
    spy(https, 'get');
    spy(net, 'connect');
    spy(net, 'createConnection');
    if (typeof globalThis.fetch === 'function') spy(globalThis, 'fetch');
    try {
      await vscode.commands.executeCommand('grounded.reindex');
      const doc = await draft('Russia massed over 94,000 troops at the border [@putin-biden-talks, para. 7]. "We continue to see critical units" [@');
      await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, doc.positionAt(doc.getText().length), '@');
      await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, doc.positionAt(doc.getText().indexOf('putin')));
      await vscode.commands.executeCommand('grounded.checkWorkspace');
    } finally {
      for (const r of restore) r();
    }
    assert.deepEqual(calls, []);
  });
});
