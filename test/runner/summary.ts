// Closes `npm test` with one line for every test of every stage: 'N passed, N failed'.
import { clearStages, readStages } from './results';

const EXPECTED = ['unit', 'lsp', 'integration', 'web', 'ui'];

if (process.argv[2] === '--clear') {
  clearStages();
} else {
  const stages = readStages();
  let passed = 0;
  let failed = 0;
  for (const name of EXPECTED) {
    const s = stages.find((x) => x.stage === name);
    if (!s) {
      console.log(`${name}: no result`);
      failed++;
      continue;
    }
    console.log(`${name}: ${s.passed} passed, ${s.failed} failed`);
    passed += s.passed;
    failed += s.failed + s.pending;
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
}
