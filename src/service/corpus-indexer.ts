// Keeps a corpus in step with a host's workspace folders, host-neutral: finds the source
// files the settings name, follows changes the host reports, and has the index worker read,
// parse and index them off this thread. This side keeps the parsed corpus (locations are
// file URIs) and adopts the worker's search index in slices, so requests never wait.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Corpus } from '../core/corpus/corpus';
import { readsAsSource } from '../core/corpus/parse-file';
import { REFERENCES_FILE } from '../core/corpus/references';
import type { LoadProblem } from '../core/model';
import { SearchIndex } from '../core/search/search-index';
import type { IndexWorker } from '../worker/index-client';
import type { FileOutcome, FileToIndex } from '../worker/index-worker-core';
import { matchesAny } from '../core/glob';
import { Emitter } from './events';
import { matchesCorpus } from '../core/glob';
import { relativeInside, type FileChange, type FileTree } from './file-tree';
import type { CorpusSettings } from './settings';
import { applyOutcome, IndexKeeper } from './index-keeper';
import { runSliced } from './slices';

/** How far indexing has got: what every answer given meanwhile says of itself. */
export interface IndexState {
  /** True once a full scan has finished and no change waits to be read. */
  complete: boolean;
  /** Source files read so far in the running scan (all of them once complete). */
  filesRead: number;
  filesTotal: number;
  sources: number;
  /** Passages in the search index now. */
  passages: number;
}

export interface IndexerLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const BATCH_MS = 100;

export class CorpusIndexer {
  readonly corpus = new Corpus();
  private readonly index = new IndexKeeper(this.corpus);
  private folders: string[] = [];
  private problems = new Map<string, LoadProblem[]>();
  private readonly held = new Set<string>();
  private queue: Promise<void> = Promise.resolve();
  private generation = 0;
  private scanned = false;
  private running = 0;
  private progress = { read: 0, total: 0 };
  private pending = new Map<string, FileChange>();
  /** Paths created that are no source files, perhaps folders made with their files in them (see `pathCreated`). */
  private created = new Set<string>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private markScanned: () => void = () => undefined;
  private readonly firstScanDone = new Promise<void>((resolve) => (this.markScanned = resolve));
  private readonly changed = new Emitter<void>();
  private readonly stateChanged = new Emitter<IndexState>();
  private readonly problemsChanged = new Emitter<ReadonlyMap<string, LoadProblem[]>>();

  /** Fires after the set of sources (or their text) changed and the index caught up. */
  readonly onDidChange = this.changed.event;
  /** Fires as indexing starts, progresses and completes. */
  readonly onDidChangeState = this.stateChanged.event;
  /** Fires with every source file's load problems (an empty list: it has none now). */
  readonly onDidChangeProblems = this.problemsChanged.event;

  constructor(
    private readonly worker: IndexWorker,
    private readonly files: FileTree,
    private settings: CorpusSettings,
    private readonly log: IndexerLog,
  ) {}

  get state(): IndexState {
    return {
      complete: this.scanned && this.running === 0 && this.pending.size === 0 && this.created.size === 0,
      filesRead: this.progress.read,
      filesTotal: this.progress.total,
      sources: this.corpus.size,
      passages: this.index.current.passageCount,
    };
  }

  /** The search index: while a scan runs it may lag the corpus (see `state`). */
  searchIndex(): SearchIndex {
    return this.index.current;
  }

  /** Resolves once the first full scan has finished (answers before then are partial). */
  firstScan(): Promise<void> {
    return this.firstScanDone;
  }

  /** Sets the workspace folders and the corpus settings, and scans again if either changed. */
  configure(folders: readonly string[], settings: CorpusSettings): Promise<void> {
    const same = JSON.stringify([folders, settings]) === JSON.stringify([this.folders, this.settings]);
    this.folders = [...folders];
    this.settings = settings;
    // The same settings again (clients push them more than once at start): the scan asked for stands.
    return same && this.generation > 0 ? this.queue : this.rescan();
  }

  /** Reads the corpus again (`fresh` drops the caches first); a newer rescan supersedes it. */
  rescan(options: { fresh?: boolean } = {}): Promise<void> {
    const generation = ++this.generation;
    return this.enqueue(() => (generation === this.generation ? this.scan(generation, options.fresh ?? false) : Promise.resolve()));
  }

