// `grounded check`: the editor's checks for CI. Same core, same findings.
import { promises as fs } from 'node:fs';
import { extname, relative } from 'node:path';
import { checkReport } from '../core/check/check-report';
import type { Severity } from '../core/check/findings';
import { Corpus } from '../core/corpus/corpus';
import type { LoadProblem } from '../core/model';
import { DEFAULT_MAX_FILE_BYTES, listFiles, loadFileInto } from '../core/corpus/node-corpus';
import { SearchIndex } from '../core/search/search-index';
import { parseCheckArgs, USAGE, UsageError, type CheckArgs } from './args';
import { formatJson, formatSarif, formatText, type FileResult } from './format';

declare const GROUNDED_VERSION: string;
const REPORT_EXTENSIONS = new Set(['.md', '.markdown']);
const RANK: Record<Severity, number> = { hint: 0, information: 1, warning: 2, error: 3 };

class InputError extends Error {}

async function reportFiles(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => undefined);
    if (!stat) throw new InputError(`Cannot read ${input}: no such file or folder.`);
    if (stat.isDirectory()) {
      files.push(...(await listFiles(input, [])).filter((f) => REPORT_EXTENSIONS.has(extname(f).toLowerCase())));
    } else files.push(input);
  }
  return files;
}

async function loadCorpora(dirs: readonly string[]): Promise<Corpus> {
  const corpus = new Corpus();
  for (const dir of dirs) {
    const stat = await fs.stat(dir).catch(() => undefined);
    if (!stat?.isDirectory()) throw new InputError(`--corpus ${dir}: not a folder.`);
    const problems: LoadProblem[] = [];
    for (const file of await listFiles(dir, problems)) problems.push(...(await loadFileInto(corpus, file, DEFAULT_MAX_FILE_BYTES)));
    problems.push(...corpus.problems());
    for (const p of problems) process.stderr.write(`grounded: ${p.location}: ${p.message}\n`);
  }
  if (corpus.size === 0) throw new InputError(`No source articles (.txt, .md, .html) found in ${dirs.join(', ')}.`);
  return corpus;
}

export async function runCheck(args: CheckArgs, cwd = process.cwd()): Promise<{ output: string; exitCode: number }> {
  const corpus = await loadCorpora(args.corpora);
  const search = new SearchIndex(corpus.all());
  // Sources are reports' inputs, never reports: skip them if a folder holds both.
  const sourceFiles = new Set(corpus.all().map((s) => s.location));
  const results: FileResult[] = [];
  for (const file of await reportFiles(args.inputs)) {
    if (sourceFiles.has(file)) continue;
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (e) {
      throw new InputError(`Cannot read ${file}: ${(e as Error).message}`);
    }
    results.push({ path: relative(cwd, file) || file, text, findings: checkReport(text, { corpus, search }, { citationScope: args.citationScope }) });
  }
  const output = args.format === 'json' ? formatJson(results) : args.format === 'sarif' ? formatSarif(results, GROUNDED_VERSION) : formatText(results);
  const threshold = args.failOn === 'none' ? Infinity : RANK[args.failOn];
  const failed = results.some((r) => r.findings.some((f) => RANK[f.severity] >= threshold));
  return { output, exitCode: failed ? 1 : 0 };
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command === '--version') {
    process.stdout.write(`${GROUNDED_VERSION}\n`);
    return 0;
  }
  try {
    if (command !== 'check') throw new UsageError(command ? `Unknown command "${command}".` : 'No command given.');
    const { output, exitCode } = await runCheck(parseCheckArgs(rest));
    process.stdout.write(output);
    return exitCode;
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError) {
      process.stderr.write(`grounded: ${e.message}\n${e instanceof UsageError ? `\n${USAGE}\n` : ''}`);
      return 2;
    }
    throw e;
  }
}

void main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`grounded: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);
