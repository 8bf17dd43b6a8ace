// What a citation of a passage says to find it, and which passages a written locator names.
// One place for the locator scheme: `para. N` where the source has paragraphs, `p. N` where it
// has pages, nothing for an unbroken text, whose sentence passages no reader could count.
import type { Locator } from '../citations';
import type { Paragraph, Source } from '../model';

const PARAGRAPH_TERM = /^(para|paras|paragraph|paragraphs|¶+)\.?$/i;
const PAGE_TERM = /^(p|pp|page|pages)\.?$/i;

/** The locator that cites `paragraph` of `source` (`para. 4`, `p. 12`), or undefined for none. */
export function locatorOf(source: Pick<Source, 'locators'>, paragraph: Pick<Paragraph, 'index' | 'page'>): string | undefined {
  if (source.locators === 'none') return undefined;
  if (source.locators === 'page') return paragraph.page === undefined ? undefined : `p. ${paragraph.page}`;
  return `para. ${paragraph.index}`;
}

/** What the writer reads beside a passage in lists: `para. 4`, `p. 12`, or its first words' place. */
export function passageLabel(source: Pick<Source, 'locators'>, paragraph: Pick<Paragraph, 'index' | 'page'>): string {
  return locatorOf(source, paragraph) ?? `sentence ${paragraph.index}`;
}

/**
 * The passages a written locator points at, or undefined when it names none the source can
 * have (no locator, another kind of locator, or a paragraph of an unbroken text): then the
 * passage that best supports the sentence is shown instead.
 */
export function locatedPassages(source: Source, locator: Locator | undefined): Paragraph[] | undefined {
  if (!locator) return undefined;
  const to = locator.to ?? locator.from;
  if (source.locators === 'page') {
    return PAGE_TERM.test(locator.label) ? source.paragraphs.filter((p) => p.page !== undefined && p.page <= to && (p.lastPage ?? p.page) >= locator.from) : undefined;
  }
  if (source.locators === 'none' || !PARAGRAPH_TERM.test(locator.label)) return undefined;
  return source.paragraphs.filter((p) => p.index >= locator.from && p.index <= to);
}

/** How far a source's locators go, for a message that one points past its end. */
export function locatorRange(source: Source): string {
  if (source.locators === 'page') {
    const pages = source.paragraphs.flatMap((p) => [p.page ?? 0, p.lastPage ?? p.page ?? 0]);
    return `pages ${Math.min(...pages)}–${Math.max(...pages)}`;
  }
  return `${source.paragraphs.length} paragraphs`;
}
