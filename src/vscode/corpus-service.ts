import * as vscode from 'vscode';
import { Corpus } from '../core/corpus/corpus';
import type { FigureGroup } from '../core/figures/corpus-figures';
import { readsAsSource } from '../core/corpus/parse-file';
import { REFERENCES_FILE } from '../core/corpus/references';
import { reportBibliographies } from '../core/front-matter';
import { matchesAny } from '../core/glob';
import type { LoadProblem, Source } from '../core/model';
import { SearchIndex } from '../core/search/search-index';
import type { IndexWorker } from '../worker/worker-client';
import { isWorkspaceFile } from './report-schemes';
import type { FileOutcome, FileToIndex } from '../worker/index-worker-core';
import type { FileSignature } from '../worker/parse-cache';
import { DisposableStore } from './disposables';
import { runSliced } from '../service/slices';
import { applyOutcome, IndexKeeper } from '../service/index-keeper';
import type { Subscription } from '../service/events';
import type { FileChange } from '../service/file-tree';

/** How the last full scan went. */
export interface ScanStats {
  parsed: number;
  fromCache: number;
  /** Whether the search index came from the on-disk cache rather than being built. */
  indexReused: boolean;
  ms: number;
}

/**
 * What a watcher reported of a path: a source file changed or deleted, or a path that is no
 * source file created or deleted (perhaps a folder, whose files are then read or dropped).
 */
type PathChange = 'update' | 'delete' | 'created' | 'deleted';

/** Grounded's own watcher of a folder's tree on this machine's disk (Node hosts only). */
export type WatchFolder = (path: string, onChange: (path: string, change: FileChange) => void, onError: (message: string) => void) => Subscription;

interface CorpusSettings {
  include: string[];
  exclude: string[];
  maxBytes: number;
  /** The writer's bibliographies, as the setting names them (relative to a workspace folder, or absolute). */
  bibliographies: string[];
}

function readSettings(): CorpusSettings {
  const config = vscode.workspace.getConfiguration('grounded.corpus');
  const bibliography = vscode.workspace.getConfiguration('grounded').get<string | string[]>('bibliography', []);
  return {
    include: config.get<string[]>('include', []),
    exclude: config.get<string[]>('exclude', []),
    maxBytes: config.get<number>('maxFileSizeMB', 20) * 1024 * 1024,
    bibliographies: (Array.isArray(bibliography) ? bibliography : [bibliography]).filter((b) => typeof b === 'string' && b.trim() !== ''),
  };
}

/**
 * Keeps the corpus in step with the workspace: finds the source files the settings name and
 * follows creations, changes, renames and deletions. The index worker reads, parses and
 * indexes them off this thread; this side keeps the parsed corpus (locations are URI
 * strings) and adopts the worker's search index in slices, so the editor never waits.
 */
export class CorpusService implements vscode.Disposable {
  readonly corpus = new Corpus();
  private readonly store = new DisposableStore();
  private watchers = new DisposableStore();
  private readonly changed = this.store.add(new vscode.EventEmitter<void>());
  private readonly indexing = this.store.add(new vscode.EventEmitter<boolean>());
  private readonly scanned = this.store.add(new vscode.EventEmitter<ScanStats>());
  private readonly problemsByLocation = new Map<string, LoadProblem[]>();
  /** Every file this side holds (articles and metadata files). */
  private readonly known = new Set<string>();
  private readonly diagnostics = this.store.add(vscode.languages.createDiagnosticCollection('grounded-sources'));
  /** Problems already written to the log, so a publish logs only what is new. */
  private logged = new Set<string>();
  private settings = readSettings();
  private readonly index = new IndexKeeper(this.corpus);
  private stats: ScanStats = { parsed: 0, fromCache: 0, indexReused: false, ms: 0 };
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private pending = new Map<string, PathChange>();
  /** Folders created during the session that Grounded watches itself, by location (see `readCreatedFolders`). */
  private readonly followed = new Map<string, Subscription>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private busy = 0;
  private hasScanned = false;
  private watching = false;
  /** Scans and updates run one at a time, in order; a scan asked for while another waits supersedes it. */
  private work: Promise<void> = Promise.resolve();
  private scanGeneration = 0;
  /** The bibliography files read: those the setting names and those open reports name in `bibliography:`. */
  private bibliographies = new Set<string>();
  /** What open reports' front matter names, by report. */
  private readonly reportBibliographies = new Map<string, string[]>();
  private watchedBibliographies = '';
  /** Warnings already in the log, which a rescan must not write again. */
  private readonly warned = new Set<string>();
  /** Sizes and times of the files this side reads (browser), as last seen: their parses are cached under them. */
  private readonly signatures = new Map<string, FileSignature>();

