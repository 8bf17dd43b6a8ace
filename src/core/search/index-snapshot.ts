// The search index as one binary buffer: typed arrays read back without parsing, a buffer a
// worker thread hands over without copying, and a reader that takes it in small steps so
// the thread that adopts an index is never blocked for long. Layout: magic, version, header
// length, a JSON header (sources and sizes), then 4-byte-aligned sections.

export interface IndexData {
  sources: Array<{ key: string; title: string }>;
  /** Live passages, in index order. */
  docs: Array<{ key: string; paragraph: number; text: string; length: number; words: number }>;
  terms: Array<{ term: string; ids: Int32Array; tfs: Uint16Array }>;
}

const MAGIC = 0x58495247; // "GRIX"
const FORMAT = 3;
/** Terms are decoded this many bytes at a time: one decode per term costs more. */
const TEXT_CHUNK = 256 * 1024;

interface Header {
  sources: Array<{ key: string; title: string }>;
  docs: number;
  terms: number;
  postings: number;
  termBytes: number;
  textBytes: number;
}

const align4 = (n: number) => (n + 3) & ~3;

/** Byte offsets of each section (from the start of the buffer) and the total size. */
function sectionSizes(header: Header, headerLength: number) {
  const docs = align4(12 + headerLength);
  const textEnds = docs + header.docs * 16;
  const textUnits = textEnds + header.docs * 4;
  const termLengths = textUnits + header.docs * 4;
  const ids = termLengths + header.terms * 4;
  const tfs = ids + header.postings * 4;
  const termBytes = align4(tfs + header.postings * 2);
  const textBytes = termBytes + header.termBytes;
  return { docs, textEnds, textUnits, termLengths, ids, tfs, termBytes, textBytes, total: textBytes + header.textBytes };
}

export function encodeIndex(data: IndexData): Uint8Array {
  const encoder = new TextEncoder();
  const sourceIndex = new Map(data.sources.map((s, i) => [s.key, i]));
  const termBytes = encoder.encode(data.terms.map((t) => t.term).join('\n'));
  const texts = data.docs.map((d) => encoder.encode(d.text));
  const postings = data.terms.reduce((n, t) => n + t.ids.length, 0);
  const header: Header = { sources: data.sources, docs: data.docs.length, terms: data.terms.length, postings, termBytes: termBytes.length, textBytes: texts.reduce((n, t) => n + t.length, 0) };
  const headerBytes = encoder.encode(JSON.stringify(header));
  const at = sectionSizes(header, headerBytes.length);
  const out = new Uint8Array(at.total);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, FORMAT, true);
  view.setUint32(8, headerBytes.length, true);
  out.set(headerBytes, 12);
  const docInts = new Int32Array(out.buffer, at.docs, data.docs.length * 4);
  const textEnds = new Int32Array(out.buffer, at.textEnds, data.docs.length);
  const textUnits = new Int32Array(out.buffer, at.textUnits, data.docs.length);
  let textAt = 0;
  data.docs.forEach((d, i) => {
    const source = sourceIndex.get(d.key);
    if (source === undefined) throw new Error(`passage of unknown source ${d.key}`);
    docInts.set([source, d.paragraph, d.length, d.words], i * 4);
    out.set(texts[i], at.textBytes + textAt);
    textAt += texts[i].length;
    textEnds[i] = textAt;
    textUnits[i] = d.text.length;
  });
  const termLengths = new Int32Array(out.buffer, at.termLengths, data.terms.length);
  const ids = new Int32Array(out.buffer, at.ids, postings);
  const tfs = new Uint16Array(out.buffer, at.tfs, postings);
  let entry = 0;
  data.terms.forEach((t, i) => {
    termLengths[i] = t.ids.length;
    ids.set(t.ids, entry);
    tfs.set(t.tfs, entry);
    entry += t.ids.length;
  });
  out.set(termBytes, at.termBytes);
  return out;
}

