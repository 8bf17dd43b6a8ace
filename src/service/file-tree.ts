// The workspace's files as the corpus indexer needs them, behind a narrow interface: the
// language server reads them from this machine's disk; another host (a browser) would
// implement the same with its own file system.
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { relative, sep } from 'node:path';
import { listFiles } from '../core/corpus/node-corpus';
import type { LoadProblem } from '../core/model';
import { matchesAny } from '../core/glob';
import type { Subscription } from './events';

export type FileChange = 'update' | 'delete';

export interface FileTree {
  /** Every file under `folder` (absolute paths, sorted); unreadable folders go to `problems`. */
  list(folder: string, problems: LoadProblem[]): Promise<string[]>;
  /** Calls `onChange` for files created, changed or deleted under `folder`, until disposed. */
  watch(folder: string, onChange: (path: string, change: FileChange) => void, onError: (message: string) => void): Subscription;
}

/** `path` relative to `folder` with `/` separators, or undefined when it is not inside it. */
export function relativeInside(folder: string, path: string): string | undefined {
  const rel = relative(folder, path);
  if (!rel || rel.startsWith('..') || rel.startsWith(sep + sep)) return undefined;
  return rel.split(sep).join('/');
}

/** Does a file `rel` (relative to its workspace folder) match the corpus globs? */
export function matchesCorpus(rel: string, include: readonly string[], exclude: readonly string[]): boolean {
  return matchesAny(rel, include) && !matchesAny(rel, exclude);
}

/** The files of this machine's disk, watched with Node's recursive fs.watch. */
export class DiskFileTree implements FileTree {
  list(folder: string, problems: LoadProblem[]): Promise<string[]> {
    return listFiles(folder, problems);
  }

  watch(folder: string, onChange: (path: string, change: FileChange) => void, onError: (message: string) => void): Subscription {
    let watcher: FSWatcher | undefined;
    try {
      watcher = watch(folder, { recursive: true, persistent: false }, (_event, name) => {
        if (!name) return;
        const path = `${folder}${sep}${name.toString()}`;
        // fs.watch says "rename" both for a new file and a removed one: the disk tells which.
        onChange(path, existsSync(path) ? 'update' : 'delete');
      });
      watcher.on('error', (e) => onError(`Watching ${folder} failed: ${e.message}`));
    } catch (e) {
      onError(`Cannot watch ${folder} for changes: ${e instanceof Error ? e.message : String(e)}`);
    }
    return { dispose: () => watcher?.close() };
  }
}
