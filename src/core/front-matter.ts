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
