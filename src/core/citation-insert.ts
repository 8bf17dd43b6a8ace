// Where a citation (alone, or after a quotation or a figure) goes into a report, so that no
// insertion splits a citation or a word. Every command and quick fix that adds a citation
// plans its edit here; the VS Code layer only applies it.
import { formatKey, parseCitations, type Citation, type CitationItem } from './citations';
import { codeRanges, inRanges } from './code-ranges';
import { paragraphAt } from './report';

/** One source, and where in it (`para. 7`); written `@key, para. 7`. */
export interface CitationRef {
  key: string;
  locator?: string;
}

/** What is inserted: a citation, or text (a quotation, a figure) followed by its citation. */
export interface Insertion {
  cite: CitationRef;
  text?: string;
}

/** At a citation, `add` puts the source into its group and `replace` puts it in place of the item at the cursor. */
export type InsertMode = 'add' | 'replace';

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface InsertPlan {
  /** Sorted, never overlapping: one per cursor, less those that would touch the same citation. */
  edits: TextEdit[];
  /** Where each cursor ends, as offsets in the text after all the edits. */
  cursors: number[];
}

export interface InsertOptions {
  mode?: InsertMode;
  /** Keys of the indexed sources; a citation item with another key is one being typed, and is replaced. */
  isKnownKey?: (key: string) => boolean;
}

export function citationItemText(ref: CitationRef): string {
  return ref.locator ? `${formatKey(ref.key)}, ${ref.locator}` : formatKey(ref.key);
}

export function citationText(ref: CitationRef): string {
  return `[${citationItemText(ref)}]`;
}

/** The source `text` cites, when it is one bracketed citation of one source (`[@a, para. 2]`), as a quick fix writes it. */
export function citationRefIn(text: string): CitationRef | undefined {
  const trimmed = text.trim();
  const [citation, ...others] = parseCitations(trimmed);
  if (!citation || others.length || citation.kind !== 'bracketed' || citation.start !== 0 || citation.end !== trimmed.length || citation.items.length !== 1) return undefined;
  const [item] = citation.items;
  if (item.prefix || item.suppressAuthor) return undefined;
  const locator = item.suffix?.replace(/^,\s*/, '');
  return locator ? { key: item.key, locator } : { key: item.key };
}

/** The insertion as one string (for the clipboard, or a message). */
export function insertionText(insertion: Insertion): string {
  return insertion.text ? `${insertion.text} ${citationText(insertion.cite)}` : citationText(insertion.cite);
}

/** One cursor's edit; `cursor` is where the cursor ends, counted from the start of `newText`. */
interface Placement {
  edit: TextEdit;
  cursor: number;
  /** What the edit works on (a citation, or the insertion point): two placements on one target make one edit. */
  target: { start: number; end: number };
}

/**
 * Plans inserting `insertion` at every selection of `text`: a selection outside citations is
 * replaced; a cursor inside a word moves to the word's end; at a citation (inside it, or just
 * before `[` or after `]`), a citation joins that citation's group, or replaces the item at
 * the cursor (`replace`, or when that item's key is no indexed source's), and text with a
 * citation goes after it.
 */
export function planInsertions(text: string, selections: ReadonlyArray<{ start: number; end: number }>, insertion: Insertion, options: InsertOptions = {}): InsertPlan {
  const placements = selections.map((s) => placeOne(text, Math.min(s.start, s.end), Math.max(s.start, s.end), insertion, options));
  const kept: Array<{ placement: Placement; cursors: number }> = [];
  for (const placement of [...placements].sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end)) {
    const last = kept[kept.length - 1];
    // Two cursors in one citation add the source once; their cursors end at the same place.
    const target = last?.placement.target;
    if (target && (placement.target.start < target.end || placement.target.start === target.start)) last.cursors++;
    else kept.push({ placement, cursors: 1 });
  }
  const edits: TextEdit[] = [];
  const cursors: number[] = [];
  let shift = 0;
  for (const { placement, cursors: count } of kept) {
    const { edit, cursor } = placement;
    edits.push(edit);
    for (let i = 0; i < count; i++) cursors.push(edit.start + shift + cursor);
    shift += edit.newText.length - (edit.end - edit.start);
  }
  return { edits: edits.filter((e) => e.newText !== '' || e.end > e.start), cursors };
}

