// Messages between the extension host and the index worker.
import type { FigureGroup } from '../core/figures/corpus-figures';
import type { LoadProblem } from '../core/model';
import type { FileOutcome, FileToIndex } from './index-worker-core';
import type { FileSignature } from './parse-cache';

export interface WorkerOptions {
  /** Where the parse cache lives; undefined keeps no caches. */
  cachePath?: string;
  /** Where the index cache lives. */
  indexCachePath?: string;
  /**
   * In a browser, which has no disk: the caches' bytes as the host read them from the
   * extension's storage. The worker keeps them in memory and sends each write back
   * (`cacheWritten`) for the host to store.
   */
  caches?: { parse?: Uint8Array; index?: Uint8Array };
  /** Caches written by another version are not trusted. */
  cacheVersion: string;
  /**
   * One Int32: how many more batches of outcomes the host will take now. The worker waits for
   * credit before each batch, the host gives it back once it has handled one and let other
   * work run: else the host would unpack a whole scan's messages in one turn of its loop.
   */
  credits?: SharedArrayBuffer;
}

export interface ScanStats {
  parsed: number;
  fromCache: number;
}

export type Request =
  | { id: number; type: 'list'; folder: string; include: string[]; exclude: string[]; under?: string }
  | { id: number; type: 'scan'; files: FileToIndex[]; maxBytes: number }
  | { id: number; type: 'update'; files: FileToIndex[]; maxBytes: number }
  | { id: number; type: 'parseBytes'; location: string; bytes: Uint8Array; bibliography?: boolean; signature?: FileSignature }
  | { id: number; type: 'forget'; locations: string[] }
  | { id: number; type: 'index' }
  | { id: number; type: 'figures' }
  | { id: number; type: 'save' }
  | { id: number; type: 'clear' };

export type Response =
  /** Part of the answer to a scan; more follow. */
  | { id: number; type: 'outcomes'; outcomes: FileOutcome[] }
  | { id: number; type: 'scanned'; stats: ScanStats }
  | { id: number; type: 'listed'; paths: string[]; problems: LoadProblem[] }
  | { id: number; type: 'updated'; outcomes: FileOutcome[] }
  | { id: number; type: 'index'; bytes: Uint8Array; reused: boolean }
  | { id: number; type: 'figures'; groups: FigureGroup[] }
  | { id: number; type: 'done'; info?: string }
  | { id: number; type: 'error'; message: string }
  /** Unasked: something for the log (id 0). */
  | { id: 0; type: 'log'; message: string }
  /** Unasked, from a worker with no disk: a cache's new bytes (none: removed), for the host to store. */
  | { id: 0; type: 'cacheWritten'; cache: CacheName; bytes?: Uint8Array };

export type CacheName = 'parse' | 'index';

/** The first message to a browser's Web Worker, which has no `workerData`: its options. */
export interface WorkerStart {
  type: 'start';
  options: WorkerOptions;
}
