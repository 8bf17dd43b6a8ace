// The extension's browser entry (`browser`): VS Code's web worker extension host (vscode.dev,
// github.dev, code-server's workbench with the extension forced to run there). No Node: the
// sources are read through `workspace.fs`, the index worker is a Web Worker, and its caches
// are kept in the extension's storage through `workspace.fs`.
import * as vscode from 'vscode';
import { BrowserIndexWorkerClient, type BrowserWorkerStart } from '../worker/browser-client';
import type { CacheName } from '../worker/protocol';
import { activateGrounded, type GroundedApi } from './activate';

export type { GroundedApi } from './activate';

const CACHE_FILES: Record<CacheName, string> = { parse: 'parse-cache.json', index: 'index-cache.bin' };

export function activate(context: vscode.ExtensionContext): GroundedApi {
  return activateGrounded(context, { kind: 'web', readsDisk: false, startIndexWorker });
}

function startIndexWorker(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): BrowserIndexWorkerClient {
  const storage = context.storageUri ?? context.globalStorageUri;
  const version = String(context.extension.packageJSON.version);
  const cacheUri = (cache: CacheName) => vscode.Uri.joinPath(storage, CACHE_FILES[cache]);
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'index-worker.js');
  const start = (async (): Promise<BrowserWorkerStart> => {
    const [bytes, parse, index] = await Promise.all([vscode.workspace.fs.readFile(script), readIfThere(cacheUri('parse')), readIfThere(cacheUri('index'))]);
    // A rebuilt worker may read files differently: the version and the worker's size name the caches.
    return { scriptUrl: workerUrl(bytes), caches: { parse, index }, cacheVersion: `${version}/web-${bytes.length}` };
  })();
  return new BrowserIndexWorkerClient(
    start,
    { cacheVersion: `${version}/web` },
    (message) => output.info(message),
    async (cache, bytes) => {
      if (bytes) {
        await vscode.workspace.fs.createDirectory(storage);
        await vscode.workspace.fs.writeFile(cacheUri(cache), bytes);
      } else await vscode.workspace.fs.delete(cacheUri(cache)).then(undefined, () => undefined);
    },
  );
}

/**
 * The URL to start the worker from. The web worker host starts a Worker from an `https:`
 * extension (vscode.dev) but refuses a `vscode-remote:` one ("Creating workers from remote
 * extensions is currently not supported", code-server); a `blob:` URL of the script's bytes,
 * read through `workspace.fs`, starts in both.
 */
function workerUrl(bytes: Uint8Array): string {
  const { Blob: BlobOf, URL: URLOf } = globalThis as unknown as { Blob: new (parts: Uint8Array[], options: { type: string }) => object; URL: { createObjectURL(blob: object): string } };
  return URLOf.createObjectURL(new BlobOf([bytes], { type: 'text/javascript' }));
}

async function readIfThere(uri: vscode.Uri): Promise<Uint8Array | undefined> {
  try {
    return await vscode.workspace.fs.readFile(uri);
  } catch {
    return undefined;
  }
}

export function deactivate(): void {}
