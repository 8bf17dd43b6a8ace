// Long work in the core is written as generators that yield between steps: a thread that
// must stay responsive runs the steps in slices; one that need not runs them all at once.

/** Runs every step of a generator at once and returns its result. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}
