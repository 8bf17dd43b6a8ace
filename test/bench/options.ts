// The command-line options the benchmarks share.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { bbcNewsDir } from './bbc';

export const repoRoot = resolve(__dirname, '../../..');
const args = process.argv.slice(2);

/** The value after `name` on the command line, or `fallback`. */
export function option(name: string, fallback: string): string {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

/** `--articles DIR`, else the BBC News articles; an error names a folder that is not there. */
export function articlesFolder(): string {
  const dir = args.includes('--articles') ? option('--articles', '') : bbcNewsDir(repoRoot);
  if (!existsSync(dir)) throw new Error(`--articles ${dir}: no such folder`);
  return dir;
}
