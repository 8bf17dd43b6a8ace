// Finds figures in prose: counts, money, percentages, durations, dates, years and
// ordinals, in digits or words, with approximators, bounds, ranges and vague amounts.
import type { Figure, FigureKind } from './figure';
import { digitsToNumber, NUMBER_WORD, ORDINALS, wordsToNumber } from './numbers';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?![a-z])\\.?)(?![a-z])';
const CURRENCY_SYMBOL: Record<string, string> = { $: 'USD', 'US$': 'USD', '£': 'GBP', '€': 'EUR', '¥': 'JPY' };
const CURRENCY_WORD: Record<string, string> = { dollar: 'USD', dollars: 'USD', pound: 'GBP', pounds: 'GBP', euro: 'EUR', euros: 'EUR', yen: 'JPY' };
const DURATION_MINUTES: Record<string, number> = { second: 1 / 60, minute: 1, hour: 60, day: 1440, week: 10080, month: 43830, year: 525960 };
const STOP = new Set(('a an and are as at be been but by for from had has have he her his in into is it its of on or said says she than that the their them they this to was were which who will with would while after before during ' +
  'along across near around over under between through toward towards within without against since per each last next ago more less about up down off out ' +
  // Modal and auxiliary verbs: after "the two could work together" the number is the subject and counts nothing named.
  'can cannot could may might must shall should do does did').split(' '));

const DIGITS = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';
const SCALE = '(?:\\s?(?:trillion|billion|million|thousand|bn|mn|tn|k|m)\\b)';
const WORDS = `(?:${NUMBER_WORD})(?:(?:\\s+and\\s+|[\\s-]+)(?:${NUMBER_WORD}))*`;
const NUMBER_RE = new RegExp(`(?<![\\w.,])(?:(US\\$|[$£€¥])\\s?)?(?:(${DIGITS})(${SCALE})?|\\b(${WORDS})\\b)`, 'giu');
const DATE_RE = new RegExp(`\\b(?:(early|mid|late|end|the end of|the start of)[-\\s]+)?${MONTH}(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b)?|\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}`, 'gi');
const VAGUE_RE = /\b(tens|hundreds) of (thousands|millions)\b|\b(dozens|hundreds|thousands|millions)\b(?= of\b)|\bhalf an hour\b|\ban hour and a half\b|\ba dozen\b|\b(a|an) (hour|day|week|month|year)\b(?!s)/gi;
const ORDINAL_RE = new RegExp(`\\b(${Object.keys(ORDINALS).join('|')})\\b|\\b(\\d+)(st|nd|rd|th)\\b`, 'gi');
const TIME_RE = /\b\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}:\d{2}\b/gi;
const BEFORE_LOCATOR = /(?:\b(?:page|pages|p|pp|para|paras|paragraph|chapter|section|no|number|article|version|v)\.?|#)\s*$/i;

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase());
}

/** Approximators and bounds before a figure, and how they widen its interval. */
const QUALIFIERS: Array<[RegExp, (v: number) => [number, number]]> = [
  [/\b(?:more than|over|above|at least|upwards of|in excess of|just over|exceeding)\s+$/i, (v) => [v, v * 1.15]],
  [/\b(?:fewer than|less than|under|below|up to|at most|as many as|no more than|just under)\s+$/i, (v) => [v * 0.85, v]],
  [/\b(?:nearly|almost)\s+$/i, (v) => [v * 0.9, v]],
  [/\b(?:about|around|roughly|approximately|some|an estimated|estimated|close to|circa|approx\.?)\s+$/i, (v) => [v * 0.9, v * 1.1]],
];

