// Numbers written in words and digits: "ninety-four thousand", "a dozen", "94,000",
// "2.3bn", "94k". Small, dependency-free parsers shared by the figure extractor.

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
export const SCALES: Record<string, number> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
  k: 1e3, m: 1e6, mn: 1e6, mln: 1e6, bn: 1e9, b: 1e9, tn: 1e12, tr: 1e12,
};
export const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20,
};

/** Alternation of number words for regexes (longest first so "seventeen" wins over "seven"). */
export const NUMBER_WORD = [...Object.keys(UNITS), ...Object.keys(TENS), 'hundred', 'thousand', 'million', 'billion', 'trillion', 'dozen']
  .sort((a, b) => b.length - a.length)
  .join('|');

/** Value of a phrase of number words ("ninety-four thousand", "two hundred and five"), or undefined. */
export function wordsToNumber(phrase: string): number | undefined {
  // "twelve point five", "twelve dot fifty": the words after the point are the decimals as said.
  const point = /\s+(?:point|dot)\s+/i.exec(phrase);
  if (point) {
    const whole = wordsToNumber(phrase.slice(0, point.index));
    const decimals = wordsToNumber(phrase.slice(point.index + point[0].length));
    return whole === undefined || decimals === undefined ? undefined : Number(`${whole}.${decimals}`);
  }
  const words = phrase.toLowerCase().replace(/-/g, ' ').split(/\s+/).filter((w) => w && w !== 'and' && w !== 'a' && w !== 'an');
  if (words.length === 0) return undefined;
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of words) {
    if (w in UNITS) current += UNITS[w];
    else if (w in TENS) current += TENS[w];
    else if (w === 'dozen') current = (current || 1) * 12;
    else if (w === 'half' && seen) current += 0.5;
    else if (w === 'hundred') current = (current || 1) * 100;
    else if (w in SCALES && SCALES[w] >= 1000) {
      total += (current || 1) * SCALES[w];
      current = 0;
    } else return undefined;
    seen = true;
  }
  return seen ? total + current : undefined;
}

/** Value of digits with separators and an optional scale suffix: "94,000", "2.3bn", "94k", "1.5 million". */
export function digitsToNumber(digits: string, scale?: string): number | undefined {
  const cleaned = digits.replace(/,(?=\d{3}\b)/g, '');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return undefined;
  const value = Number(cleaned);
  const factor = scale ? SCALES[scale.toLowerCase()] : 1;
  return factor === undefined ? undefined : value * factor;
}
