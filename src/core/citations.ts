// Pandoc's citation syntax: bracketed `[see @a, para. 2; -@b]`, in-text `@key` and
// `@key [para. 3]`, and `@{any key}`. A hand-written scanner: linear on untrusted input
// (no backtracking regexes over whole lines), never inside code, comments or e-mail addresses.
import { codeRanges, inRanges, type Range } from './code-ranges';

export interface Locator {
  /** The locator term as written, e.g. `para.`; a bare number is a page (`p.`), as in pandoc. */
  label: string;
  value: string;
  from: number;
  to?: number;
  /** Offsets of `value` in the input. */
  start: number;
  end: number;
}

export interface CitationItem {
  key: string;
  keyStart: number;
  keyEnd: number;
  prefix?: string;
  suffix?: string;
  locator?: Locator;
  suppressAuthor: boolean;
  start: number;
  end: number;
}

export interface Citation {
  kind: 'bracketed' | 'in-text';
  items: CitationItem[];
  start: number;
  end: number;
}

export type CitationContext =
  | { kind: 'key'; start: number; typed: string }
  | { kind: 'locator'; key: string; start: number; typed: string };

const KEY_START = /[\p{L}\p{N}_]/u;
const KEY_PUNCT = ':.#$%&-+?<>~/';
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Reads a key at `at` (just after `@`): bare or in braces. */
function readKey(text: string, at: number): { key: string; keyStart: number; keyEnd: number; end: number } | undefined {
  if (text[at] === '{') {
    let depth = 1;
    let i = at + 1;
    for (; i < text.length && i < at + 500; i++) {
      if (text[i] === '\\') i++;
      else if (text[i] === '{') depth++;
      else if (text[i] === '}' && --depth === 0) break;
      else if (text[i] === '\n') return undefined;
    }
    if (depth !== 0 || i >= text.length) return undefined;
    const key = text.slice(at + 1, i).trim();
    return key ? { key, keyStart: at + 1, keyEnd: i, end: i + 1 } : undefined;
  }
  if (!KEY_START.test(text[at] ?? '')) return undefined;
  let i = at + 1;
  for (; i < text.length; i++) {
    const c = text[i];
    if (KEY_START.test(c)) continue;
    // Internal punctuation counts only when a key character follows it.
    if (KEY_PUNCT.includes(c) && KEY_START.test(text[i + 1] ?? '')) continue;
    break;
  }
  return { key: text.slice(at, i), keyStart: at, keyEnd: i, end: i };
}

/**
 * May an `@` at `i` start a citation? Not when escaped or glued to a preceding word
 * (e-mail addresses, `x.@a`), except right after another citation (`@a@b`), as in pandoc.
 */
function citationAt(text: string, i: number, afterCitation = false): boolean {
  if (text[i] !== '@') return false;
  const before = text[i - 1];
  if (before === undefined || afterCitation) return true;
  if (before === '\\') return false;
  return !WORD_CHAR.test(before) && before !== '.';
}

/** `(@label)`, `@label)` or `@label.` opening a block is a pandoc example-list marker, not a citation. */
function isExampleListMarker(text: string, i: number): boolean {
  const lineStart = text.lastIndexOf('\n', i - 1) + 1;
  const lead = text.slice(lineStart, i);
  if (!/^ {0,3}\(?$/.test(lead)) return false;
  const m = /^@[\w-]*[.)](?=\s|$)/.exec(text.slice(i, i + 200));
  if (!m || (lead.endsWith('(') && !m[0].endsWith(')'))) return false;
  if (lineStart === 0) return true;
  const prevStart = text.lastIndexOf('\n', lineStart - 2) + 1;
  return text.slice(prevStart, lineStart).trim() === '';
}

const LOCATOR_TERMS = [
  'paragraphs', 'paragraph', 'paras.', 'para.', 'paras', 'para', '¶¶', '¶',
  'pages', 'page', 'pp.', 'p.', 'pp', 'p',
  'chapters', 'chapter', 'chaps.', 'chap.', 'chap',
  'sections', 'section', 'secs.', 'sec.', 'sec', '§§', '§',
  'lines', 'line', 'll.', 'l.',
  'verses', 'verse', 'v.', 'vv.',
  'volumes', 'volume', 'vols.', 'vol.',
  'figures', 'figure', 'figs.', 'fig.',
  'notes', 'note', 'nn.', 'n.',
];

