import type { Source } from './model';

export interface Quotation {
  /** The quoted words, without the quotation marks. */
  text: string;
  /** Offsets of the quoted words (inside the marks). */
  start: number;
  end: number;
}

const PAIRS: Record<string, string> = { '"': '"', '“': '”', '„': '“', '«': '»' };

/** Quotations in a piece of prose: straight or curly double quotes, balanced on one paragraph. */
export function quotationsIn(text: string): Quotation[] {
  const out: Quotation[] = [];
  for (let i = 0; i < text.length; i++) {
    const close = PAIRS[text[i]];
    if (!close) continue;
    // A straight quote right after a letter or digit closes, it does not open (5'10", 12").
    if (text[i] === '"' && i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1])) continue;
    let j = i + 1;
    while (j < text.length && text[j] !== close && text[j] !== '\n') j++;
    if (j >= text.length || text[j] !== close) continue;
    const inner = text.slice(i + 1, j);
    if (inner.trim().length >= 2) out.push({ text: inner, start: i + 1, end: j });
    i = j;
  }
  return out;
}

/** Folds what writers change when they quote: quote styles, apostrophes, dashes, spacing, case. */
export function foldForQuote(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[‘’‚‛′`]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/…/g, '...')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export interface QuoteLocation {
  key: string;
  paragraph: number;
}

/** Where a quotation occurs word for word (after folding) in the given sources. */
export function locateQuotation(quote: string, sources: readonly Source[]): QuoteLocation[] {
  const needle = foldForQuote(quote).replace(/^["']+|["',.]+$/g, '');
  if (!needle) return [];
  const found: QuoteLocation[] = [];
  for (const source of sources) {
    for (const p of source.paragraphs) {
      if (foldForQuote(p.text).includes(needle)) found.push({ key: source.meta.key, paragraph: p.index });
    }
  }
  return found;
}
