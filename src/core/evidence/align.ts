// The evidence engine: for a claim, the sentences of the cited sources that say the same
// thing, ranked. Evidence is shared content words (by lemma, rare words weighing more), shared
// names, and the claim's own figures: a source sentence that states the claim's values for the
// same kind and unit is strong evidence that it speaks of the same thing. One engine serves the
// figure checks, the quote check, the hover and the preview, so they point at the same passage.
import { agree, comparable, isShare, overlaps, type Figure } from '../figures/figure';
import type { Source } from '../model';
import { sourceEvidence, wordPosition, type EvidenceSentence, type PlacedFigure, type SourceEvidence } from './source-index';
import { contentTokens, stem, type ContentToken } from './words';

/** What the engine needs of a claim: its words and figures, citations left out. */
export interface ClaimText {
  text: string;
  /** Figures with offsets relative to `text`. */
  figures: readonly Figure[];
  /** Ranges relative to `text` that are not what the claim says (citations). */
  skip: ReadonlyArray<{ start: number; end: number }>;
}

export interface ClaimWords {
  tokens: ContentToken[];
  figures: PlacedFigure[];
}

export function claimWords(claim: ClaimText): ClaimWords {
  return {
    tokens: contentTokens(claim.text, [...claim.skip, ...claim.figures]),
    figures: claim.figures.map((figure) => ({ figure, position: wordPosition(claim.text, figure.start) })),
  };
}

const NAME_WEIGHT = 1.5;
const VALUE_WEIGHT = 0.5;
const VALUE_MIN_COVERAGE = 0.15;
/** How much a word's distance from the figure lowers its weight: half at this many words. */
const REACH = 5;
const proximity = (distance: number) => 1 / (1 + Math.abs(distance) / REACH);
const WINDOW = 12;
/** How far from a source figure a name says whose it is. */
const STRANGER_WINDOW = 6;
const BEYOND_ANOTHER_FIGURE = 0.25;
/** Words elsewhere in the source's paragraph (an item's heading, the question a reply answers) count this much. */
const PARAGRAPH_WEIGHT = 0.3;

/** Whether a source figure states the claim figure's value: same kind and unit, or a form that says the same (a year inside a date). */
export function supports(claim: Figure, source: Figure): boolean {
  // "up to 35%" backs "35%", not "30%": a bound in the source is its stated value.
  // Two bounds compare as stated ("under 14.50" is not "no more than 12.50"): spoken negation turns bounds around.
  const firm = (f: Figure) => f.bound === 'over' || f.bound === 'under';
  if (comparable(claim, source) && firm(source) && (!claim.bound || firm(claim))) return overlaps(claim.bound ? { min: claim.value, max: claim.valueTo } : claim, { min: source.value, max: source.valueTo });
  // "about fifty Euros" does not say "forty-five Euros": an exact claim is more precise than an
  // approximate source, so only the approximated value itself (to the claim's precision) is backed.
  if (comparable(claim, source) && source.bound === 'about' && !claim.bound && !claim.approximate && claim.kind !== 'date') return Math.abs(claim.value - source.value) <= lastPlace(claim.value) / 2;
  if (comparable(claim, source)) return agree(claim, source);
  if (claim.kind === 'year' && source.kind === 'date') return source.date?.year === claim.value;
  if (claim.kind === 'age' && source.kind === 'count') return source.value === claim.value && claim.valueTo === claim.value;
  // "at 7 pm" for "let's make it 7": an hour said as a bare number.
  if (claim.kind === 'time' && source.kind === 'count') return claim.value % 60 === 0 && [claim.value / 60, (claim.value / 60) % 12].includes(source.value);
  // "the 20th anniversary" for "20 years since": an anniversary counts years.
  if (claim.kind === 'ordinal' && claim.counted.some((w) => /^(anniversary|birthday)$/.test(w)) && ((source.kind === 'duration' && source.value === claim.value * 525960) || (source.kind === 'age' && source.value === claim.value))) return true;
  // "35 degrees" says no scale: it is backed by 35C, or by the Celsius of 35F.
  if (claim.kind === 'measure' && source.kind === 'measure' && bareDegrees(claim, source)) {
    const [bare, celsius] = claim.unit === '°' ? [claim, source] : [source, claim];
    return overlaps(bare, celsius) || overlaps({ min: ((bare.min - 0.5 - 32) * 5) / 9, max: ((bare.max + 0.5 - 32) * 5) / 9 }, celsius);
  }
  // "0.2%" for "0.2 percentage points": the loose way writers say a change in a rate.
  if (claim.kind === 'percent' && source.kind === 'percent' && (claim.unit === 'point') !== (source.unit === 'point')) return claim.value === source.value && claim.valueTo === source.valueTo;
  if (claim.kind === 'fraction' && source.kind === 'percent') return Math.abs(claim.value * 100 - source.value) <= Math.max(1, source.value * 0.05);
  if (claim.kind === 'percent' && source.kind === 'fraction') return Math.abs(source.value * 100 - claim.value) <= Math.max(1, claim.value * 0.05);
  return false;
}

