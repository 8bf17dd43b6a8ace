// Entry of the index worker in a browser (a Web Worker started by the extension in VS Code's
// web worker extension host): the same request handler as the Node thread, with no disk.
import { browserWorkerPlatform } from './browser-storage';
import { createWorkerCore, RequestQueue } from './index-worker-handler';
import type { IndexWorkerCore } from './index-worker-core';
import type { Request, Response, WorkerStart } from './protocol';

interface WorkerScope {
  onmessage: ((event: { data: unknown }) => void) | null;
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
}

const scope = globalThis as unknown as WorkerScope;
const post = (response: Response, transfer?: ArrayBuffer[]) => scope.postMessage(response, transfer ?? []);
let core: IndexWorkerCore | undefined;
// Requests are asynchronous (a PDF is read a page at a time): the queue answers them in order.
const queue = new RequestQueue(() => core!, post);

scope.onmessage = ({ data }) => {
  const message = data as Request | WorkerStart;
  if (message.type === 'start') {
    const log = (text: string) => post({ id: 0, type: 'log', message: text });
    core = createWorkerCore(message.options, log, browserWorkerPlatform(message.options, (cache, bytes) => post({ id: 0, type: 'cacheWritten', cache, ...(bytes ? { bytes } : {}) })));
    return;
  }
  if (!core) return post({ id: message.id, type: 'error', message: 'the index worker was sent a request before its options' });
  queue.add(message);
};
