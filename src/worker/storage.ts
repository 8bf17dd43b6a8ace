// What the index worker reads and writes besides messages, behind two narrow interfaces, so
// the same worker runs on a Node thread (files on disk) and in a browser's Web Worker (no
// disk: the host reads the sources through VS Code's file system and keeps the caches in the
// extension's storage through `workspace.fs`).
import type { LoadProblem } from '../core/model';

/** One cache file: its bytes, or undefined when there is none yet. */
export interface CacheStore {
  /** The stored bytes; undefined when nothing is stored. Throws when what is there cannot be read. */
  read(): Uint8Array | undefined;
  write(bytes: Uint8Array): void;
  remove(): void;
}

/** Source files on this machine's disk, by path (Node only; a browser has none). */
export interface SourceDisk {
  stat(path: string): { size: number; mtime: number };
  read(path: string): Uint8Array;
  /** Whether an error of `stat` or `read` says the file does not exist. */
  isMissing(error: unknown): boolean;
  /** Every file under `folder` (absolute paths, sorted); folders it cannot read go to `problems`. */
  list(folder: string, problems: LoadProblem[]): Promise<string[]>;
}

/**
 * A cache kept in memory, starting from the bytes the host read; each write is handed to
 * `persist` (the host writes it where it keeps the extension's storage).
 */
export class MemoryCacheStore implements CacheStore {
  constructor(
    private bytes: Uint8Array | undefined,
    private readonly persist: (bytes: Uint8Array | undefined) => void,
  ) {}

  read(): Uint8Array | undefined {
    return this.bytes;
  }

  write(bytes: Uint8Array): void {
    this.bytes = bytes;
    this.persist(bytes);
  }

  remove(): void {
    if (this.bytes === undefined) return;
    this.bytes = undefined;
    this.persist(undefined);
  }
}
