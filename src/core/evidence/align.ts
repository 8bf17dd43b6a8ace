// The evidence engine: for a claim, the sentences of the cited sources that say the same
// thing, ranked. Evidence is shared content words (by lemma, rare words weighing more), shared
// names, and the claim's own figures: a source sentence that states the claim's values for the
// same kind and unit is strong evidence that it speaks of the same thing. One engine serves the
// figure checks, the quote check, the hover and the preview, so they point at the same passage.
import { agree, comparable, type Figure } from '../figures/figure';
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
/** How much a word's distance from the figure lowers its weight: half at this many words. */
const REACH = 5;
const proximity = (distance: number) => 1 / (1 + Math.abs(distance) / REACH);

/** Whether a source figure states the claim figure's value: same kind and unit, or a form that says the same (a year inside a date). */
export function supports(claim: Figure, source: Figure): boolean {
  if (comparable(claim, source)) return agree(claim, source);
  if (claim.kind === 'year' && source.kind === 'date') return source.date?.year === claim.value;
  if (claim.kind === 'age' && source.kind === 'count') return source.value === claim.value && claim.valueTo === claim.value;
  // "at 7 pm" for "let's make it 7": an hour said as a bare number.
  if (claim.kind === 'time' && source.kind === 'count') return claim.value % 60 === 0 && [claim.value / 60, (claim.value / 60) % 12].includes(source.value);
  if (claim.kind === 'fraction' && source.kind === 'percent') return Math.abs(claim.value * 100 - source.value) <= Math.max(1, source.value * 0.05);
  if (claim.kind === 'percent' && source.kind === 'fraction') return Math.abs(source.value * 100 - claim.value) <= Math.max(1, claim.value * 0.05);
  return false;
}

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
}

function countedHead(f: Figure): string | undefined {
  const head = f.counted.at(0);
  return head ? stem(head) : undefined;
}

/**
 * Every figure of the sources that could state the claim figure, scored by how well the words
 * around it match the words around the claim figure (near words count most), with the claim's
 * other figures as evidence when the same sentence states them too.
 */
export function figureCandidates(claim: ClaimWords, target: PlacedFigure, sources: readonly Source[], preferred: ReadonlySet<string> = new Set()): FigureCandidate[] {
  const out: FigureCandidate[] = [];
  for (const source of sources) {
    const evidence = sourceEvidence(source);
    const weights = claim.tokens.map((t) => evidence.idf(t.lemma) * (t.name ? NAME_WEIGHT : 1) * proximity(t.position - target.position));
    const total = weights.reduce((a, b) => a + b, 0) + 1e-9;
    for (const sentence of evidence.sentences) {
      for (const placed of sentence.figures) {
        const same = comparable(target.figure, placed.figure);
        if (!same && !supports(target.figure, placed.figure)) continue;
        const score = localScore(claim, weights, target, sentence, placed, evidence) + (preferred.has(`${sentence.key}#${sentence.paragraph.index}`) ? 0.5 : 0);
        const head = countedHead(target.figure);
        const other = countedHead(placed.figure);
        out.push({ sentence, placed, score, coverage: score / total, agrees: supports(target.figure, placed.figure), countsOther: !!head && !!other && head !== other && !sentence.lemmas.has(head) });
      }
    }
  }
  return out.sort((a, b) => b.score - a.score);
}

function localScore(claim: ClaimWords, weights: readonly number[], target: PlacedFigure, sentence: EvidenceSentence, placed: PlacedFigure, evidence: SourceEvidence): number {
  let score = 0;
  claim.tokens.forEach((t, i) => {
    let best = 0;
    for (const u of sentence.tokens) if (u.lemma === t.lemma) best = Math.max(best, proximity(u.position - placed.position));
    if (best > 0) score += weights[i] * (0.5 + 0.5 * best);
  });
  // The claim's other figures, stated in this sentence too: the surest sign it is the same fact.
  for (const other of claim.figures) {
    if (other === target) continue;
    if (sentence.figures.some((p) => p !== placed && supports(other.figure, p.figure))) score += 2 * proximity(other.position - target.position) * Math.log(1 + evidence.sentences.length / 4);
  }
  const head = countedHead(target.figure);
  if (head && (countedHead(placed.figure) === head || sentence.tokens.some((u) => u.lemma === head && Math.abs(u.position - placed.position) <= 3))) score += 1.5 * evidence.idf(head);
  return score;
}

export interface SentenceEvidence {
  sentence: EvidenceSentence;
  score: number;
  /** Offsets, in the source's text of the paragraph, of the sentence. */
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
