import type { LoadProblem, SourceMeta } from '../model';
import { metaFromRecord } from './markdown';

/**
 * The metadata file beside the articles: CSL-JSON (the format pandoc and Zotero read),
 * an array of items whose `id` is the citation key, plus a `file` field naming the
 * article file relative to the metadata file.
 */
export const REFERENCES_FILE = 'references.json';

export interface ReferenceEntry {
  /** Location of the article file the entry describes. */
  location: string;
  meta: Partial<SourceMeta>;
  /** The whole CSL item, so an exported bibliography keeps every field the writer gave. */
  csl: Record<string, unknown>;
  /** The writer's bibliography file the entry is from (absent for a metadata file beside the articles). */
  bibliography?: string;
}

export function parseReferences(location: string, text: string): { entries: ReferenceEntry[]; problems: LoadProblem[] } {
  const problems: LoadProblem[] = [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    problems.push({ location, severity: 'error', message: `Metadata file is not valid JSON: ${e instanceof Error ? e.message : String(e)}` });
    return { entries: [], problems };
  }
  if (!Array.isArray(data)) {
    problems.push({ location, severity: 'error', message: 'Metadata file must hold a CSL-JSON array of items.' });
    return { entries: [], problems };
  }
  const entries: ReferenceEntry[] = [];
  data.forEach((item: unknown, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      problems.push({ location, severity: 'warning', message: `Item ${i + 1} is not an object; ignored.` });
      return;
    }
    const csl = item as Record<string, unknown>;
    if (typeof csl.file !== 'string' || !csl.file.trim()) {
      problems.push({ location, severity: 'warning', message: `Item ${i + 1}${typeof csl.id === 'string' ? ` (${csl.id})` : ''} has no "file" naming its article; ignored.` });
      return;
    }
    entries.push({ location: resolveLocation(location, csl.file), meta: metaFromRecord(csl), csl });
  });
  return { entries, problems };
}

/** Resolves `relative` against the folder of `base` (a path or URI using `/` or `\`). */
export function resolveLocation(base: string, relative: string): string {
  const sep = base.includes('/') || !base.includes('\\') ? '/' : '\\';
  const folder = base.slice(0, Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\')));
  const parts = folder.split(/[\\/]/);
  for (const part of relative.split(/[\\/]/)) {
    if (part === '..') parts.pop();
    else if (part && part !== '.') parts.push(part);
  }
  return parts.join(sep);
}
