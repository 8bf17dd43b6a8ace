// Digits that are not quantities: phone numbers, list markers, keycap emoji, and numbers that
// are part of a name ("Xbox 2", "COVID-19", "3D", "Boeing 737", "24/7"). Names are kept as
// labels, to be compared as written; the rest is left out.
import { MONTH_NAMES, NOT_A_NAME, WEEKDAY_NAMES } from './lexicon';
import type { Scan } from './scan';

const PHONE = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b/g;
const KEYCAP = /\d\uFE0F?\u20E3/gu;
const LIST_MARKER = /(?:^|\n)[ \t>*-]*\(?(\d{1,2})[.)](?=\s|$)/g;
const SLASHED = /(?<![\w$£€/.,])\d+\/\d+(?:\/\d+)?(?![\w/])/g;
/** A run of letters and digits mixed, with inner hyphens: "M16", "3D", "COVID-19", "SARS-CoV-2". */
const MIXED = /(?<![\w$£€.,-])(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*/g;
/** Units, scales and suffixes glued to digits that make a quantity, not a name. */
const QUANTITY_SUFFIX = /^(?:\d[\d,.]*)(?:st|nd|rd|th|s|k|m|bn|mn|tn|b|p|am|pm|km|cm|mm|kg|lb|lbs|oz|ft|mph|kph|gb|tb|mb|kb|mp|ghz|mhz|kw|mw|gw|kwh|mwh|gwh|bp|bps|secs?|mins?|hrs?)$/i;
const DATE_PREFIX = /^(?:mid|pre|post|late|early|end|start|circa|around|top|sub|under|over|non|anti|semi|multi|ex|up|down|half|full|year|month|week|day)$/i;

const TEMPERATURE_CONTEXT = /\b(?:temperatures?|degrees|heat|heatwave|cold|warm|warmest|hot|hottest|cool|freezing|frost|weather|thermometer|climate|high of|low of|mercury)\b|°/i;

function isQuantityToken(token: string): boolean {
  // Quarters, halves and fiscal years as results write them: "Q3", "3Q24", "2H", "FY24".
  if (/^(?:[QH][1-4]|[1-4]Q(?:\d{2})?|[12]H|FY(?:\d{2}|\d{4}))$/.test(token)) return true;
  const parts = token.split('-');
  // "12-nation", "29-year-old", "three-year", "mid-2005", "5,000m": a quantity and the words it goes with.
  if (/^\d/.test(parts[0])) return QUANTITY_SUFFIX.test(parts[0]) || /^\d[\d,.]*$/.test(parts[0]) && parts.slice(1).every((p) => /^[A-Za-z][a-z]+$/.test(p) || /^[a-z]$/.test(p) || /^\d+[a-z]*$/.test(p));
  return DATE_PREFIX.test(parts[0]) && parts.length > 1 && /^\d/.test(parts[1]);
}

/** "Xbox 2", "Boeing 737", "Radio 1", "Sims 4": a capitalised word and a number that names a thing, not a year. */
const NAME_NUMBER = /(?<![\w.])([A-Z][\p{L}'’]*)\s(\d+(?:\.\d+)?)(?!\d|\p{L}|[,.]\d|\s?(?:to|-|–|and)\s?\d|\s?(?:%|per\s?cent|percent|pct\b|st|nd|rd|th|s\b|bn\b|m\b|million|billion|thousand|GMT|BST|am\b|pm\b)|[-\s](?:years?|months?|weeks?|days?|hours?|minutes?|seconds?)\b)/gu;

export function scanNotQuantities(scan: Scan): void {
  const { text } = scan;
  if (!/\d/.test(text)) return;
  for (const re of [PHONE, KEYCAP]) for (const m of text.matchAll(re)) scan.take(m.index, m.index + m[0].length);
  for (const m of text.matchAll(LIST_MARKER)) {
    const at = m.index + m[0].lastIndexOf(m[1]);
    scan.take(at, at + m[1].length + 1);
  }
  for (const m of text.matchAll(SLASHED)) if (scan.free(m.index, m.index + m[0].length) && !/^\s?(?:month|year|day|week|hour|user)/.test(scan.after(m.index + m[0].length, 6))) scan.label(m.index, m.index + m[0].length);
  const weather = TEMPERATURE_CONTEXT.test(text);
  for (const m of text.matchAll(MIXED)) {
    if (isQuantityToken(m[0]) || !scan.free(m.index, m.index + m[0].length)) continue;
    // "35C", "95F" where the sentence speaks of heat or cold: a temperature (else "seat 12F" is a name).
    if ((weather || /(?:\bminus\s|-)$/i.test(text.slice(Math.max(0, m.index - 6), m.index))) && /^\d+(?:\.\d+)?[CF]$/.test(m[0])) continue;
    scan.label(m.index, m.index + m[0].length);
  }
}

export function scanNameNumbers(scan: Scan): void {
  if (!/[A-Z]\S*\s\d/.test(scan.text)) return;
  for (const m of scan.text.matchAll(NAME_NUMBER)) {
    const [whole, name, digits] = m;
    const lower = name.toLowerCase().replace(/['’]s$/, '');
    // Possessives ("Japan's 23,000 centenarians") and nationalities ("British 16-year-olds") come before counts, not in names.
    if (/['’]s$/.test(name) || /(?:ish|ian|ese|ean|can|ch)$/.test(lower) || NOT_A_NAME.has(lower) || /ly$/.test(lower) || MONTH_NAMES.includes(lower) || WEEKDAY_NAMES.includes(lower.replace(/s$/, '')) || /^(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$/.test(lower)) continue;
    const numberStart = m.index + whole.length - digits.length;
    if (/^\d{4}$/.test(digits) && Number(digits) >= 1800 && Number(digits) <= 2100) continue;
    if (!scan.free(numberStart, m.index + whole.length)) continue;
    scan.label(m.index, m.index + whole.length);
  }
}
