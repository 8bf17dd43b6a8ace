// The text of source files as their offsets count it (decoded as the parser decoded them),
// for hosts that must turn a source offset into a line: a language server has no editor
// to open the file in. Read again only when the file changed.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeBytes } from '../core/corpus/decode';
import { LineIndex } from '../core/positions';

interface Read {
  mtime: number;
  size: number;
  lines: LineIndex;
}

export class SourceLines {
  private readonly cache = new Map<string, Read>();

  /** Line and character of `offset` in the source at `location` (a file URI); undefined when unreadable. */
  positionAt(location: string, offset: number): { line: number; character: number } | undefined {
    return this.lines(location)?.positionAt(offset);
  }

  private lines(location: string): LineIndex | undefined {
    try {
      const path = fileURLToPath(location);
      const stat = statSync(path);
      const cached = this.cache.get(location);
      if (cached && cached.mtime === stat.mtimeMs && cached.size === stat.size) return cached.lines;
      const decoded = decodeBytes(readFileSync(path));
      if (!decoded.ok) return undefined;
      const read = { mtime: stat.mtimeMs, size: stat.size, lines: new LineIndex(decoded.text) };
      this.cache.set(location, read);
      return read.lines;
    } catch {
      // Deleted since it was indexed: the answer still stands, at the file's start.
      return undefined;
    }
  }
}
