// Figures in a claim against the figures of its sources that count the same thing:
// same kind and unit, and sentences that share what is counted and who did what.
import { comparable, overlaps, type Figure } from '../figures/figure';
import type { Source } from '../model';
import type { Claim } from './claims';
import type { Finding, SourceRef } from './findings';
import { sourceFigures, sourceWords, type SourceFigure } from './source-figures';
import { contentStems, sharedCount, stem } from './words';

/** Two shared content words (or a shared counted noun and one more) make two sentences about the same thing. */
const MIN_ALIGNMENT = 2;
/** A figure that agrees counts as support when its sentence is nearly as close as the best one. */
const SUPPORT_RATIO = 0.6;

interface Scored {
  candidate: SourceFigure;
  score: number;
}

function alignment(claimStems: ReadonlySet<string>, figure: Figure, candidate: SourceFigure, preferred: boolean): number {
  const counted = new Set(figure.counted.map(stem));
  const sharedCounted = candidate.figure.counted.filter((w) => counted.has(stem(w))).length;
  // "40 tanks" and "40 trucks" count different things, however alike their sentences.
  const countsOther = counted.size > 0 && candidate.figure.counted.length > 0 && sharedCounted === 0;
  return sharedCount(claimStems, candidate.stems) + sharedCounted - (countsOther ? 3 : 0) + (preferred ? 0.5 : 0);
}

function ref(c: SourceFigure): SourceRef {
  const words = sourceWords(c);
  return { key: c.key, locator: `para. ${c.paragraph.index}`, text: words.text, start: words.start, end: words.end };
}

/** What the claim is about: its words without the figures and the citation keys. */
function claimStems(claim: Claim): Set<string> {
  const skip = [...claim.figures, ...claim.citationRanges].map((r) => ({ start: r.start - claim.start, end: r.end - claim.start }));
  return contentStems(claim.text, skip);
}

function rank(stems: ReadonlySet<string>, figure: Figure, candidates: readonly SourceFigure[], preferred: ReadonlySet<number>): Scored[] {
  return candidates
    .filter((c) => comparable(figure, c.figure))
    .map((candidate) => ({ candidate, score: alignment(stems, figure, candidate, preferred.has(candidate.paragraph.index)) }))
    .sort((a, b) => b.score - a.score);
}

/** figure-mismatch and figure-unsupported for a cited claim. */
export function checkCitedFigures(claim: Claim, sources: readonly Source[], located: ReadonlySet<number>): Finding[] {
  const findings: Finding[] = [];
  if (claim.figures.length === 0 || sources.length === 0) return findings;
  const candidates = sources.flatMap((s) => sourceFigures(s));
  const stems = claimStems(claim);
  for (const figure of claim.figures) {
    const scored = rank(stems, figure, candidates, located);
    const best = scored[0];
    const supported = scored.some((s) => overlaps(s.candidate.figure, figure) && (s.score >= Math.max(MIN_ALIGNMENT, SUPPORT_RATIO * (best?.score ?? 0))));
    if (supported) continue;
    if (best && best.score >= MIN_ALIGNMENT) {
      const source = ref(best.candidate);
      findings.push({
        code: 'figure-mismatch',
        severity: 'warning',
        message: `Source says "${source.text}" [@${source.key}, ${source.locator}], not "${figure.text}".`,
        start: figure.start,
        end: figure.end,
        source,
        fixes: [{ title: `Replace with "${best.candidate.figure.text}" (as the source says)`, start: figure.start, end: figure.end, newText: best.candidate.figure.text }],
      });
    } else if (!scored.some((s) => overlaps(s.candidate.figure, figure))) {
      findings.push({
        code: 'figure-unsupported',
        severity: 'information',
        message: `"${figure.text}" is not in the cited source${sources.length > 1 ? 's' : ''} (${sources.map((s) => `@${s.meta.key}`).join(', ')}).`,
        start: figure.start,
        end: figure.end,
        fixes: [],
      });
    }
  }
  return findings;
}

/**
 * sources-disagree for an uncited claim: the sources that speak of the same thing give
 * values that do not overlap. `candidates` are the source figures worth comparing.
 */
export function checkUncitedFigures(claim: Claim, candidates: readonly SourceFigure[]): Finding[] {
  const findings: Finding[] = [];
  const stems = claimStems(claim);
  for (const figure of claim.figures) {
    // Stricter alignment than for cited claims: nothing tells us which sources are meant.
    const scored = rank(stems, figure, candidates, new Set()).filter((s) => s.score >= MIN_ALIGNMENT + 1);
    const bestPerSource = new Map<string, Scored>();
    for (const s of scored) if (!bestPerSource.has(s.candidate.key)) bestPerSource.set(s.candidate.key, s);
    const values = [...bestPerSource.values()];
    if (values.length < 2) continue;
    const disagree = values.some((a) => values.some((b) => !overlaps(a.candidate.figure, b.candidate.figure)));
    if (!disagree) continue;
    const related = values.map((v) => ref(v.candidate));
    findings.push({
      code: 'sources-disagree',
      severity: 'information',
      message: `Sources disagree: ${related.map((r) => `"${r.text}" [@${r.key}, ${r.locator}]`).join('; ')}.`,
      start: figure.start,
      end: figure.end,
      related,
      fixes: related.map((r) => ({ title: `Cite @${r.key} (${r.text})`, start: claim.end, end: claim.end, newText: ` [@${r.key}, ${r.locator}]` })),
    });
  }
  return findings;
}
