// The index worker's platform in a browser: no disk (the host reads every source through VS
// Code's file system and sends its bytes), caches in memory from the bytes the host read out
// of the extension's storage, each write handed back to the host to store there.
import type { WorkerPlatform } from './index-worker-handler';
import type { CacheName, WorkerOptions } from './protocol';
import { MemoryCacheStore } from './storage';

export function browserWorkerPlatform(options: WorkerOptions, store: (cache: CacheName, bytes: Uint8Array | undefined) => void): WorkerPlatform {
  return {
    parseStore: new MemoryCacheStore(options.caches?.parse, (bytes) => store('parse', bytes)),
    indexStore: new MemoryCacheStore(options.caches?.index, (bytes) => store('index', bytes)),
  };
}
