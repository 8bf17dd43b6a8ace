// Heavy work on a thread that must keep answering (an extension host, a language server's
// request loop) runs a core generator a few milliseconds at a time. The extension and the language
// server both use this one.

/** Longest run of Grounded's work on the host's thread before other work gets a turn. */
export const SLICE_MS = 8;

/**
 * Resolves after what is queued has run: `setImmediate` on Node; in a browser (which has none,
 * and clamps nested timeouts to 4 ms) a message to itself.
 */
const nextTurn: () => Promise<void> =
  typeof setImmediate === 'function'
    ? () => new Promise((resolve) => setImmediate(resolve))
    : (() => {
        const channel = new MessageChannel();
        const waiting: Array<() => void> = [];
        // A browser's port (Node's types describe Node's own, which this branch never meets).
        (channel.port1 as unknown as { onmessage: () => void }).onmessage = () => waiting.shift()?.();
        return () =>
          new Promise<void>((resolve) => {
            waiting.push(resolve);
            channel.port2.postMessage(undefined);
          });
      })();

/** Times the running slice; `yieldIfDue` lets queued work run once the slice is used up. */
export class Slicer {
  private started = performance.now();

  /** True when it yielded (the caller may then ask whether its work is still wanted). */
  async yieldIfDue(): Promise<boolean> {
    if (performance.now() - this.started < SLICE_MS) return false;
    await nextTurn();
    this.started = performance.now();
    return true;
  }
}

/**
 * Runs all steps of `steps`, yielding every SLICE_MS. When `cancelled` says so after a
 * yield, stops and resolves to undefined.
 */
export async function runSliced<T>(steps: Generator<void, T>): Promise<T>;
export async function runSliced<T>(steps: Generator<void, T>, cancelled: () => boolean): Promise<T | undefined>;
export async function runSliced<T>(steps: Generator<void, T>, cancelled: () => boolean = () => false): Promise<T | undefined> {
  const slicer = new Slicer();
  let step = steps.next();
  while (!step.done) {
    if ((await slicer.yieldIfDue()) && cancelled()) return undefined;
    step = steps.next();
  }
  return step.value;
}
