// Words the figure extractor reads: months, weekdays, currencies, units, scales and the
// qualifiers that bound a value. English, as the corpora are.
import type { Bound } from './figure';

export const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** A month name or its abbreviation ("Sept.", "Jan"), as a regex group. */
export const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?![a-z])\\.?)(?![a-z])';
export const WEEKDAY = '(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?';
export const WEEKDAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

export function monthNumber(name: string): number {
  return MONTH_NAMES.findIndex((m) => m.startsWith(name.slice(0, 3).toLowerCase())) + 1;
}

export const CURRENCY_SYMBOL: Record<string, string> = { $: 'USD', 'US$': 'USD', 'A$': 'AUD', 'C$': 'CAD', 'HK$': 'HKD', '£': 'GBP', '€': 'EUR', '¥': 'JPY', '₹': 'INR' };
export const CURRENCY_SYMBOLS = '(US\\$|A\\$|C\\$|HK\\$|[$£€¥₹])';
/** Currency words after a number, with the factor to the currency's unit (pence are hundredths of a pound). */
export const CURRENCY_WORD: Record<string, [string, number]> = {
  dollar: ['USD', 1], dollars: ['USD', 1], usd: ['USD', 1], cent: ['USD', 0.01], cents: ['USD', 0.01],
  pound: ['GBP', 1], pounds: ['GBP', 1], sterling: ['GBP', 1], gbp: ['GBP', 1], pence: ['GBP', 0.01], p: ['GBP', 0.01],
  euro: ['EUR', 1], euros: ['EUR', 1], centime: ['EUR', 0.01], centimes: ['EUR', 0.01], eur: ['EUR', 1], yen: ['JPY', 1], yuan: ['CNY', 1], rupees: ['INR', 1], rupee: ['INR', 1], francs: ['CHF', 1],
  bucks: ['USD', 1], quid: ['GBP', 1], grand: ['USD', 1000],
  baht: ['THB', 1], roubles: ['RUB', 1], rubles: ['RUB', 1], pesos: ['MXN', 1], rand: ['ZAR', 1], lira: ['TRY', 1], shekels: ['ILS', 1], ringgit: ['MYR', 1], rupiah: ['IDR', 1], naira: ['NGN', 1], krona: ['SEK', 1], kronor: ['SEK', 1], kroner: ['NOK', 1],
};

/** Units of measure, each with its base unit and factor ("8km" is 8,000 m). */
export const MEASURE_UNIT: Record<string, [string, number]> = {
  mm: ['m', 0.001], cm: ['m', 0.01], m: ['m', 1], metre: ['m', 1], metres: ['m', 1], meter: ['m', 1], meters: ['m', 1],
  km: ['m', 1000], kilometre: ['m', 1000], kilometres: ['m', 1000], kilometer: ['m', 1000], kilometers: ['m', 1000],
  mile: ['m', 1609.344], miles: ['m', 1609.344], ft: ['m', 0.3048], feet: ['m', 0.3048], foot: ['m', 0.3048], inch: ['m', 0.0254], inches: ['m', 0.0254], yards: ['m', 0.9144], yard: ['m', 0.9144],
  grams: ['g', 1], kg: ['g', 1000], kilograms: ['g', 1000], kilos: ['g', 1000], tonnes: ['g', 1e6], tonne: ['g', 1e6], tons: ['g', 1e6], ton: ['g', 1e6],
  lb: ['g', 453.59237], lbs: ['g', 453.59237], ounces: ['g', 28.349523], oz: ['g', 28.349523], stone: ['g', 6350.29318],
  kb: ['B', 1e3], mb: ['B', 1e6], gb: ['B', 1e9], tb: ['B', 1e12], kilobytes: ['B', 1e3], megabytes: ['B', 1e6], gigabytes: ['B', 1e9], terabytes: ['B', 1e12], terabyte: ['B', 1e12], gigabyte: ['B', 1e9], megabyte: ['B', 1e6],
  megapixel: ['px', 1e6], megapixels: ['px', 1e6], mp: ['px', 1e6],
  mph: ['m/h', 1609.344], kph: ['m/h', 1000], 'km/h': ['m/h', 1000],
  ghz: ['Hz', 1e9], mhz: ['Hz', 1e6], kw: ['W', 1e3], mw: ['W', 1e6], gw: ['W', 1e9], kwh: ['Wh', 1e3], mwh: ['Wh', 1e6], gwh: ['Wh', 1e9],
  litres: ['l', 1], litre: ['l', 1], liters: ['l', 1], liter: ['l', 1], gallons: ['l', 3.785411784], acres: ['m2', 4046.8564224], hectares: ['m2', 1e4], 'sq ft': ['m2', 0.09290304],
  degrees: ['°', 1], '°c': ['°C', 1], '°f': ['°F', 1],
};
/** Longest first, so "km/h" wins over "km" and "kwh" over "kw". */
export const MEASURE_UNITS = Object.keys(MEASURE_UNIT)
  .sort((a, b) => b.length - a.length)
  .map((u) => u.replace(/[/°]/g, (c) => `\\${c}`))
  .join('|');