  /** Is `path` a file the settings ask to index, or the metadata file beside indexed sources? */
  wants(path: string): boolean {
    const location = pathToFileURL(path).href;
    if (this.corpus.atLocation(location)) return true;
    if (path.endsWith(`/${REFERENCES_FILE}`) || path.endsWith(`\\${REFERENCES_FILE}`)) {
      const folder = location.slice(0, location.lastIndexOf('/') + 1);
      return this.corpus.all().some((s) => s.location.startsWith(folder) && !s.location.slice(folder.length).includes('/'));
    }
    if (!readsAsSource(path)) return false;
    return this.folders.some((folder) => {
      const rel = relativeInside(folder, path);
      return rel !== undefined && matchesCorpus(rel, this.settings.include, this.settings.exclude);
    });
  }

  /** A file was created, changed or deleted: changes are read in batches (a save of many files reads once). */
  fileChanged(path: string, change: FileChange): void {
    const location = pathToFileURL(path).href;
    if (change === 'update' && !this.wants(path)) return;
    // A folder deleted takes its files with it.
    const gone = change === 'delete' ? [...this.held].filter((held) => held === location || held.startsWith(`${location}/`)) : [location];
    if (!gone.length) return;
    for (const each of gone) this.pending.set(each, change);
    this.scheduleFlush();
    this.fireState();
  }

  /**
   * A path was created (a host's watcher said so) that may be a folder: its source files are read.
   * Watchers can report a folder made with its files in it and none of the files (code-server's
   * does, for a folder of PDFs copied in at once).
   */
  pathCreated(path: string): void {
    if (this.wants(path)) return this.fileChanged(path, 'update');
    const inside = this.folders.some((folder) => {
      const rel = relativeInside(folder, path);
      return rel !== undefined && !matchesAny(`${rel}/`, this.settings.exclude);
    });
    if (!inside) return;
    this.created.add(path);
    this.scheduleFlush();
    this.fireState();
  }

  /** The glob patterns a host's watcher should report, relative to each workspace folder. */
  watchPatterns(): string[] {
    return [...this.settings.include, `**/${REFERENCES_FILE}`];
  }

  /**
   * Stops: what the caches still lack is written first (a host that is told it will stop, as a
   * language server is by `shutdown`, waits for this), then the worker ends.
   */
  async dispose(): Promise<void> {
    clearTimeout(this.flushTimer);
    this.changed.dispose();
    this.stateChanged.dispose();
    this.problemsChanged.dispose();
    try {
      if (this.saveTimer) {
        clearTimeout(this.saveTimer);
        this.saveTimer = undefined;
        // After the work under way: a scan's parses belong in the caches too.
        await this.queue;
        await this.worker.save();
      }
    } finally {
      this.worker.dispose();
    }
  }

  private enqueue(job: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(job).catch((e: unknown) => this.log.error(`Indexing the sources failed: ${e instanceof Error ? e.message : String(e)}`));
    return this.queue;
  }

  private async busy(work: () => Promise<void>): Promise<void> {
    this.running++;
    this.fireState();
    try {
      await work();
    } finally {
      this.running--;
      this.fireState();
    }
  }

  private fireState(): void {
    this.stateChanged.fire(this.state);
  }

  private async scan(generation: number, fresh: boolean): Promise<void> {
    const superseded = () => generation !== this.generation;
    if (fresh) await this.worker.clear();
    await this.busy(async () => {
      const started = performance.now();
      const files = await this.filesToIndex();
      this.progress = { read: 0, total: files.length };
      this.fireState();
      const wanted = new Set(files.map((f) => f.location));
      const stats = await this.worker.scan(files, this.settings.maxBytes, (outcomes) => {
        if (superseded()) return;
        for (const outcome of outcomes) this.take(outcome);
        this.progress.read += outcomes.length;
        this.fireState();
      });
      if (superseded()) return;
      for (const location of [...this.held]) if (!wanted.has(location)) this.drop(location);
      await runSliced(this.corpus.settle());
      const { bytes, reused } = await this.worker.index();
      const adopted = await this.adopt(bytes);
      this.scanned = true;
      await this.publish();
      this.markScanned();
      this.log.info(
        `Indexed ${this.corpus.size} sources in ${Math.round(performance.now() - started)} ms (${stats.parsed} parsed, ${stats.fromCache} from the cache; index ${adopted ? (reused ? 'from the cache' : 'built by the worker') : 'built on this thread'}).`,
      );
    });
  }