/** Reads an encoded index item by item, so its reader can stop between items. */
export class IndexReader {
  readonly sources: Array<{ key: string; title: string }>;
  readonly docCount: number;
  readonly termCount: number;
  private readonly bytes: Uint8Array;
  private readonly at: ReturnType<typeof sectionSizes>;
  private readonly docInts: Int32Array;
  private readonly textEnds: Int32Array;
  private readonly textUnits: Int32Array;
  private readonly termLengths: Int32Array;
  private readonly ids: Int32Array;
  private readonly tfs: Uint16Array;
  private readonly decoder = new TextDecoder();
  private termChunk: string[] = [];
  private termChunkFrom = 0;
  /** Where the next chunk of terms starts in `bytes`. */
  private termByteAt = 0;
  private termStarts: Int32Array | undefined;

  constructor(input: Uint8Array) {
    // Typed-array views need 4-byte alignment; a buffer sliced from a pool may not have it.
    const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
    this.bytes = bytes;
    if (bytes.length < 12) throw new Error('index cache truncated');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    if (view.getUint32(0, true) !== MAGIC) throw new Error('not a Grounded index cache');
    const format = view.getUint32(4, true);
    if (format !== FORMAT) throw new Error(`index cache format ${format}, expected ${FORMAT}`);
    const headerLength = view.getUint32(8, true);
    const header = JSON.parse(this.decoder.decode(bytes.subarray(12, 12 + headerLength))) as Header;
    this.at = sectionSizes(header, headerLength);
    if (this.at.total > bytes.length) throw new Error('index cache truncated');
    this.sources = header.sources;
    this.docCount = header.docs;
    this.termCount = header.terms;
    const base = bytes.byteOffset;
    this.docInts = new Int32Array(bytes.buffer, base + this.at.docs, header.docs * 4);
    this.textEnds = new Int32Array(bytes.buffer, base + this.at.textEnds, header.docs);
    this.textUnits = new Int32Array(bytes.buffer, base + this.at.textUnits, header.docs);
    this.termLengths = new Int32Array(bytes.buffer, base + this.at.termLengths, header.terms);
    this.ids = new Int32Array(bytes.buffer, base + this.at.ids, header.postings);
    this.tfs = new Uint16Array(bytes.buffer, base + this.at.tfs, header.postings);
  }

  /** Passage `i`, but for its text (see text()). */
  doc(i: number): Omit<IndexData['docs'][number], 'text'> {
    const source = this.sources[this.docInts[i * 4]];
    if (!source) throw new Error('index cache names a source it does not have');
    return { key: source.key, paragraph: this.docInts[i * 4 + 1], length: this.docInts[i * 4 + 2], words: this.docInts[i * 4 + 3] };
  }

  /** The text of passage `i`, decoded from the bytes (in any order). */
  text(i: number): string {
    const from = i > 0 ? this.textEnds[i - 1] : 0;
    return this.decoder.decode(this.bytes.subarray(this.at.textBytes + from, this.at.textBytes + this.textEnds[i]));
  }

  /** The length of passage `i`'s text in UTF-16 units. */
  textLength(i: number): number {
    return this.textUnits[i];
  }

  private decodeTerms(i: number): void {
    if (i !== this.termChunkFrom + this.termChunk.length) throw new Error('index terms are read in order');
    const from = i === 0 ? this.at.termBytes : this.termByteAt;
    const end = this.at.textBytes;
    // A newline byte never occurs inside a UTF-8 sequence, so a chunk cut there decodes whole.
    let to = Math.min(end, from + TEXT_CHUNK);
    if (to < end) {
      const newline = this.bytes.indexOf(10, to);
      to = newline < 0 || newline >= end ? end : newline;
    }
    this.termChunk = this.decoder.decode(this.bytes.subarray(from, to)).split('\n');
    this.termChunkFrom = i;
    this.termByteAt = to + 1;
  }

  /** Term `i`; read in order (terms are decoded a chunk at a time, cut at a newline). */
  term(i: number): { term: string; ids: Int32Array; tfs: Uint16Array; start: number; length: number } {
    if (!this.termStarts) {
      this.termStarts = new Int32Array(this.termCount + 1);
      for (let t = 0; t < this.termCount; t++) this.termStarts[t + 1] = this.termStarts[t] + this.termLengths[t];
    }
    if (i < this.termChunkFrom || i >= this.termChunkFrom + this.termChunk.length) this.decodeTerms(i);
    // A stretch of the shared arrays, not views of its own (see PostingList).
    return { term: this.termChunk[i - this.termChunkFrom], ids: this.ids, tfs: this.tfs, start: this.termStarts[i], length: this.termLengths[i] };
  }
}
