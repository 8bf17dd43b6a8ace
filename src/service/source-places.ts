// Where a host that has no view of its own (a language server) points a client at a source's
// passage: the source file itself, at the passage's lines; or, for a PDF or a Word document,
// which no text editor can show, the text Grounded extracted from it (page marks and all, as
// the extension's read-only document shows it), written to a file in Grounded's own folder,
// never beside the source: Grounded never writes to sources.
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { extractedSpan, extractedText, isExtracted, type ExtractedText } from '../core/corpus/extracted-text';
import type { Source } from '../core/model';
import { LineIndex } from '../core/positions';
import { SourceLines } from './source-text';

export interface Position {
  line: number;
  character: number;
}

/** A file a client can open as text, and a range in it. */
export interface SourcePlace {
  uri: string;
  range: { start: Position; end: Position };
}

interface Written {
  uri: string;
  extracted: ExtractedText;
  /** Length of the note that heads the file, before the extracted text. */
  offset: number;
  lines: LineIndex;
}

const ZERO: Position = { line: 0, character: 0 };

/** The start of the source's own file. */
export const fileStart = (source: Pick<Source, 'location'>): SourcePlace => ({ uri: source.location, range: { start: ZERO, end: ZERO } });

export class SourcePlaces {
  private readonly lines = new SourceLines();
  /** By source: a source read again is a new object, so its text is written again. */
  private readonly written = new WeakMap<Source, Written>();
  /** Files whose text could not be written, told once each. */
  private readonly warned = new Set<string>();

  constructor(
    /** The folder the extracted texts are written to. */
    private readonly folder: string,
    private readonly warn: (message: string) => void,
  ) {}

  /**
   * Where offsets `start`–`end` of `source` (as its passages count them) stand in a file a client
   * can open; undefined when the source file cannot be read now (deleted since it was indexed).
   */
  locate(source: Source, start: number, end: number): SourcePlace | undefined {
    if (!isExtracted(source)) {
      const from = this.lines.positionAt(source.location, start);
      const to = this.lines.positionAt(source.location, end);
      return from && to ? { uri: source.location, range: { start: from, end: to } } : undefined;
    }
    const written = this.write(source);
    // Not written (the message says why): the file itself, at its start.
    if (!written) return fileStart(source);
    const span = extractedSpan(source, written.extracted, start, end);
    if (!span) return { uri: written.uri, range: { start: ZERO, end: ZERO } };
    return { uri: written.uri, range: { start: written.lines.positionAt(written.offset + span.start), end: written.lines.positionAt(written.offset + span.end) } };
  }

  private write(source: Source): Written | undefined {
    const known = this.written.get(source);
    if (known) return known;
    const sourcePath = fileURLToPath(source.location);
    // One folder a source, so that two sources of the same name never share a file.
    const path = join(this.folder, createHash('sha256').update(source.location).digest('hex').slice(0, 16), `${basename(sourcePath)}.txt`);
    const note = `Text Grounded extracted from ${sourcePath}, with page marks; read-only, rewritten when the source changes. The original is that file.\n\n`;
    const extracted = extractedText(source);
    const text = note + extracted.text;
    try {
      if (readIfThere(path) !== text) {
        mkdirSync(join(path, '..'), { recursive: true });
        // Written whole and renamed into place, read-only, so an editor says it is not to be edited.
        writeFileSync(`${path}.partial`, text);
        chmodSync(`${path}.partial`, 0o444);
        renameSync(`${path}.partial`, path);
      }
    } catch (e) {
      if (this.warned.has(path)) return undefined;
      this.warned.add(path);
      this.warn(`Cannot write the text extracted from ${sourcePath} to ${path}: ${e instanceof Error ? e.message : String(e)}. Go to Definition and Open Source lead to the file itself.`);
      return undefined;
    }
    const written = { uri: pathToFileURL(path).href, extracted, offset: note.length, lines: new LineIndex(text) };
    this.written.set(source, written);
    return written;
  }
}

function readIfThere(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
