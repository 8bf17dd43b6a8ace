// Figures in a claim against what its sources say, on the evidence: the source sentences that
// say the same thing (figure-candidates of the evidence engine). A figure is supported when a
// well-aligned sentence states a compatible value; it is a mismatch when the best-aligned
// sentence states the same frame (kind, unit, what is counted) with a value that does not agree;
// it is unsupported when its value is nowhere in the source.
import { claimWords, figureCandidates, type ClaimWords, type FigureCandidate } from '../evidence/align';
import { figureRange } from '../evidence/source-index';
import { citationText } from '../citation-insert';
import { locatorOf } from '../corpus/locators';
import { isShare, type Figure } from '../figures/figure';
import type { Source } from '../model';
import type { Claim } from './claims';
import { excusedFigure, listedCount, periodOf, sameTime } from './figure-frames';
import type { Finding, SourceRef } from './findings';

/** The best-aligned conflicting figure must cover this share of the claim's words near the figure. */
const MISMATCH_COVERAGE = 0.25;
/** ...and beat the best agreeing figure by this factor: a value said elsewhere in a weaker frame does not save a figure. */
const MISMATCH_MARGIN = 1.5;
/** A figure the claim denies: "not 1983", "(instead of $3,000)", "rather than Saturday". */
const NEGATION_BEFORE = /\b(?:not|instead of|rather than|never|no longer|as opposed to)\s+(?:(?:the|a|an|on|in|at|by|for|next|last|past|top|just|only)\s+)*$/i;
/** The words just before a figure, where what it is denied or bounded by is said. */
const before = (text: string, f: Figure) => text.slice(Math.max(0, f.start - 30), f.start);
const negated = (text: string, f: Figure) => NEGATION_BEFORE.test(before(text, f));
/** "plans start at $600", "from just $9", "as low as 2%": the figure is the least of what it covers. */
const LEAST_BEFORE = /\b(?:start(?:s|ing|ed)?\s+(?:at|from)|from\s+(?:just|only)|as\s+(?:low|little)\s+as)\s+(?:just\s+|only\s+)?$/i;
const statedAsLeast = (text: string, f: Figure) => f.kind !== 'date' && !f.bound && LEAST_BEFORE.test(before(text, f));
/** A denial is read against the source's figure even on weaker evidence: the claim names the value itself. */
const DENIAL_COVERAGE = 0.1;
/** A quick fix writes the source's value only on strong evidence: the words near the figure, and the sentence's. */
const FIX_COVERAGE = 0.45;
const FIX_SENTENCE_SHARE = 0.4;
const FIX_COUNTED_COVERAGE = 0.55;

/**
 * Whether the source's value could be what the writer meant: the same order of magnitude, or the
 * same digits at another scale ("$1.8 million" for "$1.8 billion"). "2,850 staff" laid off is not
 * a slip for the "100,000 staff" a bank employs, however alike the words.
 */
function plausibleSlip(claim: Figure, source: Figure): boolean {
  const [a, b] = [Math.abs(claim.value), Math.abs(source.value)];
  if (a === 0 || b === 0 || claim.kind === 'date' || claim.kind === 'year') return true;
  const digits = (x: number) => x.toPrecision(6).replace(/e.*$/, '').replace(/[.-]/g, '').replace(/0+$/, '');
  return Math.max(a, b) / Math.min(a, b) <= 10 || digits(a) === digits(b);
}
const CONTRADICTION_COVERAGE = 0.45;
const SENTENCE_SHARE = 0.3;
const SENTENCE_SHARE_ALONE = 0.6;

/**
 * A source sentence contradicts a claim figure when it says much the same thing: most of the words near the
 * figure, near its own figure (and with the claim's other words, or counting the same thing); or most of them
 * anywhere in it; or a good share of them with every name the claim gives there (the same people, the same
 * firm); or a range with an end in common ("$4.5-4.9bn" and "$4.5bn to $4.7bn" are two statements of one
 * range). Measured on BBC leads against their own bodies (npm run eval), where a weaker match is almost always
 * another fact of the same kind.
 */