  /** Fires after the set of sources changed. */
  readonly onDidChange = this.changed.event;
  /** Fires with true when indexing starts and false when it ends. */
  readonly onDidChangeIndexing = this.indexing.event;
  /** Fires after each full scan. */
  readonly onDidScan = this.scanned.event;

  constructor(
    private readonly output: vscode.LogOutputChannel,
    private worker: IndexWorker,
    /** Whether the worker reads `file:` sources from disk (Node), or this side reads every file (browser); and `~` for bibliographies. */
    private readonly host: { readsDisk: boolean; home?: string; watchFolder?: WatchFolder },
  ) {
    this.store.add(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('grounded.corpus') || e.affectsConfiguration('grounded.bibliography')) void this.rescan();
      }),
    );
    this.store.add(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rescan()));
    // Trusted now: bibliographies and attachments outside the workspace may be read.
    this.store.add(vscode.workspace.onDidGrantWorkspaceTrust(() => void this.rescan()));
    // A report's `bibliography:` is read when it opens and each time it is saved.
    for (const document of vscode.workspace.textDocuments) this.readReportBibliographies(document);
    this.store.add(vscode.workspace.onDidOpenTextDocument((d) => this.readReportBibliographies(d) && void this.rescan()));
    this.store.add(vscode.workspace.onDidSaveTextDocument((d) => this.readReportBibliographies(d) && void this.rescan()));
    // A report closed no longer asks for its bibliography (the setting's stay).
    this.store.add(vscode.workspace.onDidCloseTextDocument((d) => this.reportBibliographies.delete(d.uri.toString()) && void this.rescan()));
  }

  /** Notes the bibliographies a Markdown report names; true when they are others than before. */
  private readReportBibliographies(document: vscode.TextDocument): boolean {
    if (document.languageId !== 'markdown' || !isWorkspaceFile(document.uri) || this.corpus.atLocation(document.uri.toString())) return false;
    const { files, error } = reportBibliographies(document.getText());
    if (error) this.output.warn(`${document.uri.fsPath}: ${error}.`);
    const locations = files.map((f) => bibliographyUri(vscode.Uri.joinPath(document.uri, '..'), f, this.host.home).toString());
    const before = this.reportBibliographies.get(document.uri.toString()) ?? [];
    if (locations.length === 0 && before.length === 0) return false;
    this.reportBibliographies.set(document.uri.toString(), locations);
    return locations.join('\n') !== before.join('\n') && locations.some((l) => !this.bibliographies.has(l));
  }

  /** Is this file one of the writer's bibliographies that Grounded reads? */
  isBibliography(uri: vscode.Uri): boolean {
    return this.bibliographies.has(uri.toString());
  }

  /** Resolves when the first full scan (and whatever was queued with it) has finished. */
  ready(): Promise<void> {
    if (!this.hasScanned) void this.rescan();
    return this.work;
  }

  get isIndexing(): boolean {
    return this.busy > 0;
  }

  /**
   * The search index over the sources. While indexing runs it may lag the corpus by the
   * sources still being added; `onDidChange` fires once it has caught up.
   */
  searchIndex(): SearchIndex {
    return this.index.current;
  }

  /** The corpus's figures by what they count, worked out by the worker (seconds for thousands of articles). */
  async figureGroups(): Promise<FigureGroup[]> {
    for (;;) {
      await this.work;
      const version = this.corpus.version;
      const groups = await this.worker.figures();
      // Sources changed while the worker counted: count again, for the corpus as it is now.
      if (this.corpus.version === version) return groups;
    }
  }

  lastScan(): ScanStats {
    return this.stats;
  }

  uriOf(source: Source): vscode.Uri {
    // A bibliography entry with no text opens where it is written.
    return vscode.Uri.parse(source.entry?.location ?? source.location);
  }

  /** Starts over with another worker (as a window reload would) and scans; for tests. */
  async restartWorker(startWorker: () => IndexWorker): Promise<void> {
    await this.work;
    // As a window closing does: what the caches still lack is written first.
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = undefined;
      await this.worker.save();
    }
    this.worker.dispose();
    // Started only now: it reads the caches the old one has just written.
    this.worker = startWorker();
    this.index.reset();
    await this.rescan();
  }

  /** Reads the corpus again (settings or folders changed; `fresh` drops the caches). */
  rescan(options: { fresh?: boolean } = {}): Promise<void> {
    this.hasScanned = true;
    const generation = ++this.scanGeneration;
    return this.enqueue(() => (generation === this.scanGeneration ? this.scan(options, generation) : Promise.resolve()));
  }

  private enqueue(job: () => Promise<void>): Promise<void> {
    this.work = this.work.then(job).catch((e: unknown) => this.output.error(`Indexing the corpus failed: ${e instanceof Error ? e.message : String(e)}`));
    return this.work;
  }

  private async scan(options: { fresh?: boolean }, generation: number): Promise<void> {
    const superseded = () => generation !== this.scanGeneration;
    const settings = readSettings();
    // Watchers are re-made only when the patterns change: a rescan of the same files keeps them.
    const bibliographies = () => this.bibliographyFiles().map(String).join('\n');
    if (!this.watching || JSON.stringify(settings) !== JSON.stringify(this.settings) || bibliographies() !== this.watchedBibliographies) {
      this.settings = settings;
      this.watchedBibliographies = bibliographies();
      this.watch();
    }
    if (options.fresh) {
      await this.worker.clear();
      this.logged = new Set();
    }
    await this.withIndexing(async () => {
      const started = performance.now();
      const files = await this.signed(await this.filesToIndex());
      const wanted = new Set(files.map((f) => f.location));
      const fromHost: FileToIndex[] = [];
      const stats = await this.worker.scan(files, this.settings.maxBytes, (outcomes) => {
        if (!superseded()) for (const o of outcomes) this.take(o, fromHost);
      });
      await this.readOnHost(fromHost);
      if (!superseded()) await this.indexAttachments(wanted);
      // A newer scan is queued: it will publish; this one's corpus must not be.
      if (superseded()) return;
      for (const location of [...this.known]) if (!wanted.has(location)) this.forget(location);
      // Keys for thousands of new sources are assigned a slice at a time, not on the first read.
      await runSliced(this.corpus.settle());
      const { bytes, reused } = await this.worker.index();
      const adopted = await this.adoptIndex(bytes);
      this.stats = { ...stats, indexReused: reused && adopted, ms: Math.round(performance.now() - started) };
      await this.publish();
      this.output.info(
        `Indexed ${this.corpus.size} sources in ${this.stats.ms} ms (${stats.parsed} parsed, ${stats.fromCache} from the cache; index ${adopted ? (reused ? 'from the cache' : 'built by the worker') : 'built on this thread'}).`,
      );
      this.scanned.fire(this.stats);
    });
  }

  /** The files the settings name, and the metadata file of each folder that has some. */
  private async filesToIndex(): Promise<FileToIndex[]> {
    const found = new Map<string, vscode.Uri>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const uri of await this.sourcesIn(folder)) found.set(uri.toString(), uri);
    }
    // Thousands of files: strings are compared and cut, and a Uri is made once per folder only.
    const locations = [...found.keys()].sort();
    const folders = new Map<string, vscode.Uri>();
    for (const location of locations) {
      const folder = location.slice(0, location.lastIndexOf('/'));
      if (!folders.has(folder)) folders.set(folder, vscode.Uri.joinPath(found.get(location)!, '..'));
    }
    const references = [...folders.values()].map((folder) => ({ ...this.fileToIndex(vscode.Uri.joinPath(folder, REFERENCES_FILE)), optional: true }));
    const bibliographies = this.bibliographyFiles();
    this.bibliographies = new Set(bibliographies.map((u) => u.toString()));
    // The attachments known from the last scan, so the worker keeps their parses; new ones are read after.
    const attachments = this.readable(this.corpus.attachments().filter((l) => !found.has(l)).map((l) => vscode.Uri.parse(l)), 'attachment').map(String);
    return [...locations.map((location) => this.fileToIndex(found.get(location)!)), ...references, ...bibliographies.map((u) => ({ ...this.fileToIndex(u), bibliography: true })), ...attachments.map((l) => this.fileToIndex(vscode.Uri.parse(l)))];
  }

  /**
   * The files of `folder` the corpus globs take. On a disk the worker can read, the worker
   * lists them: VS Code's file search would spawn a process from this thread, and forking a
   * host that holds a large corpus blocks it for tens of ms (55 ms seen with 2,225 articles).
   */
  private async sourcesIn(folder: vscode.WorkspaceFolder, under?: vscode.Uri): Promise<vscode.Uri[]> {
    if (this.host.readsDisk && folder.uri.scheme === 'file') {
      const { paths, problems } = await this.worker.list(folder.uri.fsPath, this.settings.include, this.settings.exclude, under?.fsPath);
      for (const p of problems) this.warnOnce(`${p.location}: ${p.message}`);
      return paths.map((path) => vscode.Uri.file(path));
    }
    const exclude = this.settings.exclude.length ? `{${this.settings.exclude.join(',')}}` : undefined;
    if (under) return (await vscode.workspace.findFiles(new vscode.RelativePattern(under, '**/*'), exclude)).filter((uri) => this.wanted(uri));
    const found: vscode.Uri[] = [];
    for (const include of this.settings.include) {
      for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, include), exclude)) if (readsAsSource(uri.path)) found.push(uri);
    }
    return found;
  }

  /** The bibliographies of the `grounded.bibliography` setting (against each workspace folder) and of open reports. */
  private bibliographyFiles(): vscode.Uri[] {
    const out = new Map<string, vscode.Uri>();
    for (const name of this.settings.bibliographies) {
      const folders = vscode.workspace.workspaceFolders ?? [];
      for (const folder of isAbsolutePath(name) ? folders.slice(0, 1) : folders) {
        const uri = bibliographyUri(folder.uri, name, this.host.home);
        out.set(uri.toString(), uri);
      }
    }
    for (const list of this.reportBibliographies.values()) for (const location of list) out.set(location, vscode.Uri.parse(location));
    return this.readable([...out.values()], 'bibliography');
  }

  /**
   * In an untrusted workspace only files inside it are read: its settings, reports and .bib files
   * could otherwise show any file of this machine in hovers and search. The rest is named in the log.
   */
  private readable(uris: vscode.Uri[], what: string): vscode.Uri[] {
    if (vscode.workspace.isTrusted) return uris;
    const inside = uris.filter((u) => vscode.workspace.getWorkspaceFolder(u));
    for (const u of uris) if (!inside.includes(u)) this.warnOnce(`${u.fsPath}: not read: this ${what} lies outside the workspace, which is not trusted. Trust the workspace to read it.`);
    return inside;
  }

  private warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.output.warn(message);
  }

  /** Reads the bibliographies' attached files that are not read yet, wherever they lie. */
  private async indexAttachments(wanted: Set<string>): Promise<void> {
    const missing = this.readable(this.corpus.attachments().filter((l) => !wanted.has(l) && !this.known.has(l)).map((l) => vscode.Uri.parse(l)), 'attachment').map(String);
    if (missing.length === 0) return;
    for (const l of missing) wanted.add(l);
    const fromHost: FileToIndex[] = [];
    for (const o of await this.worker.update(await this.signed(missing.map((l) => this.fileToIndex(vscode.Uri.parse(l)))), this.settings.maxBytes)) {
      if (o.kind === 'failed') o.problem.message = `${o.problem.message} (attached to an entry of the bibliography; the entry is cited without text to check against)`;
      this.take(o, fromHost);
    }
    await this.readOnHost(fromHost);
  }

  /** Files the worker cannot read (not on this machine's disk, or no disk at all in a browser) go through VS Code's file system, a few read at once. */
  private async readOnHost(files: FileToIndex[]): Promise<void> {
    for (let i = 0; i < files.length; i += READ_BATCH) {
      const batch = files.slice(i, i + READ_BATCH);
      const read = await Promise.all(batch.map((file) => vscode.workspace.fs.readFile(vscode.Uri.parse(file.location)).then((bytes) => ({ bytes }), (e: unknown) => ({ error: e }))));
      for (const [j, file] of batch.entries()) {
        const result = read[j];
        if ('error' in result) {
          if (file.optional) continue;
          const e = result.error;
          this.take({ location: file.location, kind: 'failed', problem: { location: file.location, severity: 'error', message: `Cannot read the file: ${e instanceof Error ? e.message : String(e)}` } }, []);
          continue;
        }
        this.take(await this.worker.parseBytes(file.location, result.bytes, this.bibliographies.has(file.location), this.signatures.get(file.location)), []);
      }
    }
  }

  /** Takes the worker's search index, a slice at a time, if it describes this corpus. */
  private async adoptIndex(bytes: Uint8Array): Promise<boolean> {
    const why = await this.index.adopt(bytes);
    // Never expected: the worker's corpus is made from the same files by the same code.
    if (why) this.output.warn(`The index worker's index cannot be used: ${why}; indexing on this thread instead.`);
    return why === undefined;
  }

  private watch(): void {
    this.watching = true;
    this.watchers.dispose();
    this.watchers = new DisposableStore();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const pattern of [...this.settings.include, `**/${REFERENCES_FILE}`, ...this.bibliographyFiles().map((u) => vscode.workspace.asRelativePath(u, false))]) {
        const watcher = this.watchers.add(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, pattern)));
        this.watchers.add(watcher.onDidCreate((uri) => this.queue(uri, 'update')));
        this.watchers.add(watcher.onDidChange((uri) => this.queue(uri, 'update')));
        this.watchers.add(watcher.onDidDelete((uri) => this.queue(uri, 'delete')));
      }
      // code-server's watcher can report a folder made with files in it at once (a folder of PDFs
      // copied in) and none of its files, then or later: a folder created is read whole, and one
      // deleted (reported alone, without its files) takes its files with it.
      const tree = this.watchers.add(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**'), false, true, false));
      this.watchers.add(tree.onDidCreate((uri) => !this.wanted(uri) && this.mayHoldSources(uri) && this.queue(uri, 'created')));
      this.watchers.add(tree.onDidDelete((uri) => !this.wanted(uri) && this.queue(uri, 'deleted')));
    }
    this.unfollow(() => true);
  }

  /** Could a folder at `uri` hold files to index (is it outside the excluded globs)? */
  private mayHoldSources(uri: vscode.Uri): boolean {
    return !!vscode.workspace.getWorkspaceFolder(uri) && !matchesAny(`${vscode.workspace.asRelativePath(uri, false)}/`, this.settings.exclude);
  }

  /**
   * Of the paths created that are no source files, the folders: their source files (and the
   * metadata file beside them) to read. Where this host reads the disk, a folder that holds
   * sources is also watched by Grounded itself from then on, before it is read (so no file falls
   * between), since code-server's watcher, having missed its files, reports none of their later
   * changes either.
   */
  private async readCreatedFolders(locations: string[]): Promise<FileToIndex[]> {
    const folders: vscode.Uri[] = [];
    for (let i = 0; i < locations.length; i += STAT_BATCH) {
      const uris = locations.slice(i, i + STAT_BATCH).map((l) => vscode.Uri.parse(l));
      const types = await Promise.all(uris.map((uri) => vscode.workspace.fs.stat(uri).then((s) => s.type, () => vscode.FileType.Unknown)));
      folders.push(...uris.filter((_, j) => types[j] & vscode.FileType.Directory));
    }
    const files = new Map<string, FileToIndex>();
    for (const folder of folders) {
      const workspaceFolder = vscode.workspace.getWorkspaceFolder(folder);
      if (!workspaceFolder) continue;
      const followed = this.follow(folder);
      const found = await this.sourcesIn(workspaceFolder, folder);
      if (found.length === 0) this.unfollow((location) => location === followed);
      for (const uri of found) {
        files.set(uri.toString(), this.fileToIndex(uri));
        const references = vscode.Uri.joinPath(uri, '..', REFERENCES_FILE);
        files.set(references.toString(), { ...this.fileToIndex(references), optional: true });
      }
      // A bibliography the settings or a report name may be in it too (made with it, as a Zotero export folder is).
      const inside = `${folder.toString()}/`;
      for (const location of this.bibliographies) if (location.startsWith(inside)) files.set(location, { ...this.fileToIndex(vscode.Uri.parse(location)), bibliography: true, optional: true });
    }
    return [...files.values()];
  }

  /** Watches a folder's tree with Grounded's own watcher, where the host has one; returns its location. */
  private follow(folder: vscode.Uri): string | undefined {
    const location = folder.toString();
    // A folder inside one followed already is watched with it (code-server may report both).
    if (!this.host.watchFolder || folder.scheme !== 'file' || [...this.followed.keys()].some((f) => location === f || location.startsWith(`${f}/`))) return undefined;
    const watching = this.host.watchFolder(
      folder.fsPath,
      (path, change) => this.queue(vscode.Uri.file(path), change),
      (message) => this.output.warn(message),
    );
    this.followed.set(location, watching);
    return location;
  }

  private unfollow(which: (location: string) => boolean): void {
    for (const [location, watching] of this.followed) {
      if (!which(location)) continue;
      watching.dispose();
      this.followed.delete(location);
    }
  }

  /** Is this file one the settings ask to index (or a metadata file beside indexed ones)? */
  private wanted(uri: vscode.Uri): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (this.bibliographies.has(uri.toString())) return true;
    if (!folder) return false;
    const relative = vscode.workspace.asRelativePath(uri, false);
    if (matchesAny(relative, this.settings.exclude)) return false;
    if (uri.path.endsWith(`/${REFERENCES_FILE}`)) {
      const dir = uri.toString().slice(0, uri.toString().lastIndexOf('/') + 1);
      return this.corpus.all().some((s) => s.location.startsWith(dir) && !s.location.slice(dir.length).includes('/'));
    }
    return readsAsSource(uri.path) && matchesAny(relative, this.settings.include);
  }

  // Batches file events: saving many files, or a rename (delete + create), updates once.
  private queue(uri: vscode.Uri, kind: PathChange): void {
    this.pending.set(uri.toString(), kind);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => void this.enqueue(() => this.flush()), 100);
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = new Map();
    await this.withIndexing(async () => {
      const deleted = this.deletedWith(batch);
      const created = [...batch].filter(([, kind]) => kind === 'created').map(([location]) => location);
      const updated = [...batch]
        .filter(([location, kind]) => kind === 'update' && this.wanted(vscode.Uri.parse(location)))
        .map(([location]) => ({ ...this.fileToIndex(vscode.Uri.parse(location)), ...(this.bibliographies.has(location) ? { bibliography: true } : {}) }));
      const updating = new Set(updated.map((f) => f.location));
      if (created.length) updated.push(...(await this.readCreatedFolders(created)).filter((f) => !updating.has(f.location)));
      let touched = false;
      for (const location of deleted) touched = this.forget(location) || touched;
      if (deleted.length) await this.worker.forget(deleted);
      if (updated.length) {
        const fromHost: FileToIndex[] = [];
        for (const o of await this.worker.update(await this.signed(updated), this.settings.maxBytes)) {
          this.take(o, fromHost);
          touched ||= o.kind !== 'unchanged';
        }
        await this.readOnHost(fromHost);
        touched ||= fromHost.length > 0;
        await this.indexAttachments(new Set(this.known));
      }
      if (touched) await this.publish();
    });
  }

  /** The source files deleted: those reported, and those held inside a folder reported deleted. */
  private deletedWith(batch: Map<string, PathChange>): string[] {
    const deleted = new Set([...batch].filter(([, kind]) => kind === 'delete').map(([location]) => location));
    const folders = new Set([...batch].filter(([, kind]) => kind === 'delete' || kind === 'deleted').map(([location]) => location));
    if (folders.size === 0) return [...deleted];
    for (const location of this.known) {
      for (let at = location.lastIndexOf('/'); at > 0; at = location.lastIndexOf('/', at - 1)) {
        if (folders.has(location.slice(0, at))) {
          deleted.add(location);
          break;
        }
      }
    }
    this.unfollow((location) => [...folders].some((f) => location === f || location.startsWith(`${f}/`)));
    return [...deleted];
  }

  /** Applies what the worker found of one file to this side's corpus. */
  private take(outcome: FileOutcome, fromHost: FileToIndex[]): void {
    const { location } = outcome;
    if (outcome.kind === 'needsBytes') {
      fromHost.push({ location, optional: location.endsWith(`/${REFERENCES_FILE}`) });
      return;
    }
    if (outcome.kind === 'unchanged') return;
    if (outcome.kind === 'absent') {
      this.forget(location);
      return;
    }
    this.known.add(location);
    this.problemsByLocation.set(location, applyOutcome(this.corpus, outcome));
  }

  /** Drops a file from this side; true if the corpus had it. */
  private forget(location: string): boolean {
    this.known.delete(location);
    this.problemsByLocation.delete(location);
    return this.corpus.remove(location);
  }

  private async withIndexing(work: () => Promise<void>): Promise<void> {
    if (this.busy++ === 0) this.indexing.fire(true);
    try {
      await work();
    } finally {
      if (--this.busy === 0) this.indexing.fire(false);
    }
  }

  /** Reports problems (output channel and diagnostics on the source files) and announces the change. */
  private async publish(): Promise<void> {
    const all = [...[...this.problemsByLocation.values()].flat(), ...this.corpus.problems()];
    const byUri = new Map<string, vscode.Diagnostic[]>();
    const now = new Set<string>();
    for (const p of all) {
      // Each problem is logged once, not again at every change of the corpus.
      const line = `${vscode.Uri.parse(p.location).fsPath}: ${p.message}`;
      now.add(`${p.severity} ${line}`);
      if (!this.logged.has(`${p.severity} ${line}`)) this.output[p.severity === 'error' ? 'error' : p.severity === 'warning' ? 'warn' : 'info'](line);
      const diagnostic = new vscode.Diagnostic(
        p.lineRange ? new vscode.Range(...p.lineRange) : new vscode.Range(0, 0, 0, 0),
        p.message,
        p.severity === 'error' ? vscode.DiagnosticSeverity.Error : p.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information,
      );
      diagnostic.source = 'grounded';
      byUri.set(p.location, [...(byUri.get(p.location) ?? []), diagnostic]);
    }
    this.logged = now;
    this.diagnostics.clear();
    for (const [location, list] of byUri) this.diagnostics.set(vscode.Uri.parse(location), list);
    await this.index.catchUp();
    this.scheduleCacheSave();
    this.changed.fire();
  }

  // The caches are written a little after the last change, by the worker, off this thread.
  private scheduleCacheSave(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.enqueue(() => this.worker.save());
    }, 1000);
  }

  /** A file for the worker: with its path where the worker reads the disk itself, else with the size and time this side's file system gives (so its parse can be cached). */
  private fileToIndex(uri: vscode.Uri): FileToIndex {
    return { location: uri.toString(), path: this.host.readsDisk && uri.scheme === 'file' ? uri.fsPath : undefined };
  }

  /** Files the worker cannot read get their size and time from `workspace.fs`, a few at a time. */
  private async signed(files: FileToIndex[]): Promise<FileToIndex[]> {
    if (this.host.readsDisk) return files;
    const out = [...files];
    for (let i = 0; i < out.length; i += STAT_BATCH) {
      await Promise.all(
        out.slice(i, i + STAT_BATCH).map(async (file, j) => {
          if (file.path) return;
          try {
            const stat = await vscode.workspace.fs.stat(vscode.Uri.parse(file.location));
            const signature = { size: stat.size, mtime: stat.mtime };
            this.signatures.set(file.location, signature);
            out[i + j] = { ...file, signature };
          } catch {
            // Not there (a folder's references.json is optional): read on this side, which says so.
          }
        }),
      );
    }
    return out;
  }

  /** Where the index worker runs. */
  workerRuns(): 'worker' | 'this thread' {
    return this.worker.runs();
  }

  dispose(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    const worker = this.worker;
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      // Unsaved changes are worth a last save, if the host gives it time; else they are parsed again next time.
      void worker.save().finally(() => worker.dispose());
    } else worker.dispose();
    this.watchers.dispose();
    this.unfollow(() => true);
    this.store.dispose();
  }
}

const STAT_BATCH = 64;
const READ_BATCH = 16;

const isAbsolutePath = (name: string) => name.startsWith('/') || /^[A-Za-z]:[\\/]/.test(name) || name.startsWith('~');

/**
 * A bibliography named in a setting or front matter: relative to `folder`, absolute, or under
 * `~` (`home`). An absolute path is in the folder's file system (a browser's is not `file:`).
 */
export function bibliographyUri(folder: vscode.Uri, name: string, home?: string): vscode.Uri {
  if (name.startsWith('~/') && home) return folder.with({ path: `${home}${name.slice(1)}` });
  return isAbsolutePath(name) ? (folder.scheme === 'file' ? vscode.Uri.file(name) : folder.with({ path: name })) : vscode.Uri.joinPath(folder, name);
}
