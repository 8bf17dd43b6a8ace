// Rebuilds what a reader sees on PDF pages from the positioned text runs a PDF library gives:
// lines from runs on one baseline (in the content stream's order, which is the reading order
// that producers such as Chromium and LibreOffice write, columns included), running headers,
// footers and page numbers dropped, paragraphs from the gaps between lines, and words split by
// a line-end hyphen joined again.

/** A run of text as placed on a page: x and y of its baseline (PDF units, y upwards), its height. */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  endsLine: boolean;
}

export interface PdfLine {
  page: number;
  text: string;
  x: number;
  xEnd: number;
  y: number;
  height: number;
}

export interface PdfParagraph {
  page: number;
  lastPage: number;
  text: string;
  height: number;
}

/** Lines of one page, in the order the runs come. */
export function linesOf(page: number, runs: readonly TextRun[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: PdfLine | undefined;
  for (const r of runs) {
    if (!r.text) {
      if (r.endsLine && current) current = undefined;
      continue;
    }
    const h = r.height || current?.height || 10;
    if (current && Math.abs(r.y - current.y) <= h * 0.4 && r.x >= current.xEnd - h) {
      current.text += r.text;
      current.xEnd = Math.max(current.xEnd, r.x + r.width);
      current.height = Math.max(current.height, r.height);
    } else {
      current = { page, text: r.text, x: r.x, xEnd: r.x + r.width, y: r.y, height: r.height };
      lines.push(current);
    }
    if (r.endsLine) current = undefined;
  }
  return lines.map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() })).filter((l) => l.text);
}

const PAGE_NUMBER = /^(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
/** How many lines at a page's top and bottom may be running heads or feet. */
const MARGIN_LINES = 2;

/**
 * Drops running headers and footers: lines near a page's top or bottom that recur (digits
 * aside) on at least half the pages, and lone page numbers there. Returns what is left and
 * what was dropped.
 */
export function dropRunningLines(pages: readonly PdfLine[][]): { kept: PdfLine[][]; dropped: PdfLine[] } {
  const shape = (t: string) => t.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');
  const margin = (lines: readonly PdfLine[]) => {
    const byY = [...lines].sort((a, b) => b.y - a.y);
    return new Set([...byY.slice(0, MARGIN_LINES), ...byY.slice(-MARGIN_LINES)]);
  };
  const margins = pages.map(margin);
  const seen = new Map<string, number>();
  for (const m of margins) for (const s of new Set([...m].map((l) => shape(l.text)))) seen.set(s, (seen.get(s) ?? 0) + 1);
  const recurs = (l: PdfLine) => pages.length >= 2 && (seen.get(shape(l.text)) ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
  const dropped: PdfLine[] = [];
  const kept = pages.map((lines, i) =>
    lines.filter((l) => {
      const drop = margins[i].has(l) && (recurs(l) || PAGE_NUMBER.test(l.text));
      if (drop) dropped.push(l);
      return !drop;
    }),
  );
  return { kept, dropped };
}

const SENTENCE_END = /[.!?…:]["”’)]?$/;

function median(values: number[]): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Paragraphs from lines: a new one where the gap to the line above is clearly wider than the
 * usual line spacing, the text size changes (a heading), or the line is indented. A paragraph
 * goes on across a page break when the page's last line runs to the right margin and does not
 * end a sentence.
 */
export function paragraphsOf(pages: readonly PdfLine[][]): PdfParagraph[] {
  const gaps: number[] = [];
  for (const lines of pages) for (let i = 1; i < lines.length; i++) {
    const gap = lines[i - 1].y - lines[i].y;
    if (gap > 0 && Math.abs(lines[i].height - lines[i - 1].height) < 0.5) gaps.push(gap / lines[i].height);
  }
  const spacing = median(gaps) || 1.2;
  const all = pages.flat();
  // Each column's right edge: the furthest any line that starts near this one's start reaches.
  const rights = new Map<number, number>();
  const column = (l: PdfLine) => Math.round(l.x / 20);
  for (const l of all) rights.set(column(l), Math.max(rights.get(column(l)) ?? 0, l.xEnd));
  const columnRight = (l: PdfLine) => rights.get(column(l)) ?? l.xEnd;
  const out: PdfParagraph[] = [];
  let open: PdfParagraph | undefined;
  let prev: PdfLine | undefined;
  for (const line of all) {
    let starts = !open || !prev;
    if (open && prev) {
      const resized = Math.abs(line.height - prev.height) >= 0.5;
      const gap = (prev.y - line.y) / line.height;
      if (line.page !== prev.page || gap < 0) {
        // A new page or column: the paragraph goes on if the last line ended no sentence and ran
        // most of the way across (ragged-right text stops short of the edge).
        starts = resized || SENTENCE_END.test(prev.text) || prev.xEnd - prev.x < (columnRight(prev) - prev.x) * 0.7;
      } else {
        const indented = line.x > prev.x + line.height * 0.8;
        const shortEnd = prev.xEnd < columnRight(prev) - prev.height * 6 && SENTENCE_END.test(prev.text);
        starts = gap > spacing * 1.4 || resized || indented || shortEnd;
      }
    }
    if (starts || !open) {
      open = { page: line.page, lastPage: line.page, text: line.text, height: line.height };
      out.push(open);
    } else {
      open.text = joinLines(open.text, line.text);
      open.lastPage = line.page;
    }
    prev = line;
  }
  return out;
}

/** Joins a line to the text before it, mending a word that a line-end hyphen split ("bene-" "ficiary"). */
export function joinLines(before: string, line: string): string {
  const m = /(\S*?)(\p{L}+)-$/u.exec(before);
  if (m && /^\p{L}/u.test(line)) {
    // A compound broken at one of its own hyphens keeps it: a name ("Wal-" "Mart") or a word
    // with other hyphens ("better-than-" "expected", "better-" "than-expected").
    const compound = /^\p{Lu}/u.test(line) || m[1].includes('-') || /^\p{L}+-/u.test(line);
    return compound ? before + line : before.slice(0, -1) + line;
  }
  return `${before} ${line}`;
}
