// The search index on disk, beside the parse cache: a reload whose files are all unchanged
// adopts it instead of indexing again. It is used only when the files it was built from
// (their locations, sizes and modification times) are exactly the files now in the corpus,
// and only by the build of Grounded that wrote it.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FileSignature } from './parse-cache';

interface Header {
  version: string;
  inputs: string;
}

/** One string that changes whenever any input file is added, removed or changed. */
export function inputsSignature(files: ReadonlyMap<string, FileSignature>): string {
  const hash = createHash('sha256');
  for (const location of [...files.keys()].sort()) {
    const s = files.get(location)!;
    hash.update(`${location}\t${s.size}\t${s.mtime}\n`);
  }
  return hash.digest('hex');
}

export class IndexCacheFile {
  constructor(
    private readonly path: string | undefined,
    private readonly version: string,
  ) {}

  /** The cached index if it was built by this version from exactly these inputs; why not, otherwise. */
  read(inputs: string): { bytes?: Uint8Array; why?: string } {
    if (!this.path) return { why: 'no cache folder' };
    let data: Buffer;
    try {
      data = readFileSync(this.path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return { why: code === 'ENOENT' ? 'no index cache yet' : `index cache unreadable (${(e as Error).message})` };
    }
    try {
      const headerLength = data.readUInt32LE(0);
      const header = JSON.parse(data.subarray(4, 4 + headerLength).toString('utf8')) as Header;
      if (header.version !== this.version) return { why: `index cache written by version ${header.version}` };
      if (header.inputs !== inputs) return { why: 'the files changed since the index cache was written' };
      // A copy that owns its memory: the caller may hand it to another thread.
      return { bytes: new Uint8Array(data.subarray(4 + headerLength)) };
    } catch (e) {
      return { why: `index cache unreadable (${(e as Error).message})` };
    }
  }

  write(inputs: string, bytes: Uint8Array): void {
    if (!this.path) return;
    const header = Buffer.from(JSON.stringify({ version: this.version, inputs } satisfies Header));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(header.length, 0);
    mkdirSync(dirname(this.path), { recursive: true });
    // Written aside and renamed: a crash mid-write leaves the old cache, not half a file.
    const tmp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.concat([length, header, bytes]));
    renameSync(tmp, this.path);
  }

  clear(): void {
    if (this.path) rmSync(this.path, { force: true });
  }
}