function contradicts(claim: Figure, c: FigureCandidate): boolean {
  const said = c.placed.figure;
  if (claim.valueTo !== claim.value && said.valueTo !== said.value && (claim.value === said.value || claim.valueTo === said.valueTo)) return true;
  // Ordinals and years place a thing in a sequence (a cup's rounds, a singer's number ones, a story's years), and a
  // story names many places in it: only a sentence that says nearly all the same words contradicts one.
  if (claim.kind === 'ordinal' || claim.kind === 'year') return c.sentenceCoverage >= SENTENCE_SHARE_ALONE;
  // A bound or a vague amount ("at least 38,000", "as much as $6bn", "hundreds") says less than a value: another
  // figure contradicts it only in a sentence that says nearly the same, unless that figure is the same bound
  // ("over 12,000 troops" against "over 94,000 troops"), which states its frame as the claim does.
  // "more than $27bn" is true of $28.3bn: a value inside the source's bound is another statement, not a contradiction.
  if (!claim.bound && claim.value === claim.valueTo && (said.bound === 'over' || said.bound === 'under') && claim.value >= said.min && claim.value <= said.max) return false;
  const bounded = (claim.bound === 'over' || claim.bound === 'under') && said.bound !== claim.bound;
  if (bounded || (claim.approximate && !claim.bound && !/\d/.test(claim.text))) return c.sentenceCoverage >= SENTENCE_SHARE_ALONE;
  // Someone else's figure: the claim names someone near its figure whom the sentence does not, and the sentence names
  // someone near its own whom the claim never does ("Ray Charles ... eight Grammy Awards" against "Keys won four awards").
  const someoneElse = c.strangers > 0 && c.namesShared < c.names;
  if (someoneElse && c.sentenceCoverage < SENTENCE_SHARE_ALONE) return false;
  const sameNames = c.names > 0 && c.namesShared === c.names;
  return (c.coverage >= CONTRADICTION_COVERAGE && (c.sentenceCoverage >= SENTENCE_SHARE || countsSame(claim, said))) || c.sentenceCoverage >= SENTENCE_SHARE_ALONE || (sameNames && c.sentenceCoverage >= SENTENCE_SHARE);
}

export function evidenceRef(c: FigureCandidate): SourceRef {
  const words = figureRange(c.sentence, c.placed.figure);
  return { key: c.sentence.key, locator: locatorOf(c.sentence.source, c.sentence.paragraph), paragraph: c.sentence.paragraph.index, text: words.text, start: words.start, end: words.end };
}

/** Relative offsets of the claim's figures, and its citations left out of what it says. */
export function claimText(claim: Claim, figures: readonly Figure[] = claim.figures) {
  const rel = <T extends { start: number; end: number }>(r: T) => ({ ...r, start: r.start - claim.start, end: r.end - claim.start });
  return { text: claim.text, figures: figures.map((f) => ({ ...rel(f), countedEnd: f.countedEnd - claim.start })), skip: claim.citationRanges.map(rel) };
}

/**
 * The same frame: same kind, unit and rate, and the same thing counted. A number above one
 * before the singular of what the claim counts ("two gangs" against "the rival 18 street gang")
 * names something; it counts nothing.
 */
function sameFrame(a: Figure, b: Figure): boolean {
  const singulars = a.counted.filter((w) => /[^s]s$/.test(w)).map((w) => w.slice(0, -1));
  if (b.kind === 'count' && b.value > 1 && b.counted.some((w) => singulars.includes(w.replace(/-.*$/, '')))) return false;
  const sameKind = (a.kind === b.kind && (a.unit ?? '') === (b.unit ?? '')) || (isShare(a) && isShare(b));
  return sameKind && (a.per ?? '') === (b.per ?? '') && (a.counted.length === 0 || b.counted.length === 0 || countsSame(a, b));
}

/** Both say what they count, and one word of it is the same ("troops" and "troops"). */
const countsSame = (a: Figure, b: Figure) => a.counted.some((w) => b.counted.includes(w));

/** Both say what they count, and not the same thing ("40 trucks" against "40 tanks"). */
const countsOtherThing = (a: Figure, b: Figure) => a.counted.length > 0 && b.counted.length > 0 && !countsSame(a, b);