/** The place of a number's last significant digit: 1 for 45, 100,000 for 1.3 million, 0.01 for 0.25. */
function lastPlace(value: number): number {
  const v = Math.abs(value);
  for (let place = 1e12; place >= 1e-6; place /= 10) if (v >= place && Math.abs(v / place - Math.round(v / place)) < 1e-9) return place;
  return 1e-6;
}

const bareDegrees = (a: Figure, b: Figure) => (a.unit === '°' && b.unit === '°C') || (a.unit === '°C' && b.unit === '°');

export interface FigureCandidate {
  sentence: EvidenceSentence;
  placed: PlacedFigure;
  /** How well the words around the two figures agree. */
  score: number;
  /** The score as a share of what the claim's words could reach. */
  coverage: number;
  agrees: boolean;
  /** Both figures say what they count, and it is not the same thing. */
  countsOther: boolean;
  /** The share of the claim's words near its figure (by rarity, not by nearness) that the sentence has anywhere. */
  sentenceCoverage: number;
  /** Whose: the names near the claim's figure, and how many of them the sentence names too. */
  names: number;
  namesShared: number;
  /** Names near the source's figure that the claim never gives: whose the figure is, if not the claim's (0 where it agrees). */
  strangers: number;
}

function countedLemmas(f: Figure): string[] {
  return f.counted.map(stem);
}

/**
 * Every figure of the sources that could state the claim figure, scored by how well the words
 * around it match the words around the claim figure (near words count most), with the claim's
 * other figures as evidence when the same sentence states them too.
 */
export function figureCandidates(claim: ClaimWords, target: PlacedFigure, sources: readonly Source[], preferred: ReadonlySet<string> = new Set()): FigureCandidate[] {
  const out: FigureCandidate[] = [];
  // Only the words near the figure say what it is about: a long sentence states other facts further on,
  // and words past another figure mostly belong to that figure's clause. Each source then weighs them by rarity.
  const nearness = claim.tokens.map((t) => {
    const d = t.position - target.position;
    if (Math.abs(d) > WINDOW) return 0;
    const beyond = claim.figures.some((o) => o !== target && (d > 0 ? o.position > target.position && o.position < t.position : o.position < target.position && o.position > t.position));
    return (t.name ? NAME_WEIGHT : 1) * proximity(d) * (beyond ? BEYOND_ANOTHER_FIGURE : 1);
  });
  const mine = countedLemmas(target.figure);
  const near = claim.tokens.filter((_, i) => nearness[i] !== 0);
  const names = [...new Set(near.filter((t) => t.name).map((t) => t.lemma))];
  const claimLemmas = new Set(claim.tokens.map((t) => t.lemma));
  for (const source of sources) {
    const evidence = sourceEvidence(source);
    const weights = claim.tokens.map((t, i) => (nearness[i] === 0 ? 0 : evidence.idf(t.lemma) * nearness[i]));
    const total = weights.reduce((a, b) => a + b, 0) + 1e-9;
    const rarity = near.map((t) => evidence.idf(t.lemma));
    const rarityTotal = rarity.reduce((a, b) => a + b, 0) + 1e-9;
    for (const sentence of evidence.sentences) {
      // What the sentence shares with the claim as a whole, the same for each of its figures: read once, if any is comparable.
      let whole: { sentenceCoverage: number; namesShared: number } | undefined;
      const wholeSentence = () =>
        (whole ??= {
          sentenceCoverage: near.reduce((sum, t, i) => (sentence.lemmas.has(t.lemma) ? sum + rarity[i] : sum), 0) / rarityTotal,
          namesShared: names.filter((n) => sentence.lemmas.has(n)).length,
        });
      for (const placed of sentence.figures) {
        const agrees = supports(target.figure, placed.figure);
        // A share said as a fraction can conflict with one said as a percentage ("two-thirds" against "33%").
        if (!agrees && !comparable(target.figure, placed.figure) && !(isShare(target.figure) && isShare(placed.figure))) continue;
        const score = localScore(claim, weights, target, sentence, placed, evidence) + (preferred.has(`${sentence.key}#${sentence.paragraph.index}`) ? 0.5 : 0);
        const theirs = countedLemmas(placed.figure);
        const countsOther = mine.length > 0 && theirs.length > 0 && !mine.some((l) => theirs.includes(l) || sentence.lemmas.has(l));
        // Read only where it can matter: whose figure it is decides only whether a conflicting one contradicts.
        const strangers = agrees ? 0 : new Set(sentence.tokens.filter((t) => t.name && Math.abs(t.position - placed.position) <= STRANGER_WINDOW && !claimLemmas.has(t.lemma)).map((t) => t.lemma)).size;
        out.push({ sentence, placed, score, coverage: score / total, agrees, countsOther, names: names.length, strangers, ...wholeSentence() });
      }
    }
  }
  // The value itself is evidence: a sentence that states the claim's value (a rare one most of
  // all) says the same thing more surely than one that only shares its words.
  const agreeing = out.filter((c) => c.agrees);
  const sentences = sources.reduce((n, s) => n + sourceEvidence(s).sentences.length, 0);
  const bonus = VALUE_WEIGHT * specificity(target.figure) * Math.log(1 + sentences / (1 + agreeing.length));
  for (const c of agreeing) if (c.coverage >= VALUE_MIN_COVERAGE) c.score += bonus * Math.min(1, c.coverage);
  return out.sort((a, b) => b.score - a.score);
}

