import type { Source } from './model';

/** A CSL-JSON item, as pandoc --citeproc and Zotero read it. */
export type CslItem = Record<string, unknown> & { id: string; type: string };

/**
 * The CSL-JSON item for a source: the writer's own item from the metadata file when there
 * is one (without Grounded's `file` field), completed from what the article itself says.
 */
export function toCslItem(source: Source, writerItem?: Record<string, unknown>): CslItem {
  const { file: _file, ...given } = writerItem ?? {};
  const m = source.meta;
  const item: CslItem = { type: 'article-newspaper', ...given, id: m.key };
  item.title ??= m.title;
  // A writer's item says whether the name is a publisher or a container: only an article's own metadata is read as its container.
  if (m.publisher && given.publisher === undefined) item['container-title'] ??= m.publisher;
  if (m.url) item.URL ??= m.url;
  if (m.issued && item.issued === undefined) item.issued = { 'date-parts': [m.issued.split('-').map(Number)] };
  if (m.authors?.length && item.author === undefined) item.author = m.authors.map(cslName);
  return item;
}

/** "Jane Smith" -> { given: "Jane", family: "Smith" }; one-word or organisation names stay literal. */
function cslName(name: string): Record<string, string> {
  const parts = name.trim().split(/\s+/);
  if (parts.length < 2 || parts.length > 4) return { literal: name };
  return { given: parts.slice(0, -1).join(' '), family: parts[parts.length - 1] };
}

export function bibliographyJson(items: readonly CslItem[]): string {
  return `${JSON.stringify(items, null, 2)}\n`;
}

/** The CSL items of `sources`, each completed from the writer's own entry where the corpus has one. */
export function cslItemsOf(sources: readonly Source[], writerItem: (location: string) => Record<string, unknown> | undefined): CslItem[] {
  return sources.map((s) => toCslItem(s, writerItem(s.location)));
}
