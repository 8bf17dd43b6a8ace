// Times of day, dates (day, month, year, weekday, spans and parts of months) and decades.
import type { DateParts } from './figure';
import { MONTH, monthNumber, NOT_A_NAME, WEEKDAY, WEEKDAY_NAMES } from './lexicon';
import { makeFigure, type Scan } from './scan';

const ZONE = '(?:GMT|BST|UTC|CET|CEST|EST|EDT|CST|PST|PDT|ET|PT|local time|hrs|hours)';
const TIME_12 = /\b(\d{1,2})(?:[:.](\d{2}))?\s?(am|pm|a\.m\.|p\.m\.)(?![a-z])/gi;
const TIME_COLON = /(?<![\d:.,])(\d{1,2}):(\d{2})(?![\d:])/g;
const TIME_24 = new RegExp(`\\b([01]\\d|2[0-3])([0-5]\\d)\\s?${ZONE}\\b`, 'g');
const NOON = /\b(noon|midday|midnight)\b/gi;

export function scanTimes(scan: Scan): void {
  const { text } = scan;
  if (!/\d|noon|midday|midnight/i.test(text)) return;
  const add = (start: number, end: number, minutes: number) => {
    if (!scan.free(start, end)) return;
    scan.add(makeFigure(text, { kind: 'time', start, end, value: minutes, unit: 'minute' }));
  };
  for (const m of text.matchAll(TIME_12)) {
    let hour = Number(m[1]);
    const minute = Number(m[2] ?? 0);
    if (hour < 1 || hour > 12 || minute > 59) continue;
    const pm = /^p/i.test(m[3]);
    hour = (hour % 12) + (pm ? 12 : 0);
    add(m.index, m.index + m[0].length, hour * 60 + minute);
  }
  for (const m of text.matchAll(TIME_24)) add(m.index, m.index + m[0].length, Number(m[1]) * 60 + Number(m[2]));
  for (const m of text.matchAll(TIME_COLON)) {
    const [hour, minute] = [Number(m[1]), Number(m[2])];
    if (hour <= 24 && minute <= 59) add(m.index, m.index + m[0].length, hour * 60 + minute);
  }
  for (const m of text.matchAll(NOON)) add(m.index, m.index + m[0].length, /midnight/i.test(m[1]) ? 0 : 720);
}

