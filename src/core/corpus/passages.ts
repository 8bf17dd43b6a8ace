// A text with no paragraph breaks (a scraped article on one line) is cut into passages of a
// sentence each, so search, hover, the preview and completion point at what backs a claim
// rather than at the whole article. A quotation that goes on over several sentences stays in
// one passage: writers quote it whole, and the quote check looks within a passage.
import type { Paragraph, Sentence } from '../model';
import type { Block } from './clean';
import { splitSentences } from './segment';

/** A block this long, alone in its article, is an unbroken text rather than a paragraph. */
export const UNBROKEN_MIN_SENTENCES = 4;
/** A quotation left open (or a stray quotation mark) holds at most this many sentences together. */
const MAX_SENTENCES_PER_PASSAGE = 4;

/** The passages of an unbroken block, numbered from `firstIndex`; offsets in the file. */
export function sentencePassages(block: Block, sentences: readonly Sentence[] = splitSentences(block.text), firstIndex = 1): Paragraph[] {
  const out: Paragraph[] = [];
  let group: Sentence[] = [];
  let open = false;
  const flush = () => {
    const first = group[0];
    const last = group[group.length - 1];
    out.push({
      index: firstIndex + out.length,
      text: block.text.slice(first.start, last.end),
      start: block.start + first.start,
      end: block.start + last.end,
      sentences: group.map((s) => ({ text: s.text, start: s.start - first.start, end: s.end - first.start })),
      block: block.start,
    });
    group = [];
  };
  for (const s of sentences) {
    group.push(s);
    open = quotationOpenAfter(s.text, open);
    if (!open || group.length >= MAX_SENTENCES_PER_PASSAGE) {
      flush();
      open = false;
    }
  }
  if (group.length) flush();
  return out;
}

/**
 * Whether a quotation is still open after a sentence. A straight mark after a space (or at the
 * start) opens, elsewhere it closes, so news style, which opens each quoted paragraph again
 * without closing the one before, still reads right.
 */
function quotationOpenAfter(text: string, open: boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '“') open = true;
    else if (c === '”') open = false;
    else if (c === '"') open = i === 0 || /[\s([{—–-]/.test(text[i - 1]);
  }
  return open;
}