/** How much a value singles out a fact: "870" or "$2,500" more than "two". */
function specificity(f: Figure): number {
  const digits = f.text.replace(/\D/g, '').replace(/^0+|0+$/g, '').length;
  if (f.kind === 'money' || f.kind === 'percent' || f.kind === 'date' || f.kind === 'time' || f.kind === 'score') return 1;
  // "the first", "second": ordinals below ten are in every other sentence.
  if (f.kind === 'ordinal' && f.value < 10) return 0.1;
  return digits >= 2 ? 1 : 0.4;
}

function localScore(claim: ClaimWords, weights: readonly number[], target: PlacedFigure, sentence: EvidenceSentence, placed: PlacedFigure, evidence: SourceEvidence): number {
  let score = 0;
  const around = evidence.paragraphLemmas(sentence.paragraph);
  claim.tokens.forEach((t, i) => {
    if (weights[i] === 0) return;
    let best = 0;
    for (const u of sentence.tokens) if (u.lemma === t.lemma) best = Math.max(best, proximity(u.position - placed.position));
    if (best > 0) score += weights[i] * (0.5 + 0.5 * best);
    else if (around.has(t.lemma)) score += weights[i] * PARAGRAPH_WEIGHT;
  });
  // The claim's other figures, stated in this sentence too: the surest sign it is the same fact.
  for (const other of claim.figures) {
    if (other === target) continue;
    if (sentence.figures.some((p) => p !== placed && supports(other.figure, p.figure))) score += 2 * specificity(other.figure) * proximity(other.position - target.position) * Math.log(1 + evidence.sentences.length / 4);
  }
  const theirs = countedLemmas(placed.figure);
  for (const lemma of new Set(countedLemmas(target.figure))) {
    if (theirs.includes(lemma) || sentence.tokens.some((u) => u.lemma === lemma && Math.abs(u.position - placed.position) <= 3)) score += 1.5 * evidence.idf(lemma);
  }
  return score;
}

export interface SentenceEvidence {
  sentence: EvidenceSentence;
  /** Rarity-weighted content words and names shared with the claim, and its figures stated. */
  score: number;
}

/** The sentences of the sources ranked by how much of the claim they say: the best match for a hover or a preview. */
export function alignClaim(claim: ClaimText, sources: readonly Source[]): SentenceEvidence[] {
  const words = claimWords(claim);
  const out: SentenceEvidence[] = [];
  for (const source of sources) {
    const evidence = sourceEvidence(source);
    const lemmas = new Map<string, number>();
    for (const t of words.tokens) lemmas.set(t.lemma, Math.max(lemmas.get(t.lemma) ?? 0, evidence.idf(t.lemma) * (t.name ? NAME_WEIGHT : 1)));
    for (const sentence of evidence.sentences) {
      let score = 0;
      for (const [lemma, weight] of lemmas) if (sentence.lemmas.has(lemma)) score += weight;
      for (const f of words.figures) if (sentence.figures.some((p) => supports(f.figure, p.figure))) score += 2 * Math.log(1 + evidence.sentences.length / 4);
      if (score > 0) out.push({ sentence, score });
    }
  }
  return out.sort((a, b) => b.score - a.score || a.sentence.paragraph.index - b.sentence.paragraph.index);
}