function placeOne(text: string, start: number, end: number, insertion: Insertion, options: InsertOptions): Placement {
  const atStart = citationTouching(text, start);
  const atEnd = start === end ? atStart : citationTouching(text, end);
  const inside = (hit: Citation | undefined, offset: number) => hit !== undefined && offset > hit.start && offset < hit.end;
  // A selection that cuts into a citation is not the writer's choice of text to replace: act at the citation.
  if (start !== end && !inside(atStart, start) && !inside(atEnd, end)) return plain(text, start, end, insertion);
  let cursor = inside(atEnd, end) && !inside(atStart, start) ? end : start;
  // Just after a sentence's full stop, its citation goes before the stop (`troops [@a].`), where a citation already there takes it in.
  if (!insertion.text && start === end && endsSentence(text, cursor)) cursor--;
  const citation = citationTouching(text, cursor);
  const fragment = typedFragment(text, cursor, options);
  if (fragment) return { ...spaced(text, fragment.start, fragment.end, insertionText(insertion)), target: fragment };
  if (citation?.kind === 'bracketed') return atCitation(text, citation, cursor, insertion, options);
  // Inside a link (its text or its address) or other brackets, a citation would change what they are: it goes after them.
  const brackets = bracketsAround(text, cursor);
  if (brackets) return plain(text, brackets.end, brackets.end, insertion);
  if (citation) return atCitation(text, citation, cursor, insertion, options);
  const at = wordEnd(text, cursor);
  return plain(text, at, at, insertion);
}

/**
 * The outermost bracketed text around `offset` that is no citation (`[sic]`, a link's text),
 * with what follows it when it is a link (`(url)`, `[ref]`), in `text`'s offsets.
 */
function bracketsAround(text: string, offset: number): { start: number; end: number } | undefined {
  const paragraph = paragraphAt(text, offset);
  const local = offset - paragraph.start;
  const t = paragraph.text;
  const code = codeRanges(t);
  const open: number[] = [];
  let around: { start: number; end: number } | undefined;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '\\') i++;
    else if ((t[i] === '[' || t[i] === ']') && !inRanges(code, i)) {
      if (t[i] === '[') open.push(i);
      else if (open.length) {
        const start = open.pop()!;
        const end = t[i + 1] === '(' || t[i + 1] === '[' ? closing(t, i + 1) : i + 1;
        if (start < local && local < end && (!around || start < around.start)) around = { start, end };
      }
    }
  }
  return around && { start: around.start + paragraph.start, end: around.end + paragraph.start };
}

/** The offset after the `)` or `]` that closes the bracket at `open` (the end of the text if none does). */
function closing(text: string, open: number): number {
  const [opener, closer] = text[open] === '(' ? ['(', ')'] : ['[', ']'];
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === opener) depth++;
    else if (text[i] === closer && --depth === 0) return i + 1;
  }
  return text.length;
}

/** Inserting at a place that is no citation: the text, with a space where it would touch a word. */
function plain(text: string, start: number, end: number, insertion: Insertion): Placement {
  return { ...spaced(text, start, end, insertionText(insertion)), target: { start, end } };
}

