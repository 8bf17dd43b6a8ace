// The figures of a corpus grouped by what they count, so a writer sees at a glance where
// sources agree and where they do not (94,000 troops in two sources, 100,000 in one).
import { sourceFigures, type SourceFigure } from '../check/source-figures';
import type { Source } from '../model';
import type { FigureKind } from './figure';
import { overlaps } from './figure';

/** Kinds worth comparing across sources; dates, years and ordinals mostly name events. */
const GROUPED_KINDS: ReadonlySet<FigureKind> = new Set(['count', 'money', 'percent', 'duration']);
// A modal or forecast word before the figure in its clause: "may launch an offensive involving 175,000".
const PROJECTION = /\b(could|may|might|would|will|expected|projected|forecasts?|planned|plans?|potentially|possible|as many as)\b[^,;:.]*$/i;
const PROJECTION_REACH_WORDS = 12;

export interface FigurePlace {
  key: string;
  paragraph: number;
  /** The sentence that states the figure, and the figure's range in it. */
  sentence: string;
  /** Where that sentence is in the paragraph's text. */
  sentenceStart: number;
  sentenceEnd: number;
  start: number;
  end: number;
  /** The figure as the source writes it ("over 94,000"). */
  text: string;
  /** The interval the wording allows ("over 94,000" reaches past 94,000). */
  min: number;
  max: number;
  projection: boolean;
}

export interface FigureValue {
  /** The number as written, qualifiers aside ("94,000"). */
  value: string;
  min: number;
  max: number;
  places: FigurePlace[];
  /** Distinct sources that state this value. */
  keys: string[];
  projection: boolean;
}

export interface FigureGroup {
  /** What is counted ("troops"), with the kind and unit. */
  label: string;
  kind: FigureKind;
  unit?: string;
  values: FigureValue[];
  /** Two sources state values that cannot both be true (projections aside). */
  disagree: boolean;
  mentions: number;
}

export function groupCorpusFigures(sources: readonly Source[]): FigureGroup[] {
  const all = sources.flatMap((s) => sourceFigures(s)).filter((f) => GROUPED_KINDS.has(f.figure.kind));
  const heads = new Set(all.map((f) => f.figure.counted.at(-1)).filter((h): h is string => !!h));
  const groups = new Map<string, FigureGroup>();
  for (const f of all) {
    const head = headOf(f, heads);
    if (!head) continue;
    const id = `${f.figure.kind}|${f.figure.unit ?? ''}|${head}`;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { label: head, kind: f.figure.kind, unit: f.figure.unit, values: [], disagree: false, mentions: 0 }));
    const place = placeOf(f);
    const value = baseValue(f.figure.text);
    let entry = group.values.find((v) => v.value === value);
    if (!entry) group.values.push((entry = { value, min: f.figure.min, max: f.figure.max, places: [], keys: [], projection: true }));
    entry.min = Math.min(entry.min, f.figure.min);
    entry.max = Math.max(entry.max, f.figure.max);
    entry.places.push(place);
    if (!entry.keys.includes(f.key)) entry.keys.push(f.key);
    entry.projection &&= place.projection;
    group.mentions++;
  }
  for (const group of groups.values()) {
    group.values.sort((a, b) => b.keys.length - a.keys.length || a.min - b.min);
    group.disagree = disagree(group.values);
  }
  return [...groups.values()].sort((a, b) => Number(b.disagree) - Number(a.disagree) || b.mentions - a.mentions || a.label.localeCompare(b.label));
}

/** What a figure counts: its own counted word, else the nearest word before it that counts another figure. */
function headOf(f: SourceFigure, heads: ReadonlySet<string>): string | undefined {
  const own = f.figure.counted.at(-1);
  if (own) return own;
  const before = f.sentence.slice(0, f.figure.start).toLowerCase().match(/[\p{L}]+/gu) ?? [];
  for (let i = before.length - 1; i >= 0; i--) if (heads.has(before[i])) return before[i];
  return undefined;
}

function placeOf(f: SourceFigure): FigurePlace {
  const before = f.sentence.slice(0, f.figure.start);
  const clause = before.split(/\s+/).slice(-PROJECTION_REACH_WORDS).join(' ');
  return { key: f.key, paragraph: f.paragraph.index, sentence: f.sentence, sentenceStart: f.sentenceStart, sentenceEnd: f.sentenceStart + f.sentence.length, start: f.figure.start, end: f.figure.end, text: f.figure.text, min: f.figure.min, max: f.figure.max, projection: PROJECTION.test(clause) };
}

/** "over 94,000" and "94,000" state the same number; the qualifier shows in the place. */
function baseValue(text: string): string {
  return text.toLowerCase().replace(/^(?:(?:more|fewer|less) than|over|above|under|below|at least|at most|up to|nearly|almost|about|around|roughly|approximately|some|an estimated|estimated|close to|just over|just under|as many as)\s+(?=\S)/i, '');
}

function disagree(values: readonly FigureValue[]): boolean {
  const firm = values.flatMap((v) => v.places.filter((p) => !p.projection));
  return firm.some((a, i) => firm.slice(i + 1).some((b) => a.key !== b.key && !overlaps(a, b)));
}
