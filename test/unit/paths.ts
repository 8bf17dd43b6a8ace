import { resolve } from 'node:path';

/** The repository root, from a test compiled to out/test/unit/. */
export const repoRoot = resolve(__dirname, '../../..');
export const corpusDir = resolve(repoRoot, 'corpus');
export const paraphraseDir = resolve(repoRoot, 'test', 'fixtures', 'paraphrase');