export function extractFigures(text: string): Figure[] {
  const figures: Figure[] = [];
  // Characters already part of a figure (or a time of day): a mask, so long texts stay linear.
  const taken = new Uint8Array(text.length + 1);
  const free = (s: number, e: number) => {
    for (let i = Math.max(0, s); i < e; i++) if (taken[i]) return false;
    return true;
  };
  const take = (s: number, e: number) => taken.fill(1, Math.max(0, s), e);

  for (const m of text.matchAll(TIME_RE)) take(m.index, m.index + m[0].length);

  // Dates first, so their day numbers are not counted as counts.
  for (const m of text.matchAll(DATE_RE)) {
    const [whole, part, monthA, dayA, dayB, monthB] = m;
    const month = monthIndex(monthA ?? monthB);
    if (month < 0) continue;
    // "May" alone is too often the verb; a bare month needs a day or a part of the month.
    if (!dayA && !dayB && !part && /^may$/i.test(monthA ?? '')) continue;
    const day = Number(dayA ?? dayB ?? NaN);
    if (!Number.isNaN(day) && (day < 1 || day > 31)) continue;
    const base = month * 31;
    let [min, max] = Number.isNaN(day) ? [base + 1, base + 31] : [base + day, base + day];
    const p = part?.toLowerCase();
    if (p === 'early' || p === 'the start of') [min, max] = [base + 1, base + 10];
    else if (p === 'mid') [min, max] = [base + 10, base + 20];
    else if (p === 'late' || p === 'end' || p === 'the end of') [min, max] = [base + 20, base + 31];
    figures.push(figure('date', text, m.index, m.index + whole.length, min, max, !!part || Number.isNaN(day), 'day'));
    take(m.index, m.index + whole.length);
  }

  for (const m of text.matchAll(VAGUE_RE)) {
    if (!free(m.index, m.index + m[0].length)) continue;
    const t = m[0].toLowerCase();
    let f: Figure | undefined;
    if (t === 'half an hour') f = figure('duration', text, m.index, m.index + m[0].length, 30, 30, false, 'minute');
    else if (t === 'an hour and a half') f = figure('duration', text, m.index, m.index + m[0].length, 90, 90, false, 'minute');
    else if (t === 'a dozen') f = figure('count', text, m.index, m.index + m[0].length, 12, 12, true);
    else if (m[5]) {
      const v = DURATION_MINUTES[m[5].toLowerCase()];
      f = figure('duration', text, m.index, m.index + m[0].length, v, v, false, 'minute');
    } else {
      const ranges: Record<string, [number, number]> = {
        'tens of thousands': [1e4, 99_999], 'hundreds of thousands': [1e5, 999_999], 'tens of millions': [1e7, 99_999_999], 'hundreds of millions': [1e8, 999_999_999],
        dozens: [24, 99], hundreds: [200, 999], thousands: [2000, 9999], millions: [2e6, 9_999_999],
      };
      const r = ranges[t];
      if (r) f = figure('count', text, m.index, m.index + m[0].length, r[0], r[1], true);
    }
    if (f) {
      // A duration measures time: the words after "a day earlier US officials" are not what it counts.
      figures.push(f.kind === 'count' ? withCounted(f, text) : f);
      take(f.start, f.end);
    }
  }

  for (const m of text.matchAll(ORDINAL_RE)) {
    if (!free(m.index, m.index + m[0].length)) continue;
    // "Second World War", "First Lady": a capitalised ordinal in a name is not a figure.
    if (/^[A-Z]/.test(m[0]) && /^\s+[A-Z]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2))) continue;
    const v = m[1] ? ORDINALS[m[1].toLowerCase()] : Number(m[2]);
    figures.push(figure('ordinal', text, m.index, m.index + m[0].length, v, v, false));
    take(m.index, m.index + m[0].length);
  }

  for (const m of text.matchAll(NUMBER_RE)) {
    let start = m.index;
    let end = m.index + m[0].length;
    if (!free(start, end)) continue;
    const [, symbol, digits, scale, words] = m;
    if (words && /^(one|a|an)$/i.test(words.trim())) continue;
    if (BEFORE_LOCATOR.test(text.slice(Math.max(0, start - 12), start))) continue;
    let value = digits !== undefined ? digitsToNumber(digits, scale?.trim()) : wordsToNumber(words!);
    if (value === undefined) continue;
    const after = text.slice(end, end + 40);
    let kind: FigureKind = 'count';
    let unit: string | undefined;
    let max = value;
    const range = /^\s*(?:-|–|to|and)\s*(\d[\d,.]*)(\s?(?:bn|m|k|million|billion|thousand))?/.exec(after);
    const before = text.slice(Math.max(0, start - 25), start);
    if (range && digits !== undefined && (/-|–|to/.test(range[0]) || /\bbetween\s+$/i.test(before))) {
      const hi = digitsToNumber(range[1], (range[2] ?? scale)?.trim());
      if (hi !== undefined && hi > value && !/\b(?:score|won|beat|lost|drew)\b/i.test(text.slice(Math.max(0, start - 40), start))) {
        max = hi;
        end += range[0].length;
      }
    }
    const tail = text.slice(end, end + 40);
    if (symbol) {
      kind = 'money';
      unit = CURRENCY_SYMBOL[symbol];
    }
    const currencyAfter = /^\s?(dollars?|pounds?|euros?|yen)\b/i.exec(tail);
    const percent = /^\s?(%|per ?cent\b|percentage points?\b)/i.exec(tail);
    const duration = /^(?:-|\s)(second|minute|hour|day|week|month|year)s?\b(?!-old|\s+old\b)/i.exec(tail);
    if (currencyAfter) {
      kind = 'money';
      unit = CURRENCY_WORD[currencyAfter[1].toLowerCase()];
      end += currencyAfter[0].length;
    } else if (percent) {
      kind = 'percent';
      end += percent[0].length;
    } else if (duration && !symbol) {
      kind = 'duration';
      unit = 'minute';
      const factor = DURATION_MINUTES[duration[1].toLowerCase()];
      value *= factor;
      max *= factor;
      end += duration[0].length;
    } else if (/^(?:-|\s)years?[-\s]old\b/i.test(tail)) {
      take(start, end);
      continue; // ages
    } else if (!symbol && digits !== undefined && !scale && isYear(value) && (max === value || isYear(max)) && /^\d{4}$/.test(digits)) {
      kind = 'year'; // also "1996 to 2001", "between 2002 and 2004"
    }
    // Approximators and bounds widen the interval ("over 94,000" is 94,000 to about 108,000).
    for (const [re, widen] of QUALIFIERS) {
      const q = re.exec(before);
      if (q && kind !== 'year') {
        [value, max] = [widen(value)[0], widen(max)[1]];
        start -= q[0].length;
        break;
      }
    }
    const f = figure(kind, text, start, end, value, max, max !== value, unit);
    figures.push(kind === 'count' || kind === 'money' ? withCounted(f, text) : f);
    take(start, end);
  }
  return figures.sort((a, b) => a.start - b.start);
}

function isYear(n: number): boolean {
  return Number.isInteger(n) && n >= 1800 && n <= 2100;
}

function figure(kind: FigureKind, text: string, start: number, end: number, min: number, max: number, approximate: boolean, unit?: string): Figure {
  return { kind, unit, text: text.slice(start, end), start, end, min, max, approximate, counted: [], countedEnd: end };
}

/** Up to three words after the figure, up to a stop word or punctuation: what is counted. */
function withCounted(f: Figure, text: string): Figure {
  const re = /^(?:\s+of)?\s+([A-Za-z][\w'’-]*)/;
  const counted: string[] = [];
  let at = f.end;
  for (let i = 0; i < 3; i++) {
    const m = re.exec(text.slice(at, at + 60));
    // Stop at a verb-looking word after the noun ("300 trucks crossed").
    if (!m || STOP.has(m[1].toLowerCase()) || (i > 0 && /(ed|ing)$/i.test(m[1]))) break;
    counted.push(m[1].toLowerCase());
    at += m[0].length;
  }
  return { ...f, counted, countedEnd: at };
}
