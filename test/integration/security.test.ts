import * as assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as vscode from 'vscode';
import { grounded, resetEditors, until, workspaceUri } from './helpers';

const HOSTILE = `---
id: hostile
title: "Hostile <img src=x onerror=alert(1)> [t](command:workbench.action.files.delete) $(alert)"
---
Troops gathered at the border with 500 tanks [x](command:workbench.action.files.delete) <img src=x onerror=alert(1)> <script>alert(2)</script> **bold** | table | $(alert) $(zap~spin) \\$(bell).
`;

/**
 * Spies on Node's networking functions in the extension host for the whole integration run
 * (root hooks), counting calls made from Grounded's bundle (dist/extension.js on the stack).
 * The parse worker runs on another thread with its own modules: test/unit/no-network.test.ts
 * covers it and both bundles' imports.
 */
function watchNetwork(): { calls: string[]; restore(): void } {
  const calls: string[] = [];
  const restore: Array<() => void> = [];
  const ours = () => (new Error().stack ?? '').includes('/dist/extension.js');
  const spy = (target: object, name: string, label: string) => {
    const record = target as Record<string, unknown>;
    const original = record[name] as (...args: unknown[]) => unknown;
    if (typeof original !== 'function') return;
    record[name] = function (this: unknown, ...args: unknown[]) {
      if (ours()) calls.push(label);
      return original.apply(this, args);
    };
    restore.push(() => (record[name] = original));
  };
  // The modules themselves (an import gives read-only namespace objects).
  const load = createRequire(__filename);
  for (const [module, names] of [['node:http', ['request', 'get']], ['node:https', ['request', 'get']], ['node:http2', ['connect']], ['node:net', ['connect', 'createConnection']], ['node:tls', ['connect']], ['node:dgram', ['createSocket']]] as const) {
    const loaded = load(module) as Record<string, unknown>;
    for (const name of names) spy(loaded, name, `${module}.${name}`);
  }
  // Every TCP connection (http, https, tls, fetch's undici) goes through here.
  spy((load('node:net') as { Socket: { prototype: object } }).Socket.prototype, 'connect', 'net.Socket.connect');
  spy(globalThis, 'fetch', 'fetch');
  spy(globalThis, 'WebSocket', 'WebSocket');
  return { calls, restore: () => restore.forEach((r) => r()) };
}

let network: { calls: string[]; restore(): void };
before(() => (network = watchNetwork()));
after(() => {
  network.restore();
  assert.deepEqual(network.calls, [], 'Grounded made a network request during the integration run');
});

function markdownOf(contents: ReadonlyArray<vscode.MarkdownString | vscode.MarkedString>): vscode.MarkdownString[] {
  return contents.filter((c): c is vscode.MarkdownString => typeof c === 'object' && 'value' in c && 'isTrusted' in c);
}

/**
 * The icons VS Code 1.100 draws for Markdown with theme icons on: the renderer undoes
 * Markdown's backslash escapes, then turns every `$(name)` not preceded by a backslash into
 * an icon (markdownRenderer + renderLabelWithIcons).
 */
function renderedIcons(markdown: string): string[] {
  const text = markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  return [...text.matchAll(/(\\)?\$\(([A-Za-z0-9-]+(?:~[A-Za-z]+)?)\)/g)].filter((m) => !m[1]).map((m) => m[2]);
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

  it('shows source text in hovers as inert text, trusting only grounded.openSource and grounded.previewSource', async () => {
    const doc = await draft('Troops gathered at the border with 500 tanks [@hostile, para. 1].');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(doc.getText().indexOf('hostile')));
    const markdown = hovers.flatMap((h) => markdownOf(h.contents));
    assert.ok(markdown.length > 0, 'no Markdown hover');
    for (const md of markdown) {
      assert.equal(md.supportHtml, false);
      assert.deepEqual(md.isTrusted, { enabledCommands: ['grounded.openSource', 'grounded.previewSource'] });
      assert.deepEqual([...new Set(commandLinks(md.value))].sort(), ['grounded.openSource', 'grounded.previewSource'], md.value);
      assert.doesNotMatch(md.value, /<img|<script/);
      // Grounded's own link icons render; the source's $(alert) and $(zap~spin) show as typed.
      assert.equal(md.supportThemeIcons, true);
      assert.deepEqual([...new Set(renderedIcons(md.value))].sort(), ['go-to-file', 'open-preview'], md.value);
    }
    assert.match(markdown.map((m) => m.value).join('\n'), /500/);
  });

  it('shows a hostile source in the preview as text: its markup never becomes elements', async () => {
    const api = await grounded();
    await vscode.commands.executeCommand('grounded.previewSource', { key: 'hostile', paragraph: 1 });
    await until(api.views.onDidRenderPreview, () => api.views.preview()?.key === 'hostile' && api.views.preview()?.cited === 1, 'the hostile source previewed');
    // The page reports the paragraph's textContent: the tags are there as characters, so they were not parsed.
    const shown = api.views.preview()!.shownText;
    assert.match(shown, /<img src=x onerror=alert\(1\)>/);
    assert.match(shown, /<script>alert\(2\)<\/script>/);
    assert.match(shown, /\[x\]\(command:workbench\.action\.files\.delete\)/);
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
    await vscode.commands.executeCommand('grounded.reindex');
    const doc = await draft('Russia massed over 94,000 troops at the border [@putin-biden-talks, para. 7]. "We continue to see critical units" [@');
    await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, doc.positionAt(doc.getText().length), '@');
    await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, doc.positionAt(doc.getText().indexOf('putin')));
    await vscode.commands.executeCommand('grounded.checkWorkspace');
    assert.deepEqual(network.calls, []);
  });
});
