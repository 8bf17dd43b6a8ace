// The index worker's caches and sources on a Node thread: files on this machine's disk.
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { listFiles } from '../core/corpus/node-corpus';
import type { WorkerPlatform } from './index-worker-handler';
import type { WorkerOptions } from './protocol';
import type { CacheStore, SourceDisk } from './storage';

/** A cache file at `path`, written aside and renamed: a crash mid-write leaves the old cache, not half a file. */
export function fileCacheStore(path: string): CacheStore {
  return {
    read() {
      try {
        const data = readFileSync(path);
        return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw e;
      }
    },
    write(bytes) {
      mkdirSync(dirname(path), { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, bytes);
      renameSync(tmp, path);
    },
    remove() {
      rmSync(path, { force: true });
    },
  };
}

export const nodeDisk: SourceDisk = {
  stat(path) {
    const stat = statSync(path);
    return { size: stat.size, mtime: stat.mtimeMs };
  },
  read: (path) => readFileSync(path),
  isMissing: (e) => (e as NodeJS.ErrnoException).code === 'ENOENT',
  list: listFiles,
};

/** The worker's platform on Node: caches at the paths the options name, sources on disk. */
export function nodeWorkerPlatform(options: WorkerOptions): WorkerPlatform {
  return {
    parseStore: options.cachePath ? fileCacheStore(options.cachePath) : undefined,
    indexStore: options.indexCachePath ? fileCacheStore(options.indexCachePath) : undefined,
    disk: nodeDisk,
  };
}
