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

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const term = foldTerm(m[0].replace(/,/g, ''));
    if (term) tokens.push({ term, start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

export const STOP_WORDS = new Set(
  ('a about after all also an and any are as at be been but by can could did do does for from had has have he her his ' +
    'i if in into is it its may more most no not of on or our out over said says she so some than that the their them ' +
    'then there these they this those to up us was we were what when where which while who will with would you').split(' '),
);
