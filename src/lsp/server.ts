// The Grounded language server: wires the host-neutral service (corpus indexing, report
// checks, fixes) and the core to LSP. One class per feature, as in the extension.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { IndexWorkerClient } from '../worker/index-client';
import { COMPLETION_TRIGGERS } from '../service/completions';
import { CorpusIndexer, type IndexerLog } from '../service/corpus-indexer';
import { DiskFileTree } from '../service/file-tree';
import { readSettings, type GroundedSettings } from '../service/settings';
import { SourcePlaces } from '../service/source-places';
import { FindingCodeActions } from './code-actions';
import { COMMANDS, GroundedCommands } from './commands';
import { CitationCompletions } from './completion';
import { isReport, pathOf, type ServerContext } from './context';
import { CitationDefinitions } from './definition';
import { ReportDiagnostics } from './diagnostics';
import { SourceWatching } from './file-watching';
import { CitationHovers } from './hover';
import { IndexStatusReporter } from './index-status';

export interface ServerOptions {
  version: string;
  /** The index worker's bundle (dist/index-worker.js beside the server's). */
  workerPath: string;
}

/** What a client may pass in initializationOptions. */
interface InitializationOptions {
  /** Where the parse and index caches go; `false` keeps none. Default: the user's cache folder. */
  cacheDirectory?: string | false;
  /** Settings for clients that do not answer workspace/configuration: `{ grounded: { … } }`. */
  settings?: { grounded?: unknown };
}

/** The workspace folders a client named, as paths (a root URI or path for older clients). */
function foldersOf(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const paths = uris.map(pathOf).filter((p): p is string => p !== undefined);
  if (!paths.length && params.rootPath) paths.push(params.rootPath);
  return paths;
}

// One cache per set of workspace folders, as the extension keeps one per workspace.
const foldersHash = (folders: readonly string[]) => createHash('sha256').update(folders.join('\n')).digest('hex').slice(0, 16);

function cacheFolder(option: InitializationOptions['cacheDirectory'], folders: readonly string[]): string | undefined {
  if (option === false) return undefined;
  if (typeof option === 'string') return option;
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'grounded', 'lsp', foldersHash(folders));
}

/** Where the text extracted from PDFs and Word documents is written: beside the caches, or with no caches in the system's temporary folder. */
function extractedFolder(caches: string | undefined, folders: readonly string[]): string {
  return caches ? join(caches, 'extracted') : join(tmpdir(), 'grounded-lsp', foldersHash(folders), 'extracted');
}

