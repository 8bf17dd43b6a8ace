// The extension's desktop entry (`main`): the Node extension host. The index worker is a
// worker thread that reads the sources from disk and keeps its caches in the workspace's
// storage folder. The browser's entry is extension-browser.ts; both activate the same extension.
import * as vscode from 'vscode';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DiskFileTree } from '../service/file-tree';
import { IndexWorkerClient } from '../worker/index-client';
import { activateGrounded, type GroundedApi } from './activate';

export type { GroundedApi } from './activate';

export function activate(context: vscode.ExtensionContext): GroundedApi {
  const disk = new DiskFileTree();
  return activateGrounded(context, { kind: 'node', readsDisk: true, home: process.env.HOME, startIndexWorker, watchFolder: (path, onChange, onError) => disk.watch(path, onChange, onError) });
}

/** The index worker, with its caches in this workspace's storage folder. */
function startIndexWorker(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): IndexWorkerClient {
  const workerPath = context.asAbsolutePath(join('dist', 'index-worker.js'));
  // A rebuilt worker may read files differently: its bundle's size and time name the caches' version.
  let build = 'unknown';
  try {
    const stat = statSync(workerPath);
    build = `${stat.size}-${Math.round(stat.mtimeMs)}`;
  } catch {
    // Reported by the client when the worker fails to start.
  }
  const storage = context.storageUri ?? context.globalStorageUri;
  const folder = storage.scheme === 'file' ? storage.fsPath : undefined;
  return new IndexWorkerClient(
    workerPath,
    {
      cachePath: folder && join(folder, 'parse-cache.json'),
      indexCachePath: folder && join(folder, 'index-cache.bin'),
      cacheVersion: `${String(context.extension.packageJSON.version)}/${build}`,
    },
    (message) => output.info(message),
  );
}

export function deactivate(): void {}
