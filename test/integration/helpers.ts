import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GroundedApi } from '../../src/vscode/extension';

export const EXTENSION_ID = 'grounded-dev.grounded';

/** Activates Grounded and waits for its first index. */
export async function grounded(): Promise<GroundedApi> {
  const ext = vscode.extensions.getExtension<GroundedApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed in this host`);
  const api = await ext.activate();
  await api.ready();
  return api;
}

/** A text's UTF-8 bytes (in either host: the browser's has no Buffer). */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** Resolves when `condition` holds after one of `event`'s firings (or already holds), failing after `ms`. */
export async function until<T>(event: vscode.Event<T>, condition: () => boolean, what: string, ms = 15000): Promise<void> {
  if (condition()) return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
    }, ms);
    const sub = event(() => {
      if (condition()) {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      }
    });
  });
}

/** Retries `attempt` on a short interval until it returns true, for UI state no event reports. */
export async function poll(attempt: () => boolean | Promise<boolean>, what: string, ms = 15000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await attempt()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`);
}

export async function openReport(name = 'report.md'): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(name));
  return vscode.window.showTextDocument(doc);
}

/** Opens a draft report written in a folder of its own, once checked; `remove` closes editors and deletes the folder. */
export async function checkedDraft(api: GroundedApi, folder: string, text: string): Promise<{ editor: vscode.TextEditor; remove(): Promise<void> }> {
  // A source an earlier test changed may still be re-indexing: the draft is checked against the settled corpus.
  await api.ready();
  const uri = workspaceUri(folder, 'draft.md');
  await vscode.workspace.fs.writeFile(uri, utf8(text));
  const editor = await vscode.window.showTextDocument(uri);
  await until(api.onDidCheckReport, () => api.checkedVersion(uri) === editor.document.version, `${folder}/draft.md checked`);
  return {
    editor,
    remove: async () => {
      await resetEditors();
      await vscode.workspace.fs.delete(workspaceUri(folder), { recursive: true });
    },
  };
}

/** Closes editors and reverts the report so tests do not see each other's edits. */
export async function resetEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
