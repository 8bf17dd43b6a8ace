// What a figure in a claim refers to, read from the words around it: a part of the document
// itself ("the second half of the document"), an earlier item ("faster than the first"), or a
// count that the claim backs with its own list ("two friends, Steve and Carly").
import type { EvidenceSentence, PlacedFigure } from '../evidence/source-index';
import type { Figure } from '../figures/figure';

/** Words a summary uses for the document it summarises. */
const DOCUMENT = '(?:document|text|article|report|conversation|transcript|podcast|episode|call|e-?mail|meeting|discussion|interview|paper|video|show|story|book|summary|chat|dialogue|letter|message|thread|recording|session|lecture|talk)';
const PART = '(?:half|halves|part|parts|section|sections|portion|segment|paragraph|chapter|page|sentence|line|minute|minutes)';
const PARTICIPANTS = /^(?:people|persons|individuals|parties|speakers|participants|hosts|guests|friends|women|men|colleagues|voices)$/i;
const DOCUMENT_PART = new RegExp(`^(?:[\\s-]+${PART})?\\s+of\\s+(?:the|this|that|their|his|her|its)\\s+(?:\\w+\\s+)?${DOCUMENT}\\b`, 'i');

/**
 * Figures that state nothing about the source's facts: a part of the document itself, and an
 * ordinal that only points back at something named before ("than the first and ... the second").
 */
export function excusedFigure(figure: Figure, text: string): boolean {
  const after = text.slice(figure.end, figure.end + 60);
  const before = text.slice(Math.max(0, figure.start - 12), figure.start);
  if ((figure.kind === 'ordinal' || figure.kind === 'fraction') && DOCUMENT_PART.test(after)) return true;
  // Who takes part in the document itself ("a conversation between two people"): the summary counts its speakers.
  if (figure.kind === 'count' && PARTICIPANTS.test(figure.counted[0] ?? '') && new RegExp(`\\b${DOCUMENT}\\s+(?:\\w+\\s+)?(?:between|among|with|of|featuring|involving)\\s+(?:the\\s+)?$`, 'i').test(text.slice(Math.max(0, figure.start - 40), figure.start))) return true;
  if (figure.kind === 'ordinal' && figure.counted.length === 0 && /\bthe\s+$/i.test(before) && /^\s*(?:[,.;:)]|\[|$|and\b|or\b|but\b|one\b)/i.test(after)) return true;
  return false;
}

/** A list right after what is counted: ": a, b and c", ", Steve and Carly,", "which are a, b, and c". */
const LIST_OPENER = /^\s*(?:(:|—|–|-|\(|,?\s*(?:which|who|that)\s+(?:are|were|include|included|is)|,?\s*namely|,)\s*)/i;

/**
 * How many items the claim lists for a count it states, when it lists them: the claim backs
 * (or contradicts) its own count. Undefined when no list follows. "such as" and "including"
 * introduce examples, not the whole list, so they are not read.
 */
export function listedCount(figure: Figure, text: string): number | undefined {
  if (figure.kind !== 'count' || !Number.isInteger(figure.value) || figure.value < 2 || figure.value > 12 || figure.approximate || figure.counted.length === 0) return undefined;
  const rest = text.slice(figure.countedEnd);
  const opener = LIST_OPENER.exec(rest);
  if (!opener) return undefined;
  const comma = opener[1] === ',';
  let body = rest.slice(opener[0].length);
  // An appositive ends at the next comma; a list after a colon or "which are" at the clause's end.
  const stop = comma ? /,(?!\s*(?:and|or)\s)|[;.()[\]]|\s+(?:to|who|which|that|where|with|for)\s/ : /[;.()[\]]|\s+(?:to|who|which|that|where|with|for|as|in order)\s/;
  const end = body.search(stop);
  if (end >= 0) body = body.slice(0, end);
  const items = listItems(body);
  if (items.length < 2 || items.some((item) => item.split(/\s+/).length > 6)) return undefined;
  // An appositive lists names; after a colon, any short phrases.
  if (comma && !items.every((item) => /^\p{Lu}/u.test(item))) return undefined;
  if (/^(?:such as|including|like)\b/i.test(body.trim())) return undefined;
  return items.length;
}

/**
 * The items of "a, b, and c", "a, b and c" or "a and b". Commas separate items; "and" inside
 * an item stays ("Data Analysis and Visualization, and Workflow Automation"), except before
 * the last item when the list has no serial comma.
 */
function listItems(body: string): string[] {
  if (!body.includes(',')) return body.split(/\s+(?:and|or)\s+/).map((s) => s.trim()).filter(Boolean);
  const serial = /,\s*(?:and|or)\s+/.test(body);
  const items = body.split(/\s*,\s*(?:and\s+|or\s+)?/).map((s) => s.trim()).filter(Boolean);
  if (!serial && items.length > 0) {
    const last = items.pop()!;
    items.push(...last.split(/\s+(?:and|or)\s+(?=[^]*$)/).slice(0, 2));
  }
  return items;
}

/** How many words from a figure a year can be and still be the year the figure is of. */
const YEAR_REACH = 8;

/**
 * The year a figure is of: the nearest year stated in its sentence, a few words away ("14.27
 * million tonnes of crops in 2004"; "In 2003, crop production totalled 11.49 million tonnes").
 */
export function yearOf(figures: readonly PlacedFigure[], placed: PlacedFigure): number | undefined {
  let year: number | undefined;
  let nearest = YEAR_REACH + 1;
  for (const other of figures) {
    if (other === placed) continue;
    const y = other.figure.kind === 'year' ? other.figure.value : other.figure.kind === 'date' ? other.figure.date?.year : undefined;
    const distance = Math.abs(other.position - placed.position);
    if (y !== undefined && distance < nearest) [year, nearest] = [y, distance];
  }
  return year;
}

/**
 * A period said without its year, just after a figure or before it: "this year", "in the quarter",
 * "Q3", "third-quarter", "for the year". A share is no period ("a quarter of the staff", "three-quarters of the
 * economy"), and a year a figure is compared with ("up 12% compared to last year", "on last year")
 * is its base, not its period.
 */
const QUARTER = /\b(?:Q([1-4])|([1-4])Q(?:\d{2})?)\b|\b(?:(first|second|third|fourth)|the|this|last|that|its|latest|same|previous|prior|current)[- ]quarter\b(?!\s+of\s+(?:the|all|its|a|an|their|our|his|her|those|these|UK|US)\b)|\bquarterly\b|\bthree months (?:to|ended|ending)\b/i;
const WHOLE_YEAR = /\b(?:for|over|in) the (?:full |whole |calendar |fiscal |financial )?year\b|\bfull[- ]year\b/i;
const RELATIVE_YEAR = /(?<!\b(?:compared (?:to|with)|from|than|on|over|versus|vs\.?|against|since) )\b(this|last|next|the current|the previous) (?:fiscal |financial |calendar )?year\b/i;
const QUARTER_NUMBERS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4 };

