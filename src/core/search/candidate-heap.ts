// A binary min-heap of search candidates by (score bound, passage id), as fuse.js breaks
// ties; in flat typed arrays, since a query may push thousands and garbage costs more than work.

export interface Candidate {
  id: number;
  score: number;
  /** How far the bound has been tightened (the ranking's own levels). */
  level: number;
}

export class CandidateHeap {
  private ids = new Int32Array(256);
  private scores = new Float64Array(256);
  private levels = new Uint8Array(256);
  private count = 0;

  get size(): number {
    return this.count;
  }

  clear(): void {
    this.count = 0;
  }

  /** Adds without ordering: call heapify() before popping. */
  push(id: number, score: number, level: number): void {
    if (this.count === this.ids.length) this.grow();
    const i = this.count++;
    this.ids[i] = id;
    this.scores[i] = score;
    this.levels[i] = level;
  }

  heapify(): void {
    for (let i = (this.count >> 1) - 1; i >= 0; i--) this.down(i);
  }

  /** Adds and keeps the heap ordered. */
  reinsert(id: number, score: number, level: number): void {
    this.push(id, score, level);
    let i = this.count - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  topScore(): number {
    return this.scores[0];
  }

  topId(): number {
    return this.ids[0];
  }

  pop(): Candidate {
    const top = { id: this.ids[0], score: this.scores[0], level: this.levels[0] };
    this.count--;
    if (this.count > 0) {
      this.move(this.count, 0);
      this.down(0);
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    const sa = this.scores[a];
    const sb = this.scores[b];
    return sa < sb || (sa === sb && this.ids[a] < this.ids[b]);
  }

  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < this.count && this.less(l, best)) best = l;
      if (r < this.count && this.less(r, best)) best = r;
      if (best === i) return;
      this.swap(i, best);
      i = best;
    }
  }

  private move(from: number, to: number): void {
    this.ids[to] = this.ids[from];
    this.scores[to] = this.scores[from];
    this.levels[to] = this.levels[from];
  }

  private swap(a: number, b: number): void {
    const id = this.ids[a];
    const score = this.scores[a];
    const level = this.levels[a];
    this.move(b, a);
    this.ids[b] = id;
    this.scores[b] = score;
    this.levels[b] = level;
  }

  private grow(): void {
    const n = this.ids.length * 2;
    const ids = new Int32Array(n);
    ids.set(this.ids);
    const scores = new Float64Array(n);
    scores.set(this.scores);
    const levels = new Uint8Array(n);
    levels.set(this.levels);
    this.ids = ids;
    this.scores = scores;
    this.levels = levels;
  }
}
