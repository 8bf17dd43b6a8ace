// A real LSP client session with grounded-lsp for the protocol suite: the server runs as the
// editors run it (`node bin/grounded-lsp.js --stdio`), and this side speaks LSP through
// vscode-languageserver-protocol's client connection. Waits are on the server's own
// messages (diagnostics, index status), never on fixed sleeps.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ApplyWorkspaceEditRequest,
  ConfigurationRequest,
  createProtocolConnection,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  ExitNotification,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  LogMessageNotification,
  ShowMessageNotification,
  ShowDocumentRequest,
  type ClientCapabilities,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Registration,
  type ShowDocumentParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const repoRoot = resolve(__dirname, '../../..');
const SERVER = join(repoRoot, 'bin', 'grounded-lsp.js');

export interface IndexStatus {
  complete: boolean;
  filesRead: number;
  filesTotal: number;
  sources: number;
  passages: number;
}

/** A workspace folder in a fresh temporary directory: the sample corpus, and whatever files are given. */
export function makeWorkspace(files: Record<string, string> = {}, options: { corpus?: boolean; prefix?: string } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), options.prefix ?? 'grounded-lsp-'));
  if (options.corpus !== false) cpSync(join(repoRoot, 'corpus'), join(dir, 'corpus'), { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

export const uriOf = (path: string) => pathToFileURL(path).href;

export const FULL_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, workspaceEdit: { documentChanges: true }, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
  window: { workDoneProgress: true, showDocument: { support: true } },
  textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
};

export interface SessionOptions {
  capabilities?: ClientCapabilities;
  /** What this client answers to workspace/configuration for `grounded`. */
  settings?: unknown;
  initializationOptions?: unknown;
  /** Start as an editor does on a lone file: with no workspace folder. */
  noFolder?: boolean;
}

type Waiter = { test: () => boolean; resolve: () => void };

export class LspSession {
  readonly connection: ProtocolConnection;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly statuses: IndexStatus[] = [];
  readonly logs: string[] = [];
  readonly shown: string[] = [];
  readonly registrations: Registration[] = [];
  /** What the server asked this client to show (window/showDocument). */
  readonly shownDocuments: ShowDocumentParams[] = [];
  readonly documents = new Map<string, TextDocument>();
  /** Every message from the server in order, as "kind detail" lines (to see what came before what). */
  readonly events: string[] = [];
  settings: unknown;
  private readonly waiters = new Set<Waiter>();
  private readonly stderr: string[] = [];

  private constructor(
    private readonly child: ChildProcess,
    readonly folder: string,
    options: SessionOptions,
  ) {
    this.settings = options.settings;
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    child.stderr!.on('data', (d: Buffer) => this.stderr.push(d.toString()));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => this.record(() => this.diagnostics.set(p.uri, p), `diagnostics ${p.uri}`));
    this.connection.onNotification('grounded/indexStatus', (s: IndexStatus) => this.record(() => this.statuses.push(s), `status ${s.complete}`));
    this.connection.onNotification(LogMessageNotification.type, (m) => this.record(() => this.logs.push(m.message), 'log'));
    this.connection.onNotification(ShowMessageNotification.type, (m) => this.record(() => this.shown.push(m.message), 'show'));
    this.connection.onNotification('$/progress', () => undefined);
    this.connection.onRequest(ConfigurationRequest.type, (p) => p.items.map((item) => (item.section === 'grounded' ? this.settings : null)));
    this.connection.onRequest(RegistrationRequest.type, (p) => this.record(() => this.registrations.push(...p.registrations), 'register'));
    this.connection.onRequest(WorkDoneProgressCreateRequest.type, () => null);
    this.connection.onRequest(ShowDocumentRequest.type, (p) => {
      this.record(() => this.shownDocuments.push(p), 'showDocument');
      return { success: true };
    });
    this.connection.onRequest(ApplyWorkspaceEditRequest.type, (p) => {
      this.record(() => this.apply(p.edit), 'applyEdit');
      return { applied: true };
    });
    this.connection.listen();
  }

  static async start(folder: string, options: SessionOptions = {}): Promise<LspSession> {
    const cache = mkdtempSync(join(tmpdir(), 'grounded-lsp-cache-'));
    const child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: folder, env: { ...process.env, XDG_CACHE_HOME: cache }, stdio: ['pipe', 'pipe', 'pipe'] });
    const session = new LspSession(child, folder, options);
    await session.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: options.noFolder ? null : uriOf(folder),
      workspaceFolders: options.noFolder ? null : [{ uri: uriOf(folder), name: 'workspace' }],
      capabilities: options.capabilities ?? FULL_CAPABILITIES,
      initializationOptions: options.initializationOptions,
    });
    await session.connection.sendNotification(InitializedNotification.type, {});
    return session;
  }

  /** Resolves once `test` holds (checked now and after every message from the server). */
  until(test: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        test,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`Timed out waiting for ${what}. Server stderr: ${this.stderr.join('')}\nLogs: ${this.logs.join('\n')}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Resolves at the next index status that says indexing is complete (after `after` statuses). */
  indexComplete(after = 0, timeoutMs?: number): Promise<void> {
    return this.until(() => this.statuses.slice(after).some((s) => s.complete), 'the index to complete', timeoutMs);
  }

  open(path: string, text = readFileSync(path, 'utf8'), languageId = 'markdown'): TextDocument {
    const uri = uriOf(path);
    const document = TextDocument.create(uri, languageId, 1, text);
    this.documents.set(uri, document);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return document;
  }

  /** Edits an open document with incremental changes, as an editor sends them. */
  edit(uri: string, edits: TextEdit[]): TextDocument {
    const before = this.documents.get(uri)!;
    const after = TextDocument.update(before, edits.map((e) => ({ range: e.range, text: e.newText })), before.version + 1);
    this.documents.set(uri, after);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: after.version }, contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })) });
    return after;
  }

  /** Applies a WorkspaceEdit from the server to the open documents (and tells the server, as an editor does). */
  apply(edit: WorkspaceEdit): void {
    const byUri = new Map<string, TextEdit[]>(Object.entries(edit.changes ?? {}));
    for (const change of edit.documentChanges ?? []) if ('edits' in change) byUri.set(change.textDocument.uri, change.edits as TextEdit[]);
    for (const [uri, edits] of byUri) this.edit(uri, edits);
  }

  /** The diagnostics of `uri` once they describe the current version of the document. */
  async diagnosticsOf(uri: string, test: (d: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    const version = () => this.documents.get(uri)?.version;
    await this.until(() => {
      const p = this.diagnostics.get(uri);
      return !!p && p.version === version() && test(p.diagnostics);
    }, `diagnostics of ${uri}`);
    return this.diagnostics.get(uri)!.diagnostics;
  }

  async stop(): Promise<void> {
    const exited = this.child.exitCode !== null ? Promise.resolve() : new Promise((resolve) => this.child.once('exit', resolve));
    // A server that does not exit within 5 s of being asked is killed (and the test that stops it fails on its own).
    const timer = setTimeout(() => this.child.kill(), 5000);
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), exited]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // Already gone: nothing to shut down.
    }
    this.child.stdin?.end();
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }

  /** Stops the server and removes the workspace. */
  async close(): Promise<void> {
    await this.stop();
    rmSync(this.folder, { recursive: true, force: true });
  }

  private record(action: () => void, event: string): void {
    action();
    this.events.push(event);
    for (const w of [...this.waiters]) {
      if (w.test()) {
        this.waiters.delete(w);
        w.resolve();
      }
    }
  }
}