/** The locator at the start of a suffix (`, para. 4`, `pp. 33-35`, `4`). */
export function parseLocator(text: string, start: number, end: number): Locator | undefined {
  let i = start;
  while (i < end && /[\s,]/.test(text[i])) i++;
  const rest = text.slice(i, end);
  const lower = rest.toLowerCase();
  let label = '';
  for (const term of LOCATOR_TERMS) {
    if (lower.startsWith(term) && !/[\p{L}]/u.test(rest[term.length] ?? '')) {
      label = rest.slice(0, term.length);
      break;
    }
  }
  const afterLabel = label.length;
  const m = /^\s*(\d+)(?:\s*(?:-|–|—|--)\s*(\d+))?/.exec(rest.slice(afterLabel));
  if (!m) return undefined;
  const valueStart = i + afterLabel + m[0].indexOf(m[1]);
  const valueEnd = i + afterLabel + m[0].length;
  return {
    label: label || 'p.',
    value: text.slice(valueStart, valueEnd),
    from: Number(m[1]),
    to: m[2] !== undefined ? Number(m[2]) : undefined,
    start: valueStart,
    end: valueEnd,
  };
}

/**
 * Matching brackets for the whole text in one pass (a stack, reset at blank lines and
 * skipping code), so unbalanced input cannot make the parser quadratic.
 */
function matchBrackets(text: string, code: readonly Range[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '[' || c === ']') {
      if (inRanges(code, i)) continue;
      if (c === '[') stack.push(i);
      else if (stack.length) pairs.set(stack.pop()!, i);
    } else if (c === '\n' && stack.length && /^\n[ \t]*(\r?\n|$)/.test(text.slice(i, i + 40))) stack.length = 0;
  }
  return pairs;
}

/** Parses `[...]` content as a list of citation items, or undefined when any part has no key. */
function bracketedItems(text: string, open: number, close: number): CitationItem[] | undefined {
  const items: CitationItem[] = [];
  let partStart = open + 1;
  for (let i = open + 1; i <= close; i++) {
    if (i !== close && text[i] !== ';') continue;
    const item = itemIn(text, partStart, i);
    if (!item) return undefined;
    items.push(item);
    partStart = i + 1;
  }
  return items.length ? items : undefined;
}

