/** What a figure measures; only figures of the same kind (and unit) are compared. */
export type FigureKind = 'count' | 'money' | 'percent' | 'duration' | 'date' | 'year' | 'ordinal';

export interface Figure {
  kind: FigureKind;
  /** Currency for money (`USD`, `GBP`, `EUR`...); `minute` for durations; `day` for dates. */
  unit?: string;
  /** The figure as written, approximators included ("over 94,000"). */
  text: string;
  start: number;
  end: number;
  /** Normalised value as an interval; exact figures have min === max. */
  min: number;
  max: number;
  approximate: boolean;
  /** Words right after the figure that say what is counted ("troops", "nato members"). */
  counted: string[];
  /** Offset where the counted words end (to quote "over 94,000 troops"). */
  countedEnd: number;
}

export function overlaps(a: Pick<Figure, 'min' | 'max'>, b: Pick<Figure, 'min' | 'max'>): boolean {
  const tolerance = 1e-9 * Math.max(Math.abs(a.max), Math.abs(b.max), 1);
  return a.min <= b.max + tolerance && b.min <= a.max + tolerance;
}

/** Figures of these kinds can be compared with each other. */
export function comparable(a: Figure, b: Figure): boolean {
  return a.kind === b.kind && (a.unit ?? '') === (b.unit ?? '');
}
