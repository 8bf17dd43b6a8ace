// The search index, cached beside the parse cache: a reload whose files are all unchanged
// adopts it instead of indexing again. It is used only when the files it was built from
// (their locations, sizes and modification times) are exactly the files now in the corpus,
// and only by the build of Grounded that wrote it. Where it is kept is the store's business.
import type { FileSignature } from './parse-cache';
import type { CacheStore } from './storage';

interface Header {
  version: string;
  inputs: string;
}

/** One string that changes whenever any input file is added, removed or changed (two 53-bit FNV-style hashes; no Node crypto, so a browser worker computes it too). */
export function inputsSignature(files: ReadonlyMap<string, FileSignature>): string {
  let a = 0xcbf29ce4 ^ files.size;
  let b = 0x84222325;
  let count = 0;
  for (const location of [...files.keys()].sort()) {
    const s = files.get(location)!;
    const line = `${location}\t${s.size}\t${s.mtime}\n`;
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
    }
    count += line.length;
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return `${hex(a)}${hex(b)}-${files.size}-${count}`;
}

export class IndexCacheFile {
  constructor(
    private readonly store: CacheStore | undefined,
    private readonly version: string,
  ) {}

  /** The cached index if it was built by this version from exactly these inputs; why not, otherwise. */
  read(inputs: string): { bytes?: Uint8Array; why?: string } {
    if (!this.store) return { why: 'no cache folder' };
    let data: Uint8Array | undefined;
    try {
      data = this.store.read();
    } catch (e) {
      return { why: `index cache unreadable (${(e as Error).message})` };
    }
    if (!data) return { why: 'no index cache yet' };
    try {
      const headerLength = new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(0, true);
      const header = JSON.parse(new TextDecoder().decode(data.subarray(4, 4 + headerLength))) as Header;
      if (header.version !== this.version) return { why: `index cache written by version ${header.version}` };
      if (header.inputs !== inputs) return { why: 'the files changed since the index cache was written' };
      // A copy that owns its memory: the caller may hand it to another thread.
      return { bytes: data.slice(4 + headerLength) };
    } catch (e) {
      return { why: `index cache unreadable (${(e as Error).message})` };
    }
  }

  write(inputs: string, bytes: Uint8Array): void {
    if (!this.store) return;
    const header = new TextEncoder().encode(JSON.stringify({ version: this.version, inputs } satisfies Header));
    const out = new Uint8Array(4 + header.length + bytes.length);
    new DataView(out.buffer).setUint32(0, header.length, true);
    out.set(header, 4);
    out.set(bytes, 4 + header.length);
    this.store.write(out);
  }

  clear(): void {
    this.store?.remove();
  }
}