function itemIn(text: string, start: number, end: number): CitationItem | undefined {
  for (let i = start; i < end; i++) {
    if (!citationAt(text, i)) continue;
    const key = readKey(text, i + 1);
    if (!key || key.end > end) continue;
    const suppressAuthor = text[i - 1] === '-' && (i - 1 === start || /[\s[;]/.test(text[i - 2] ?? ' '));
    const prefix = text.slice(start, suppressAuthor ? i - 1 : i).trim();
    const suffix = text.slice(key.end, end).trim();
    const locator = parseLocator(text, key.end, end);
    return {
      key: key.key,
      keyStart: key.keyStart,
      keyEnd: key.keyEnd,
      prefix: prefix || undefined,
      suffix: suffix || undefined,
      locator: suffix && locator ? locator : undefined,
      suppressAuthor,
      start: suppressAuthor ? i - 1 : i,
      end: trimmedEnd(text, key.end, end),
    };
  }
  return undefined;
}

function trimmedEnd(text: string, from: number, end: number): number {
  while (end > from && /\s/.test(text[end - 1])) end--;
  return end;
}

export function parseCitations(markdown: string): Citation[] {
  const code = codeRanges(markdown);
  const brackets = matchBrackets(markdown, code);
  const citations: Citation[] = [];
  let consumedUntil = 0;
  let lastCitationEnd = -1;
  for (let i = 0; i < markdown.length; i++) {
    const c = markdown[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c !== '[' && c !== '@') continue;
    if (i < consumedUntil || inRanges(code, i)) continue;
    if (c === '[') {
      const close = brackets.get(i);
      if (close === undefined) continue;
      const next = markdown[close + 1];
      // `[text](url)`, `[text][ref]` and `[ref]: url` are links, not citations.
      // `[text](url)` and `[text][ref]` are links: their text may hold in-text citations.
      if (next === '(' || next === '[') continue;
      const items = bracketedItems(markdown, i, close);
      if (items) {
        citations.push({ kind: 'bracketed', items, start: i, end: close + 1 });
        consumedUntil = close + 1;
        lastCitationEnd = close + 1;
      }
      continue;
    }
    if (!citationAt(markdown, i, i === lastCitationEnd) || isExampleListMarker(markdown, i)) continue;
    const key = readKey(markdown, i + 1);
    if (!key) continue;
    const suppressAuthor = markdown[i - 1] === '-' && !WORD_CHAR.test(markdown[i - 2] ?? ' ');
    let end = key.end;
    const item: CitationItem = { key: key.key, keyStart: key.keyStart, keyEnd: key.keyEnd, suppressAuthor, start: suppressAuthor ? i - 1 : i, end };
    // `@key [para. 3]`: a bracket right after an in-text citation holds its locator and suffix.
    const gap = /^ ?\[/.exec(markdown.slice(end, end + 2));
    if (gap) {
      const open = end + gap[0].length - 1;
      const close = brackets.get(open);
      if (close !== undefined && !/@/.test(markdown.slice(open, close)) && markdown[close + 1] !== '(') {
        item.suffix = markdown.slice(open + 1, close).trim() || undefined;
        item.locator = parseLocator(markdown, open + 1, close);
        end = close + 1;
      }
    }
    item.end = end;
    citations.push({ kind: 'in-text', items: [item], start: item.start, end });
    consumedUntil = end;
    lastCitationEnd = end;
  }
  return citations;
}

/**
 * The text with its citations blanked out (same length, so offsets hold), and a citation being
 * typed at the end too ("... troops [@put"): what a sentence says, without the keys it cites.
 */
export function proseOf(text: string): string {
  let out = text.replace(/\[[^\]\n]*@[^\]\n]*$/, (m) => ' '.repeat(m.length));
  for (const c of parseCitations(out)) out = out.slice(0, c.start) + ' '.repeat(c.end - c.start) + out.slice(c.end);
  return out;
}

/** True when `key` can be written as `@key` without braces. */
export function isValidBareKey(key: string): boolean {
  const r = readKey(key, 0);
  return r !== undefined && r.keyStart === 0 && r.end === key.length && key[0] !== '{';
}

/** The citation text for a key: `@key`, or `@{key}` when it needs braces. */
export function formatKey(key: string): string {
  return isValidBareKey(key) ? `@${key}` : `@{${key}}`;
}

/**
 * What is being typed at `offset`, for completion: a key (after `[@`, `; @` or `@` at the
 * start of a word) or a locator (after `[@key, ` or `[@key, para. `).
 */
export function citationContextAt(markdown: string, offset: number): CitationContext | undefined {
  const lineStart = markdown.lastIndexOf('\n', offset - 1) + 1;
  const line = markdown.slice(Math.max(lineStart, offset - 300), offset);
  const keyMatch = /(?:^|[^\p{L}\p{N}@._\\])-?@([\p{L}\p{N}_:.#$%&\-+?<>~/]*)$/u.exec(line);
  const locatorMatch = /\[[^[\]]*?-?@([\p{L}\p{N}_][\p{L}\p{N}_:.#$%&\-+?<>~/]*)\s*,\s*((?:[\p{L}¶§]+\.?\s*)?\d*)$/u.exec(line);
  if (!keyMatch && !locatorMatch) return undefined;
  if (inRanges(codeRanges(markdown), Math.max(0, offset - 1))) return undefined;
  if (keyMatch) return { kind: 'key', start: offset - keyMatch[1].length, typed: keyMatch[1] };
  const typed = locatorMatch![2];
  return { kind: 'locator', key: locatorMatch![1].replace(/[:.#$%&\-+?<>~/]+$/, ''), start: offset - typed.length, typed };
}

export { codeRanges };
