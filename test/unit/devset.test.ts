import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedCheck, type SeedCase, type SeedOutcome } from '../eval/seed-check';
import { corpusDir, repoRoot } from './paths';

const evalDir = join(repoRoot, 'test', 'fixtures', 'eval');
const cases = (JSON.parse(readFileSync(join(evalDir, 'seed-report.expected.json'), 'utf8')) as { cases: SeedCase[] }).cases;

describe('development set: figure and quote checks on the seed report (core)', () => {
  let outcomes: SeedOutcome[] = [];
  before(async () => {
    outcomes = await seedCheck(evalDir, corpusDir);
  });

  cases.forEach((c, i) => {
    it(`line ${c.line}: ${c.expect}${c.sourceSays ? ` (source says ${c.sourceSays})` : ''} — ${c.text.slice(0, 70)}`, () => {
      assert.equal(outcomes[i].problem, '');
    });
  });
});
