// Citation completion, host-neutral: keys after `[@`, `; @` or a word-initial `@`, ranked by
// how well each source matches the sentence being written; then paragraphs (`para. N`) or
// pages (`p. N`) after `[@key, `, ranked the same way; nothing for a text with no locators.
import { citationContextAt, proseOf } from '../core/citations';
import type { CorpusView } from '../core/check/check-report';
import { locatorOf } from '../core/corpus/locators';
import { sentenceAt } from '../core/report';
import { rankParagraphs, rankSources } from '../core/search/relevance';
import type { PassageSearch } from '../core/search/search-index';

export interface CitationCompletion {
  kind: 'key' | 'locator';
  label: string;
  insertText: string;
  /** What the completion replaces: from the start of the key (or locator) typed to the cursor. */
  start: number;
  end: number;
  /** The source's title. */
  detail: string;
  /** Publisher and date, for a key. */
  facts?: string;
  /** The source's own words: its lead for a key, the passage for a locator (untrusted text). */
  passage: string;
  filterText: string;
  /** Zero-padded rank: hosts that sort by it keep the order. */
  sortText: string;
  preselect: boolean;
}

/** Characters after which a client should ask for completions. */
export const COMPLETION_TRIGGERS = ['@', ',', ' ', '.'];
const LEAD_LENGTH = 400;

/** Completions at `offset` of `report`, or undefined when the cursor is not in a citation. */
export function citationCompletions(report: string, offset: number, corpus: CorpusView, search: PassageSearch): CitationCompletion[] | undefined {
  const context = citationContextAt(report, offset);
  if (!context) return undefined;
  const sentence = proseOf(sentenceAt(report, offset).text);
  const rank = (n: number) => String(n).padStart(5, '0');
  if (context.kind === 'key') {
    return rankSources(search, corpus.all(), sentence, (key) => corpus.get(key)).map(({ source }, n) => {
      const { key, title, publisher, issued } = source.meta;
      return {
        kind: 'key',
        label: key,
        insertText: key,
        start: context.start,
        end: offset,
        detail: title,
        facts: [publisher, issued].filter(Boolean).join(' · ') || undefined,
        passage: preview(source.paragraphs[0]?.text ?? '', LEAD_LENGTH),
        // Typing title words finds the source too.
        filterText: `${key} ${title}`,
        sortText: rank(n),
        preselect: n === 0,
      };
    });
  }
  const source = corpus.get(context.key);
  // An unbroken text has no locator to offer.
  if (!source || source.locators === 'none') return undefined;
  const seen = new Set<string>();
  const items: CitationCompletion[] = [];
  // A PDF offers each page once, at its best passage's rank.
  for (const { paragraph } of rankParagraphs(search, source, sentence)) {
    const label = locatorOf(source, paragraph);
    if (!label || seen.has(label)) continue;
    seen.add(label);
    items.push({ kind: 'locator', label, insertText: label, start: context.start, end: offset, detail: source.meta.title, passage: paragraph.text, filterText: `${label} ${paragraph.text}`, sortText: rank(items.length), preselect: false });
  }
  return items;
}

/** `text` on one line, cut to `length` characters with an ellipsis. */
export function preview(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

/**
 * At most `limit` of `items` (in their ranked order), keeping those whose label holds what is
 * typed letter by letter (as editors filter), or whose title or passage holds it as typed. For a host whose client is sent the
 * list over a pipe: thousands of sources make megabytes a keystroke. `truncated` tells the
 * host to mark the list incomplete, so the client asks again as the writer types on.
 */
export function narrowCompletions(items: readonly CitationCompletion[], typed: string, limit: number): { items: CitationCompletion[]; truncated: boolean } {
  const wanted = typed.toLowerCase();
  const out: CitationCompletion[] = [];
  for (const item of items) {
    // The label letter by letter; the rest of the filter text (a title, a passage) only as
    // typed: its letters picked one by one over a long title would let nearly every key through.
    if (!holdsInOrder(item.label.toLowerCase(), wanted) && !item.filterText.slice(item.label.length).toLowerCase().includes(wanted)) continue;
    if (out.length === limit) return { items: out, truncated: true };
    out.push(item);
  }
  return { items: out, truncated: false };
}

function holdsInOrder(text: string, letters: string): boolean {
  let at = 0;
  for (const c of letters) {
    at = text.indexOf(c, at) + 1;
    if (at === 0) return false;
  }
  return true;
}
