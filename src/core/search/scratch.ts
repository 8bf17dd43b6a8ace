// Per-passage and per-source working arrays, reused by every query of an index: allocating
// them afresh for 50,000 passages on each keystroke costs more in garbage collection than
// the query itself. Whoever writes an entry sets it back to zero before returning.
import { CandidateHeap } from './candidate-heap';

export class Scratch {
  // Per passage.
  delta = new Int16Array(0);
  seenBy = new Uint16Array(0);
  flags = new Uint8Array(0);
  scores = new Float64Array(0);
  best = new Float64Array(0);
  covered = new Uint8Array(0);
  /** Two lists of passage numbers (at most one entry a passage each). */
  listA = new Int32Array(0);
  listB = new Int32Array(0);
  // Per source.
  titleDelta = new Int16Array(0);
  titleSeenBy = new Uint16Array(0);
  titleFactor = new Float64Array(0);
  titleMatches = new Uint8Array(0);
  readonly heap = new CandidateHeap();

  /** Makes the arrays hold at least `passages` passages and `sources` sources. */
  ensure(passages: number, sources: number): this {
    if (this.delta.length < passages) {
      const n = Math.ceil(passages * 1.5);
      this.delta = new Int16Array(n);
      this.seenBy = new Uint16Array(n);
      this.flags = new Uint8Array(n);
      this.scores = new Float64Array(n);
      this.best = new Float64Array(n);
      this.covered = new Uint8Array(n);
      this.listA = new Int32Array(n);
      this.listB = new Int32Array(n);
    }
    if (this.titleDelta.length < sources) {
      const n = Math.ceil(sources * 1.5);
      this.titleDelta = new Int16Array(n);
      this.titleSeenBy = new Uint16Array(n);
      this.titleFactor = new Float64Array(n);
      this.titleMatches = new Uint8Array(n);
    }
    return this;
  }
}
