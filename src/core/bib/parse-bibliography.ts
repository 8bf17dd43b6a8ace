// The writer's bibliography files, as pandoc reads them: BibTeX/BibLaTeX (.bib, read by Better
// BibTeX's own parser), CSL-JSON (.json) and CSL-YAML (.yaml, .yml: a `references:` list, as in
// pandoc front matter). Each entry keeps the writer's citekey and names its attached files.
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parseAllDocuments } from 'yaml';
import type { LoadProblem, SourceMeta } from '../model';
import { metaFromRecord } from '../corpus/markdown';
import { attachmentPaths } from './attachments';
import { cslFromEntry, type CslRecord } from './bibtex-csl';

export interface BibEntry {
  key: string;
  /** The entry as a CSL item (id = key), without its `file` field. */
  csl: CslRecord;
  meta: Partial<SourceMeta>;
  /** The attached files as the entry names them: relative to the bibliography file, or absolute. */
  files: string[];
  /** Where the entry is written in the file (offsets), when it can be found. */
  start?: number;
  end?: number;
}

export interface Bibliography {
  location: string;
  entries: BibEntry[];
  problems: LoadProblem[];
}

export type BibliographyFormat = 'bibtex' | 'csl-json' | 'csl-yaml';

export function bibliographyFormatOf(location: string): BibliographyFormat | undefined {
  const ext = /\.([A-Za-z]+)$/.exec(location)?.[1].toLowerCase();
  if (ext === 'bib' || ext === 'bibtex' || ext === 'biblatex') return 'bibtex';
  if (ext === 'json') return 'csl-json';
  if (ext === 'yaml' || ext === 'yml') return 'csl-yaml';
  return undefined;
}

export function parseBibliography(location: string, text: string): Bibliography {
  const format = bibliographyFormatOf(location);
  const problems: LoadProblem[] = [];
  let entries: BibEntry[] = [];
  if (format === 'bibtex') entries = bibtexEntries(location, text, problems);
  else if (format === 'csl-json' || format === 'csl-yaml') entries = cslEntries(location, readCsl(location, text, format, problems), problems);
  else problems.push({ location, severity: 'error', message: 'Not a bibliography Grounded reads: name a .bib (BibTeX/BibLaTeX), .json (CSL-JSON) or .yaml (CSL-YAML) file.' });
  return { location, entries: placed(text, format, uniqueEntries(location, entries, problems)), problems };
}

/** Where each key is written: `@type{key,`, `"id": "key"`, `id: key`. One pass over the file. */
const KEY_PLACES: Record<BibliographyFormat, RegExp> = {
  bibtex: /@\w+\s*[{(]\s*([^,\s{}()]+)\s*,/g,
  'csl-json': /"id"\s*:\s*"?([^",\s}]+)"?/g,
  'csl-yaml': /\bid\s*:\s*['"]?([^'"\s,}]+)['"]?/g,
};

/** Notes where each entry is written in the file, for Go to Definition. */
function placed(text: string, format: BibliographyFormat | undefined, entries: BibEntry[]): BibEntry[] {
  if (!format) return entries;
  const places = new Map<string, { start: number; end: number }>();
  for (const m of text.matchAll(KEY_PLACES[format])) if (!places.has(m[1])) places.set(m[1], { start: m.index, end: m.index + m[0].length });
  for (const e of entries) {
    const place = places.get(e.key);
    if (place) Object.assign(e, place);
  }
  return entries;
}

function bibtexEntries(location: string, text: string, problems: LoadProblem[]): BibEntry[] {
  const unsupported = new Set<string>();
  let library;
  try {
    // Titles as the writer typed them (no sentence-casing); a TeX command the parser does not know is kept as written.
    library = parseBibtex(text, { sentenceCase: false, english: false, caseProtection: false, unsupported: (_node, tex) => (unsupported.add(tex), tex) });
  } catch (e) {
    problems.push({ location, severity: 'error', message: `The BibTeX file cannot be read: ${(e as Error).message}` });
    return [];
  }
  for (const error of library.errors) problems.push({ location, severity: 'warning', message: `BibTeX: ${error.error}${error.input ? ` (in "${error.input.trim().slice(0, 60)}")` : ''}.` });
  if (unsupported.size) problems.push({ location, severity: 'information', message: `BibTeX: TeX commands kept as written: ${[...unsupported].slice(0, 5).join(', ')}.` });
  return library.entries.map((entry) => {
    const csl = cslFromEntry(entry);
    const file = (entry.fields as Record<string, unknown>).file;
    return { key: entry.key, csl, meta: metaFromRecord(csl), files: typeof file === 'string' ? attachmentPaths(file) : [] };
  });
}

function readCsl(location: string, text: string, format: 'csl-json' | 'csl-yaml', problems: LoadProblem[]): unknown[] {
  let data: unknown;
  try {
    if (format === 'csl-json') data = JSON.parse(text);
    else {
      // A CSL-YAML file is pandoc front matter: `---`, `references:`, `...`; or a bare list.
      const docs = parseAllDocuments(text);
      const doc = Array.isArray(docs) ? docs.find((d) => d.contents !== null) : docs;
      if (doc?.errors.length) throw new Error(doc.errors[0].message.split('\n')[0]);
      data = doc?.toJS();
    }
  } catch (e) {
    problems.push({ location, severity: 'error', message: `${format === 'csl-json' ? 'CSL-JSON' : 'CSL-YAML'} file cannot be read: ${(e as Error).message.split('\n')[0]}` });
    return [];
  }
  const items = Array.isArray(data) ? data : data && typeof data === 'object' ? (data as Record<string, unknown>).references : undefined;
  if (!Array.isArray(items)) {
    problems.push({ location, severity: 'error', message: format === 'csl-json' ? 'A CSL-JSON bibliography must be an array of items.' : 'A CSL-YAML bibliography must hold a `references:` list of items.' });
    return [];
  }
  return items;
}

function cslEntries(location: string, items: unknown[], problems: LoadProblem[]): BibEntry[] {
  const entries: BibEntry[] = [];
  items.forEach((item, i) => {
    const record = item && typeof item === 'object' && !Array.isArray(item) ? (item as Record<string, unknown>) : undefined;
    const id = record && (typeof record.id === 'string' || typeof record.id === 'number') ? String(record.id).trim() : '';
    if (!record || !id) {
      problems.push({ location, severity: 'warning', message: `Item ${i + 1} has no "id" (its citekey); ignored.` });
      return;
    }
    const { file, ...rest } = record;
    const csl: CslRecord = { ...rest, id, type: typeof rest.type === 'string' ? rest.type : 'document' };
    const files = typeof file === 'string' ? attachmentPaths(file) : Array.isArray(file) ? file.filter((f): f is string => typeof f === 'string') : [];
    entries.push({ key: id, csl, meta: metaFromRecord(csl), files });
  });
  return entries;
}

/** The first entry of a key wins, as in pandoc; the others are named. */
function uniqueEntries(location: string, entries: BibEntry[], problems: LoadProblem[]): BibEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    if (!seen.has(e.key)) return seen.add(e.key);
    problems.push({ location, severity: 'warning', message: `Key "${e.key}" is given twice; the first entry is used.` });
    return false;
  });
}
