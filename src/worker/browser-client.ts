// The index worker in a browser: a Web Worker (VS Code's web worker extension host can start
// one), whose script and caches the host reads first through VS Code's file system.
import { browserWorkerPlatform } from './browser-storage';
import type { CacheName, Request, Response, WorkerOptions, WorkerStart } from './protocol';
import { WorkerClient } from './worker-client';

export type { IndexWorker } from './worker-client';

/** The little of a DOM Worker this uses (the project's types have no DOM library). */
interface BrowserWorker {
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?(): void }) => void) | null;
  postMessage(message: unknown): void;
  terminate(): void;
}
type WorkerConstructor = new (url: string, options?: { name?: string }) => BrowserWorker;

/** What the worker needs before it starts: its script's URL and the caches' bytes. */
export interface BrowserWorkerStart {
  scriptUrl: string;
  caches: WorkerOptions['caches'];
  /** Names the build that writes the caches, once the host knows it (from the script it read). */
  cacheVersion?: string;
}

export class BrowserIndexWorkerClient extends WorkerClient {
  /**
   * `start` resolves once the host has the worker's script URL and the caches; until then
   * requests wait. `persist` stores a cache the worker wrote.
   */
  constructor(start: Promise<BrowserWorkerStart>, options: WorkerOptions, log: (message: string) => void, persist: (cache: CacheName, bytes: Uint8Array | undefined) => Promise<void>) {
    const resolved: { options: WorkerOptions } = { options };
    super(
      (receive, fail) => {
        let worker: BrowserWorker | undefined;
        let ended = false;
        const queued: Request[] = [];
        start.then(
          ({ scriptUrl, caches, cacheVersion }) => {
            resolved.options = { ...options, caches, cacheVersion: cacheVersion ?? options.cacheVersion };
            if (ended) return;
            const Worker = (globalThis as { Worker?: WorkerConstructor }).Worker;
            if (!Worker) return fail('this extension host has no Web Worker');
            try {
              worker = new Worker(scriptUrl, { name: 'Grounded index worker' });
            } catch (e) {
              return fail(`the index worker could not start: ${e instanceof Error ? e.message : String(e)}`);
            }
            worker.onmessage = ({ data }) => receive(data as Response);
            worker.onerror = (event) => {
              event.preventDefault?.();
              fail(`the index worker failed: ${event.message ?? 'an error in the worker'}`);
            };
            worker.postMessage({ type: 'start', options: resolved.options } satisfies WorkerStart);
            for (const request of queued.splice(0)) worker.postMessage(request);
          },
          (e: unknown) => fail(`the index worker could not start: ${e instanceof Error ? e.message : String(e)}`),
        );
        return {
          post: (request) => (worker ? worker.postMessage(request) : queued.push(request)),
          terminate: () => {
            ended = true;
            worker?.terminate();
          },
        };
      },
      options,
      log,
      (store) => browserWorkerPlatform(resolved.options, store),
      persist,
    );
  }
}