/** Durations in minutes. */
export const DURATION_MINUTES: Record<string, number> = {
  second: 1 / 60, minute: 1, hour: 60, day: 1440, week: 10080, fortnight: 20160, month: 43830, quarter: 131490, year: 525960, decade: 5259600, century: 52596000,
};
export const DURATION_UNIT = '(second|minute|hour|day|week|fortnight|month|year|decade|centur(?:y|ie))s?';

/** Approximators and bounds before a figure, longest first. */
export const QUALIFIERS: Array<[RegExp, Bound]> = [
  [/\b(?:more than|over|above|at least|upwards of|in excess of|just over|exceeding|no less than|no fewer than)\s+$/i, 'over'],
  // "edged up to 102.5" is where a figure went, not a bound.
  [/\b(?:fewer than|less than|under|below|(?<!\b(?:rose|risen|rising|edged|edging|went|gone|going|moved|moving|climbed|climbing|jumped|shot|crept|ticked|inched|pushed|revised|raised|increased|ramped|stepped|picked|grew|grown|soared|surged|bumped)\s)up to|at most|as many as|as much as|no more than|just under|a maximum of|a max of)\s+$/i, 'under'],
  [/\b(?:about|around|roughly|approximately|some|an estimated|estimated|close to|circa|approx\.?|nearly|almost|just about|more or less)\s+$/i, 'about'],
];
/** Bounds written after a figure: "5% or more", "40-odd", "100-plus". */
export const POST_QUALIFIERS: Array<[RegExp, Bound]> = [
  [/^(?:\s+or\s+(?:more|above|over|higher|greater)|\s+and\s+(?:above|over|up)|-?plus\b|\+)/i, 'over'],
  [/^(?:\s+or\s+(?:less|fewer|under|below|lower))/i, 'under'],
  [/^(?:\s+or\s+so\b|-odd\b|\s+odd\b(?=\s+\w+s\b)|ish\b)/i, 'about'],
];

/**
 * Words that may stand before a number without making it part of a name: in "Sims 4" or
 * "Xbox 2" the number names a product; in "About 50", "By 2005" or "Another 10" it does not.
 */
export const NOT_A_NAME = new Set(
  ('a an the and or but nor of in on at by for from to into onto with without within since until till after before during between among ' +
    'about around over under above below nearly almost only just some all another each every any no more less fewer than then ' +
    'there these those this that its their his her our my your it they we he she i you me us them who which what when where why how ' +
    'roughly approximately exactly barely fully total top up down per via plus minus least most estimated average ' +
    'is are was were be been being has have had do does did will would can could may might must shall should ' +
    'mr mrs ms dr prof sir st page pages para paragraph chapter section article no number issue version vol volume episode part ' +
    'yes yeah ok okay so well oh now also even still not never ever already again here yesterday today tonight tomorrow meanwhile however overall altogether instead otherwise perhaps maybe then thus hence since').split(' '),
);

export const STOP = new Set(
  ('a an and are as at be been but by for from had has have he her his in into is it its of on or said says she than that the their them they this to was were which who will with would while after before during most ' +
    'along across near around over under between through toward towards within without against since per each last next ago more less about up down off out versus vs compared ' +
    // Modal and auxiliary verbs: after "the two could work together" the number is the subject and counts nothing named.
    'can cannot could may might must shall should do does did').split(' '),
);