const PART = '(early|mid|late|end|the end of|the start of|the beginning of|the middle of)[-\\s]+';
const YEAR_AFTER = '(?:,?\\s+(?:of\\s+)?((?:1[89]|20)\\d\\d)\\b)?';
const WEEKDAY_BEFORE = `(?:${WEEKDAY},?\\s+(?:the\\s+)?)?`;
const ORD = '(?:st|nd|rd|th)?';
/** "Sunday 27 February 2005", "6 to 9 January", "the 5th of May". */
const DAY_MONTH = new RegExp(`\\b${WEEKDAY_BEFORE}(\\d{1,2})${ORD}(?:\\s*(?:-|–|to|until|till|and)\\s*(\\d{1,2})${ORD})?\\s+(?:of\\s+)?${MONTH}${YEAR_AFTER}`, 'gi');
/** "Monday, March 3", "August 31st, 2022", "January 6-9". */
const MONTH_DAY = new RegExp(`\\b${WEEKDAY_BEFORE}${MONTH}\\s+(\\d{1,2})${ORD}(?![\\d,.]\\d)(?:\\s*(?:-|–|to|until)\\s*(\\d{1,2})${ORD}\\b)?${YEAR_AFTER}\\b`, 'gi');
/** "July 2004", "late May", "end-January", "the start of March 2005". */
const MONTH_YEAR = new RegExp(`\\b(?:${PART})?${MONTH}(?:\\s+(?:of\\s+)?((?:1[89]|20)\\d\\d)\\b)?`, 'gi');
const WEEKDAY_ALONE = new RegExp(`\\b${WEEKDAY}\\b`, 'g');
const DECADE = /(?<!\w)(?:(1[89]|20)(\d)0|'(\d)0)s\b/g;

function dayRange(part: string | undefined): [number, number] | undefined {
  const p = part?.toLowerCase();
  if (!p) return undefined;
  if (p === 'early' || p === 'the start of' || p === 'the beginning of') return [1, 10];
  if (p === 'mid' || p === 'the middle of') return [10, 20];
  return [20, 31];
}

function dateFigure(scan: Scan, start: number, end: number, date: DateParts): void {
  if (!scan.free(start, end)) return;
  const month = date.month ?? 0;
  const [d1, d2] = date.day === undefined ? [1, 31] : [date.day, date.dayTo ?? date.day];
  const interval: [number, number] = date.month === undefined ? [date.weekday ?? 0, date.weekday ?? 0] : [(month - 1) * 31 + d1, (month - 1) * 31 + d2];
  const approximate = date.day === undefined ? date.month !== undefined : date.dayTo !== undefined;
  scan.add(makeFigure(scan.text, { kind: 'date', start, end, value: interval[0], valueTo: interval[1], interval, unit: date.month === undefined ? 'weekday' : 'day', date, approximate }));
}

const weekdayNumber = (name: string | undefined) => (name ? WEEKDAY_NAMES.indexOf(name.toLowerCase()) + 1 : undefined);

/** "may" in lower case is the verb. */
const isVerbMay = (word: string) => word === 'may';

/** "May" alone is also a name ("Theresa May"): a month when a preposition or a date word stands before it. */
function mayIsMonth(scan: Scan, start: number): boolean {
  const before = /([A-Za-z]+)\W*$/.exec(scan.before(start, 20))?.[1].toLowerCase();
  return !!before && /^(in|by|since|until|till|from|of|for|last|next|early|mid|late|end|this|before|after|during|through|throughout|to|on|between|and|or|since|until)$/.test(before);
}

/** A weekday, unless it is part of a name ("the Sunday Times", "Good Friday"). */
function weekdayInName(scan: Scan, start: number, end: number): boolean {
  const next = /^\s+([A-Z][a-z]+)/.exec(scan.after(end, 20))?.[1];
  if (next && !monthNumber(next) && !NOT_A_NAME.has(next.toLowerCase())) return true;
  const previous = scan.wordBefore(start);
  return !!previous && /^[A-Z]/.test(previous.word) && !scan.sentenceInitial(previous.start) && !NOT_A_NAME.has(previous.word.toLowerCase()) && !WEEKDAY_NAMES.includes(previous.word.toLowerCase());
}

/** Every date names a month or a weekday: most sentences have neither, and these patterns are the slowest. */
const MONTH_OR_DAY = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun/i;

export function scanDates(scan: Scan): void {
  const { text } = scan;
  if (!MONTH_OR_DAY.test(text)) return;
  const year = (y: string | undefined) => (y ? Number(y) : undefined);
  const dayOfMonth = (at: number, whole: string, parts: { weekday?: string; monthName: string; dayA: string; dayB?: string; y?: string }) => {
    const [day, dayTo] = [Number(parts.dayA), parts.dayB ? Number(parts.dayB) : undefined];
    if (isVerbMay(parts.monthName) || day < 1 || day > 31 || (dayTo !== undefined && (dayTo <= day || dayTo > 31))) return;
    dateFigure(scan, at, at + whole.length, { year: year(parts.y), month: monthNumber(parts.monthName), day, dayTo, weekday: weekdayNumber(parts.weekday) });
  };
  for (const m of text.matchAll(DAY_MONTH)) dayOfMonth(m.index, m[0], { weekday: m[1], dayA: m[2], dayB: m[3], monthName: m[4], y: m[5] });
  for (const m of text.matchAll(MONTH_DAY)) dayOfMonth(m.index, m[0], { weekday: m[1], monthName: m[2], dayA: m[3], dayB: m[4], y: m[5] });
  for (const m of text.matchAll(MONTH_YEAR)) {
    const [whole, part, monthName, y] = m;
    const bare = !part && !y;
    if (isVerbMay(monthName) || (/^may$/i.test(monthName) && bare && !mayIsMonth(scan, m.index))) continue;
    // Bare abbreviations ("Mar", "Dec") and lower-case names ("a protest march") are other words.
    if (bare && (!/^[A-Z]/.test(monthName) || /^(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?$/i.test(monthName))) continue;
    const range = dayRange(part);
    dateFigure(scan, m.index, m.index + whole.length, { year: year(y), month: monthNumber(monthName), day: range?.[0], dayTo: range?.[1] });
  }
  for (const m of text.matchAll(WEEKDAY_ALONE)) {
    const end = m.index + m[0].length;
    if (!scan.free(m.index, end) || weekdayInName(scan, m.index, end)) continue;
    dateFigure(scan, m.index, end, { weekday: weekdayNumber(m[1]) });
  }
}

export function scanDecades(scan: Scan): void {
  if (!/\d0s\b/.test(scan.text)) return;
  for (const m of scan.text.matchAll(DECADE)) {
    const start = m.index;
    const end = m.index + m[0].length;
    if (!scan.free(start, end)) continue;
    const decade = m[1] ? Number(`${m[1]}${m[2]}0`) : Number(m[3]) >= 3 ? 1900 + Number(m[3]) * 10 : 2000 + Number(m[3]) * 10;
    scan.add(makeFigure(scan.text, { kind: 'year', start, end, value: decade, valueTo: decade + 9 }));
  }
}
