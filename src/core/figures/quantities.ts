// Numbers in digits or words and what they measure: money, percentages, durations, measures,
// ages, years and counts, with ranges, bounds and rates ("$100/month", "barrels a day").
import type { Bound, FigureKind } from './figure';
import {
  CURRENCY_SYMBOL, CURRENCY_SYMBOLS, CURRENCY_WORD, DURATION_MINUTES, DURATION_UNIT, MEASURE_UNIT, MEASURE_UNITS, MONTH_NAMES, NOT_A_NAME, POST_QUALIFIERS, QUALIFIERS, STOP, WEEKDAY_NAMES,
} from './lexicon';
import { digitsToNumber, NUMBER_WORD, wordsToNumber } from './numbers';
import { makeFigure, withCounted, type Scan } from './scan';

const DIGITS = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';
// "$1.5B" as earnings summaries write billions; a bare "3b" (a room, a clause) is no figure.
const SCALE = '(?:trillion|billion|million|thousand|bn|mn|mln|tn|k|m|b)';
const WORD_NUMBER = `(?:${NUMBER_WORD})(?:(?:\\s+and\\s+|[\\s-]+)(?:${NUMBER_WORD}))*`;
/** "two and a half", and spoken decimals: "twelve point five", "twelve dot fifty". */
const WORDS = `${WORD_NUMBER}(?:\\s+and\\s+a\\s+half|\\s+(?:point|dot)\\s+${WORD_NUMBER})?`;
const NUMBER_RE = new RegExp(`(?<![\\w.,/])(?:${CURRENCY_SYMBOLS}\\s?)?(?:(${DIGITS})(?:\\s?(${SCALE})\\b)?|\\b(${WORDS})\\b)`, 'giu');
const RANGE_RE = new RegExp(`^\\s*(-|–|—|to|and|or)\\s*${CURRENCY_SYMBOLS}?\\s?(?:(${DIGITS})|(${WORDS})\\b)(?:\\s?(${SCALE})\\b)?`, 'iu');
const BEFORE_LOCATOR = /(?:\b(?:page|pages|p|pp|para|paras|paragraph|chapter|section|no|number|article|version|v|issue|episode|vol|volume|part|rule|clause|line|lines|room|flight|route|platform|gate|junction|exit|channel|level|grade|stage|phase|round|week|day|game)\.?|#|№)\s*$/i;
const CURRENCY_AFTER = /^(\s?)(dollars?|pounds?|sterling|euros?|pence|cents?|centimes?|yen|yuan|rupees?|francs|baht|roubles|rubles|pesos|rand|lira|shekels|ringgit|rupiah|naira|krona|kronor|kroner|bucks|quid|usd|eur|gbp|p)\b/i;
const PERCENT_AFTER = /^\s?(%|per ?cent\b|percent\b|pct\b|pc\b|percentage points?\b)/i;
const BASIS_POINTS_AFTER = /^\s?(?:basis[\s-]points?|bps|bp)\b/i;
const DURATION_AFTER = new RegExp(`^(?:-|\\s)${DURATION_UNIT}\\b(?![-\\s]old)`, 'i');
const MAN_HOURS = /^\s?(?:man|person)-hours?\b/i;
/** "7.23secs", "90 mins", "2hrs": the units of a time as sport and listings abbreviate them. */
const DURATION_ABBREVIATED = /^\s?(sec|min|hr)s?\b(?!\.\w)/i;
const ABBREVIATED_UNIT: Record<string, string> = { sec: 'second', min: 'minute', hr: 'hour' };
const AGE_AFTER = /^(?:-|\s)(year|month|week|day)s?[-\s]olds?\b/i;
const MEASURE_AFTER = new RegExp(`^\\s?(${MEASURE_UNITS})(?![\\w/])`, 'i');
const RATE = /^(?:\s?\/\s?|\s+per\s+|\s+an?\s+|\s+(?:for\s+)?each\s+(?:[A-Z][\w&-]*\s+)?)(month|year|annum|day|week|hour|night|user|person|head|share|capita|seat|unit|employee|customer|month|office|room|mile|gallon|litre|kilo|kg|pound)\b(?!\s+(?:ago|earlier|before|later|back|previously|on)\b)/i;
const WEIGHT_CONTEXT = /\b(weigh|weighs|weighed|weighing|weight|heavier|lighter|heavy|lost|lose|losing|gained|gain)\b/i;
/** Words around a bare "Nm" that make it metres: a race, a jump, a depth. */
const LENGTH_CONTEXT = /\b(final|finals|finalist|title|titles|race|races|relay|hurdles|freestyle|breaststroke|backstroke|butterfly|medley|sprint|dash|record|heat|heats|jump|jumped|jumps|leap|leapt|vault|throw|threw|javelin|discus|hammer|metres?|meters?|tall|high|deep|long|wide|height|depth|distance|altitude|track|olympic|athletics|indoor|outdoor|personal best|season's best|runner|ran|running|swimmer|swam|lap|laps)\b/i;
/** Words right after "Nm" that make it a distance: "100m final", "200m titles", "30m to score" is not enough. */
const LENGTH_NEXT = /^(final|finals|finalist|finalists|title|titles|race|races|relay|hurdles|hurdler|freestyle|breaststroke|backstroke|butterfly|medley|sprint|sprinter|sprinters|dash|record|records|heat|heats|champion|champions|championship|gold|silver|bronze|medal|medallist|event|events|runner|runners|swimmer|swimmers|penalty|kick|drop|jump|long|high|deep|tall|wide|above|below|away|up|down)$/;
const MONEY_CONTEXT = /[$£€]|\b(sales|revenue|profits?|budget|worth|cost|costs|price|deal|fund|funds|pay|paid|debt|loss|losses|shares|bid|fine|spend|spent|raise|raised|valued?|income|turnover|viewers|people|users|customers|copies|homes|jobs|euros|dollars|pounds)\b/i;
/** Standard race distances in metres, run and swum. */
const RACE_DISTANCES = new Set([50, 60, 100, 110, 200, 400, 800, 1500, 3000, 5000, 10000]);
const AGE_BEFORE = /\b(?:aged|age|ages|the age of|ages of)\s+$/i;
const AGE_GROUP = /^s\b/;
const APPOSITIVE_AGE = /[A-Z][\p{L}'’-]+,\s$/u;

interface Parsed {
  value: number;
  valueTo: number;
  /** What the wording allows, when other than the value ("95F" is 35C give or take a quarter degree). */
  interval?: [number, number];
  kind: FigureKind;
  unit?: string;
  per?: string;
  start: number;
  end: number;
}

const numberFrom = (digits: string | undefined, words: string | undefined, scale?: string) =>
  digits !== undefined ? digitsToNumber(digits, scale?.trim()) : words !== undefined ? wordsToNumber(words) : undefined;

function isYear(n: number, digits?: string): boolean {
  return Number.isInteger(n) && n >= 1800 && n <= 2100 && !!digits && /^\d{4}$/.test(digits);
}

/** Is a bare "Nm" (no currency) in metres rather than millions? */
function isMetres(scan: Scan, end: number, digits: string): boolean {
  const next = scan.after(end, 40);
  const nextWord = /^\s+([a-z]+)/.exec(next)?.[1];
  if (nextWord && LENGTH_NEXT.test(nextWord)) return true;
  // "12m people", "the 45m viewers": millions of something counted.
  if (nextWord && !STOP.has(nextWord) && /s$/.test(nextWord) && !/ss$/.test(nextWord)) return false;
  const before = scan.before(end - digits.length - 1, 30);
  const sentence = `${scan.before(end, 120)} ${next}`;
  if (MONEY_CONTEXT.test(sentence)) return false;
  if (/\b(?:the|her|his|their|men's|women's|boys'|girls')\s+(?:(?:last|final|first|opening|closing)\s+)?$/i.test(before) && (RACE_DISTANCES.has(Number(digits.replace(/,/g, ''))) || /(?:last|final|first|opening|closing)\s+$/i.test(before))) return true;
  return LENGTH_CONTEXT.test(sentence) || /\.\d\d$/.test(digits);
}

export function scanQuantities(scan: Scan): void {
  const { text } = scan;
  for (const m of text.matchAll(NUMBER_RE)) {
    const [whole, symbol, digits, scale, words] = m;
    let start = m.index;
    let end = m.index + whole.length;
    if (!scan.free(start, end)) continue;
    if (BEFORE_LOCATOR.test(scan.before(start, 14))) continue;
    if (words && /\s[A-Z]/.test(words.trim())) continue;
    if (words) {
      // A capitalised number word inside a sentence names something ("Ocean's Eleven", "the Three Gorges").
      if (/^[A-Z]/.test(words) && !scan.sentenceInitial(start)) continue;
      // "one" counts when a word insists on the number ("only one plan"); else it is mostly a pronoun ("one of them").
      // "one-time" counts times as "two-time" does: a one-time fee is paid once.
      const times = /^one$/i.test(words.trim()) && /^-time\b/i.test(scan.after(end, 6));
      if (/^(one|a|an)$/i.test(words.trim()) && !times && !unitFollows(scan.after(end, 24)) && !insistsOnOne(scan, start, end)) continue;
      if (/^one$/i.test(words.trim()) && /^-(off|on-one|way|sided|stop|size)\b/i.test(scan.after(end, 12))) continue;
    }
    if (scale?.toLowerCase() === 'b' && !symbol) continue;
    let value = numberFrom(digits, words, scale);
    if (value === undefined) continue;
    const parsed: Parsed = { value, valueTo: value, kind: 'count', start, end };
    if (symbol) [parsed.kind, parsed.unit] = ['money', CURRENCY_SYMBOL[symbol]];
    // A bare "5,000m" or "6.50m" in a race or a jump is metres.
    if (!symbol && digits !== undefined && scale?.toLowerCase() === 'm' && isMetres(scan, end, digits)) {
      value = digitsToNumber(digits)!;
      Object.assign(parsed, { value, valueTo: value, kind: 'measure', unit: 'm' });
    }
    readRange(scan, parsed, digits, scale, symbol);
    ({ start, end } = parsed);
    if (!readUnit(scan, parsed, digits, scale)) continue;
    ({ end } = parsed);
    const bound = readBound(scan, parsed);
    if (parsed.kind === 'count' && isAge(scan, parsed, digits)) parsed.kind = 'age';
    else if (parsed.kind === 'count' && !bound && saidAsMark(scan, parsed)) parsed.unit = 'mark';
    const rate = RATE.exec(scan.after(parsed.end, 40));
    if (rate && (parsed.kind === 'money' || parsed.kind === 'count')) {
      parsed.per = rate[1].toLowerCase().replace(/^annum$/, 'year');
      if (/^\s?\//.test(rate[0]) || parsed.kind === 'money') parsed.end += rate[0].length;
    }
    const f = makeFigure(text, { kind: parsed.kind, start: bound?.start ?? parsed.start, end: parsed.end, value: parsed.value, valueTo: parsed.valueTo, unit: parsed.unit, per: parsed.per, bound: bound?.bound, qualifier: bound?.word, interval: bound ? undefined : parsed.interval });
    const counted = parsed.kind === 'count' || parsed.kind === 'money' || parsed.kind === 'percent' || parsed.kind === 'measure' ? withCounted(f, text) : f;
    // "60,000 barrels a day": the rate comes after what is counted.
    const countedRate = !parsed.per && parsed.kind === 'count' ? RATE.exec(scan.after(counted.countedEnd, 20)) : null;
    scan.add(countedRate ? { ...counted, per: countedRate[1].toLowerCase(), countedEnd: counted.countedEnd + countedRate[0].length } : counted);
    if (countedRate) scan.take(counted.countedEnd, counted.countedEnd + countedRate[0].length);
  }
}

/**
 * "one" counts when a word insists on the number ("only one plan"), or when it is a number said as
 * a noun ("I'll give it a one."); else it is mostly a pronoun ("one of them", "one person").
 */
function insistsOnOne(scan: Scan, start: number, end: number): boolean {
  if (!/^one$/i.test(scan.text.slice(start, end))) return false;
  if (/\b(?:only|just|exactly|merely|single)\s+$/i.test(scan.before(start, 10)) && /^\s+[a-z]/.test(scan.after(end, 3))) return true;
  // "only one health and one life insurance plan": the second "one" is as insistent as the first.
  if (/\b(?:only|just|exactly|merely)\s+one\s+[a-z]+(?:\s+[a-z]+)?\s+(?:and|or)\s+$/i.test(scan.before(start, 50)) && /^\s+[a-z]/.test(scan.after(end, 3))) return true;
  return /\ba\s+$/i.test(scan.before(start, 3)) && /^\s*(?:[.,;:!?)"”]|$|or\s)/.test(scan.after(end, 4));
}

/**
 * A small number said as a noun after "a" counts nothing: it is a mark or a rating ("rated it
 * a \"three\"", "I think it's a one."), compared only with other marks.
 */
function saidAsMark(scan: Scan, parsed: Parsed): boolean {
  if (parsed.value > 10 || parsed.valueTo !== parsed.value || !Number.isInteger(parsed.value)) return false;
  if (!/\b(?:a|an)\s+["“‘']?$/i.test(scan.before(parsed.start, 6))) return false;
  return /^["”’']?\s*(?:[.,;:!?)]|$|(?:for|because|out|on|in|and|or|but|as|with|from|by|at|if|since|overall)\b)/i.test(scan.after(parsed.end, 12));
}

/** Whether a unit, a scale or a currency follows a bare "one" / "a" ("one million", "one week", "one dollar"). */
function unitFollows(after: string): boolean {
  return new RegExp(`^(?:[\\s-](?:hundred|thousand|million|billion|trillion|dozen)\\b|${DURATION_AFTER.source.slice(1)}|\\s?(?:%|per ?cent)|\\s(?:dollar|pound|euro|${MEASURE_UNITS})\\b)`, 'i').test(after);
}

/** "1,000 to 2,000", "$4.2bn to $4.35bn", "between 80,000 and 100,000", "10 or 15"; "from 15 to 25" is a change, not a range. */
function readRange(scan: Scan, parsed: Parsed, digits: string | undefined, scale: string | undefined, symbol: string | undefined): void {
  const r = RANGE_RE.exec(scan.after(parsed.end, 40));
  if (!r) return;
  const [whole, joiner, upperSymbol, upperDigits, upperWords, upperScale] = r;
  if ((digits === undefined) !== (upperDigits === undefined)) return;
  if (upperSymbol && upperSymbol !== symbol) return;
  const before = scan.before(parsed.start, 25);
  const j = joiner.toLowerCase();
  // "16 and 17-year-olds" is one range of ages.
  if (j === 'and' && !/\bbetween\s+(?:\S+\s+)?$/i.test(before) && !AGE_AFTER.test(scan.after(parsed.end + whole.length, 14))) return;
  const years = isYear(parsed.value, digits) && !!upperDigits && /^\d{2}(\d{2})?$/.test(upperDigits);
  if (j === 'to' && !years && /\bfrom\s+(?:\S+\s+)?$/i.test(before)) return;
  if (j === 'or' && /^\s*or\s*(more|less|fewer|so)\b/i.test(whole)) return;
  const factor = parsed.kind === 'measure' ? 1 : upperScale && !scale ? digitsToNumber('1', upperScale) ?? 1 : 1;
  let high = numberFrom(upperDigits, upperWords, parsed.kind === 'measure' ? undefined : (upperScale ?? scale));
  if (high === undefined) return;
  // "2004-05": a season, the second year written short.
  if (isYear(parsed.value, digits) && upperDigits && /^\d{2}$/.test(upperDigits) && j !== 'or') high = Math.floor(parsed.value / 100) * 100 + high;
  const low = parsed.value * factor;
  if (high <= low) return;
  parsed.value = low;
  parsed.valueTo = high;
  parsed.end += whole.length;
}

/** "35C", "95F", "40 degrees Celsius", "-5C", "minus 5C": kept in degrees Celsius, so "95F" meets "35C". */
const TEMPERATURE_AFTER = /^\s?(?:°\s?|degrees?\s+)?(?:([CF])(?![\w'’])|([Cc]elsius|[Ff]ahrenheit|[Cc]entigrade)\b)/;

function readTemperature(scan: Scan, parsed: Parsed, m: RegExpExecArray): void {
  const minus = /(?:\bminus\s+|(?<![\w.])-)$/i.exec(scan.before(parsed.start, 6));
  if (minus) {
    parsed.start -= minus[0].length;
    [parsed.value, parsed.valueTo] = [-parsed.valueTo, -parsed.value];
  }
  const fahrenheit = (m[1] ?? m[2]).toLowerCase().startsWith('f');
  if (fahrenheit) {
    const celsius = (f: number) => ((f - 32) * 5) / 9;
    // Read to the nearest degree Fahrenheit: "95F" is 35C, as "40C (104F)" is written.
    parsed.interval = [celsius(parsed.value - 0.5), celsius(parsed.valueTo + 0.5)];
    [parsed.value, parsed.valueTo] = [celsius(parsed.value), celsius(parsed.valueTo)];
  }
  Object.assign(parsed, { kind: 'measure', unit: '°C' });
  parsed.end += m[0].length;
}

/** The unit after the number; false when what follows makes it no figure at all. */
function readUnit(scan: Scan, parsed: Parsed, digits: string | undefined, scale: string | undefined): boolean {
  const tail = scan.after(parsed.end, 40);
  const scaled = (f: number) => {
    parsed.value *= f;
    parsed.valueTo *= f;
  };
  if (digits !== undefined && !scale && /^(?:st|nd|rd|th)\b/i.test(tail)) return false;
  const currency = CURRENCY_AFTER.exec(tail);
  if (currency && parsed.kind !== 'measure' && !(currency[2].toLowerCase() === 'p' && (currency[1] || digits === undefined))) {
    const word = currency[2].toLowerCase();
    if (/^pounds?$/.test(word) && !scan.text.slice(0, parsed.start).match(/[£]\s*$/) && WEIGHT_CONTEXT.test(scan.before(parsed.start, 50))) {
      Object.assign(parsed, { kind: 'measure', unit: 'g' });
      scaled(453.59237);
    } else {
      const [unit, factor] = CURRENCY_WORD[word];
      Object.assign(parsed, { kind: 'money', unit });
      scaled(factor);
    }
    parsed.end += currency[0].length;
    return true;
  }
  const percent = PERCENT_AFTER.exec(tail);
  if (percent) {
    Object.assign(parsed, { kind: 'percent', unit: /points?/i.test(percent[1]) ? 'point' : undefined });
    parsed.end += percent[0].length;
    return true;
  }
  // "150 basis points" is 1.5 percentage points, as earnings calls say a margin moved.
  const basis = BASIS_POINTS_AFTER.exec(tail);
  if (basis && parsed.kind === 'count') {
    Object.assign(parsed, { kind: 'percent', unit: 'point' });
    scaled(0.01);
    parsed.end += basis[0].length;
    return true;
  }
  if (parsed.kind === 'money') return true;
  const age = AGE_AFTER.exec(tail);
  if (age) {
    scaled(DURATION_MINUTES[age[1].toLowerCase()] / DURATION_MINUTES.year);
    Object.assign(parsed, { kind: 'age', unit: undefined });
    parsed.end += age[0].length;
    return true;
  }
  const abbreviated = DURATION_ABBREVIATED.exec(tail);
  const duration = DURATION_AFTER.exec(tail) ?? (MAN_HOURS.test(tail) ? ['', 'hour'] : abbreviated ? [abbreviated[0], ABBREVIATED_UNIT[abbreviated[1].toLowerCase()]] : null);
  if (duration && parsed.kind !== 'measure') {
    const whole = duration[0] || MAN_HOURS.exec(tail)![0];
    scaled(DURATION_MINUTES[duration[1].toLowerCase().replace(/^centurie$/, 'century')]);
    Object.assign(parsed, { kind: 'duration', unit: 'minute' });
    parsed.end += whole.length;
    readCompoundDuration(scan, parsed, duration[1].toLowerCase());
    return true;
  }
  const ages = AGE_GROUP.exec(tail);
  if (ages && digits && /^\d{2}$/.test(digits)) {
    // "in their 70s" spans a decade of ages; "the over-65s" is a bound.
    if (ages[0] && /\b(?:his|her|their|my|your|our)\s+(?:(?:early|mid|late)[\s-]+)?$/i.test(scan.before(parsed.start, 20))) parsed.valueTo = parsed.value + 9;
    Object.assign(parsed, { kind: 'age' });
    parsed.end += ages[0].length;
    return true;
  }
  const temperature = parsed.kind === 'count' ? TEMPERATURE_AFTER.exec(tail) : null;
  if (temperature) {
    readTemperature(scan, parsed, temperature);
    return true;
  }
  const measure = parsed.kind === 'measure' ? null : MEASURE_AFTER.exec(tail);
  // A unit word with a capital is a title ("21 Grams"), not a unit.
  if (measure && measure[1].length > 3 && /^\s?[A-Z][a-z]/.test(measure[0])) return true;
  if (measure && !(measure[1].toLowerCase() === 'm' && scale) && measure[1] !== 'in') {
    const [unit, factor] = MEASURE_UNIT[measure[1].toLowerCase()] ?? [];
    if (unit && !(measure[1].toLowerCase() === 'mp' && /^\s?MPs?\b/.test(tail))) {
      Object.assign(parsed, { kind: 'measure', unit });
      scaled(factor);
      parsed.end += measure[0].length;
      return true;
    }
  }
  if (parsed.kind === 'count' && !scale && isYear(parsed.value, digits) && (parsed.valueTo === parsed.value || isYear(parsed.valueTo, String(parsed.valueTo)))) parsed.kind = 'year';
  return true;
}

const SMALLER: Record<string, string[]> = { year: ['month', 'week', 'day'], month: ['week', 'day'], week: ['day'], day: ['hour'], hour: ['minute'], minute: ['second'] };

/** "two hours 23 minutes", "one minute, 49.87 seconds", "three years and six months". */
const SMALLER_AFTER = Object.fromEntries(Object.entries(SMALLER).map(([unit, smaller]) => [unit, new RegExp(`^,?\\s*(?:and\\s+)?(${DIGITS}|${NUMBER_WORD})[-\\s](${smaller.join('|')})s?\\b`, 'i')]));

function readCompoundDuration(scan: Scan, parsed: Parsed, unit: string): void {
  for (let current = unit; SMALLER_AFTER[current]; ) {
    const m = SMALLER_AFTER[current].exec(scan.after(parsed.end, 40));
    if (!m) return;
    const n = numberFrom(/^\d/.test(m[1]) ? m[1] : undefined, /^\d/.test(m[1]) ? undefined : m[1]);
    if (n === undefined) return;
    const minutes = n * DURATION_MINUTES[m[2].toLowerCase()];
    parsed.value += minutes;
    parsed.valueTo += minutes;
    parsed.end += m[0].length;
    current = m[2].toLowerCase();
  }
}

/** A bound before the figure ("more than", "about") or after it ("or more"). */
function readBound(scan: Scan, parsed: Parsed): { bound: Bound; word: string; start: number } | undefined {
  if (parsed.kind === 'year') return undefined;
  const after = scan.after(parsed.end, 20);
  for (const [re, bound] of POST_QUALIFIERS) {
    const q = re.exec(after);
    if (q) {
      parsed.end += q[0].length;
      return { bound, word: q[0].trim(), start: parsed.start };
    }
  }
  const before = scan.before(parsed.start, 30);
  for (const [re, bound] of QUALIFIERS) {
    const q = re.exec(before);
    if (q) return { bound, word: q[0].trim(), start: parsed.start - q[0].length };
  }
  return undefined;
}

/** "aged 17", "Joss Stone, 17, was", "John Smith (45)": a bare number that is someone's age. */
function isAge(scan: Scan, parsed: Parsed, digits: string | undefined): boolean {
  if (!digits || !/^\d{1,3}$/.test(digits) || parsed.value > 120 || parsed.value < 1) return false;
  if (AGE_BEFORE.test(scan.before(parsed.start, 16))) return true;
  const after = scan.after(parsed.end, 3);
  const before = scan.before(parsed.start, 40);
  if (/^\)/.test(after) && /[A-Z][\p{L}'’-]+\s\($/u.test(before)) return true;
  if (!/^,/.test(after) || !APPOSITIVE_AGE.test(before)) return false;
  const name = /([A-Z][\p{L}'’-]+),\s$/u.exec(before)![1].toLowerCase();
  return !NOT_A_NAME.has(name) && !MONTH_NAMES.includes(name) && !WEEKDAY_NAMES.includes(name);
}

/** A currency's hundredths said after its units: "twelve Euros and fifty centimes", "5 dollars and 20 cents". */
const SUBUNIT = /(?:cents?|centimes?|pence|p)$/i;

/** "twelve Euros and fifty centimes" is one sum, 12.50 Euros: the hundredths join the units before them. */
export function joinSubunits(scan: Scan): void {
  const { figures, text } = scan;
  for (let i = figures.length - 2; i >= 0; i--) {
    const [units, hundredths] = [figures[i], figures[i + 1]];
    if (units.kind !== 'money' || hundredths.kind !== 'money' || SUBUNIT.test(units.text) || !SUBUNIT.test(hundredths.text.trim())) continue;
    if (hundredths.value >= 1 || hundredths.valueTo !== hundredths.value || units.valueTo !== units.value || hundredths.bound) continue;
    if (!/^\s+and\s+$/i.test(text.slice(units.end, hundredths.start))) continue;
    const value = units.value + hundredths.value;
    const ratio = value / units.value;
    figures.splice(i, 2, { ...units, text: text.slice(units.start, hundredths.end), end: hundredths.end, value, valueTo: value, min: units.min * ratio, max: units.max * ratio, counted: hundredths.counted, countedEnd: hundredths.countedEnd });
  }
}