/** figure-mismatch and figure-unsupported for a claim checked against the sources that cover it. */
export function checkCitedFigures(claim: Claim, sources: readonly Source[], located: ReadonlySet<number>, extraFigures: readonly Figure[] = []): Finding[] {
  const figures = [...claim.figures, ...extraFigures].sort((a, b) => a.start - b.start);
  if (figures.length === 0 || sources.length === 0) return [];
  const text = claimText(claim, figures);
  const words = claimWords(text);
  const preferred = new Set(sources.flatMap((s) => [...located].map((n) => `${s.meta.key}#${n}`)));
  const findings: Finding[] = [];
  const excused = words.figures.map((placed) => excusedFigure(placed.figure, claim.text));
  const ranked = words.figures.map((placed, i) => (excused[i] ? [] : figureCandidates(contrasted(words, i, claim.text), placed, sources, preferred)));
  // A source figure that another of the claim's figures states, where that figure's best evidence is, is
  // accounted for ("$2,500 and ... $3,000" against the source's "$3,000"): it cannot also contradict this one.
  // Only a figure that states the very value accounts for it: "4" does not account for "3 to 4",
  // and a figure the claim denies ("instead of $3,000") accounts for nothing.
  const claimedByAnother = (c: FigureCandidate, i: number) =>
    ranked.some((other, j) => {
      const theirs = words.figures[j].figure;
      const top = other[0];
      return j !== i && top?.agrees && top.sentence === c.sentence && top.placed === c.placed && theirs.value === c.placed.figure.value && theirs.valueTo === c.placed.figure.valueTo && !negated(claim.text, theirs);
    });
  words.figures.forEach((placed, i) => {
    const figure = figures[i];
    if (excused[i]) return;
    const listed = listedCount(placed.figure, claim.text);
    if (listed !== undefined && listed !== placed.figure.value) {
      findings.push(listMismatch(figure, listed));
      return;
    }
    const candidates = ranked[i];
    const agreeing = candidates.find((c) => c.agrees);
    // "not 1983", "instead of $3,000": the claim denies the figure; wrong when the source states it.
    if (negated(claim.text, placed.figure)) {
      // ...unless the source denies it too ("4% of sales as opposed to 5%").
      if (agreeing && agreeing.coverage >= DENIAL_COVERAGE && !negated(agreeing.sentence.text, agreeing.placed.figure)) findings.push(denied(figure, agreeing));
      // A value the claim sets aside is a claim about the source too: nowhere in it, it is unsupported.
      else if (!agreeing) findings.push(unsupported(figure, sources));
      return;
    }
    // "plans start at $600/month" where the source lists $300/month beside it: the source's least is lower,
    // unless the source too says its value is where they start.
    if (agreeing && statedAsLeast(claim.text, placed.figure) && !statedAsLeast(agreeing.sentence.text, agreeing.placed.figure)) {
      const lower = candidates.find((c) => c.sentence.paragraph === agreeing.sentence.paragraph && c.placed.figure.value < agreeing.placed.figure.value && sameFrame(placed.figure, c.placed.figure) && !c.countsOther && !c.placed.figure.bound);
      if (lower) {
        findings.push(notLeast(figure, lower));
        return;
      }
    }
    const period = periodOf(claim.text, words.figures, placed);
    const conflicting = candidates.find((c) => !c.agrees && !c.countsOther && sameFrame(placed.figure, c.placed.figure) && sameTime(placed, period, c.sentence, c.placed) && !claimedByAnother(c, i));
    // A sentence that states the claim's value beside another ("48% had no savings, and 33% had debts") says it, unless
    // that value counts something else ("40 tanks and 300 trucks"): which is which, its other words tell only weakly.
    const sameSentence = agreeing !== undefined && conflicting !== undefined && agreeing.sentence === conflicting.sentence && !countsOtherThing(placed.figure, agreeing.placed.figure) && agreeing.coverage >= MISMATCH_COVERAGE;
    if (conflicting && !sameSentence && conflicting.coverage >= MISMATCH_COVERAGE && (!agreeing || conflicting.score >= agreeing.score * MISMATCH_MARGIN)) {
      // Only a sentence that says much the same thing contradicts the claim. A weaker one is another fact of the
      // same kind (a lead's news that the body does not repeat): with the claim's value nowhere in the source, it is
      // named as the closest the source comes; with the value there, the claim stands.
      if (contradicts(placed.figure, conflicting)) findings.push(mismatch(figure, conflicting));
      else if (!agreeing) findings.push(unsupported(figure, sources, conflicting));
    } else if (!agreeing && listed === undefined) {
      // A count the claim backs with its own list ("two friends, Steve and Carly") needs no number in the source.
      findings.push(unsupported(figure, sources));
    }
  });
  return findings;
}

