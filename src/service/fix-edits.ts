// What a quick fix changes in a report, as plain offset edits any host can apply: a fix that
// adds a citation is placed as every other insertion of a citation is (merged into a
// citation beside it, kept out of code); the rest replace their text.
import type { Fix } from '../core/check/findings';
import { citationRefIn, planInsertions, type TextEdit } from '../core/citation-insert';

export function fixEdits(report: string, fix: Fix, isKnownKey: (key: string) => boolean): TextEdit[] {
  const cite = fix.start === fix.end ? citationRefIn(fix.newText) : undefined;
  if (cite) return planInsertions(report, [{ start: fix.start, end: fix.end }], { cite }, { isKnownKey }).edits;
  return [{ start: fix.start, end: fix.end, newText: fix.newText }];
}
