// Entry of the index worker thread: reads, parses and indexes the source files and keeps
// the caches, so the extension host's thread only adopts finished work.
import { parentPort, workerData } from 'node:worker_threads';
import { createWorkerCore, RequestQueue } from './index-worker-handler';
import { lowerThreadPriority } from './low-priority';
import { nodeWorkerPlatform } from './node-storage';
import type { Request, Response, WorkerOptions } from './protocol';

const port = parentPort!;
const post = (response: Response, transfer?: ArrayBuffer[]) => port.postMessage(response, transfer);
const priority = lowerThreadPriority();
if (priority) post({ id: 0, type: 'log', message: `The ${priority}.` });
const options = workerData as WorkerOptions;
const core = createWorkerCore(options, (message) => post({ id: 0, type: 'log', message }), nodeWorkerPlatform(options));
const credits = options.credits && new Int32Array(options.credits);

/** Blocks this thread (never the host's) until the host will take another batch. */
function awaitCredit(): void {
  if (!credits) return;
  while (Atomics.load(credits, 0) <= 0) Atomics.wait(credits, 0, Atomics.load(credits, 0), 1000);
  Atomics.sub(credits, 0, 1);
}

const queue = new RequestQueue(() => core, post, awaitCredit);
port.on('message', (request: Request) => queue.add(request));
