// Figures that are not a plain number with a unit: scores, fractions ("almost a third"),
// multipliers ("three times the size"), vague amounts ("tens of thousands") and ordinals.
import { NUMBER_WORD, ORDINALS, wordsToNumber } from './numbers';
import { DURATION_MINUTES, QUALIFIERS } from './lexicon';
import { makeFigure, withCounted, type Scan } from './scan';
import type { Bound } from './figure';

const NUM = `(\\d+(?:\\.\\d+)?|${NUMBER_WORD}|a|an|one)`;
const numberOf = (s: string) => (/^\d/.test(s) ? Number(s) : /^(a|an)$/i.test(s) ? 1 : wordsToNumber(s));

const SCORE_CONTEXT = /\b(won|wins?|winning|winner|beat|beats|beaten|beating|thrashing|edged|edging|lost|lose|loses|losing|defeats?|defeated|victory|draw|drew|drawn|crushed|thrashed|hammered|trailed|trailing|led|leads?|leading|scored?|scoreline|match|game|leg|tie|half-time|sets?|vote|voted|votes|against|vs?\.?|versus|ahead|behind|down|level|break|interval|make it|made it|made the|final)\b/i;
/** Sets of a tennis match, tie-breaks in brackets: "1-6 6-3 6-4", "7-6 (7-4) 6-3". */
const SET_SCORES = /(?<![\d.,-])\d{1,2}-\d{1,2}(?:\s?\(\d{1,2}-\d{1,2}\))?(?:,?\s+\d{1,2}-\d{1,2}(?:\s?\(\d{1,2}-\d{1,2}\))?){1,4}(?![\d%])/g;
const SCORE = /(?<![\w.,$£€-])(\d{1,3})\s?[-–]\s?(\d{1,3})(?![\d,%]|[.,]\d|[a-z]|\s?(?:%|per\s?cent|percent)|[\s-](?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|per)\b)/g;

