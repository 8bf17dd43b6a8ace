import type { Paragraph } from '../model';
import { cleanBlocks, type Block, type CleanResult } from './clean';
import { splitLines, splitSentences, trimSpan } from './segment';

/** Cleans blocks and numbers what is left as paragraphs (1-based, the `para. N` locator). */
export function toParagraphs(blocks: readonly Block[]): { paragraphs: Paragraph[]; cleaned: CleanResult<Block> } {
  const cleaned = cleanBlocks(blocks);
  const paragraphs = cleaned.body.map((b, i) => ({
    index: i + 1,
    text: b.text,
    start: b.start,
    end: b.end,
    sentences: splitSentences(b.text),
  }));
  return { paragraphs, cleaned };
}

/**
 * Blocks of plain text. Scraped articles put one paragraph on each line; hard-wrapped
 * text (most blocks several short lines) is joined into paragraphs at blank lines instead.
 */
export function textBlocks(text: string, from = 0, joinWrapped: boolean | 'auto' = 'auto'): Block[] {
  const lines = splitLines(text).filter((l) => l.start >= from);
  const groups: Array<typeof lines> = [];
  let current: typeof lines = [];
  for (const line of lines) {
    if (line.text.trim() === '') {
      if (current.length) groups.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length) groups.push(current);

  const multiLine = groups.filter((g) => g.length > 1).length;
  const lengths = lines.map((l) => l.text.trim().length).filter((n) => n > 0).sort((a, b) => a - b);
  // Wrapped text has no long lines; scraped one-paragraph-per-line text has many.
  const p90 = lengths.length ? lengths[Math.floor(lengths.length * 0.9)] : 0;
  // ...and often breaks a line mid-sentence, so the next line goes on in lower case.
  const inner = groups.flatMap((g) => g.slice(1));
  const continuing = inner.filter((l) => /^\s*[\p{Ll}\p{N}(]/u.test(l.text)).length;
  const hardWrapped =
    joinWrapped === 'auto'
      ? groups.length > 0 && multiLine / groups.length >= 0.5 && p90 <= 100 && continuing >= inner.length * 0.3
      : joinWrapped;

  const spans = hardWrapped
    ? groups.map((g) => ({ start: g[0].start, end: g[g.length - 1].end }))
    : lines.filter((l) => l.text.trim() !== '').map((l) => ({ start: l.start, end: l.end }));
  return spans.map((s) => spanBlock(text, s.start, s.end));
}

/** A block for a span of the file: trimmed, with internal line breaks shown as spaces. */
export function spanBlock(text: string, start: number, end: number): Block {
  const t = trimSpan(text, start, end);
  // Keep the length equal to the span so sentence offsets stay valid inside the file.
  const body = text.slice(t.start, t.end).replace(/\r\n|\r|\n/g, (m) => ' '.repeat(m.length));
  return { text: body, start: t.start, end: t.end };
}