  /** The files the settings name in every folder, and the metadata file of each folder that has some. */
  private async filesToIndex(): Promise<FileToIndex[]> {
    const found = new Set<string>();
    const problems: LoadProblem[] = [];
    for (const folder of this.folders) {
      for (const path of await this.files.list(folder, problems)) {
        const rel = relativeInside(folder, path);
        if (rel !== undefined && readsAsSource(path) && matchesCorpus(rel, this.settings.include, this.settings.exclude)) found.add(path);
      }
    }
    for (const p of problems) this.log.warn(`${p.location}: ${p.message}`);
    const paths = [...found].sort();
    const dirs = new Set(paths.map((p) => p.slice(0, Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')))));
    return [...paths.map(toIndex), ...[...dirs].map((dir) => ({ ...toIndex(`${dir}/${REFERENCES_FILE}`), optional: true }))];
  }

  private scheduleFlush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      void this.enqueue(() => this.flush());
    }, BATCH_MS);
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    const created = this.created;
    this.pending = new Map();
    this.created = new Set();
    if (!batch.size && !created.size) return;
    await this.busy(async () => {
      const deleted = [...batch].filter(([, change]) => change === 'delete').map(([location]) => location);
      const updated = [...batch].filter(([, change]) => change === 'update').map(([location]) => toIndex(fileURLToPath(location)));
      if (created.size) {
        const reading = new Set(updated.map((f) => f.location));
        updated.push(...(await this.filesInFolders([...created])).filter((f) => !reading.has(f.location)));
      }
      let touched = false;
      for (const location of deleted) touched = this.drop(location) || touched;
      if (deleted.length) await this.worker.forget(deleted);
      for (const outcome of updated.length ? await this.worker.update(updated, this.settings.maxBytes) : []) {
        this.take(outcome);
        touched ||= outcome.kind !== 'unchanged';
      }
      if (touched) await this.publish();
    });
  }

  /** Of `paths`, the folders: the source files in them the settings name, and the metadata file beside those. */
  private async filesInFolders(paths: string[]): Promise<FileToIndex[]> {
    const files = new Map<string, FileToIndex>();
    const problems: LoadProblem[] = [];
    for (const path of paths) {
      if (!(await this.files.isFolder(path))) continue;
      for (const file of await this.files.list(path, problems)) {
        if (!this.wants(file)) continue;
        files.set(file, toIndex(file));
        const references = join(dirname(file), REFERENCES_FILE);
        files.set(references, { ...toIndex(references), optional: true });
      }
    }
    for (const p of problems) this.log.warn(`${p.location}: ${p.message}`);
    return [...files.values()];
  }

  /** Applies what the worker found of one file to this side's corpus. */
  private take(outcome: FileOutcome): void {
    const { location } = outcome;
    if (outcome.kind === 'unchanged') return;
    if (outcome.kind === 'absent' || outcome.kind === 'needsBytes') {
      // Every file here is on this machine's disk; one the worker could not find is gone.
      this.drop(location);
      return;
    }
    this.held.add(location);
    this.problems.set(location, applyOutcome(this.corpus, outcome));
  }

  /** Drops a file from this side; true when the corpus had it. */
  private drop(location: string): boolean {
    this.held.delete(location);
    if (this.problems.has(location)) this.problems.set(location, []);
    return this.corpus.remove(location);
  }

  /** Takes the worker's index, in slices, when it describes exactly this side's corpus. */
  private async adopt(bytes: Uint8Array): Promise<boolean> {
    const why = await this.index.adopt(bytes);
    if (why) this.log.warn(`The index worker's index cannot be used: ${why}; indexing on this thread instead.`);
    return why === undefined;
  }

  /** Announces problems and the change, once the index has caught up with the corpus. */
  private async publish(): Promise<void> {
    for (const p of this.corpus.problems()) {
      const list = this.problems.get(p.location) ?? [];
      if (!list.some((q) => q.message === p.message)) this.problems.set(p.location, [...list, p]);
    }
    this.problemsChanged.fire(this.problems);
    // Files whose problems went away were told so once; they need not be told again.
    this.problems = new Map([...this.problems].filter(([, list]) => list.length > 0));
    await this.index.catchUp();
    this.scheduleSave();
    this.changed.fire();
  }

  // The worker writes its caches a second after the last change, off this thread.
  private scheduleSave(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.enqueue(() => this.worker.save());
    }, 1000);
  }
}

function toIndex(path: string): FileToIndex {
  return { location: pathToFileURL(path).href, path };
}