/**
 * "a fee of $1,500 (instead of $2,500)": a value set aside stands for the figure it is set against,
 * so the words around that figure are its words too; the figure between does not cut them off.
 */
function contrasted(words: ClaimWords, i: number, text: string): ClaimWords {
  const placed = words.figures[i];
  const previous = words.figures[i - 1];
  if (!previous || !negated(text, placed.figure) || previous.figure.kind !== placed.figure.kind || placed.position - previous.position > 6) return words;
  return { ...words, figures: words.figures.filter((f) => f !== previous) };
}

/** figure-unsupported: what the claim states is nowhere in the sources that cover it. */
export function unsupported(what: { text: string; start: number; end: number }, sources: readonly Source[], closest?: FigureCandidate): Finding {
  const near = closest ? evidenceRef(closest) : undefined;
  return {
    code: 'figure-unsupported',
    severity: 'information',
    message: `"${what.text}" is not in the cited source${sources.length > 1 ? 's' : ''} (${sources.map((s) => `@${s.meta.key}`).join(', ')})${near ? `; the closest it comes is "${near.text}" ${citationText(near)}` : ''}.`,
    start: what.start,
    end: what.end,
    fixes: [],
  };
}

function mismatch(figure: Figure, evidence: FigureCandidate): Finding {
  const source = evidenceRef(evidence);
  const said = evidence.placed.figure;
  if (said.listed) {
    return { code: 'figure-mismatch', severity: 'warning', message: `Source lists ${said.value} ${citationText(source)}, not "${figure.text}".`, start: figure.start, end: figure.end, source: { ...source, text: evidence.sentence.text }, fixes: [] };
  }
  const sure = evidence.coverage >= FIX_COVERAGE && (evidence.sentenceCoverage >= FIX_SENTENCE_SHARE || (countsSame(figure, said) && evidence.coverage >= FIX_COUNTED_COVERAGE));
  const strong = sure && plausibleSlip(figure, said) && sameFrame(figure, said) && figure.kind === said.kind && figure.kind !== 'ordinal';
  return {
    code: 'figure-mismatch',
    severity: 'warning',
    message: `Source says "${source.text}" ${citationText(source)}, not "${figure.text}".`,
    start: figure.start,
    end: figure.end,
    source,
    fixes: strong ? [{ title: `Replace with "${said.text}" (as the source says)`, start: figure.start, end: figure.end, newText: said.text }] : [],
  };
}

function notLeast(figure: Figure, lower: FigureCandidate): Finding {
  const source = evidenceRef(lower);
  return {
    code: 'figure-mismatch',
    severity: 'warning',
    message: `Source also gives "${source.text}" ${citationText(source)}, below "${figure.text}", where the report says they start.`,
    start: figure.start,
    end: figure.end,
    source,
    fixes: [],
  };
}

function denied(figure: Figure, evidence: FigureCandidate): Finding {
  const source = evidenceRef(evidence);
  return {
    code: 'figure-mismatch',
    severity: 'warning',
    message: `Source says "${source.text}" ${citationText(source)}, which the report denies.`,
    start: figure.start,
    end: figure.end,
    source,
    fixes: [],
  };
}

function listMismatch(figure: Figure, listed: number): Finding {
  return {
    code: 'figure-mismatch',
    severity: 'warning',
    message: `"${figure.text}" does not match the list that follows it, which names ${listed}.`,
    start: figure.start,
    end: figure.end,
    fixes: [],
  };
}
