// The state of one pass over a text: which characters already belong to a figure (a mask, so
// long texts stay linear), the figures found, and the names with numbers in them.
import type { Bound, DateParts, Figure, FigureKind } from './figure';
import { STOP } from './lexicon';

/** A number that is part of a name ("Xbox 2", "COVID-19", "Boeing 737"): compared as written, never as a quantity. */
export interface Label {
  text: string;
  start: number;
  end: number;
}

export class Scan {
  private readonly taken: Uint8Array;
  readonly figures: Figure[] = [];
  readonly labels: Label[] = [];

  constructor(readonly text: string) {
    this.taken = new Uint8Array(text.length + 1);
  }

  free(start: number, end: number): boolean {
    for (let i = Math.max(0, start); i < end; i++) if (this.taken[i]) return false;
    return true;
  }

  take(start: number, end: number): void {
    this.taken.fill(1, Math.max(0, start), end);
  }

  add(f: Figure): void {
    this.figures.push(f);
    this.take(f.start, f.end);
  }

  label(start: number, end: number): void {
    this.labels.push({ text: this.text.slice(start, end), start, end });
    this.take(start, end);
  }

  /** The text just before `at`, up to `length` characters. */
  before(at: number, length: number): string {
    return this.text.slice(Math.max(0, at - length), at);
  }

  after(at: number, length: number): string {
    return this.text.slice(at, at + length);
  }

  /** The word just before `at` (spaces and commas between), if any. */
  wordBefore(at: number): { word: string; start: number } | undefined {
    const slice = this.before(at, 40);
    const m = /([\p{L}\p{N}'’.-]*[\p{L}\p{N}])[ \t,]*$/u.exec(slice);
    return m ? { word: m[1], start: at - slice.length + m.index } : undefined;
  }

  /** Whether `at` starts a sentence (or a line, a quotation, the text). */
  sentenceInitial(at: number): boolean {
    const before = this.before(at, 200).replace(/[ \t"“‘'([*_-]+$/u, '');
    return before === '' || /[.!?:;\n]$/.test(before);
  }
}

export interface FigureSpec {
  kind: FigureKind;
  start: number;
  end: number;
  value: number;
  valueTo?: number;
  bound?: Bound;
  /** The qualifier word, when it changes how far the bound reaches ("nearly" stops at the value). */
  qualifier?: string;
  unit?: string;
  date?: DateParts;
  per?: string;
  exact?: string;
  approximate?: boolean;
  /** An interval other than the stated value widened by its bound (vague amounts, dates). */
  interval?: [number, number];
}

/** The interval a bound allows: "over 94,000" is 94,000 to about 108,000; "nearly 100" is 90 to 100. */
function widened(spec: FigureSpec): [number, number] {
  const low = spec.value;
  const high = spec.valueTo ?? spec.value;
  if (spec.interval) return spec.interval;
  switch (spec.bound) {
    case 'over':
      return [low, high * 1.25];
    case 'under':
      return [low / 1.25, high];
    case 'about':
      return /^(nearly|almost)/i.test(spec.qualifier ?? '') ? [low * 0.9, high] : [low * 0.9, high * 1.1];
    default:
      return [low, high];
  }
}

export function makeFigure(text: string, spec: FigureSpec): Figure {
  const [min, max] = widened(spec);
  const valueTo = spec.valueTo ?? spec.value;
  return {
    kind: spec.kind,
    unit: spec.unit,
    text: text.slice(spec.start, spec.end),
    start: spec.start,
    end: spec.end,
    value: spec.value,
    valueTo,
    bound: spec.bound,
    min,
    max,
    approximate: spec.approximate ?? (spec.bound === 'about' || valueTo !== spec.value),
    date: spec.date,
    per: spec.per,
    exact: spec.exact,
    counted: [],
    countedEnd: spec.end,
  };
}

/** Up to three words after the figure, up to a stop word or punctuation: what is counted. */
export function withCounted(f: Figure, text: string): Figure {
  const re = /^(?:(?:\s+of)?\s+|-(?=[a-z]{3}))([A-Za-z][\w'’-]*)/;
  const counted: string[] = [];
  let at = f.end;
  for (let i = 0; i < 3; i++) {
    const m = re.exec(text.slice(at, at + 60));
    // Stop at a verb-looking word after the noun ("300 trucks crossed").
    if (!m || STOP.has(m[1].toLowerCase()) || (i > 0 && /(ed|ing)$/i.test(m[1]))) break;
    counted.push(m[1].toLowerCase().replace(/['’]s$/, ''));
    at += m[0].length;
  }
  return { ...f, counted, countedEnd: at };
}
