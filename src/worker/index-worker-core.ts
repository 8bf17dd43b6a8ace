// What the index worker does, without the thread around it (so the host can run the same
// code on its own thread when no worker starts, and tests can call it directly): read the
// source files, parse them (or take their parse from the cache), keep a corpus of them and
// a search index over it, and hand the index over as bytes.
import { Corpus } from '../core/corpus/corpus';
import { attachmentLocation } from '../core/bib/attachments';
import { groupCorpusFigures, type FigureGroup } from '../core/figures/corpus-figures';
import { formatBytes } from '../core/corpus/decode';
import { parseFileAsync, readsAsSource, type FileParse } from '../core/corpus/parse-file';
import type { LoadProblem, Source } from '../core/model';
import { syncIndex } from '../core/search/index-sync';
import { runSteps } from '../core/steps';
import { matchesCorpus } from '../core/glob';
import { SearchIndex } from '../core/search/search-index';
import { inputsSignature, type IndexCacheFile } from './index-cache';
import type { FileSignature, ParseCache } from './parse-cache';
import type { SourceDisk } from './storage';

/** A file to index: where the host names it, and its path on this machine's disk when it has one. */
export interface FileToIndex {
  location: string;
  path?: string;
  /**
   * For a file with no path (the host reads it): its size and time as the host's file system
   * gives them, so its parse can be cached and an unchanged file is known without its bytes.
   */
  signature?: FileSignature;
  /** A metadata file that may not exist (then it is passed over in silence). */
  optional?: boolean;
  /** The writer's bibliography (read as BibTeX, CSL-JSON or CSL-YAML, not as an article). */
  bibliography?: boolean;
}

export type FileOutcome =
  | { location: string; kind: 'parsed'; parse: FileParse; fromCache: boolean }
  | { location: string; kind: 'failed'; problem: LoadProblem }
  | { location: string; kind: 'absent' }
  /** An update of a file whose size and time are what the corpus already has: nothing to do. */
  | { location: string; kind: 'unchanged' }
  /** Not on this machine's disk: the host reads it and sends its bytes. */
  | { location: string; kind: 'needsBytes' };

// What one message to the host carries at most: the host unpacks a message in one go.
const MAX_BATCH_FILES = 16;
const MAX_BATCH_TEXT = 48 * 1024;

/** A parse as the host needs it: without the removed boilerplate, which the editor never shows. */
function forHost(parse: FileParse): FileParse {
  return parse.kind === 'article' && parse.article.removed.length ? { ...parse, article: { ...parse.article, removed: [] } } : parse;
}

export class IndexWorkerCore {
  private readonly corpus = new Corpus();
  private readonly signatures = new Map<string, FileSignature>();
  /** Files parsed from bytes the host sent: they have no signature, so the index cache cannot vouch for them. */
  private readonly unsigned = new Set<string>();
  private index = new SearchIndex();
  private readonly indexed = new Map<string, Source>();
  private indexWritten: string | undefined;
  private figureGroups: { version: number; groups: FigureGroup[] } | undefined;

  constructor(
    private readonly parseCache: ParseCache,
    private readonly indexCache: IndexCacheFile,
    private readonly log: (message: string) => void = () => undefined,
    /** Where files with a path are read; none in a browser, where every file comes from the host. */
    private readonly disk?: SourceDisk,
  ) {}

  /**
   * The source files under `folder` (or a folder `under` it) on this machine's disk that the
   * corpus globs, relative to `folder`, take, by absolute path. Listed here, not by the host: VS Code's file search spawns a process from
   * the extension host, and forking a host that holds a large corpus stalls it for tens of ms.
   */
  async list(folder: string, include: readonly string[], exclude: readonly string[], problems: LoadProblem[], under = folder): Promise<string[]> {
    if (!this.disk) throw new Error('this worker has no disk to list');
    const paths = await this.disk.list(under, problems);
    const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
    const prefix = folder.endsWith(separator) ? folder : folder + separator;
    return paths.filter((path) => path.startsWith(prefix) && readsAsSource(path) && matchesCorpus(path.slice(prefix.length).split(separator).join('/'), include, exclude));
  }

