import type { Sentence } from '../model';

// Intl.Segmenter is built into Node and knows abbreviations better than a regex split.
const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

// Abbreviations after which Intl.Segmenter wrongly breaks ("Jan. 10", "U.S. officials").
const NON_TERMINAL = /(?:\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Sgt|St|Mt|No|vs|etc|approx|para|paras|pp?|Inc|Corp|Ltd|Co)\.|\b(?:[A-Z]\.){1,3})\s*$/;

/** Splits a paragraph into sentences; offsets are relative to `text`, whitespace trimmed. */
export function splitSentences(text: string): Sentence[] {
  const raw: Sentence[] = [];
  for (const seg of sentenceSegmenter.segment(text)) {
    const lead = seg.segment.length - seg.segment.trimStart().length;
    const trimmed = seg.segment.trim();
    if (!trimmed) continue;
    const start = seg.index + lead;
    raw.push({ text: trimmed, start, end: start + trimmed.length });
  }
  const merged: Sentence[] = [];
  for (const s of raw) {
    const prev = merged[merged.length - 1];
    if (prev && NON_TERMINAL.test(prev.text) && /^[\p{Ll}\p{N}]/u.test(s.text)) {
      merged[merged.length - 1] = { text: text.slice(prev.start, s.end), start: prev.start, end: s.end };
    } else {
      merged.push(s);
    }
  }
  return merged;
}

/** A line of a file with its offsets (end excludes the line break). */
export interface Line {
  text: string;
  start: number;
  end: number;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    lines.push({ text: text.slice(start, m.index), start, end: m.index });
    start = m.index + m[0].length;
  }
  lines.push({ text: text.slice(start), start, end: text.length });
  return lines;
}

/** Trims a span of `text` to its non-whitespace content. */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}
