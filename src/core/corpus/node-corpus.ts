// Loads a corpus folder from disk with Node's fs: for the CLI, tests and benchmarks.
// The extension reads files through VS Code's file system instead, with the same parsing.
import { promises as fs } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBibliography } from '../bib/parse-bibliography';
import type { LoadProblem, Source } from '../model';
import { formatOf } from './article';
import { Corpus } from './corpus';
import { formatBytes } from './decode';
import { isDocx, isPdf, isReferencesFile, parseFileAsync } from './parse-file';

export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Files under `dir` (following no symlinked folders, so a loop cannot trap the walk). */
export async function listFiles(dir: string, problems: LoadProblem[]): Promise<string[]> {
  const out: string[] = [];
  const pending = [dir];
  while (pending.length) {
    const current = pending.pop()!;
    let entries;
    try {
      entries = await fs.readdir(current, { withFileTypes: true });
    } catch (e) {
      problems.push({ location: current, severity: 'error', message: `Cannot read folder: ${(e as Error).message}` });
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(current, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (entry.isFile()) out.push(path);
      else if (entry.isSymbolicLink()) {
        const stat = await fs.stat(path).catch(() => undefined);
        if (stat?.isFile()) out.push(path);
        else if (!stat) problems.push({ location: path, severity: 'warning', message: 'Broken symbolic link; skipped.' });
      }
    }
  }
  return out.sort();
}

/** Reads one file into the corpus (an article or the metadata file); problems say what went wrong. */
export async function loadFileInto(corpus: Corpus, path: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<LoadProblem[]> {
  const isReferences = isReferencesFile(path);
  const format = formatOf(path);
  if (!isReferences && !format && !isPdf(path) && !isDocx(path)) return [];
  let bytes: Uint8Array;
  try {
    const stat = await fs.stat(path);
    if (stat.size > maxBytes) {
      return [{ location: path, severity: 'warning', message: `File is ${formatBytes(stat.size)}, over the ${formatBytes(maxBytes)} limit; skipped.` }];
    }
    bytes = await fs.readFile(path);
  } catch (e) {
    return [{ location: path, severity: 'error', message: `Cannot read file: ${(e as Error).message}` }];
  }
  const result = await parseFileAsync(path, bytes);
  if (result.kind === 'skipped') return [{ location: path, severity: 'warning', message: `Skipped: ${result.reason}.` }];
  const problems: LoadProblem[] = result.note ? [{ location: path, severity: 'information', message: `File is ${result.note}.` }] : [];
  if (result.kind === 'references') corpus.setReferences(path, result.references);
  else if (result.kind === 'article') corpus.upsert(result.article);
  return problems;
}

export async function loadCorpusDirectory(dir: string, options: { maxBytes?: number } = {}): Promise<{ corpus: Corpus; sources: Source[]; problems: LoadProblem[] }> {
  const corpus = new Corpus();
  const problems: LoadProblem[] = [];
  for (const path of await listFiles(dir, problems)) problems.push(...(await loadFileInto(corpus, path, options.maxBytes)));
  problems.push(...corpus.problems());
  return { corpus, sources: [...corpus.all()], problems };
}

/**
 * Reads a bibliography of the writer's into the corpus, and the files its entries attach
 * (relative to the bibliography or absolute) as sources, wherever they are. Problems name
 * the bibliography or the attachment.
 */
export async function loadBibliographyInto(corpus: Corpus, path: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<LoadProblem[]> {
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch (e) {
    return [{ location: path, severity: 'error', message: `Cannot read the bibliography: ${(e as Error).message}` }];
  }
  const bib = parseBibliography(path, text);
  const folder = dirname(path);
  corpus.setBibliography(bib, (file) => (file.startsWith('file://') ? fileURLToPath(file) : resolve(folder, file)));
  const problems: LoadProblem[] = [];
  for (const attachment of corpus.attachments()) {
    if (corpus.hasArticle(attachment)) continue;
    const stat = await fs.stat(attachment).catch(() => undefined);
    if (!stat) {
      problems.push({ location: path, severity: 'warning', message: `An entry attaches ${attachment}, which does not exist; the entry is cited without text to check against.` });
      continue;
    }
    problems.push(...(await loadFileInto(corpus, attachment, maxBytes)));
  }
  return problems;
}