  /**
   * Makes the corpus exactly `files`, reading each (from the parse cache when unchanged) and
   * passing outcomes to `emit` in batches as it goes. Asynchronous: PDF.js and mammoth read
   * PDFs and Word documents a page or part at a time.
   */
  async scan(files: readonly FileToIndex[], maxBytes: number, emit: (batch: FileOutcome[]) => void): Promise<{ parsed: number; fromCache: number }> {
    const wanted = new Set(files.map((f) => f.location));
    for (const location of [...this.signatures.keys(), ...this.unsigned]) if (!wanted.has(location)) this.forget([location]);
    const stats = { parsed: 0, fromCache: 0 };
    let batch: FileOutcome[] = [];
    let batchText = 0;
    let started = performance.now();
    for (const file of files) {
      const outcome = await this.read(file, maxBytes);
      if (outcome.kind === 'parsed') stats[outcome.fromCache ? 'fromCache' : 'parsed']++;
      batch.push(outcome);
      batchText += outcome.kind === 'parsed' && outcome.parse.kind === 'article' ? outcome.parse.article.paragraphs.reduce((n, p) => n + p.text.length, 0) : 0;
      // Small batches: the host unpacks each message in one go, and a large one would hold it up.
      if (batch.length >= MAX_BATCH_FILES || batchText >= MAX_BATCH_TEXT || performance.now() - started > 50) {
        emit(batch);
        batch = [];
        batchText = 0;
        started = performance.now();
      }
    }
    if (batch.length) emit(batch);
    return stats;
  }

  /** Reads changed or new files (a file event for an unchanged file, as a save without edits sends, changes nothing). */
  async update(files: readonly FileToIndex[], maxBytes: number): Promise<FileOutcome[]> {
    const outcomes: FileOutcome[] = [];
    for (const f of files) outcomes.push(await this.read(f, maxBytes, true));
    return outcomes;
  }

  /** Parses a file the host read itself (cached, when the host gave its signature). */
  async parseBytes(location: string, bytes: Uint8Array, bibliography?: boolean, signature?: FileSignature): Promise<FileOutcome> {
    const parse = await parseFileAsync(location, bytes, bibliography ? 'bibliography' : undefined);
    if (signature) {
      this.parseCache.set(location, signature, parse);
      this.signatures.set(location, signature);
      this.unsigned.delete(location);
    } else {
      this.signatures.delete(location);
      this.unsigned.add(location);
    }
    this.apply(location, parse);
    return { location, kind: 'parsed', parse: forHost(parse), fromCache: false };
  }

  forget(locations: readonly string[]): void {
    for (const location of locations) {
      this.corpus.remove(location);
      this.signatures.delete(location);
      this.unsigned.delete(location);
      this.parseCache.forget(location);
    }
  }

  /**
   * The search index over the corpus, as bytes: the cached one when it was built from exactly
   * these files, else this worker's own, brought up to date (and cached).
   */
  indexBytes(): { bytes: Uint8Array; reused: boolean } {
    const inputs = this.unsigned.size ? undefined : inputsSignature(this.signatures);
    if (inputs && this.indexed.size === 0) {
      const cached = this.indexCache.read(inputs);
      if (cached.bytes) {
        // This worker keeps its own copy for later changes; the bytes go to the host.
        this.index = SearchIndex.fromBinary(cached.bytes.slice());
        for (const s of this.corpus.all()) this.indexed.set(s.location, s);
        if (this.index.passageCount === this.passageCount()) {
          this.indexWritten = inputs;
          return { bytes: cached.bytes, reused: true };
        }
        this.log('The index cache does not match the corpus; indexing again.');
        this.index = new SearchIndex();
        this.indexed.clear();
      } else if (cached.why) this.log(`Index cache not used: ${cached.why}.`);
    }
    const bytes = this.syncedIndex().toBinary();
    if (inputs) this.writeIndex(inputs, bytes);
    return { bytes, reused: false };
  }

