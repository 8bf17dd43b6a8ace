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