export class GroundedLanguageServer {
  private readonly documents = new TextDocuments(TextDocument);
  private capabilities: ClientCapabilities = {};
  private folders: string[] = [];
  private initOptions: InitializationOptions = {};
  private settings: GroundedSettings = readSettings(undefined);
  private context: ServerContext | undefined;
  private diagnostics: ReportDiagnostics | undefined;
  private watching: SourceWatching | undefined;
  /** The folders and patterns being watched, to re-register only when they change. */
  private watched: string | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly options: ServerOptions,
  ) {
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => void this.start());
    connection.onShutdown(() => this.dispose());
    this.documents.listen(connection);
  }

  private initialize(params: InitializeParams): InitializeResult {
    this.capabilities = params.capabilities;
    this.folders = foldersOf(params);
    this.initOptions = (params.initializationOptions ?? {}) as InitializationOptions;
    const log = this.log();
    if (!this.folders.length) log.warn('The client named no workspace folder: Grounded has no sources to index (open a folder with a corpus/ or sources/ folder).');
    const folders = cacheFolder(this.initOptions.cacheDirectory, this.folders);
    const worker = new IndexWorkerClient(
      this.options.workerPath,
      { cachePath: folders && join(folders, 'parse-cache.json'), indexCachePath: folders && join(folders, 'index-cache.bin'), cacheVersion: this.cacheVersion() },
      (message) => log.info(message),
    );
    const indexer = new CorpusIndexer(worker, new DiskFileTree(), this.settings.corpus, log);
    const sourcePlaces = new SourcePlaces(extractedFolder(folders, this.folders), (message) => log.warn(message));
    const context: ServerContext = { connection: this.connection, documents: this.documents, indexer, sourcePlaces };
    this.context = context;
    this.registerFeatures(context);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
        hoverProvider: true,
        definitionProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        executeCommandProvider: { commands: [...COMMANDS] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'grounded-lsp', version: this.options.version },
    };
  }

  private registerFeatures(context: ServerContext): void {
    const versioned = () => this.capabilities.workspace?.workspaceEdit?.documentChanges === true;
    const completions = new CitationCompletions(context);
    const hovers = new CitationHovers(context);
    const definitions = new CitationDefinitions(context);
    this.diagnostics = new ReportDiagnostics(context, () => this.settings.check);
    const actions = new FindingCodeActions(context, this.diagnostics, versioned, () => this.capabilities.window?.showDocument?.support === true);
    const commands = new GroundedCommands(context, versioned, this.diagnostics, () => this.folders);
    const status = new IndexStatusReporter(this.connection, this.capabilities.window?.workDoneProgress === true);
    context.indexer.onDidChangeState((state) => status.update(state));
    this.watching = new SourceWatching(this.connection, context.indexer, this.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true);

    this.connection.onCompletion((params, token) => completions.provide(params, token));
    this.connection.onHover((params, token) => hovers.provide(params, token));
    this.connection.onDefinition((params, token) => definitions.provide(params, token));
    this.connection.onCodeAction((params) => actions.provide(params));
    this.connection.onExecuteCommand((params) => commands.run(params));
    const checker = this.diagnostics.checker;
    // TextDocuments announces an opened document as changed too: that version is checked at once, not after the typing pause.
    const openedVersion = new Map<string, number>();
    this.documents.onDidOpen(({ document }) => {
      openedVersion.set(document.uri, document.version);
      if (isReport(context, document)) checker.schedule(document.uri, 0);
    });
    this.documents.onDidChangeContent(({ document }) => {
      if (openedVersion.get(document.uri) !== document.version && isReport(context, document)) checker.schedule(document.uri);
    });
    this.documents.onDidClose(({ document }) => {
      openedVersion.delete(document.uri);
      checker.close(document.uri);
      if (isReport(context, document)) void this.connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    });
    this.connection.onDidChangeConfiguration((change) => void this.applySettings((change.settings as { grounded?: unknown } | undefined)?.grounded));
  }

  /** After `initialized`: settings first, then the scan (in the background: requests are answered meanwhile). */
  private async start(): Promise<void> {
    if (this.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      await this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'grounded' }).catch(() => undefined);
    }
    if (this.capabilities.workspace?.workspaceFolders) {
      this.connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        const gone = new Set(removed.map((f) => pathOf(f.uri)));
        const now = [...this.folders.filter((f) => !gone.has(f)), ...added.map((f) => pathOf(f.uri)).filter((p): p is string => p !== undefined)];
        this.folders = [...new Set(now)];
        void this.reconfigure();
      });
    }
    await this.applySettings(this.initOptions.settings?.grounded);
  }

  /** Reads the settings (from workspace/configuration where the client answers it, else `pushed`) and re-indexes if they changed. */
  private async applySettings(pushed: unknown): Promise<void> {
    let section = pushed;
    if (this.capabilities.workspace?.configuration) {
      section = await this.connection.workspace.getConfiguration({ section: 'grounded' }).catch((e: unknown) => {
        this.log().warn(`The client did not answer workspace/configuration (${e instanceof Error ? e.message : String(e)}); using the settings it sent.`);
        return pushed;
      });
    }
    const problems: string[] = [];
    this.settings = readSettings(section ?? undefined, problems);
    for (const p of problems) {
      this.log().warn(p);
      // A notification, not window/showMessageRequest: there is nothing to choose, and no answer to wait for.
      void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Grounded: ${p}` });
    }
    await this.reconfigure();
  }

  private async reconfigure(): Promise<void> {
    if (!this.context) return;
    const scan = this.context.indexer.configure(this.folders, this.settings.corpus);
    const watched = JSON.stringify([this.folders, this.context.indexer.watchPatterns()]);
    if (watched !== this.watched) {
      this.watched = watched;
      await this.watching?.watch(this.folders).catch((e: unknown) => this.log().warn(`Cannot watch the sources for changes: ${e instanceof Error ? e.message : String(e)}`));
    }
    this.diagnostics?.checker.recheckAll();
    await scan;
  }

  private cacheVersion(): string {
    // A rebuilt worker may read files differently: its bundle's size and time name the caches' version.
    try {
      const stat = statSync(this.options.workerPath);
      return `${this.options.version}/${stat.size}-${Math.round(stat.mtimeMs)}`;
    } catch {
      return `${this.options.version}/unknown`;
    }
  }

  private log(): IndexerLog {
    const console = this.connection.console;
    return { info: (m) => console.info(m), warn: (m) => console.warn(m), error: (m) => console.error(m) };
  }

  /** On `shutdown`: answered once the caches are written, before the client says `exit`. */
  private async dispose(): Promise<void> {
    this.watching?.stop();
    this.diagnostics?.dispose();
    await this.context?.indexer.dispose();
  }
}
