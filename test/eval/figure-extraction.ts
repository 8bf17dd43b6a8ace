// Scores extractFigures on 175 hand-labelled real sentences (test/fixtures/figure-extraction,
// its README gives the format): recall of required figures, precision of what is output, and
// how many resolved values are right (scale, currency, bounds, range ends and date parts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFigures } from '../../src/core/figures/extract';
import type { Figure } from '../../src/core/figures/figure';

interface GoldFigure {
  id: string;
  span: string;
  occurrence: number;
  kind: string;
  optional: boolean;
  value: string;
}

export interface ExtractionScore {
  required: number;
  found: number;
  recall: number;
  output: number;
  spurious: number;
  precision: number;
  /** Required figures with a value to resolve (scores have none). */
  valued: number;
  valuesRight: number;
  missed: string[];
  spuriousExamples: string[];
  wrongValues: string[];
}

function readGold(dir: string): { sentences: Map<string, string>; gold: GoldFigure[] } {
  const sentences = new Map((JSON.parse(readFileSync(join(dir, 'sentences.json'), 'utf8')) as Array<{ id: string; text: string }>).map((s) => [s.id, s.text]));
  const gold: GoldFigure[] = [];
  for (const line of readFileSync(join(dir, 'gold.txt'), 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [id, spanAt, kind, value] = line.split('|');
    const [span, n] = spanAt.split('@');
    gold.push({ id, span, occurrence: Number(n ?? 1), kind: kind.replace(/^\?/, ''), optional: kind.startsWith('?'), value });
  }
  return { sentences, gold };
}

function spanOf(text: string, g: GoldFigure): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i < g.occurrence; i++) at = text.indexOf(g.span, at + 1);
  if (at < 0) throw new Error(`gold span "${g.span}" not in sentence ${g.id}`);
  return { start: at, end: at + g.span.length };
}

/** A value in the gold notation: bound, low and high ends in base units, and the unit. */
interface Value {
  bound: '' | '~' | '>' | '<';
  low: number | string;
  high: number | string;
  unit: string;
}

const UNIT_BASE: Record<string, [string, number]> = {
  m: ['m', 1], km: ['m', 1000], t: ['g', 1e6], lb: ['g', 453.59237], kg: ['g', 1000], GB: ['B', 1e9], TB: ['B', 1e12], MB: ['B', 1e6], MP: ['px', 1e6],
  GBX: ['GBP', 0.01],
};
const DURATION_MINUTES: Record<string, number> = { Y: 525960, M: 43830, W: 10080, D: 1440, H: 60, TM: 1, S: 1 / 60 };

function durationMinutes(iso: string): number {
  const m = /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(iso);
  if (!m) throw new Error(`bad duration ${iso}`);
  const [, y, mo, w, d, h, mi, s] = m.map((x) => (x === undefined ? 0 : Number(x)));
  return y * DURATION_MINUTES.Y + mo * DURATION_MINUTES.M + w * DURATION_MINUTES.W + d * DURATION_MINUTES.D + h * 60 + mi + s / 60;
}

function parseGoldValue(value: string, kind: string): Value {
  const bound = (/^[~<>]/.exec(value)?.[0] ?? '') as Value['bound'];
  let body = value.slice(bound.length);
  if (/^P/.test(body)) {
    const v = durationMinutes(body);
    return { bound, low: v, high: v, unit: 'minute' };
  }
  if (kind === 'date' || kind === 'time') {
    const [low, high = low] = body.split('..');
    return { bound, low, high, unit: 'date' };
  }
  let unit = '';
  const u = / (\S+)$/.exec(body);
  if (u) {
    unit = u[1];
    body = body.slice(0, u.index);
  }
  const [lowText, highText = lowText] = body.split('..');
  let [low, high] = [Number(lowText), Number(highText)];
  const base = UNIT_BASE[unit];
  if (base) [unit, low, high] = [base[0], low * base[1], high * base[1]];
  return { bound, low, high, unit };
}

const pad = (n: number) => String(n).padStart(2, '0');

function dateString(d: NonNullable<Figure['date']>, day = d.day): string {
  if (d.weekday !== undefined && d.month === undefined) return `W${d.weekday}`;
  const parts = [d.year !== undefined ? String(d.year) : undefined, d.month !== undefined ? pad(d.month) : undefined, day !== undefined ? pad(day) : undefined].filter((p) => p !== undefined);
  return parts.join('-');
}

/** Our figure in the same notation. */
export function valueOf(f: Figure): Value {
  const bound = f.bound === 'about' ? '~' : f.bound === 'over' ? '>' : f.bound === 'under' ? '<' : '';
  if (f.kind === 'date' && f.date) return { bound, low: dateString(f.date), high: dateString(f.date, f.date.dayTo ?? f.date.day), unit: 'date' };
  if (f.kind === 'time') return { bound, low: `T${pad(Math.floor(f.value / 60))}:${pad(f.value % 60)}`, high: `T${pad(Math.floor(f.valueTo / 60))}:${pad(f.valueTo % 60)}`, unit: 'date' };
  const unit = f.kind === 'money' || f.kind === 'measure' ? (f.unit ?? '') : f.kind === 'duration' ? 'minute' : '';
  return { bound, low: f.value, high: f.valueTo, unit };
}

function close(a: number | string, b: number | string): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return Math.abs(a - b) <= 1e-4 * Math.max(Math.abs(a), Math.abs(b), 1e-9);
}

function sameValue(ours: Value, gold: Value): boolean {
  return ours.bound === gold.bound && ours.unit === gold.unit && close(ours.low, gold.low) && close(ours.high, gold.high);
}

const show = (v: Value) => `${v.bound}${v.low}${v.high !== v.low ? `..${v.high}` : ''}${v.unit ? ` ${v.unit}` : ''}`;

export function scoreExtraction(dir: string): ExtractionScore {
  const { sentences, gold } = readGold(dir);
  const score: ExtractionScore = { required: 0, found: 0, recall: 0, output: 0, spurious: 0, precision: 0, valued: 0, valuesRight: 0, missed: [], spuriousExamples: [], wrongValues: [] };
  for (const [id, text] of sentences) {
    const figures = extractFigures(text);
    const golds = gold.filter((g) => g.id === id).map((g) => ({ ...g, ...spanOf(text, g) }));
    const overlapping = (g: { start: number; end: number }) => figures.filter((f) => f.start < g.end && g.start < f.end);
    for (const g of golds) {
      if (g.optional) continue;
      score.required++;
      const hits = overlapping(g);
      if (hits.length) score.found++;
      else score.missed.push(`${id} "${g.span}" (${g.kind})`);
      if (g.value === '-') continue;
      score.valued++;
      const want = parseGoldValue(g.value, g.kind);
      if (hits.some((f) => sameValue(valueOf(f), want))) score.valuesRight++;
      else score.wrongValues.push(`${id} "${g.span}": want ${show(want)}, got ${hits.map((f) => `${show(valueOf(f))} "${f.text}"`).join(', ') || 'nothing'}`);
    }
    for (const f of figures) {
      score.output++;
      if (!golds.some((g) => f.start < g.end && g.start < f.end)) {
        score.spurious++;
        score.spuriousExamples.push(`${id} "${f.text}" (${f.kind}) in: ${text.slice(Math.max(0, f.start - 30), f.end + 30)}`);
      }
    }
  }
  score.recall = score.found / score.required;
  score.precision = (score.output - score.spurious) / score.output;
  return score;
}
