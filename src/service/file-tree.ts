// The workspace's files as the corpus indexer needs them, behind a narrow interface: the
// language server reads them from this machine's disk; another host (a browser) would
// implement the same with its own file system.
import { promises as fs, readdirSync, statSync, watch, type Dirent, type FSWatcher, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { listFiles } from '../core/corpus/node-corpus';
import type { LoadProblem } from '../core/model';
import type { Subscription } from './events';

export type FileChange = 'update' | 'delete';

export interface FileTree {
  /** Every file under `folder` (absolute paths, sorted); unreadable folders go to `problems`. */
  list(folder: string, problems: LoadProblem[]): Promise<string[]>;
  /** Is `path` a folder (false when it is a file or is gone)? */
  isFolder(path: string): Promise<boolean>;
  /** Calls `onChange` for files created, changed or deleted under `folder`, until disposed. */
  watch(folder: string, onChange: (path: string, change: FileChange) => void, onError: (message: string) => void): Subscription;
}

/** `path` relative to `folder` with `/` separators, or undefined when it is not inside it. */
export function relativeInside(folder: string, path: string): string | undefined {
  const rel = relative(folder, path);
  if (!rel || rel.startsWith('..') || rel.startsWith(sep + sep)) return undefined;
  return rel.split(sep).join('/');
}


/**
 * The files of this machine's disk. Watching puts a watcher on every folder the listing walks
 * (not hidden ones, not node_modules, as `listFiles` skips them): one recursive watcher would
 * also watch every folder of node_modules, and a workspace can hold more than inotify allows.
 */
export class DiskFileTree implements FileTree {
  list(folder: string, problems: LoadProblem[]): Promise<string[]> {
    return listFiles(folder, problems);
  }

  isFolder(path: string): Promise<boolean> {
    return fs.stat(path).then((s) => s.isDirectory(), () => false);
  }

  watch(folder: string, onChange: (path: string, change: FileChange) => void, onError: (message: string) => void): Subscription {
    const watchers = new Map<string, FSWatcher>();
    const watchTree = (dir: string, announce: boolean) => {
      if (watchers.has(dir)) return;
      let entries: Dirent[];
      try {
        // Watched before it is read: a file made in between is then both listed and reported, never missed.
        const watcher = watch(dir, { persistent: false }, (_event, name) => name && changed(join(dir, name.toString())));
        watcher.on('error', () => forget(dir));
        watchers.set(dir, watcher);
        entries = readdirSync(dir, { withFileTypes: true });
      } catch (e) {
        forget(dir);
        // Gone before it could be watched, or unreadable: its parent's watcher still reports it.
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') onError(`Cannot watch ${dir} for changes: ${e instanceof Error ? e.message : String(e)}`);
        return;
      }
      for (const entry of entries) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        const path = join(dir, entry.name);
        if (entry.isDirectory()) watchTree(path, announce);
        // A folder moved in brings its files with it.
        else if (announce && entry.isFile()) onChange(path, 'update');
      }
    };
    const forget = (dir: string) => {
      for (const [path, watcher] of watchers) {
        if (path === dir || path.startsWith(dir + sep)) {
          watcher.close();
          watchers.delete(path);
        }
      }
    };
    const changed = (path: string) => {
      const name = path.slice(path.lastIndexOf(sep) + 1);
      if (name.startsWith('.') || name === 'node_modules') return;
      let stat: Stats | undefined;
      try {
        stat = statSync(path);
      } catch {
        stat = undefined;
      }
      // fs.watch says "rename" both for a new file and a removed one: the disk tells which.
      if (!stat) {
        forget(path);
        onChange(path, 'delete');
      } else if (stat.isDirectory()) watchTree(path, true);
      else onChange(path, 'update');
    };
    watchTree(folder, false);
    return {
      dispose: () => {
        for (const watcher of watchers.values()) watcher.close();
        watchers.clear();
      },
    };
  }
}
