// The cache of parsed files, owned by the parse worker: a reload reads the corpus back
// without parsing it again. An entry is used only while the file's size and modification
// time are unchanged; a cache written by another version is ignored. Where it is kept (a
// file on disk, the extension's storage in a browser) is the store's business.
import type { FileParse } from '../core/corpus/parse-file';
import type { CacheStore } from './storage';

export interface FileSignature {
  size: number;
  mtime: number;
}

interface Entry extends FileSignature {
  result: FileParse;
}

interface CacheFile {
  version: string;
  entries: Record<string, Entry>;
}

export class ParseCache {
  private entries = new Map<string, Entry>();
  private dirty = false;
  /** Why the file on disk was not used, if it was not (shown in the log). */
  readonly loadProblem: string | undefined;

  constructor(
    private readonly store: CacheStore | undefined,
    private readonly version: string,
  ) {
    if (!store) return;
    try {
      const bytes = store.read();
      if (!bytes) return;
      const data = JSON.parse(new TextDecoder().decode(bytes)) as CacheFile;
      if (data.version !== version) this.loadProblem = `cache written by version ${data.version}; rebuilding`;
      else this.entries = new Map(Object.entries(data.entries));
    } catch (e) {
      this.loadProblem = `cache unreadable (${(e as Error).message}); rebuilding`;
    }
  }

  get size(): number {
    return this.entries.size;
  }

  get(location: string, signature: FileSignature): FileParse | undefined {
    const entry = this.entries.get(location);
    if (!entry) return undefined;
    if (entry.size === signature.size && entry.mtime === signature.mtime) return entry.result;
    // Stale: the file changed since it was parsed.
    this.entries.delete(location);
    this.dirty = true;
    return undefined;
  }

  set(location: string, signature: FileSignature, result: FileParse): void {
    this.entries.set(location, { size: signature.size, mtime: signature.mtime, result });
    this.dirty = true;
  }

  forget(location: string): void {
    if (this.entries.delete(location)) this.dirty = true;
  }

  clear(): void {
    if (this.entries.size) this.dirty = true;
    this.entries.clear();
  }

  /** Keeps only the files still in the corpus, then writes the cache if it changed. */
  save(live?: readonly string[]): boolean {
    if (live) {
      const keep = new Set(live);
      for (const location of [...this.entries.keys()]) if (!keep.has(location)) this.forget(location);
    }
    if (!this.store || !this.dirty) return false;
    const data: CacheFile = { version: this.version, entries: Object.fromEntries(this.entries) };
    this.store.write(new TextEncoder().encode(JSON.stringify(data)));
    this.dirty = false;
    return true;
  }
}
