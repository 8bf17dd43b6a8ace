// Posting lists in typed arrays: at 50,000 passages a Map per term costs several times the
// memory and slows iteration. A list read from the binary index is a stretch of arrays it
// shares with every other list (no array of its own: tens of thousands of small typed
// arrays cost time to make and to collect); it gets its own arrays when it first grows.
// Entries of removed passages stay until the index is rebuilt; readers skip them.

export class PostingList {
  ids: Int32Array;
  tfs: Uint16Array;
  /** Where this list's entries begin in `ids` and `tfs`. */
  start = 0;
  /** Entries in use (live and removed). */
  length = 0;
  /** Live passages that contain the term (document frequency). */
  df = 0;

  constructor(capacity = 2) {
    this.ids = new Int32Array(capacity);
    this.tfs = new Uint16Array(capacity);
  }

  /** A stretch of shared arrays (no copy). */
  static of(ids: Int32Array, tfs: Uint16Array, start: number, length: number, df: number): PostingList {
    const list = new PostingList(0);
    list.ids = ids;
    list.tfs = tfs;
    list.start = start;
    list.length = length;
    list.df = df;
    return list;
  }

  /** One past the last entry in `ids` and `tfs`. */
  get end(): number {
    return this.start + this.length;
  }

  push(id: number, tf: number): void {
    if (this.start > 0 || this.length === this.ids.length) {
      const capacity = Math.max(4, this.length * 2);
      const ids = new Int32Array(capacity);
      ids.set(this.ids.subarray(this.start, this.end));
      const tfs = new Uint16Array(capacity);
      tfs.set(this.tfs.subarray(this.start, this.end));
      this.ids = ids;
      this.tfs = tfs;
      this.start = 0;
    }
    this.ids[this.length] = id;
    this.tfs[this.length] = Math.min(tf, 0xffff);
    this.length++;
    this.df++;
  }
}
