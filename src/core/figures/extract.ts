// Finds figures in prose: counts, money, percentages, durations, measures, ages, fractions,
// multipliers, dates, times, years, ordinals and scores, in digits or words, with
// approximators, bounds, ranges and vague amounts. Passes run from the most specific form to
// the least, each taking its characters, so "19 March" is a date before "19" can be a count.
import { scanAgeDecades, scanArticleDurations, scanFractions, scanMultipliers, scanOrdinals, scanScores, scanVague } from './amounts';
import { scanDates, scanDecades, scanTimes } from './dates';
import type { Figure } from './figure';
import { scanNameNumbers, scanNotQuantities } from './labels';
import { scanQuantities } from './quantities';
import { Scan, type Label } from './scan';

export type { Label };

export function scanText(text: string): Scan {
  const scan = new Scan(text);
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
