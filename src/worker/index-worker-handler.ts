// Answers the index worker's requests: on the worker thread, or on the host's own thread
// when no worker can start.
import type { LoadProblem } from '../core/model';
import { IndexCacheFile } from './index-cache';
import { IndexWorkerCore } from './index-worker-core';
import { ParseCache } from './parse-cache';
import type { Request, Response, WorkerOptions } from './protocol';
import type { CacheStore, SourceDisk } from './storage';

/** Where a worker keeps its caches and reads its files: disk on Node, memory and the host in a browser. */
export interface WorkerPlatform {
  parseStore?: CacheStore;
  indexStore?: CacheStore;
  disk?: SourceDisk;
}

export function createWorkerCore(options: WorkerOptions, log: (message: string) => void, platform: WorkerPlatform): IndexWorkerCore {
  const parseCache = new ParseCache(platform.parseStore, options.cacheVersion);
  if (parseCache.loadProblem) log(`Parse cache not used: ${parseCache.loadProblem}.`);
  return new IndexWorkerCore(parseCache, new IndexCacheFile(platform.indexStore, options.cacheVersion), log, platform.disk);
}

/**
 * Answers one request. `beforeBatch`, when given, is called before each batch of a scan's
 * outcomes is posted (the worker thread waits there for the host's credit). Requests are
 * asynchronous (PDFs and Word documents are read so): `RequestQueue` answers them in order.
 */
export async function handleRequest(core: IndexWorkerCore, request: Request, post: (response: Response, transfer?: ArrayBuffer[]) => void, beforeBatch?: () => void): Promise<void> {
  const { id } = request;
  try {
    switch (request.type) {
      case 'list': {
        const problems: LoadProblem[] = [];
        const paths = await core.list(request.folder, request.include, request.exclude, problems, request.under);
        return post({ id, type: 'listed', paths, problems });
      }
      case 'scan': {
        const stats = await core.scan(request.files, request.maxBytes, (outcomes) => {
          beforeBatch?.();
          post({ id, type: 'outcomes', outcomes });
        });
        return post({ id, type: 'scanned', stats });
      }
      case 'update':
        return post({ id, type: 'updated', outcomes: await core.update(request.files, request.maxBytes) });
      case 'parseBytes':
        return post({ id, type: 'updated', outcomes: [await core.parseBytes(request.location, request.bytes, request.bibliography, request.signature)] });
      case 'forget':
        core.forget(request.locations);
        return post({ id, type: 'done' });
      case 'index': {
        const { bytes, reused } = core.indexBytes();
        // Handed over, not copied: the bytes own their buffer.
        return post({ id, type: 'index', bytes, reused }, [bytes.buffer as ArrayBuffer]);
      }
      case 'figures':
        return post({ id, type: 'figures', groups: core.figures() });
      case 'save':
        return post({ id, type: 'done', info: core.save() });
      case 'clear':
        core.clear();
        return post({ id, type: 'done' });
    }
  } catch (e) {
    post({ id, type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}

/** Runs requests one after another, in the order they came: a scan's index is asked for after it. */
export class RequestQueue {
  private last: Promise<void> = Promise.resolve();

  constructor(
    private readonly core: () => IndexWorkerCore,
    private readonly post: (response: Response, transfer?: ArrayBuffer[]) => void,
    private readonly beforeBatch?: () => void,
  ) {}

  add(request: Request, post = this.post): void {
    // handleRequest answers every failure with an error response; it never rejects.
    this.last = this.last.then(() => handleRequest(this.core(), request, post, this.beforeBatch));
  }
}