/** Scores ("won 5-1", "London Irish 19-33 Wasps", "1-6 6-3 6-4"): compared as written. */
export function scanScores(scan: Scan): void {
  const { text } = scan;
  if (!/\d\s?[-–]\s?\d/.test(text)) return;
  const add = (start: number, end: number, a: number, b: number) => {
    const exact = text.slice(start, end).replace(/\s+/g, ' ').replace(/\s?[-–]\s?/g, '-');
    scan.add(makeFigure(text, { kind: 'score', start, end, value: a, valueTo: b, interval: [a * 1000 + b, a * 1000 + b], exact, approximate: false }));
  };
  for (const m of text.matchAll(SET_SCORES)) if (scan.free(m.index, m.index + m[0].length)) add(m.index, m.index + m[0].length, 0, 0);
  for (const m of text.matchAll(SCORE)) {
    const end = m.index + m[0].length;
    if (!scan.free(m.index, end)) continue;
    const around = `${scan.before(m.index, 50)} ${scan.after(end, 30)}`;
    const teams = /[A-Z][\w'’]*\s+$/.test(scan.before(m.index, 30)) && /^\s+[A-Z]/.test(scan.after(end, 3));
    if (!SCORE_CONTEXT.test(around) && !teams) continue;
    add(m.index, end, Number(m[1]), Number(m[2]));
  }
}

// Never from inside a number: "£50,000 in 2014" holds no "000 in 2014".
const OUT_OF = new RegExp(`(?<![\\d.,$£€])\\b${NUM}\\s+(?:out\\s+of|in)\\s+(\\d+|${NUMBER_WORD})\\b(?!\\s*(?:years?|months?|days?|weeks?|hours?|minutes?|the\\b|%))`, 'gi');
/** What OUT_OF needs somewhere in the text, tested first: that pattern is slow and rarely matches. */
const OUT_OF_HINT = new RegExp(`\\b(?:out\\s+of|in)\\s+(?:\\d|${NUMBER_WORD})`, 'i');
const DENOMINATOR: Record<string, number> = { half: 2, halves: 2, third: 3, quarter: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10 };
const FRACTION = /\b(a|one|two|three|four|five|six|seven|eight|nine)[\s-]+(half|halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b/gi;
const HALF_OF = /\b(half)(?=\s+(?:of|the|its|their|his|her|our|all|a|an|them|those|these)\b)/gi;

const POINT_AFTER = /^\s+(?:of\s+)?an?\s+(?:percentage[\s-])?point\b/i;

function qualifierBefore(scan: Scan, start: number): { bound: Bound; word: string; start: number } | undefined {
  const before = scan.before(start, 30);
  for (const [re, bound] of QUALIFIERS) {
    const q = re.exec(before);
    if (q) return { bound, word: q[0].trim(), start: start - q[0].length };
  }
  return undefined;
}

/** "almost a third", "two-thirds", "half of", "one in five", "seven out of 10". */
export function scanFractions(scan: Scan): void {
  const { text } = scan;
  const add = (start: number, end: number, value: number) => {
    if (!scan.free(start, end)) return;
    const q = qualifierBefore(scan, start);
    // "a quarter of a percentage point", "half a point": a share of one point is so many points.
    const point = POINT_AFTER.exec(scan.after(end, 30));
    if (point) {
      scan.add(makeFigure(text, { kind: 'percent', unit: 'point', start: q?.start ?? start, end: end + point[0].length, value, bound: q?.bound, qualifier: q?.word }));
      return;
    }
    scan.add(withCounted(makeFigure(text, { kind: 'fraction', start: q?.start ?? start, end, value, bound: q?.bound, qualifier: q?.word }), text));
  };
  const outOf = OUT_OF_HINT.test(text);
  for (const m of outOf ? text.matchAll(OUT_OF) : []) {
    const [n, d] = [numberOf(m[1]), numberOf(m[2])];
    // "3 in 2014" is a count in a year, not a share.
    if (n === undefined || !d || n > d || (/^(a|an)$/i.test(m[1]) && !/out/i.test(m[0])) || (!/out/i.test(m[0]) && /^\d{4}$/.test(m[2]))) continue;
    add(m.index, m.index + m[0].length, n / d);
  }
  if (!/half|halves|third|quarter|fifth|sixth|seventh|eighth|ninth|tenth/i.test(text)) return;
  for (const m of text.matchAll(FRACTION)) {
    const end = m.index + m[0].length;
    const numerator = numberOf(m[1]) ?? 1;
    const plural = /s$/i.test(m[2]) && !/^halves$/i.test(m[2]) ? m[2].slice(0, -1) : m[2];
    const denominator = DENOMINATOR[plural.toLowerCase()] ?? DENOMINATOR[m[2].toLowerCase()];
    if (!denominator) continue;
    const singular = /^(a|one)$/i.test(m[1]);
    // "two quarters ahead", "three quarters in a row" count periods; "three quarters of", "three-quarters" are shares.
    if (/^\s+quarters$/i.test(m[0].slice(m[1].length)) && !/^\s+of\b/i.test(scan.after(end, 6))) continue;
    if (/half/i.test(m[2]) && (/\band\s+$/i.test(scan.before(m.index, 5)) || /^[\s-]+hour/i.test(scan.after(end, 8)))) continue;
    // "a third time" is an ordinal; "a third of", "nearly a fifth saying" are shares.
    if (singular && !/half/i.test(m[2]) && !qualifierBefore(scan, m.index) && !/^(?:\s+of\b|\s*[,.;:)]|\s*$|\s+(?:were|was|are|is|said|say|says|have|had|will|would|could|of)\b|\s+\w+ing\b)/i.test(scan.after(end, 20))) continue;
    add(m.index, end, numerator / denominator);
  }
  // "the second half of the year" is a period, read with its ordinal.
  for (const m of text.matchAll(HALF_OF)) if (!/\b(?:first|second|last|final|latter|other|1st|2nd)\s+$/i.test(scan.before(m.index, 10))) add(m.index, m.index + m[0].length, 0.5);
}

const MULTIPLIER = new RegExp(`\\b(?:(twice|thrice)|(\\d+(?:\\.\\d+)?|${NUMBER_WORD})[\\s-]?(?:times|fold))\\b(?=\\s+(?:the|as|more|less|that|what|over)\\b|\\s+[a-z]+er\\b)`, 'gi');
const CHANGE_VERB: Record<string, number> = { doubled: 2, tripled: 3, trebled: 3, quadrupled: 4, halved: 0.5 };

/** "three times the size", "twice as many", "sales doubled". */
export function scanMultipliers(scan: Scan): void {
  const { text } = scan;
  if (!/twice|thrice|times|fold|doubled|tripled|trebled|quadrupled|halved/i.test(text)) return;
  for (const m of text.matchAll(MULTIPLIER)) {
    const end = m.index + m[0].length;
    const value = m[1] ? (/twice/i.test(m[1]) ? 2 : 3) : numberOf(m[2]);
    if (value === undefined || !scan.free(m.index, end)) continue;
    const q = qualifierBefore(scan, m.index);
    scan.add(makeFigure(text, { kind: 'multiplier', start: q?.start ?? m.index, end, value, bound: q?.bound, qualifier: q?.word }));
  }
  for (const m of text.matchAll(/\b(doubled|tripled|trebled|quadrupled|halved)\b/gi)) {
    const end = m.index + m[0].length;
    if (scan.free(m.index, end)) scan.add(makeFigure(text, { kind: 'multiplier', start: m.index, end, value: CHANGE_VERB[m[1].toLowerCase()] }));
  }
}

const VAGUE: Record<string, [number, number]> = {
  'tens of thousands': [1e4, 1e5], 'hundreds of thousands': [1e5, 1e6], 'tens of millions': [1e7, 1e8], 'hundreds of millions': [1e8, 1e9],
  'tens of billions': [1e10, 1e11], 'hundreds of billions': [1e11, 1e12],
  dozens: [24, 100], scores: [40, 200], hundreds: [200, 1000], thousands: [2000, 1e6], millions: [1e6, 1e9], billions: [1e9, 1e12],
  'double-digit millions': [1e7, 1e8], 'double-digit thousands': [1e4, 1e5], 'double-digit billions': [1e10, 1e11],
  'single-digit millions': [1e6, 1e7], 'half a dozen': [6, 6], 'a dozen': [12, 12],
};
const VAGUE_RE = /\b(?:(tens|hundreds) of (thousands|millions|billions)\b|(?:(?:low|high|mid)\s+)?(double-digit|single-digit) (thousands|millions|billions)\b|(dozens|scores|hundreds|thousands|millions|billions)\b(?= of\b)|(half a dozen|a dozen)\b)/gi;
/** "half an hour", "a half-hour", "an hour and a half", "a year and a half". */
const VAGUE_DURATION = /\b(?:half an? (hour|day|week|month|year)|a half-(hour|day)|(?:a|an|one) (hour|day|week|month|year) and a half)\b/gi;
const CURRENCY_OF = /^\s+of\s+(dollars|pounds|euros|yen)\b/i;

export function scanVague(scan: Scan): void {
  const { text } = scan;
  if (/hundred|thousand|million|billion|trillion/i.test(text)) scanArticleScales(scan);
  if (!/half|tens|hundreds|thousands|millions|billions|dozen|scores|digit/i.test(text)) return;
  for (const m of text.matchAll(VAGUE_DURATION)) {
    const unit = DURATION_MINUTES[(m[1] ?? m[2] ?? m[3]).toLowerCase()];
    scan.add(makeFigure(text, { kind: 'duration', start: m.index, end: m.index + m[0].length, value: unit * (m[3] ? 1.5 : 0.5), unit: 'minute' }));
  }
  for (const m of text.matchAll(VAGUE_RE)) {
    const end = m.index + m[0].length;
    if (!scan.free(m.index, end)) continue;
    const phrase = (m[1] ? `${m[1]} of ${m[2]}` : m[3] ? `${m[3]} ${m[4]}` : (m[5] ?? m[6])).toLowerCase();
    const range = VAGUE[phrase];
    if (!range) continue;
    const currency = CURRENCY_OF.exec(scan.after(end, 20));
    if (currency) {
      const unit = { dollars: 'USD', pounds: 'GBP', euros: 'EUR', yen: 'JPY' }[currency[1].toLowerCase()];
      scan.add(makeFigure(text, { kind: 'money', start: m.index, end: end + currency[0].length, value: range[0], valueTo: range[1], unit, approximate: true }));
      continue;
    }
    const exact = range[0] === range[1];
    scan.add(withCounted(makeFigure(text, { kind: 'count', start: m.index, end, value: range[0], valueTo: range[1], approximate: !exact }), text));
  }
}

/** "a thousand", "half a million", "a quarter of a billion": one scale word and its share. */
const ARTICLE_SCALE = /\b(half an?|a quarter of an?|three[\s-]quarters of an?|an?)\s+(hundred|thousand|million|billion|trillion)\b(?![\s-]+(?:and\s+)?[a-z]+(?:ty|teen|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)(?!-)/gi;
const SHARE: Record<string, number> = { half: 0.5, a: 1, an: 1, three: 0.75 };
const CURRENCY_WORD_AFTER = /^\s+(pounds|dollars|euros|yen)\b/i;

function scanArticleScales(scan: Scan): void {
  const { text } = scan;
  for (const m of text.matchAll(ARTICLE_SCALE)) {
    let end = m.index + m[0].length;
    if (!scan.free(m.index, end)) continue;
    const share = /quarter of/i.test(m[1]) && !/three/i.test(m[1]) ? 0.25 : SHARE[m[1].split(/[\s-]/)[0].toLowerCase()];
    const value = share * wordsToNumber(m[2])!;
    const q = qualifierBefore(scan, m.index);
    const currency = CURRENCY_WORD_AFTER.exec(scan.after(end, 12));
    if (currency) end += currency[0].length;
    const unit = currency ? { pounds: 'GBP', dollars: 'USD', euros: 'EUR', yen: 'JPY' }[currency[1].toLowerCase()] : undefined;
    const figure = makeFigure(text, { kind: currency ? 'money' : 'count', unit, start: q?.start ?? m.index, end, value, bound: q?.bound, qualifier: q?.word });
    scan.add(currency ? figure : withCounted(figure, text));
  }
}

/** "a week", "an hour": one of a unit of time, unless it says how often ("once a week", "barrels a day"). */
export function scanArticleDurations(scan: Scan): void {
  const { text } = scan;
  for (const m of text.matchAll(/\b(a|an)\s+(hour|day|week|fortnight|month|year|decade)\b(?!s|-)/gi)) {
    const end = m.index + m[0].length;
    if (!scan.free(m.index, end) || /\b(?:once|twice|times|per)\s+$/i.test(scan.before(m.index, 8))) continue;
    // "up from $0.45 a year ago", "a year earlier": the base of a comparison ("last year", "the year-ago quarter"), not a length of time.
    if (/^\s+(?:ago|earlier|before|previously)\b/i.test(scan.after(end, 12))) continue;
    const minutes = DURATION_MINUTES[m[2].toLowerCase()];
    scan.add(makeFigure(text, { kind: 'duration', start: m.index, end, value: minutes, unit: 'minute' }));
  }
}

const ORDINAL_RE = new RegExp(`\\b(${Object.keys(ORDINALS).join('|')})\\b|(?<![\\d.,])\\b(\\d{1,3}(?:,\\d{3})+|\\d+)(st|nd|rd|th)\\b|\\b(Q[1-4]|H[12])\\b|\\b([1-4])Q(\\d{2})?\\b|\\b([12])H\\b|\\bFY ?(\\d{4}|\\d{2})\\b`, 'gi');

const ORDINAL_PERIOD = /^[\s-](day|week|month|quarter|half|year|decade)\b(?!-)/i;

export function scanOrdinals(scan: Scan): void {
  const { text } = scan;
  for (const m of text.matchAll(ORDINAL_RE)) {
    const end = m.index + m[0].length;
    if (!scan.free(m.index, end)) continue;
    const word = m[1];
    // "Second World War", "First Lady": a capitalised ordinal in a name is not a figure.
    if (word && /^[A-Z]/.test(word) && /^\s+[A-Z]/.test(scan.after(end, 2))) continue;
    // "seven-second delay", "49.87 seconds": the unit of a duration; "first of all", "at first": no figure.
    if (/^second$/i.test(word ?? '') && /\d[\s-]$|\b(?:a|one|per|every)\s+$/i.test(scan.before(m.index, 5))) continue;
    if (/^first$/i.test(word ?? '') && (/^\s+of\s+all\b/i.test(scan.after(end, 8)) || /\bat\s+$/i.test(scan.before(m.index, 4)))) continue;
    if (m[4] && !/^[QH]\d$/.test(m[4])) continue;
    const value = word ? ORDINALS[word.toLowerCase()] : Number(m[2]?.replace(/,/g, '') ?? 0);
    // Written in capitals only: "3q" or "fy" in lower case is something else.
    if ((m[5] || m[7] || m[8]) && /[qhfy]/.test(m[0])) continue;
    if (m[8]) {
      // "FY24", "FY 2025": the fiscal year, a year.
      const year = m[8].length === 2 ? 2000 + Number(m[8]) : Number(m[8]);
      scan.add(makeFigure(text, { kind: 'year', start: m.index, end, value: year }));
      continue;
    }
    if (m[4] || m[5] || m[7]) {
      const period = m[4] ? (/^Q/.test(m[4]) ? 'quarter' : 'half') : m[5] ? 'quarter' : 'half';
      const n = m[4] ? Number(m[4].slice(1)) : Number(m[5] ?? m[7]);
      // "3Q24" is the third quarter of 2024: the ordinal, and its year.
      const ordinalEnd = m[6] ? end - 2 : end;
      scan.add(withCounted(makeFigure(text, { kind: 'ordinal', start: m.index, end: ordinalEnd, value: n, unit: period }), text));
      if (m[6]) scan.add(makeFigure(text, { kind: 'year', start: ordinalEnd, end, value: 2000 + Number(m[6]) }));
      continue;
    }
    // "the first quarter", "its second year": the period is part of the figure, so "first quarter"
    // is not "first year" (Q3 and H2 are written with theirs).
    const period = ORDINAL_PERIOD.exec(scan.after(end, 14));
    const spanEnd = period ? end + period[0].length : end;
    const unit = period ? period[1].toLowerCase() : undefined;
    scan.add(withCounted(makeFigure(text, { kind: 'ordinal', start: m.index, end: spanEnd, value, unit }), text));
  }
}

const AGE_DECADE_WORDS: Record<string, number> = { twenties: 20, thirties: 30, forties: 40, fifties: 50, sixties: 60, seventies: 70, eighties: 80, nineties: 90 };
const AGE_DECADE = /\b(?:his|her|their|my|your|our)\s+(?:(early|mid|late)[\s-]+)?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b/gi;

/** "in his late thirties", "in their seventies": ages, as a span of years. */
export function scanAgeDecades(scan: Scan): void {
  if (!/ties\b/i.test(scan.text)) return;
  for (const m of scan.text.matchAll(AGE_DECADE)) {
    const start = m.index + m[0].search(/(early|mid|late|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)/i);
    const end = m.index + m[0].length;
    if (!scan.free(start, end)) continue;
    const decade = AGE_DECADE_WORDS[m[2].toLowerCase()];
    const part = m[1]?.toLowerCase();
    const [low, high] = part === 'early' ? [decade, decade + 3] : part === 'mid' ? [decade + 3, decade + 6] : part === 'late' ? [decade + 6, decade + 9] : [decade, decade + 9];
    scan.add(makeFigure(scan.text, { kind: 'age', start, end, value: low, valueTo: high }));
  }
}
