/**
 * What a figure measures. Only figures of the same kind (and unit) are compared: an age is
 * never compared with a count, a length never with money.
 */
export type FigureKind =
  | 'count'
  | 'money'
  | 'percent'
  | 'duration'
  | 'measure'
  | 'age'
  | 'fraction'
  | 'multiplier'
  | 'date'
  | 'time'
  | 'year'
  | 'ordinal'
  | 'score';

/** How the wording bounds the value: "about 40", "more than 40", "up to 40". */
export type Bound = 'about' | 'over' | 'under';

/** The parts of a date the text states; a weekday alone is a date too ("on Friday"). */
export interface DateParts {
  year?: number;
  /** 1-12 */
  month?: number;
  day?: number;
  /** Last day of a span ("6 to 9 January"), or of a part of a month ("late May"). */
  dayTo?: number;
  /** 1 = Monday … 7 = Sunday (ISO). */
  weekday?: number;
}

export interface Figure {
  kind: FigureKind;
  /**
   * Currency for money (`USD`, `GBP`, `EUR`...); the base unit of a measure (`m`, `g`, `B`,
   * `px`, `W`...); `point` for percentage points; `minute` for durations.
   */
  unit?: string;
  /** The figure as written, approximators included ("over 94,000"). */
  text: string;
  start: number;
  end: number;
  /**
   * The value as stated, in the unit above (money in currency units, durations in minutes,
   * times in minutes after midnight, fractions as 0..1); `valueTo` ends a range, else equals `value`.
   */
  value: number;
  valueTo: number;
  bound?: Bound;
  /** The interval the wording allows ("over 94,000" reaches past 94,000). */
  min: number;
  max: number;
  approximate: boolean;
  date?: DateParts;
  /** What a rate is per: "$100/month" is per month, "60,000 barrels a day" per day. */
  per?: string;
  /** The exact form of a score ("5-1"), compared as written. */
  exact?: string;
  /** A count the source gives as a numbered list of this many items, not in words. */
  listed?: boolean;
  /** Words right after the figure that say what is counted ("troops", "nato members"). */
  counted: string[];
  /** Offset where the counted words end (to quote "over 94,000 troops"). */
  countedEnd: number;
}

const tolerance = (a: number, b: number) => 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1);

export function overlaps(a: Pick<Figure, 'min' | 'max'>, b: Pick<Figure, 'min' | 'max'>): boolean {
  const t = tolerance(a.max, b.max);
  return a.min <= b.max + t && b.min <= a.max + t;
}

/** A share of a whole, as a fraction ("two-thirds") or a percentage ("33%"): the same thing said two ways. */
export function isShare(f: Figure): boolean {
  return f.kind === 'fraction' || (f.kind === 'percent' && f.unit === undefined);
}

/** Figures of these kinds can be compared with each other. */
export function comparable(a: Figure, b: Figure): boolean {
  if (bareAndPercentagePoints(a, b) || bareAndPercentagePoints(b, a)) return true;
  if (a.kind !== b.kind) return false;
  if (a.kind === 'date') return sharedDateParts(a, b).length > 0;
  if ((a.per ?? '') !== (b.per ?? '') && a.per && b.per) return false;
  // "the fourth quarter in a row" and "the fourth straight quarter": the same period, said one word apart.
  if (a.kind === 'ordinal' && !a.unit !== !b.unit) {
    const [bare, period] = a.unit ? [b, a.unit] : [a, b.unit!];
    return bare.counted.length === 0 || bare.counted.includes(period);
  }
  return (a.unit ?? '') === (b.unit ?? '');
}

/** "Gross margin expanded 2.3 points" and "up 230 basis points": points of a rate, said bare. */
const bareAndPercentagePoints = (a: Figure, b: Figure) => a.kind === 'count' && /^points?$/.test(a.counted[0] ?? '') && b.kind === 'percent' && b.unit === 'point';

/** A range written with both ends ("30-40", "$4.5bn to $4.7bn"), not a vague amount ("hundreds"). */
const isRange = (f: Figure) => f.valueTo !== f.value && !f.bound && /\S\s*(?:-|–|—|\bto\b|\band\b|\bor\b)\s*\S/.test(f.text);
const near = (x: number, y: number) => Math.abs(x - y) <= 0.005 * Math.max(Math.abs(x), Math.abs(y));

type DatePart = 'year' | 'month' | 'weekday';

function sharedDateParts(a: Figure, b: Figure): DatePart[] {
  const parts: DatePart[] = [];
  if (a.date?.year !== undefined && b.date?.year !== undefined) parts.push('year');
  if (a.date?.month !== undefined && b.date?.month !== undefined) parts.push('month');
  if (a.date?.weekday !== undefined && b.date?.weekday !== undefined) parts.push('weekday');
  return parts;
}

/**
 * Whether two comparable figures can both be true: intervals overlap, a score is the same
 * score, and dates agree on every part both state (a weekday, the month and day, the year).
 */
export function agree(a: Figure, b: Figure): boolean {
  if (a.kind === 'score') return a.exact === b.exact;
  // Two bounds the same way ("under 12.50" and "under 15") agree only on the bound itself.
  if (a.bound && a.bound === b.bound && a.bound !== 'about') return overlaps({ min: a.value, max: a.valueTo }, { min: b.value, max: b.valueTo });
  // Two ranges state both ends: "$4.5-4.9 billion" is not "$4.5 billion to $4.7 billion", though they overlap.
  if (isRange(a) && isRange(b) && a.kind !== 'date') return near(a.value, b.value) && near(a.valueTo, b.valueTo);
  if (a.kind !== 'date' || !a.date || !b.date) return overlaps(a, b);
  for (const part of sharedDateParts(a, b)) {
    if (part === 'year' && a.date.year !== b.date.year) return false;
    if (part === 'weekday' && a.date.weekday !== b.date.weekday) return false;
    if (part === 'month') {
      if (a.date.month !== b.date.month) return false;
      const days = (d: DateParts) => (d.day === undefined ? [1, 31] : [d.day, d.dayTo ?? d.day]);
      const [a1, a2] = days(a.date);
      const [b1, b2] = days(b.date);
      if (a1 > b2 || b1 > a2) return false;
    }
  }
  return true;
}
