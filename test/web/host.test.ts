// That this suite really runs in the browser's extension host, and Grounded with it: no Node
// here, the extension's browser entry activated, its index worker a Web Worker, its caches kept
// in the extension's storage through workspace.fs (a reload reads them back).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, grounded } from '../integration/helpers';

describe('the browser’s extension host', () => {
  it('has no Node: no process, no require of Node built-ins, a web UI', () => {
    assert.equal(typeof process, 'undefined');
    assert.equal(typeof (globalThis as { Buffer?: unknown }).Buffer, 'undefined');
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
  });

  it('runs Grounded from its browser entry, as a UI (web worker) extension, with its index worker in a Web Worker', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    assert.equal(ext.extensionKind, vscode.ExtensionKind.UI);
    assert.equal(ext.packageJSON.browser, './dist/web/extension.js');
    const api = await grounded();
    assert.deepEqual(api.host(), { entry: 'web', hasProcess: false, indexWorker: 'worker' });
    // The workspace is the server's, reached through VS Code's file system, not a disk of this host.
    assert.notEqual(vscode.workspace.workspaceFolders?.[0].uri.scheme, 'file');
    assert.ok(api.sourceKeys().includes('putin-biden-talks'), api.sourceKeys().join(' '));
    assert.match(api.log.recent().map((l) => l.message).join('\n'), /Indexed \d+ sources .*index built by the worker|Indexed \d+ sources .*index from the cache/);
  });

  it('keeps its caches in the extension’s storage: a reload takes every source and the index from them', async () => {
    const api = await grounded();
    const sources = api.sourceKeys().length;
    const stats = await api.reloadIndex();
    assert.equal(stats.parsed, 0, JSON.stringify(stats));
    assert.ok(stats.fromCache >= sources, JSON.stringify(stats));
    assert.equal(stats.indexReused, true, JSON.stringify(stats));
    assert.equal(api.host().indexWorker, 'worker');
    assert.ok(api.search('Brinken').some((h) => h.key === 'us-russia-talks-jan10' || h.text.includes('Blinken')));
  });
});
