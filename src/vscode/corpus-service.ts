import * as vscode from 'vscode';
import { formatOf, parseArticle } from '../core/corpus/article';
import { Corpus } from '../core/corpus/corpus';
import { decodeBytes, formatBytes } from '../core/corpus/decode';
import { parseReferences, REFERENCES_FILE } from '../core/corpus/references';
import { matchesAny } from '../core/glob';
import { LineIndex } from '../core/positions';
import type { LoadProblem, Source } from '../core/model';
import { SearchIndex } from '../core/search/search-index';
import { DisposableStore } from './disposables';

interface CorpusSettings {
  include: string[];
  exclude: string[];
  maxBytes: number;
}

function readSettings(): CorpusSettings {
  const config = vscode.workspace.getConfiguration('grounded.corpus');
  return {
    include: config.get<string[]>('include', []),
    exclude: config.get<string[]>('exclude', []),
    maxBytes: config.get<number>('maxFileSizeMB', 20) * 1024 * 1024,
  };
}

/**
 * Keeps the corpus in step with the workspace: finds the source files the settings name,
 * reads them through VS Code's file system, and follows creations, changes, renames and
 * deletions. Locations in the core are URI strings.
 */
export class CorpusService implements vscode.Disposable {
  readonly corpus = new Corpus();
  private readonly store = new DisposableStore();
  private watchers = new DisposableStore();
  private readonly changed = this.store.add(new vscode.EventEmitter<void>());
  private readonly indexing = this.store.add(new vscode.EventEmitter<boolean>());
  private readonly problemsByLocation = new Map<string, LoadProblem[]>();
  private readonly ranges = new WeakMap<LoadProblem, vscode.Range>();
  private readonly diagnostics = this.store.add(vscode.languages.createDiagnosticCollection('grounded-sources'));
  private settings = readSettings();
  private index = new SearchIndex([]);
  /** What the index holds, by file: compared with the corpus to find what changed. */
  private readonly indexed = new Map<string, Source>();
  private indexVersion = -1;
  private pending = new Map<string, 'update' | 'delete'>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private busy = 0;
  private firstScan: Promise<void> | undefined;

  /** Fires after the set of sources changed. */
  readonly onDidChange = this.changed.event;
  /** Fires with true when indexing starts and false when it ends. */
  readonly onDidChangeIndexing = this.indexing.event;