export interface Period {
  unit: 'quarter' | 'year';
  year?: number;
  /** Which quarter, where said; or a year said from when the text was written. */
  which?: number | 'this' | 'last' | 'next';
}

/**
 * The period a figure is of, where its words say: a quarter (which, and of what year, if given),
 * else the year it is of (`yearOf`), else a year said from when the text was written.
 */
export function periodOf(text: string, figures: readonly PlacedFigure[], placed: PlacedFigure): Period | undefined {
  const year = yearOf(figures, placed);
  const near = `${text.slice(Math.max(0, placed.figure.start - PERIOD_BEFORE), placed.figure.start)} ${text.slice(placed.figure.end, placed.figure.end + PERIOD_AFTER)}`;
  // "6.3% in the first quarter of 2004" is of a quarter, not of 2004.
  const quarter = QUARTER.exec(near);
  if (quarter) {
    const which = quarter[1] ?? quarter[2] ?? quarter[3];
    return { unit: 'quarter', year, which: which === undefined ? undefined : (QUARTER_NUMBERS[which.toLowerCase()] ?? Number(which)) };
  }
  if (year !== undefined) return { unit: 'year', year };
  const relative = RELATIVE_YEAR.exec(near);
  // "for the year it came in at 4.4%": a year's figure, the year unsaid.
  if (!relative) return WHOLE_YEAR.test(near) ? { unit: 'year' } : undefined;
  const which = relative[1].toLowerCase().replace(/^the /, '');
  return { unit: 'year', which: which === 'current' ? 'this' : which === 'previous' ? 'last' : (which as 'this' | 'last' | 'next') };
}

/** Two periods that may be one: the same unit, and nothing both say that differs. A year said from now is no year the reader can match. */
function samePeriod(a: Period, b: Period): boolean {
  if (a.unit !== b.unit) return false;
  if (a.year !== undefined && b.year !== undefined && a.year !== b.year) return false;
  const unsaid = (p: Period) => p.which === undefined && p.year === undefined;
  if (a.unit === 'year') return unsaid(a) || unsaid(b) || (a.which ?? a.year) === (b.which ?? b.year);
  return a.which === undefined || b.which === undefined || a.which === b.which;
}

/** How far around a figure (in characters) the words that give its period are read. */
const PERIOD_BEFORE = 40;
const PERIOD_AFTER = 40;

/**
 * Whether a source figure can be of the claim figure's time: not when each is of a year and
 * the years differ, and the source sentence does not state the claim's year at all; nor when
 * their words give each another period ("grew 3.1% in 2004" against "grew 1.0% in the quarter";
 * "8.1% in 2004" against "3% this year", which is another year or one the reader cannot tell).
 * `mine` is the claim figure's period (`periodOf`), read once for every source figure it meets.
 */
export function sameTime(placed: PlacedFigure, mine: Period | undefined, sentence: EvidenceSentence, theirs: PlacedFigure): boolean {
  if (placed.figure.kind === 'year' || placed.figure.kind === 'date') return true;
  const other = periodOf(sentence.text, sentence.figures, theirs);
  if (mine?.year !== undefined && other?.year !== undefined && mine.year !== other.year) return sentence.figures.some((f) => f.figure.kind === 'year' && f.figure.value === mine.year);
  return mine === undefined || other === undefined || samePeriod(mine, other);
}
