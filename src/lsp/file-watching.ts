// Follows changes to the source files: through the client's watcher
// (workspace/didChangeWatchedFiles) where the client offers one, else with a watcher of its own.
import { DidChangeWatchedFilesNotification, FileChangeType, WatchKind, type Connection, type Disposable } from 'vscode-languageserver/node';
import type { CorpusIndexer } from '../service/corpus-indexer';
import { DiskFileTree } from '../service/file-tree';
import { pathOf } from './context';

export class SourceWatching {
  private registration: Promise<Disposable> | undefined;
  private ownWatchers: Array<{ dispose(): void }> = [];

  constructor(
    private readonly connection: Connection,
    private readonly indexer: CorpusIndexer,
    /** Does the client watch files for servers that register globs? */
    private readonly clientWatches: boolean,
  ) {
    connection.onDidChangeWatchedFiles(({ changes }) => {
      for (const change of changes) {
        const path = pathOf(change.uri);
        if (!path) continue;
        if (change.type === FileChangeType.Created) indexer.pathCreated(path);
        else indexer.fileChanged(path, change.type === FileChangeType.Deleted ? 'delete' : 'update');
      }
    });
  }

  /** (Re)starts watching `folders` for the indexer's current patterns. */
  async watch(folders: readonly string[]): Promise<void> {
    this.stop();
    if (this.clientWatches) {
      // Every path's creation and deletion too: a client can report a folder made or deleted with
      // its files and none of the files (VS Code's watcher in code-server does); the folder stands for them.
      const watchers = [...this.indexer.watchPatterns().map((globPattern) => ({ globPattern })), { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete }];
      this.registration = this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
      await this.registration;
      return;
    }
    const tree = new DiskFileTree();
    this.ownWatchers = folders.map((folder) => tree.watch(folder, (path, change) => this.indexer.fileChanged(path, change), (message) => this.connection.console.warn(message)));
  }

  stop(): void {
    const registration = this.registration;
    this.registration = undefined;
    void registration?.then((r) => r.dispose());
    for (const w of this.ownWatchers) w.dispose();
    this.ownWatchers = [];
  }
}