  constructor(private readonly output: vscode.LogOutputChannel) {
    this.store.add(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('grounded.corpus')) void this.rescan();
      }),
    );
    this.store.add(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rescan()));
  }

  /** Resolves when the first full scan has finished. */
  ready(): Promise<void> {
    this.firstScan ??= this.rescan();
    return this.firstScan;
  }

  get isIndexing(): boolean {
    return this.busy > 0;
  }

  /** The search index over the current sources; only sources that changed are re-indexed. */
  searchIndex(): SearchIndex {
    if (this.indexVersion !== this.corpus.version) this.syncIndex();
    return this.index;
  }

  private syncIndex(): void {
    if (this.index.wasteful) {
      this.index = new SearchIndex([]);
      this.indexed.clear();
    }
    const current = new Map(this.corpus.all().map((s) => [s.location, s]));
    // Remove everything stale first: a key may pass from one file to another.
    for (const [location, was] of this.indexed) {
      const now = current.get(location);
      if (now && now.meta.key === was.meta.key && now.meta.title === was.meta.title && now.paragraphs === was.paragraphs) continue;
      this.index.removeSource(was.meta.key);
      this.indexed.delete(location);
    }
    for (const source of current.values()) {
      if (this.indexed.has(source.location)) continue;
      this.index.addSource(source);
      this.indexed.set(source.location, source);
    }
    this.indexVersion = this.corpus.version;
  }

  uriOf(source: Source): vscode.Uri {
    return vscode.Uri.parse(source.location);
  }

  /** Forgets everything and reads the corpus again (settings or folders changed). */
  async rescan(): Promise<void> {
    this.settings = readSettings();
    this.watch();
    await this.withIndexing(async () => {
      const uris = await this.findSourceFiles();
      for (const s of [...this.corpus.all()]) this.corpus.remove(s.location);
      this.problemsByLocation.clear();
      const folders = new Set<string>();
      await mapLimit(uris, 16, async (uri) => {
        await this.load(uri);
        folders.add(vscode.Uri.joinPath(uri, '..').toString());
      });
      // A metadata file beside the articles gives their keys and titles.
      await mapLimit([...folders], 16, async (folder) => {
        const refs = vscode.Uri.joinPath(vscode.Uri.parse(folder), REFERENCES_FILE);
        if (await exists(refs)) await this.load(refs);
      });
    });
    this.publish();
  }

  private async findSourceFiles(): Promise<vscode.Uri[]> {
    const exclude = this.settings.exclude.length ? `{${this.settings.exclude.join(',')}}` : undefined;
    const found = new Map<string, vscode.Uri>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const include of this.settings.include) {
        for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, include), exclude)) {
          if (formatOf(uri.path)) found.set(uri.toString(), uri);
        }
      }
    }
    return [...found.values()].sort((a, b) => (a.toString() < b.toString() ? -1 : 1));
  }

  private watch(): void {
    this.watchers.dispose();
    this.watchers = new DisposableStore();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const pattern of [...this.settings.include, `**/${REFERENCES_FILE}`]) {
        const watcher = this.watchers.add(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, pattern)));
        this.watchers.add(watcher.onDidCreate((uri) => this.queue(uri, 'update')));
        this.watchers.add(watcher.onDidChange((uri) => this.queue(uri, 'update')));
        this.watchers.add(watcher.onDidDelete((uri) => this.queue(uri, 'delete')));
      }
    }
  }

  /** Is this file one the settings ask to index (or a metadata file beside indexed ones)? */
  private wanted(uri: vscode.Uri): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return false;
    const relative = vscode.workspace.asRelativePath(uri, false);
    if (matchesAny(relative, this.settings.exclude)) return false;
    if (uri.path.endsWith(`/${REFERENCES_FILE}`)) {
      const dir = uri.toString().slice(0, uri.toString().lastIndexOf('/') + 1);
      return this.corpus.all().some((s) => s.location.startsWith(dir) && !s.location.slice(dir.length).includes('/'));
    }
    return formatOf(uri.path) !== undefined && matchesAny(relative, this.settings.include);
  }

  // Batches file events: saving many files, or a rename (delete + create), updates once.
  private queue(uri: vscode.Uri, kind: 'update' | 'delete'): void {
    this.pending.set(uri.toString(), kind);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => void this.flush(), 100);
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = new Map();
    let touched = false;
    await this.withIndexing(async () => {
      for (const [location, kind] of batch) {
        const uri = vscode.Uri.parse(location);
        if (kind === 'delete') {
          touched = this.corpus.remove(location) || touched;
          this.problemsByLocation.delete(location);
        } else if (this.wanted(uri)) {
          await this.load(uri);
          touched = true;
        }
      }
    });
    if (touched) this.publish();
  }

  private async load(uri: vscode.Uri): Promise<void> {
    const location = uri.toString();
    const problems: LoadProblem[] = [];
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > this.settings.maxBytes) {
        problems.push({ location, severity: 'warning', message: `File is ${formatBytes(stat.size)}, over the ${formatBytes(this.settings.maxBytes)} limit of grounded.corpus.maxFileSizeMB; skipped.` });
        this.corpus.remove(location);
        return;
      }
      const decoded = decodeBytes(await vscode.workspace.fs.readFile(uri));
      if (!decoded.ok) {
        problems.push({ location, severity: 'warning', message: `Skipped: ${decoded.reason}.` });
        this.corpus.remove(location);
        return;
      }
      if (decoded.note) problems.push({ location, severity: 'information', message: `File is ${decoded.note}.` });
      if (uri.path.endsWith(`/${REFERENCES_FILE}`)) {
        const refs = parseReferences(location, decoded.text);
        this.corpus.setReferences(location, refs);
      } else {
        const article = parseArticle(location, decoded.text, formatOf(uri.path)!);
        this.corpus.upsert(article);
        // Problems with a place in the file get a range there (the corpus keeps no text).
        const lines = new LineIndex(decoded.text);
        for (const p of article.problems) {
          if (p.start === undefined) continue;
          const s = lines.positionAt(p.start);
          const e = lines.positionAt(p.end ?? p.start);
          this.ranges.set(p, new vscode.Range(s.line, s.character, e.line, e.character));
        }
      }
    } catch (e) {
      // Deleted or unreadable between finding and reading it: say so, keep the rest.
      this.corpus.remove(location);
      problems.push({ location, severity: 'error', message: `Cannot read the file: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      this.problemsByLocation.set(location, problems);
    }
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
  private publish(): void {
    const all = [...[...this.problemsByLocation.values()].flat(), ...this.corpus.problems()];
    const byUri = new Map<string, vscode.Diagnostic[]>();
    for (const p of all) {
      this.output[p.severity === 'error' ? 'error' : p.severity === 'warning' ? 'warn' : 'info'](`${vscode.Uri.parse(p.location).fsPath}: ${p.message}`);
      const diagnostic = new vscode.Diagnostic(
        this.ranges.get(p) ?? new vscode.Range(0, 0, 0, 0),
        p.message,
        p.severity === 'error' ? vscode.DiagnosticSeverity.Error : p.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information,
      );
      diagnostic.source = 'grounded';
      byUri.set(p.location, [...(byUri.get(p.location) ?? []), diagnostic]);
    }
    this.diagnostics.clear();
    for (const [location, list] of byUri) this.diagnostics.set(vscode.Uri.parse(location), list);
    this.output.info(`Indexed ${this.corpus.size} source${this.corpus.size === 1 ? '' : 's'}.`);
    this.changed.fire();
  }

  dispose(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.watchers.dispose();
    this.store.dispose();
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function mapLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]);
  });
  await Promise.all(workers);
}
