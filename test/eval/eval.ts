// npm run eval: the accuracy of Grounded's checks, beside the naive baseline in the same run.
// - every paraphrase dev set (real summaries, figure edits labelled): recall and false-flag rate;
// - sources-disagree findings there when each sentence counts as uncited but its citation's own
//   (the corpora are mostly unrelated documents: these should stay near zero);
// - BBC leads against their own bodies: false warnings on correct paraphrase (bbc-leads.ts);
// - the seed dev set, the BBC verbatim check and the figure-extraction set.
// Prints a table and writes test-results/eval.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bbcNewsDir } from '../bench/bbc';
import { bbcCheck } from './bbc-check';
import { bbcLeads } from './bbc-leads';
import { scoreExtraction } from './figure-extraction';
import { evaluateSet, paraphraseSets, pooled, round, type Score, type SetResult } from './paraphrase';
import { seedCheck } from './seed-check';
import { citationRates, pooledCitations, scoreCitations, type CitationScore } from './citation-support';

const repoRoot = resolve(__dirname, '../../..');
const fixtures = join(repoRoot, 'test', 'fixtures');

const pct = (n?: number) => (n === undefined ? '–' : n.toFixed(3));
const row = (name: string, g: Score, n: Score, disagree?: number) =>
  `| ${name} | ${g.toFlag} | ${g.clean} | ${pct(n.recall)} | ${pct(n.falseFlagRate)} | ${pct(g.recall)} | ${pct(g.falseFlagRate)} |${disagree === undefined ? '' : ` ${disagree} |`}`;

async function main(): Promise<void> {
  const started = Date.now();
  const sets: SetResult[] = [];
  const citations: CitationScore[] = [];
  const disagree = new Map<string, number>();
  for (const dir of paraphraseSets(join(fixtures, 'paraphrase'))) {
    sets.push(await evaluateSet(dir));
    citations.push(await scoreCitations(dir));
    disagree.set(sets.at(-1)!.set, (await evaluateSet(dir, { citationScope: 'sentence' })).sourcesDisagree);
  }
  const summedits = sets.filter((s) => s.set.startsWith('summedits-'));
  const pooledGrounded = pooled(summedits, 'grounded');
  const pooledNaive = pooled(summedits, 'naive');
  const seed = await seedCheck(join(fixtures, 'eval'), join(repoRoot, 'corpus'));
  const bbc = bbcCheck(bbcNewsDir(repoRoot));
  const leads = bbcLeads(bbcNewsDir(repoRoot));
  const extraction = scoreExtraction(join(fixtures, 'figure-extraction'));

  const lines = [
    '| set | figures to flag | figures to keep clean | naive recall | naive false-flag rate | Grounded recall | Grounded false-flag rate | sources-disagree, sentence scope |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...sets.map((s) => row(s.set, s.grounded, s.naive, disagree.get(s.set))),
    row('**SummEdits pooled**', pooledGrounded, pooledNaive, summedits.reduce((a, s) => a + (disagree.get(s.set) ?? 0), 0)),
  ];
  const seedRight = seed.filter((o) => !o.problem).length;
  console.log(lines.join('\n'));
  const citationRow = (s: CitationScore) => {
    const r = citationRates(s);
    return `| ${s.set === 'pooled' ? '**pooled**' : s.set} | ${s.correct} | ${pct(r.onCorrect)} | ${pct(r.onWrong)} | ${pct(r.suggestedRight)} | ${pct(r.hiddenClaimUnsupported)} | ${pct(r.hiddenWrongSuggestion)} | ${pct(r.twoOffered)} / ${pct(r.hiddenTwoOffered)} | ${s.uncited} | ${pct(r.missingRate)} | ${pct(r.missingRight)} |`;
  };
  const pooledCitation = pooledCitations(citations);
  console.log(
    [
      '\nCitations checked by meaning (each kept summary: cited to its own document = correct; to the next document of its set = wrong; wrong with its own document hidden; uncited):\n',
      '| set | summaries | citation-unsupported on correct (≤ 0.02) | on wrong (≥ 0.90) | suggested source right (≥ 0.85) | own hidden: claim-unsupported | own hidden: citation-unsupported | of those flagged, two offered as equally close (wrong / own hidden) | uncited sentences with a figure or quote | citation-missing rate | citation-missing names the right source |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...citations.map(citationRow),
      citationRow(pooledCitation),
    ].join('\n'),
  );
  console.log(`\nSeed dev set: ${seedRight}/${seed.length} as expected.`);
  console.log(`BBC verbatim check: ${bbc.falseFindings} false findings in ${bbc.claims} sentences of ${bbc.articles} articles; ${bbc.caught} of ${bbc.changed} changed figures flagged (${(bbc.recall * 100).toFixed(1)}%).`);
  const share = (k: number) => `${k} (${((100 * k) / leads.figures).toFixed(1)}%)`;
  console.log(
    `BBC leads against their bodies (${leads.articles} articles, ${leads.figures} figures, all correct): false warnings (figure-mismatch) ${share(leads.warnings)}, with a quick fix ${leads.fixes}; ` +
      `flagged as not in the source ${share(leads.flags)}, naive baseline ${share(leads.naiveFlags)}; flagged though the body has the figure's text ${share(leads.flaggedThoughInBody)} (naive 0).`,
  );
  console.log(`Figure extraction (175 labelled sentences): recall ${extraction.recall.toFixed(3)}, precision ${extraction.precision.toFixed(3)}, values right ${extraction.valuesRight}/${extraction.valued}.`);
  if (process.env.GROUNDED_EVAL_VERBOSE) {
    for (const c of citations) console.log(`\n${c.set} citations:\n    ${c.examples.slice(0, 8).join('\n    ')}`);
    for (const s of sets) console.log(`\n${s.set}\n  missed:\n    ${s.misses.join('\n    ')}\n  false flags:\n    ${s.falseFlagExamples.join('\n    ')}`);
    for (const o of seed.filter((x) => x.problem)) console.log(`seed line ${o.case.line}: ${o.problem}`);
    console.log(`\nBBC leads, false warnings:\n    ${leads.examples.join('\n    ')}`);
  }
  const json = {
    sets: sets.map(({ misses: _m, falseFlagExamples: _f, ...s }) => ({ ...s, sourcesDisagreeSentenceScope: disagree.get(s.set) })),
    summeditsPooled: { grounded: pooledGrounded, naive: pooledNaive },
    citations: { sets: citations.map((c) => ({ ...c, examples: undefined, ...citationRates(c) })), pooled: { ...pooledCitation, examples: undefined, ...citationRates(pooledCitation) } },
    seed: { right: seedRight, cases: seed.length, problems: seed.filter((o) => o.problem).map((o) => ({ line: o.case.line, problem: o.problem })) },
    bbc: { ...bbc, recall: round(bbc.recall) },
    bbcLeads: { ...leads, examples: undefined },
    extraction: { recall: round(extraction.recall), precision: round(extraction.precision), valuesRight: extraction.valuesRight, valued: extraction.valued },
    seconds: (Date.now() - started) / 1000,
  };
  mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
  writeFileSync(join(repoRoot, 'test-results', 'eval.json'), `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nJSON: test-results/eval.json (${json.seconds.toFixed(1)} s)`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
