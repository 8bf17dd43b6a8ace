// `grounded check`: the editor's checks for CI. Same core, same findings.
import { promises as fs } from 'node:fs';
import { dirname, extname, relative, resolve } from 'node:path';
import { checkReport } from '../core/check/check-report';
import type { Severity } from '../core/check/findings';
import { Corpus } from '../core/corpus/corpus';
import type { LoadProblem } from '../core/model';
import { DEFAULT_MAX_FILE_BYTES, listFiles, loadBibliographyInto, loadFileInto } from '../core/corpus/node-corpus';
import { reportBibliographies } from '../core/front-matter';
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

/** The sources of the corpus folders and of the bibliographies (with their attached files). */
async function loadCorpus(dirs: readonly string[], bibliographies: readonly string[]): Promise<Corpus> {
  const corpus = new Corpus();
  const problems: LoadProblem[] = [];
  for (const dir of dirs) {
    const stat = await fs.stat(dir).catch(() => undefined);
    if (!stat?.isDirectory()) throw new InputError(`--corpus ${dir}: not a folder.`);
    for (const file of await listFiles(dir, problems)) problems.push(...(await loadFileInto(corpus, file, DEFAULT_MAX_FILE_BYTES)));
  }
  for (const bib of bibliographies) {
    if (!(await fs.stat(bib).catch(() => undefined))?.isFile()) throw new InputError(`Bibliography ${bib}: no such file.`);
    problems.push(...(await loadBibliographyInto(corpus, bib)));
  }
  problems.push(...corpus.problems());
  for (const p of problems) process.stderr.write(`grounded: ${p.location}: ${p.message}\n`);
  const sources = corpus.all();
  if (sources.length === 0) throw new InputError(`No sources found in ${[...dirs, ...bibliographies].join(', ')}.`);
  const withoutText = sources.filter((s) => s.format === 'reference').length;
  if (withoutText) process.stderr.write(`grounded: ${withoutText} bibliography entr${withoutText === 1 ? 'y has' : 'ies have'} no attached text; citations of ${withoutText === 1 ? 'it' : 'them'} are not checked.\n`);
  return corpus;
}

interface Report {
  file: string;
  text: string;
  /** The bibliographies its front matter names, resolved against its folder. */
  bibliographies: string[];
}

async function readReport(file: string): Promise<Report> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    throw new InputError(`Cannot read ${file}: ${(e as Error).message}`);
  }
  const { files, error } = reportBibliographies(text);
  if (error) throw new InputError(`${file}: ${error}.`);
  return { file, text, bibliographies: files.map((f) => resolve(dirname(file), f)) };
}

export async function runCheck(args: CheckArgs, cwd = process.cwd()): Promise<{ output: string; exitCode: number }> {
  const reports: Report[] = [];
  for (const file of await reportFiles(args.inputs)) reports.push(await readReport(file));
  if (args.corpora.length === 0 && args.bibliographies.length === 0 && reports.every((r) => r.bibliographies.length === 0)) {
    throw new UsageError('No --corpus DIR or --bibliography FILE given, and no report names a `bibliography:`: Grounded needs the sources to check against.');
  }
  // Reports that name the same bibliographies share one corpus.
  const corpora = new Map<string, Promise<{ corpus: Corpus; search: SearchIndex }>>();
  const contextFor = (report: Report) => {
    const bibs = [...new Set([...args.bibliographies.map((b) => resolve(cwd, b)), ...report.bibliographies])];
    const id = bibs.join('\n');
    if (!corpora.has(id)) corpora.set(id, loadCorpus(args.corpora, bibs).then((corpus) => ({ corpus, search: new SearchIndex(corpus.all()) })));
    return corpora.get(id)!;
  };
  const results: FileResult[] = [];
  for (const report of reports) {
    const { corpus, search } = await contextFor(report);
    // Sources are reports' inputs, never reports: skip them if a folder holds both.
    if (corpus.atLocation(report.file)) continue;
    results.push({ path: relative(cwd, report.file) || report.file, text: report.text, findings: checkReport(report.text, { corpus, search }, { citationScope: args.citationScope }) });
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