  /**
   * The figures of the corpus grouped by what they count. Their sentences stay here (the
   * host has them in its own corpus): they are most of the weight of the message.
   */
  figures(): FigureGroup[] {
    if (this.figureGroups?.version !== this.corpus.version) this.figureGroups = { version: this.corpus.version, groups: groupCorpusFigures(this.corpus.all()) };
    return this.figureGroups.groups.map((g) => ({ ...g, values: g.values.map((v) => ({ ...v, places: v.places.map((p) => ({ ...p, sentence: '' })) })) }));
  }

  /** Writes both caches where they changed. */
  save(): string | undefined {
    const notes: string[] = [];
    const live = [...this.signatures.keys()];
    if (this.parseCache.save(live)) notes.push(`parse cache: ${this.parseCache.size} files`);
    const inputs = this.unsigned.size ? undefined : inputsSignature(this.signatures);
    if (inputs && inputs !== this.indexWritten) {
      this.writeIndex(inputs, this.syncedIndex().toBinary());
      notes.push(`index: ${this.index.passageCount} passages`);
    }
    return notes.length ? `saved ${notes.join(', ')}` : undefined;
  }

  clear(): void {
    this.parseCache.clear();
    this.indexCache.clear();
    this.indexWritten = undefined;
  }

  private writeIndex(inputs: string, bytes: Uint8Array): void {
    try {
      this.indexCache.write(inputs, bytes);
      this.indexWritten = inputs;
    } catch (e) {
      this.log(`Index cache not written: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private syncedIndex(): SearchIndex {
    if (this.index.wasteful) {
      this.index = new SearchIndex();
      this.indexed.clear();
    }
    runSteps(syncIndex(this.index, this.indexed, this.corpus.all()));
    return this.index;
  }

  private passageCount(): number {
    return this.corpus.all().reduce((n, s) => n + s.paragraphs.length, 0);
  }

  private async read(file: FileToIndex, maxBytes: number, skipUnchanged = false): Promise<FileOutcome> {
    const { location, path } = file;
    const disk = path !== undefined ? this.disk : undefined;
    // Not on a disk this worker reads: the host sends the bytes, unless the cache has the parse.
    if (!disk && !file.signature) return { location, kind: 'needsBytes' };
    let signature: FileSignature;
    try {
      signature = disk ? disk.stat(path!) : file.signature!;
      const known = this.signatures.get(location);
      if (skipUnchanged && known && known.size === signature.size && known.mtime === signature.mtime) return { location, kind: 'unchanged' };
      if (signature.size > maxBytes) {
        this.forget([location]);
        return { location, kind: 'failed', problem: { location, severity: 'warning', message: `File is ${formatBytes(signature.size)}, over the ${formatBytes(maxBytes)} limit of grounded.corpus.maxFileSizeMB; skipped.` } };
      }
      let parse = this.parseCache.get(location, signature);
      const fromCache = parse !== undefined;
      if (!parse) {
        if (!disk) return { location, kind: 'needsBytes' };
        parse = await parseFileAsync(location, disk.read(path!), file.bibliography ? 'bibliography' : undefined);
        this.parseCache.set(location, signature, parse);
      }
      this.signatures.set(location, signature);
      this.unsigned.delete(location);
      this.apply(location, parse);
      return { location, kind: 'parsed', parse: forHost(parse), fromCache };
    } catch (e) {
      this.forget([location]);
      if (file.optional && disk?.isMissing(e)) return { location, kind: 'absent' };
      // Deleted or unreadable between finding and reading it: say so; the rest goes on.
      return { location, kind: 'failed', problem: { location, severity: 'error', message: `Cannot read the file: ${e instanceof Error ? e.message : String(e)}` } };
    }
  }

  private apply(location: string, parse: FileParse): void {
    if (parse.kind === 'article') this.corpus.upsert(parse.article);
    else if (parse.kind === 'references') this.corpus.setReferences(location, parse.references);
    else if (parse.kind === 'bibliography') this.corpus.setBibliography(parse.bibliography, (file) => attachmentLocation(location, file), readsAsSource);
    else this.corpus.remove(location);
  }
}
