import { parse as parseYaml } from 'yaml';
import { splitLines } from './corpus/segment';

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * The edit that sets `field: value` in a Markdown file's YAML front matter: replacing the
 * field's line, adding it before the closing `---`, or adding front matter at the top.
 */
export function setFrontMatterField(markdown: string, field: string, value: string): TextEdit {
  const eol = markdown.includes('\r\n') ? '\r\n' : '\n';
  const line = `${field}: ${/^[\w./-]+$/.test(value) ? value : JSON.stringify(value)}`;
  const lines = splitLines(markdown);
  if (lines.length > 1 && lines[0].text.trimEnd() === '---') {
    const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l.text));
    if (close > 0) {
      const existing = lines.slice(1, close).find((l) => new RegExp(`^${field}\\s*:`).test(l.text));
      if (existing) return { start: existing.start, end: existing.end, newText: line };
      return { start: lines[close].start, end: lines[close].start, newText: `${line}${eol}` };
    }
  }
  return { start: 0, end: 0, newText: `---${eol}${line}${eol}---${eol}${eol}` };
}

/**
 * The edit that adds `file` to the report's `bibliography:` (a file or a list; made a list when
 * it names one already), or sets it when there is none: the writer's own bibliographies stay.
 */
export function addBibliography(markdown: string, file: string): TextEdit {
  const { files } = reportBibliographies(markdown);
  if (files.length === 0 || files.includes(file)) return setFrontMatterField(markdown, 'bibliography', file);
  const eol = markdown.includes('\r\n') ? '\r\n' : '\n';
  const item = (f: string) => (/^[\w./-]+$/.test(f) ? f : JSON.stringify(f));
  const lines = splitLines(markdown);
  const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l.text));
  const at = lines.findIndex((l, i) => i > 0 && i < close && /^bibliography\s*:/.test(l.text));
  // A block list (`bibliography:` then `- a.bib` lines) gets one more item; a one-line value becomes a flow list.
  let last = at;
  while (last + 1 < close && /^\s+-\s/.test(lines[last + 1].text)) last++;
  if (last > at) {
    const indent = /^(\s+)-/.exec(lines[last].text)![1];
    return { start: lines[last].end, end: lines[last].end, newText: `${eol}${indent}- ${item(file)}` };
  }
  return { start: lines[at].start, end: lines[at].end, newText: `bibliography: [${[...files, file].map(item).join(', ')}]` };
}

/**
 * The bibliography files a report's front matter names (`bibliography: refs.bib`, or a list),
 * as written; an error says what is wrong with the field.
 */
export function reportBibliographies(markdown: string): { files: string[]; error?: string } {
  const lines = splitLines(markdown);
  if (lines.length < 2 || lines[0].text.replace(/^\uFEFF/, '').trimEnd() !== '---') return { files: [] };
  const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l.text));
  if (close < 0) return { files: [] };
  let data: unknown;
  try {
    data = parseYaml(markdown.slice(lines[1].start, lines[close].start));
  } catch (e) {
    return { files: [], error: `the front matter is not valid YAML (${(e as Error).message.split('\n')[0]})` };
  }
  const value = data && typeof data === 'object' ? (data as Record<string, unknown>).bibliography : undefined;
  if (value === undefined || value === null) return { files: [] };
  const list = Array.isArray(value) ? value : [value];
  if (!list.every((v): v is string => typeof v === 'string' && v.trim() !== '')) return { files: [], error: '`bibliography:` must name a file or a list of files' };
  return { files: list.map((v) => v.trim()) };
}
