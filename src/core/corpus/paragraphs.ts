import type { LocatorKind, Paragraph } from '../model';
import { cleanBlocks, type Block, type CleanResult } from './clean';
import { sentencePassages, UNBROKEN_MIN_SENTENCES } from './passages';
import { runInHeadlineEnd } from './run-in-headline';
import { splitLines, splitSentences, trimSpan } from './segment';

/** Paragraphs, how they are cited, and what cleaning found. */
export interface ArticleBody {
  paragraphs: Paragraph[];
  cleaned: CleanResult<Block>;
  locators: LocatorKind;
}

/**
 * Cleans blocks and numbers what is left as paragraphs (1-based, the `para. N` locator). An
 * article whose body is one block of many sentences has no paragraphs a reader could count: it
 * is cut into sentence passages, cited without a locator; with `findRunInHeadline`, a headline
 * run into its first sentence is split off.
 */
export function toParagraphs(blocks: readonly Block[], findRunInHeadline = false): ArticleBody {
  const cleaned = cleanBlocks(blocks);
  const sentences = cleaned.body.map((b) => splitSentences(b.text));
  if (cleaned.body.length === 1 && sentences[0].length >= UNBROKEN_MIN_SENTENCES) {
    let body = cleaned.body[0];
    let bodySentences = sentences[0];
    const at = findRunInHeadline && !cleaned.headline ? runInHeadlineEnd(body.text, bodySentences[0].end) : undefined;
    if (at !== undefined) {
      const title = trimSpan(body.text, 0, at);
      cleaned.headline = { text: body.text.slice(title.start, title.end), start: body.start + title.start, end: body.start + title.end };
      body = { text: body.text.slice(at), start: body.start + at, end: body.end };
      bodySentences = splitSentences(body.text);
      cleaned.body = [body];
    }
    return { paragraphs: sentencePassages(body, bodySentences), cleaned, locators: 'none' };
  }
  const paragraphs = cleaned.body.map((b, i) => ({ index: i + 1, text: b.text, start: b.start, end: b.end, sentences: sentences[i] }));
  return { paragraphs, cleaned, locators: 'paragraph' };
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
