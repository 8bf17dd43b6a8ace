// sources-disagree, for a figure no citation covers: the sources that state the same fact
// about the same subject give values that cannot both be true. Only sources whose sentence
// says what the claim says (strong alignment) and names what it names are compared, so
// figures from unrelated documents are never set against each other.
import { citationText } from '../citation-insert';
import { claimWords, figureCandidates, type FigureCandidate } from '../evidence/align';
import { sourceEvidence } from '../evidence/source-index';
import { agree, comparable } from '../figures/figure';
import type { Source } from '../model';
import type { Claim } from './claims';
import { excusedFigure } from './figure-frames';
import { claimText, evidenceRef } from './figure-rules';
import type { Finding } from './findings';

/** Nothing tells us which source is meant: a source's sentence must say most of what the claim says. */
const SAME_FACT_COVERAGE = 0.5;
const UNNAMED_FACT_COVERAGE = 0.7;

function sharedNames(key: string, sources: readonly Source[], names: ReadonlySet<string>): number {
  const source = sources.find((s) => s.meta.key === key);
  if (!source) return 0;
  const lemmas = sourceEvidence(source).lemmas;
  let n = 0;
  for (const name of names) if (lemmas.has(name)) n++;
  return n;
}

export function checkUncitedFigures(claim: Claim, sources: readonly Source[]): Finding[] {
  if (sources.length < 2) return [];
  const words = claimWords(claimText(claim));
  // Names of the claim: capitalised inside the sentence, or opening it and a name in the sources ("Russia has massed...").
  const known = (lemma: string) => sources.some((s) => sourceEvidence(s).names.has(lemma));
  const names = new Set(words.tokens.filter((t) => t.name || (t.capital && known(t.lemma))).map((t) => t.lemma));
  // With no name to share, the event's words must carry it: nearly all of them.
  const coverage = names.size ? SAME_FACT_COVERAGE : UNNAMED_FACT_COVERAGE;
  const findings: Finding[] = [];
  words.figures.forEach((placed, i) => {
    const figure = claim.figures[i];
    if (excusedFigure(placed.figure, claim.text)) return;
    const best = new Map<string, FigureCandidate>();
    for (const c of figureCandidates(words, placed, sources)) {
      if (best.has(c.sentence.key) || c.coverage < coverage || c.countsOther || !comparable(placed.figure, c.placed.figure)) continue;
      // The same subject: the source names most of what the claim names (two unrelated calls both say "Plan" and "Client").
      if (names.size && sharedNames(c.sentence.key, sources, names) < Math.min(2, names.size)) continue;
      best.set(c.sentence.key, c);
    }
    const values = [...best.values()];
    if (values.length < 2 || !values.some((a) => values.some((b) => !agree(a.placed.figure, b.placed.figure)))) return;
    const related = values.map(evidenceRef);
    findings.push({
      code: 'sources-disagree',
      severity: 'information',
      message: `Sources disagree: ${related.map((r) => `"${r.text}" ${citationText(r)}`).join('; ')}.`,
      start: figure.start,
      end: figure.end,
      related,
      fixes: related.map((r) => ({ title: `Cite @${r.key} (${r.text})`, start: claim.end, end: claim.end, newText: ` ${citationText(r)}` })),
    });
  });
  return findings;
}
