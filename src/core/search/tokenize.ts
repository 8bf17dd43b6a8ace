// Words of a text with their offsets, folded for matching: lower case, no diacritics,
// no possessive 's, curly apostrophes as straight ones.

export interface Token {
  term: string;
  start: number;
  end: number;
}

// Numbers keep their separators ("94,000" is one word, folded to "94000").
const WORD = /[\p{L}\p{N}]+(?:[.,]\p{N}+)*(?:['’][\p{L}]+)*/gu;

export function foldTerm(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/'s$/, '');
}

const PLAIN = /^[a-z0-9]+$/;
/** Letters and digits of ASCII alone: folding lower-cases them and does nothing else. */
const ASCII_WORD = /^[A-Za-z0-9]+$/;
const folded = new Map<string, string>();

/** foldTerm of a word as the text has it (separators included), remembered: indexing folds the same words again and again. */
function foldWord(raw: string): string {
  if (PLAIN.test(raw)) return raw;
  if (ASCII_WORD.test(raw)) return raw.toLowerCase();
  let term = folded.get(raw);
  if (term === undefined) {
    term = foldTerm(raw.replace(/,/g, ''));
    if (folded.size >= 200_000) folded.clear();
    folded.set(raw, term);
  }
  return term;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const term = foldWord(m[0]);
    if (term) tokens.push({ term, start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** The folded words of a text, without their places (what indexing needs, at less cost). */
export function termsOf(text: string): string[] {
  const terms: string[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const term = foldWord(m[0]);
    if (term) terms.push(term);
  }
  return terms;
}

export const STOP_WORDS = new Set(
  ('a about after all also an and any are as at be been but by can could did do does for from had has have he her his ' +
    'i if in into is it its may more most no not of on or our out over said says she so some than that the their them ' +
    'then there these they this those to up us was we were what when where which while who will with would you').split(' '),
);
