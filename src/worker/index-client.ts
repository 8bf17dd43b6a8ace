// The index worker on a Node worker thread (the desktop extension host and the language server).
import { Worker } from 'node:worker_threads';
import { nodeWorkerPlatform } from './node-storage';
import type { Response, WorkerOptions } from './protocol';
import { WorkerClient } from './worker-client';

export type { IndexWorker } from './worker-client';

/** Batches of scan outcomes the worker may send ahead of the host. */
const BATCHES_IN_FLIGHT = 2;

export class IndexWorkerClient extends WorkerClient {
  constructor(workerPath: string, options: WorkerOptions, log: (message: string) => void) {
    const credits = new Int32Array(new SharedArrayBuffer(4));
    super(
      (receive, fail) => {
        Atomics.store(credits, 0, BATCHES_IN_FLIGHT);
        const worker = new Worker(workerPath, { workerData: { ...options, credits: credits.buffer } });
        worker.on('message', (response: Response) => {
          if (response.type === 'outcomes') {
            // The next batch may come once other work (timers, input) has had its turn.
            setImmediate(() => {
              Atomics.add(credits, 0, 1);
              Atomics.notify(credits, 0);
            });
          }
          receive(response);
        });
        worker.on('error', (e) => fail(`the index worker failed: ${e.message}`));
        worker.on('exit', (code) => fail(`the index worker exited (${code})`));
        return { post: (request) => worker.postMessage(request), terminate: () => void worker.terminate() };
      },
      options,
      log,
      () => nodeWorkerPlatform(options),
    );
  }
}
