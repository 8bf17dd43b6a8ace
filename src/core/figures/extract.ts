// Finds figures in prose: counts, money, percentages, durations, measures, ages, fractions,
// multipliers, dates, times, years, ordinals and scores, in digits or words, with
// approximators, bounds, ranges and vague amounts. Passes run from the most specific form to
// the least, each taking its characters, so "19 March" is a date before "19" can be a count.
import { scanAgeDecades, scanArticleDurations, scanFractions, scanMultipliers, scanOrdinals, scanScores, scanVague } from './amounts';
import { scanDates, scanDecades, scanTimes } from './dates';
import type { Figure } from './figure';
import { scanNameNumbers, scanNotQuantities } from './labels';
import { joinSubunits, scanQuantities } from './quantities';
import { MONTH_NAMES, WEEKDAY_NAMES } from './lexicon';
import { NUMBER_WORD, ORDINALS } from './numbers';
import { Scan, type Label } from './scan';

export type { Label };

/**
 * Every figure has a digit or one of these words: a sentence without any is passed over at once
 * (most sentences of most sources, which a long report's check reads all of).
 */
const MAY_HAVE_FIGURE = new RegExp(
  `\\d|\\b(?:${NUMBER_WORD}|${Object.keys(ORDINALS).join('|')}|half|halves|thirds?|quarters?|fifths?|tenths?|dozens?|scores|hundreds|thousands|millions|billions|tens|twice|thrice|doubled|tripled|trebled|quadrupled|halved|noon|midday|midnight|a (?:hour|day|week|fortnight|month|year|decade)|an hour|${MONTH_NAMES.join('|')}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|${WEEKDAY_NAMES.join('|')}|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)`,
  'i',
);

export function scanText(text: string): Scan {
  const scan = new Scan(text);
  if (!MAY_HAVE_FIGURE.test(text)) return scan;
  scanNotQuantities(scan);
  scanTimes(scan);
  scanDates(scan);
  scanDecades(scan);
  scanAgeDecades(scan);
  scanScores(scan);
  scanVague(scan);
  scanFractions(scan);
  scanMultipliers(scan);
  scanOrdinals(scan);
  scanNameNumbers(scan);
  scanQuantities(scan);
  scanArticleDurations(scan);
  scan.figures.sort((a, b) => a.start - b.start);
  joinSubunits(scan);
  scan.labels.sort((a, b) => a.start - b.start);
  return scan;
}

export function extractFigures(text: string): Figure[] {
  return scanText(text).figures;
}

/** Numbers that are part of names ("Xbox 2", "COVID-19"): not quantities, but a name changed is an error too. */
export function extractLabels(text: string): Label[] {
  return scanText(text).labels;
}
