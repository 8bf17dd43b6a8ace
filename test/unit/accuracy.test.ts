// Holds every accuracy measure at what it has reached (test/eval/floors.json): recall may not
// fall, false flags may not rise. The same scoring as npm run eval, which prints the table.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bbcCheck } from '../eval/bbc-check';
import { bbcLeads } from '../eval/bbc-leads';
import { evaluateSet, paraphraseSets, pooled, type SetResult } from '../eval/paraphrase';
import { bbcNewsDir } from '../bench/bbc';
import { citationRates, pooledCitations, scoreCitations, type CitationScore } from '../eval/citation-support';
import { repoRoot } from './paths';

interface Floor {
  recall?: number;
  falseFlagRate?: number;
  sourcesDisagree?: number;
}
const floors = JSON.parse(readFileSync(join(repoRoot, 'test', 'eval', 'floors.json'), 'utf8')) as {
  paraphrase: Record<string, Floor>;
  summeditsPooled: Floor;
  bbc: { falseFindings: number; recall: number };
  bbcLeads: { warnings: number; fixes: number; flaggedThoughInBody: number };
  citations: { sets: Record<string, CitationFloor>; pooled: CitationFloor };
};
interface CitationFloor {
  onCorrect: number;
  onWrong: number;
  suggestedRight?: number;
  missingRight?: number;
}

function citationsHold(name: string, score: CitationScore, floor: CitationFloor): void {
  const r = citationRates(score);
  assert.ok((r.onCorrect ?? 0) <= floor.onCorrect + EPSILON, `${name}: citation-unsupported on ${r.onCorrect} of correct citations, above ${floor.onCorrect}:\n${score.examples.join('\n')}`);
  assert.ok((r.onWrong ?? 0) >= floor.onWrong - EPSILON, `${name}: citation-unsupported on ${r.onWrong} of wrong citations, below ${floor.onWrong}:\n${score.examples.join('\n')}`);
  if (floor.suggestedRight !== undefined) assert.ok((r.suggestedRight ?? 0) >= floor.suggestedRight - EPSILON, `${name}: suggested source right ${r.suggestedRight}, below ${floor.suggestedRight}`);
  if (floor.missingRight !== undefined) assert.ok((r.missingRight ?? 0) >= floor.missingRight - EPSILON, `${name}: citation-missing names the right source ${r.missingRight}, below ${floor.missingRight}`);
}
const EPSILON = 1e-9;

function holds(name: string, reached: { recall?: number; falseFlagRate?: number }, floor: Floor): void {
  if (floor.recall !== undefined) assert.ok((reached.recall ?? 0) >= floor.recall - EPSILON, `${name}: recall ${reached.recall} fell below ${floor.recall}`);
  if (floor.falseFlagRate !== undefined) assert.ok((reached.falseFlagRate ?? 0) <= floor.falseFlagRate + EPSILON, `${name}: false-flag rate ${reached.falseFlagRate} rose above ${floor.falseFlagRate}`);
}

describe('accuracy holds what it has reached', function () {
  this.timeout(120_000);
  const results = new Map<string, SetResult>();
  const dirs = paraphraseSets(join(repoRoot, 'test', 'fixtures', 'paraphrase'));
  before(async () => {
    for (const dir of dirs) results.set(dir.split('/').at(-1)!, await evaluateSet(dir));
  });

  it('has a floor for every paraphrase dev set', () => {
    assert.deepEqual([...results.keys()].sort(), Object.keys(floors.paraphrase).sort());
  });
  for (const dir of dirs) {
    const name = dir.split('/').at(-1)!;
    it(`${name}: recall and false-flag rate at least as good as reached, and beside the naive baseline`, () => {
      const r = results.get(name)!;
      holds(name, r.grounded, floors.paraphrase[name] ?? {});
      assert.ok((r.grounded.falseFlagRate ?? 0) <= (r.naive.falseFlagRate ?? 0) + EPSILON, `${name}: flags more correct figures than the naive baseline`);
    });
    it(`${name}: sources-disagree stays off unrelated documents when every sentence counts as uncited`, async () => {
      const sentence = await evaluateSet(dir, { citationScope: 'sentence' });
      assert.ok(sentence.sourcesDisagree <= (floors.paraphrase[name]?.sourcesDisagree ?? 0), `${name}: ${sentence.sourcesDisagree} sources-disagree findings`);
    });
  }
  it('pooled over the SummEdits sets', () => {
    holds('pooled', pooled([...results.entries()].filter(([k]) => k.startsWith('summedits-')).map(([, v]) => v), 'grounded'), floors.summeditsPooled);
  });
  describe('citations checked by meaning: correct citations stay clean, wrong ones are caught with the right source', () => {
    const scores = new Map<string, CitationScore>();
    before(async () => {
      for (const dir of dirs) scores.set(dir.split('/').at(-1)!, await scoreCitations(dir));
    });
    it('has a floor for every paraphrase dev set', () => {
      assert.deepEqual([...scores.keys()].sort(), Object.keys(floors.citations.sets).sort());
    });
    for (const dir of dirs) {
      const name = dir.split('/').at(-1)!;
      it(`${name}: citation-unsupported on correct and wrong citations`, () => citationsHold(name, scores.get(name)!, floors.citations.sets[name]));
    }
    it('pooled, with the suggested source and the source citation-missing names', () => citationsHold('pooled', pooledCitations([...scores.values()]), floors.citations.pooled));
  });

  it('BBC verbatim sentences: no false finding, and changed figures flagged', () => {
    const bbc = bbcCheck(bbcNewsDir(repoRoot));
    assert.ok(bbc.falseFindings <= floors.bbc.falseFindings, `${bbc.falseFindings} false findings:\n${bbc.falseExamples.join('\n')}`);
    assert.ok(bbc.recall >= floors.bbc.recall, `recall ${bbc.recall.toFixed(4)}:\n${bbc.missedExamples.join('\n')}`);
  });

  it('BBC leads against their bodies: false warnings and the quick fixes they offer stay where they are', () => {
    const leads = bbcLeads(bbcNewsDir(repoRoot));
    assert.ok(leads.figures > 1000, `only ${leads.figures} lead figures read`);
    assert.ok(leads.warnings <= floors.bbcLeads.warnings, `${leads.warnings} false warnings:\n${leads.examples.join('\n')}`);
    assert.ok(leads.fixes <= floors.bbcLeads.fixes, `${leads.fixes} quick fixes on correct figures:\n${leads.examples.join('\n')}`);
    assert.ok(leads.flaggedThoughInBody <= floors.bbcLeads.flaggedThoughInBody, `${leads.flaggedThoughInBody} figures flagged though the body has their text`);
  });
});