function spaced(text: string, start: number, end: number, inserted: string): { edit: TextEdit; cursor: number } {
  const before = text[start - 1];
  const after = text[end];
  const lead = before !== undefined && !/[\s([{“"'‘]/.test(before) ? ' ' : '';
  const trail = after !== undefined && /[\p{L}\p{N}([“‘]/u.test(after) ? ' ' : '';
  return { edit: { start, end, newText: `${lead}${inserted}${trail}` }, cursor: lead.length + inserted.length };
}

/** Is `offset` in a citation, or just before its `[` or after its `]`? (Where `replace` has an item to replace.) */
export function citationAt(text: string, offset: number): boolean {
  return citationTouching(text, offset) !== undefined;
}

/** The citation whose text holds `offset`, or that it touches (just before `[` or after `]`), with offsets in `text`. */
function citationTouching(text: string, offset: number): Citation | undefined {
  const paragraph = paragraphAt(text, offset);
  const local = offset - paragraph.start;
  const found = parseCitations(paragraph.text).find((c) => local >= c.start && local <= c.end);
  return found && shiftCitation(found, paragraph.start);
}

function shiftCitation(c: Citation, by: number): Citation {
  const item = (i: CitationItem): CitationItem => ({ ...i, start: i.start + by, end: i.end + by, keyStart: i.keyStart + by, keyEnd: i.keyEnd + by, locator: i.locator && { ...i.locator, start: i.locator.start + by, end: i.locator.end + by } });
  return { ...c, start: c.start + by, end: c.end + by, items: c.items.map(item) };
}

/** `[@`, then a key as pandoc reads it (inner punctuation only before a key character), then `]` if closed. */
const FRAGMENT = /\[-?@((?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*)(\]?)/uy;

/**
 * `[@`, `[@]` or `[@puti]` at the cursor: a citation the writer was typing (no key yet, or one
 * no indexed source has). What is inserted takes its place.
 */
function typedFragment(text: string, cursor: number, options: InsertOptions): { start: number; end: number } | undefined {
  const open = text.lastIndexOf('[', cursor);
  if (open < 0 || cursor - open > 200) return undefined;
  FRAGMENT.lastIndex = open;
  const m = FRAGMENT.exec(text);
  const end = m ? open + m[0].length : -1;
  if (!m || cursor > end) return undefined;
  if (m[1] && (!options.isKnownKey || options.isKnownKey(m[1]))) return undefined;
  // Not closed: a fragment only while nothing but a space or the end of the text follows it.
  if (!m[2] && end < text.length && !/\s/.test(text[end])) return undefined;
  return { start: open, end };
}

function atCitation(text: string, citation: Citation, cursor: number, insertion: Insertion, options: InsertOptions): Placement {
  const target = { start: citation.start, end: citation.end };
  // A quotation or a figure is prose: it goes after the citation, never into it.
  if (insertion.text) return { ...spaced(text, citation.end, citation.end, insertionText(insertion)), target };
  const item = itemAt(citation, cursor);
  const unknown = options.isKnownKey !== undefined && !options.isKnownKey(item.key);
  const wanted = insertion.cite;
  if (options.mode === 'replace' || unknown) {
    const at = text.lastIndexOf('@', item.keyStart);
    const newText = citation.kind === 'in-text' ? `${formatKey(wanted.key)}${wanted.locator ? ` [${wanted.locator}]` : ''}` : citationItemText(wanted);
    const end = citation.kind === 'in-text' ? citation.end : item.end;
    return { edit: { start: at, end, newText }, cursor: newText.length + (citation.end - end), target };
  }
  // An in-text citation (`@a says`) cannot take another source: the new one follows it.
  if (citation.kind === 'in-text') return { ...spaced(text, citation.end, citation.end, citationText(wanted)), target };
  const same = citation.items.find((i) => i.key === wanted.key && sameLocator(i, wanted.locator));
  if (same) return { edit: { start: citation.end, end: citation.end, newText: '' }, cursor: 0, target };
  const bare = citation.items.find((i) => i.key === wanted.key && !i.suffix);
  if (bare && wanted.locator) {
    // `[@a]` and a paragraph of @a: the citation gets its locator rather than a second @a.
    const keyEnd = text[bare.keyEnd] === '}' ? bare.keyEnd + 1 : bare.keyEnd;
    return { edit: { start: keyEnd, end: keyEnd, newText: `, ${wanted.locator}` }, cursor: citation.end - keyEnd + wanted.locator.length + 2, target };
  }
  const added = `; ${citationItemText(wanted)}`;
  return { edit: { start: item.end, end: item.end, newText: added }, cursor: added.length + (citation.end - item.end), target };
}

/** The item whose text holds the cursor; between items, the one before it (the first, before any). */
function itemAt(citation: Citation, cursor: number): CitationItem {
  let chosen = citation.items[0];
  for (const item of citation.items) if (item.start <= cursor) chosen = item;
  return chosen;
}

function sameLocator(item: CitationItem, locator: string | undefined): boolean {
  const norm = (s: string) => s.replace(/^\s*,/, '').replace(/\s+/g, ' ').trim().toLowerCase();
  return norm(item.suffix ?? '') === norm(locator ?? '');
}

/** Is `offset` just after a sentence's last `.`, `!` or `?` (after a word, a number or a citation; not `U.S.`)? */
function endsSentence(text: string, offset: number): boolean {
  if (!/[.!?]/.test(text[offset - 1] ?? '') || (offset < text.length && !/\s/.test(text[offset]))) return false;
  const before = text.slice(Math.max(0, offset - 4), offset - 1);
  return /(?:\p{Ll}{2}|\p{N}|[\])%])$/u.test(before);
}

/** Inside a word (`Ukr|aine's`, `94,|000`), the offset of its end; elsewhere the offset itself. */
function wordEnd(text: string, offset: number): number {
  const letter = (i: number) => /[\p{L}\p{N}_]/u.test(text[i] ?? '');
  // Apostrophes, hyphens and separators between two letters or digits are part of the word.
  const inWord = (i: number) => letter(i) || (/[-'’.,:/]/.test(text[i] ?? '') && letter(i - 1) && letter(i + 1));
  if (!inWord(offset - 1) || !inWord(offset)) return offset;
  let end = offset;
  while (inWord(end)) end++;
  return end;
}
