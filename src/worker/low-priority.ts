// Lowers the priority of the calling thread, where the system allows it: indexing should
// take spare CPU, never the editor's. On Linux a thread is a task with an id of its own,
// which setpriority() takes for a process id; elsewhere this does nothing.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

export function lowerThreadPriority(niceness = 10): string | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    // "/proc/thread-self" links to "<pid>/task/<tid>".
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return undefined;
    setPriority(tid, niceness);
    return `index worker thread ${tid} runs at nice ${niceness}`;
  } catch {
    return undefined;
  }
}
