// Where Markdown is not prose: fenced and indented code blocks, inline code spans, HTML
// comments and the YAML front matter. Citations, figures and quotes are not looked for there.

export interface Range {
  start: number;
  end: number;
}

export function codeRanges(markdown: string): Range[] {
  const ranges: Range[] = [];
  const lines = lineSpans(markdown);
  let i = 0;
  // YAML front matter at the very top.
  if (lines.length && /^---\s*$/.test(markdown.slice(lines[0].start, lines[0].end))) {
    const close = lines.findIndex((l, n) => n > 0 && /^(---|\.\.\.)\s*$/.test(markdown.slice(l.start, l.end)));
    if (close > 0) {
      ranges.push({ start: 0, end: lines[close].end });
      i = close + 1;
    }
  }
  let previousBlank = true;
  const blockRanges: Range[] = [];
  for (; i < lines.length; i++) {
    const line = markdown.slice(lines[i].start, lines[i].end);
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      const marker = fence[1];
      let j = i + 1;
      const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
      while (j < lines.length && !closing.test(markdown.slice(lines[j].start, lines[j].end))) j++;
      const last = Math.min(j, lines.length - 1);
      blockRanges.push({ start: lines[i].start, end: lines[last].end });
      i = last;
      previousBlank = false;
      continue;
    }
    if (previousBlank && /^( {4}|\t)/.test(line) && line.trim()) {
      let j = i;
      while (j + 1 < lines.length && (/^( {4}|\t)/.test(markdown.slice(lines[j + 1].start, lines[j + 1].end)) || !markdown.slice(lines[j + 1].start, lines[j + 1].end).trim())) j++;
      while (j > i && !markdown.slice(lines[j].start, lines[j].end).trim()) j--;
      blockRanges.push({ start: lines[i].start, end: lines[j].end });
      i = j;
      previousBlank = false;
      continue;
    }
    previousBlank = line.trim() === '';
  }
  ranges.push(...blockRanges);
  ranges.push(...inlineRanges(markdown, ranges));
  return ranges.sort((a, b) => a.start - b.start);
}

/** Inline code spans (matching backtick runs) and HTML comments outside the given blocks. */
function inlineRanges(text: string, blocks: readonly Range[]): Range[] {
  const out: Range[] = [];
  let b = 0;
  for (let i = 0; i < text.length; i++) {
    while (b < blocks.length && blocks[b].end <= i) b++;
    if (b < blocks.length && blocks[b].start <= i) {
      i = blocks[b].end - 1;
      continue;
    }
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '<' && text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      const end = close < 0 ? text.length : close + 3;
      out.push({ start: i, end });
      i = end - 1;
    } else if (c === '`') {
      let run = 1;
      while (text[i + run] === '`') run++;
      const closeAt = findBacktickRun(text, i + run, run);
      if (closeAt < 0) {
        i += run - 1;
        continue;
      }
      out.push({ start: i, end: closeAt + run });
      i = closeAt + run - 1;
    }
  }
  return out;
}

function findBacktickRun(text: string, from: number, length: number): number {
  let i = text.indexOf('`', from);
  while (i >= 0) {
    // A code span does not cross a blank line.
    if (/\n[ \t]*\n/.test(text.slice(from, i))) return -1;
    let run = 1;
    while (text[i + run] === '`') run++;
    if (run === length) return i;
    i = text.indexOf('`', i + run);
  }
  return -1;
}

function lineSpans(text: string): Range[] {
  const out: Range[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      out.push({ start, end: i > start && text[i - 1] === '\r' ? i - 1 : i });
      start = i + 1;
    }
  }
  return out;
}

/** True when `offset` lies inside one of the sorted `ranges`. */
export function inRanges(ranges: readonly Range[], offset: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid].end <= offset) lo = mid + 1;
    else if (ranges[mid].start > offset) hi = mid - 1;
    else return true;
  }
  return false;
}
