import { parse as parseYaml } from 'yaml';
import type { LoadProblem, SourceMeta } from '../model';
import type { Block } from './clean';
import { spanBlock, textBlocks } from './paragraphs';
import { splitLines } from './segment';

export interface FrontMatter {
  meta: Partial<SourceMeta>;
  /** Offset where the body starts (after the closing `---`). */
  bodyStart: number;
  problems: LoadProblem[];
}

/** Reads YAML front matter (`---` ... `---` or `...`) at the top of a Markdown file. */
export function readFrontMatter(location: string, text: string): FrontMatter {
  const lines = splitLines(text);
  if (lines.length === 0 || lines[0].text.replace(/^\uFEFF/, '').trimEnd() !== '---') return { meta: {}, bodyStart: 0, problems: [] };
  const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l.text));
  if (close < 0) {
    return {
      meta: {},
      bodyStart: 0,
      problems: [{ location, severity: 'warning', message: 'Front matter starts with `---` but is never closed; read as text.', start: 0, end: lines[0].end }],
    };
  }
  const yamlText = text.slice(lines[1]?.start ?? lines[0].end, lines[close].start);
  const bodyStart = lines[close + 1]?.start ?? text.length;
  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    // The yaml package says where (offsets in the YAML text); point there in the file.
    const pos = (e as { pos?: [number, number] }).pos;
    const yamlStart = lines[1]?.start ?? lines[0].end;
    let [start, end] = pos ? [yamlStart + pos[0], Math.max(yamlStart + pos[1], yamlStart + pos[0] + 1)] : [0, lines[close].end];
    // An error found only at the closing `---` (an unclosed bracket, say) belongs to the last YAML line.
    if (pos && start >= lines[close].start && close > 1) [start, end] = [lines[close - 1].start, lines[close - 1].end];
    return {
      meta: {},
      bodyStart,
      problems: [{ location, severity: 'warning', message: `Malformed YAML front matter: ${message}`, start, end: Math.min(end, lines[close].start) }],
    };
  }
  return { meta: metaFromRecord(data), bodyStart, problems: [] };
}

/** Maps front matter or CSL-JSON fields to metadata (id, title, container-title/publisher, issued/date, URL, author). */
export function metaFromRecord(data: unknown): Partial<SourceMeta> {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
  const r = data as Record<string, unknown>;
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined);
  const meta: Partial<SourceMeta> = {};
  const key = str(r.id) ?? str(r.key) ?? str(r['citation-key']);
  if (key) meta.key = key;
  const title = str(r.title);
  if (title) meta.title = title;
  const publisher = str(r['container-title']) ?? str(r.publisher) ?? str(r.source) ?? str(r.site);
  if (publisher) meta.publisher = publisher;
  const issued = dateString(r.issued ?? r.date ?? r.published);
  if (issued) meta.issued = issued;
  const url = str(r.URL) ?? str(r.url) ?? str(r.link);
  if (url) meta.url = url;
  const doi = str(r.DOI) ?? str(r.doi);
  if (doi) meta.doi = doi;
  const authors = authorList(r.author ?? r.authors);
  if (authors.length) meta.authors = authors;
  return meta;
}

function dateString(v: unknown): string | undefined {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  if (typeof v === 'number' && v > 999 && v < 10000) return String(v);
  if (typeof v === 'string') {
    const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/.exec(v.trim());
    if (m) return [m[1], m[2]?.padStart(2, '0'), m[3]?.padStart(2, '0')].filter(Boolean).join('-');
    const parsed = new Date(v);
    return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString().slice(0, 10);
  }
  if (v && typeof v === 'object' && 'date-parts' in v) {
    const parts = (v as { 'date-parts': unknown })['date-parts'];
    if (Array.isArray(parts) && Array.isArray(parts[0])) {
      const [y, m, d] = parts[0] as unknown[];
      if (typeof y === 'number' || typeof y === 'string') {
        return [String(y), m, d].filter((x) => x !== undefined).map((x, i) => (i ? String(x).padStart(2, '0') : String(x))).join('-');
      }
    }
  }
  return undefined;
}

function authorList(v: unknown): string[] {
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list
    .map((a) => {
      if (typeof a === 'string') return a.trim();
      if (a && typeof a === 'object') {
        const o = a as Record<string, unknown>;
        if (typeof o.literal === 'string') return o.literal;
        return [o.given, o.family].filter((x) => typeof x === 'string').join(' ');
      }
      return '';
    })
    .filter(Boolean);
}

/**
 * Blocks of a Markdown body: paragraphs separated by blank lines; a heading is a block
 * of its own with its `#` markers left out of the text.
 */
export function markdownBlocks(text: string, bodyStart: number): Block[] {
  const blocks: Block[] = [];
  // In Markdown a single line break is a soft wrap: paragraphs end at blank lines.
  for (const b of textBlocks(text, bodyStart, true)) {
    const lines = splitLines(text.slice(b.start, b.end)).map((l) => ({ ...l, start: l.start + b.start, end: l.end + b.start }));
    // textBlocks joins lines into one block; split headings off as their own blocks.
    let runStart = -1;
    for (let i = 0; i <= lines.length; i++) {
      const line = lines[i];
      const heading = line && /^ {0,3}#{1,6}\s/.test(text.slice(line.start, line.end));
      if ((heading || !line) && runStart >= 0) {
        blocks.push(spanBlock(text, lines[runStart].start, lines[i - 1].end));
        runStart = -1;
      }
      if (heading) {
        const marker = /^ {0,3}#{1,6}\s+/.exec(text.slice(line.start, line.end))![0].length;
        const block = spanBlock(text, line.start + marker, line.end);
        blocks.push({ ...block, text: block.text.replace(/\s+#+\s*$/, '') });
      } else if (line && runStart < 0) {
        runStart = i;
      }
    }
  }
  return blocks;
}
