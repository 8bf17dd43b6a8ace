/** Longest run of Grounded's work on the extension host's thread before other work gets a turn. */
export const SLICE_MS = 8;

/** Measures the current slice of work and lets other work on the thread run when it has lasted SLICE_MS. */
export class SliceClock {
  private start = performance.now();

  /** True when it paused (so the caller may check whether its work is still wanted). */
  async pauseIfDue(): Promise<boolean> {
    if (performance.now() - this.start < SLICE_MS) return false;
    await new Promise((resolve) => setImmediate(resolve));
    this.start = performance.now();
    return true;
  }
}

/**
 * Runs a generator's steps in slices of SLICE_MS with other work in between. Given `stop`,
 * asks it after every pause and gives up (undefined) when it says so.
 */
export async function inSlices<T>(steps: Generator<void, T>): Promise<T>;
export async function inSlices<T>(steps: Generator<void, T>, stop: () => boolean): Promise<T | undefined>;
export async function inSlices<T>(steps: Generator<void, T>, stop?: () => boolean): Promise<T | undefined> {
  const clock = new SliceClock();
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    if ((await clock.pauseIfDue()) && stop?.()) return undefined;
  }
}
