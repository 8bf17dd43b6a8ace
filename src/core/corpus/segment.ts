import type { Sentence } from '../model';

// Intl.Segmenter is built into Node and knows abbreviations better than a regex split.
const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

// Abbreviations after which Intl.Segmenter wrongly breaks ("Jan. 10", "U.S. officials").
const NON_TERMINAL = /(?:\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Sgt|St|Mt|No|vs|etc|approx|para|paras|pp?|Inc|Corp|Ltd|Co)\.|\b(?:[A-Z]\.){1,3})\s*$/;

const HONORIFIC = /\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Sgt|St|Mt|Rev|Fr|Sr|Jr)\.\s*$/;

const CHUNK = 2000;

/**
 * Pieces of a long text to segment one by one: V8's segmenter slows down more than linearly
 * on long strings (a 10,000-line report took 17 s whole, well under a second in pieces).
 * Pieces end at a line break after a sentence's end, or at any line break once too long.
 */
function chunks(text: string): Array<{ start: number; end: number }> {
  if (text.length <= CHUNK) return [{ start: 0, end: text.length }];
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  const re = /\r?\n|\r/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length;
    const sentenceEnd = /[.!?…"”’)\]]\s*$/.test(text.slice(Math.max(start, m.index - 4), m.index));
    if (end - start >= CHUNK / 4 && (sentenceEnd || end - start >= CHUNK * 2)) {
      out.push({ start, end });
      start = end;
    }
  }
  out.push({ start, end: text.length });
  return out;
}

/** Splits a paragraph into sentences; offsets are relative to `text`, whitespace trimmed. */
const ENUMERATOR = /^(?:\d{1,3}|[a-z]|[ivx]{1,5})[.)]$/i;

export function splitSentences(text: string): Sentence[] {
  const raw: Sentence[] = [];
  for (const chunk of chunks(text)) {
    for (const seg of sentenceSegmenter.segment(text.slice(chunk.start, chunk.end))) {
      const lead = seg.segment.length - seg.segment.trimStart().length;
      const trimmed = seg.segment.trim();
      if (!trimmed) continue;
      const start = chunk.start + seg.index + lead;
      raw.push({ text: trimmed, start, end: start + trimmed.length });
    }
  }
  const merged: Sentence[] = [];
  for (const s of raw) {
    const prev = merged[merged.length - 1];
    // Only the end of the previous sentence matters; testing all of it would be quadratic.
    const tail = text.slice(Math.max(prev?.start ?? 0, (prev?.end ?? 0) - 16), prev?.end ?? 0);
    // After "Mr." or "Dr." a name follows, capitalised; after "Jan." or "U.S." only lower case goes on.
    // "1." or "b)" alone is the number of the list item that follows, not a sentence.
    if (prev && (HONORIFIC.test(tail) || ENUMERATOR.test(prev.text) || (NON_TERMINAL.test(tail) && /^[\p{Ll}\p{N}]/u.test(s.text)))) {
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
