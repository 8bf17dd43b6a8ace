// Quotations in a cited claim must occur in the cited source, allowing for quote styles,
// apostrophes, spacing, case and quoting an excerpt.
import type { Paragraph, Source } from '../model';
import { tokenize } from '../search/tokenize';
import { foldForQuote, quotationsIn, type Quotation } from '../quotes';
import type { Finding } from './findings';
import { citationText } from '../citation-insert';
import { locatorOf } from '../corpus/locators';
import { alignClaim } from '../evidence/align';
import { sharedCount } from '../evidence/words';

const MIN_QUOTE_WORDS = 3;
/** How many of the engine's best sentences are read for the closest wording. */
const CLOSEST_SENTENCES = 8;

/** A quotation of a word or two ("a 'three'") is checked by its figures, not as wording. */
export function isWordingQuote(quote: Quotation): boolean {
  return quote.text.trim().split(/\s+/).length >= MIN_QUOTE_WORDS;
}

export function checkQuote(quote: Quotation, sources: readonly Source[]): Finding | undefined {
  if (!isWordingQuote(quote) || sources.length === 0) return undefined;
  const needle = foldForQuote(quote.text).replace(/^["']+|["',.…]+$/g, '').replace(/\.\.\./g, ' ').trim();
  const parts = needle.split(/\s*(?:\.\.\.|…)\s*/).filter(Boolean);
  for (const source of sources) for (const p of source.paragraphs) if (parts.every((part) => foldedText(p).includes(part))) return undefined;
  // The closest wording is looked for where the evidence engine finds the quotation's words.
  let best: (Window & { key: string; locator?: string; paragraph: number; score: number }) | undefined;
  const quoteWords = wordSet(quote.text);
  for (const { sentence } of alignClaim({ text: quote.text, figures: [], skip: [] }, sources).slice(0, CLOSEST_SENTENCES)) {
    for (const w of windowsOf(sentence.paragraph)) {
      if (w.sentence !== sentence.index) continue;
      const score = dice(quoteWords, w.words);
      if (!best || score > best.score) best = { ...w, score, key: sentence.key, locator: locatorOf(sentence.source, sentence.paragraph), paragraph: sentence.paragraph.index };
    }
  }
  const closest = best && best.score > 0.2 ? { ...best, ...quotedPart(best, quoteWords) } : undefined;
  const wording = closest?.text.replace(/^[“"]+|[”"]+$/g, '');
  return {
    code: 'quote-mismatch',
    severity: 'warning',
    message: closest
      ? `Quotation not found in the cited source. Closest wording ${citationText(closest)}: "${wording}"`
      : `Quotation not found in the cited source${sources.length > 1 ? 's' : ''}.`,
    start: quote.start,
    end: quote.end,
    source: closest && { key: closest.key, locator: closest.locator, paragraph: closest.paragraph, text: closest.text, start: closest.start, end: closest.end },
    fixes: closest && wording ? [{ title: 'Replace with the source\'s wording', start: quote.start, end: quote.end, newText: wording }] : [],
  };
}

/**
 * The closest wording stops where the source's quotation stops: of a window that quotes
 * someone, the quotation most like the report's, not the "…, wrote the judges." after it.
 */
function quotedPart(w: Window, quoteWords: ReadonlySet<string>): { text: string; start: number; end: number } {
  const inner: Array<{ start: number; end: number }> = quotationsIn(w.text);
  // A window that opens inside a quotation: up to its closing mark.
  const close = /[”"](?=[\s,.;:!?)]|$)/u.exec(w.text);
  if (close && !/[“"]/u.test(w.text.slice(0, close.index))) inner.push({ start: 0, end: close.index });
  let best: { text: string; start: number; end: number; score: number } | undefined;
  for (const q of inner) {
    const text = w.text.slice(q.start, q.end);
    const score = dice(quoteWords, wordSet(text));
    if (!best || score > best.score) best = { text, start: w.start + q.start, end: w.start + q.end, score };
  }
  return best && best.score > 0.2 ? best : w;
}

/** Every word, stop words included: a quotation is about exact wording. */
function wordSet(text: string): Set<string> {
  return new Set(tokenize(text).map((t) => t.term));
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  return a.size + b.size === 0 ? 0 : (2 * sharedCount(a, b)) / (a.size + b.size);
}

interface Window {
  /** Index of the sentence the window starts at. */
  sentence: number;
  text: string;
  /** Offsets in the source file. */
  start: number;
  end: number;
  words: Set<string>;
}

const foldedTexts = new WeakMap<Paragraph, string>();
const windowLists = new WeakMap<Paragraph, Window[]>();

/** A paragraph's text folded as quotations are compared, computed once per paragraph. */
function foldedText(p: Paragraph): string {
  let folded = foldedTexts.get(p);
  if (folded === undefined) foldedTexts.set(p, (folded = foldForQuote(p.text)));
  return folded;
}

/**
 * A paragraph's candidate wordings (each sentence, and each pair of adjacent sentences: quotes
 * often span two), computed once per paragraph, and only for a quotation not found.
 */
function windowsOf(p: Paragraph): Window[] {
  let windows = windowLists.get(p);
  if (!windows) {
    windows = [];
    p.sentences.forEach((s, i) => {
      for (const last of [s, p.sentences[i + 1]]) {
        if (!last) continue;
        const text = p.text.slice(s.start, last.end);
        windows!.push({ sentence: i, text, start: p.start + s.start, end: p.start + last.end, words: wordSet(text) });
      }
    });
    windowLists.set(p, windows);
  }
  return windows;
}
