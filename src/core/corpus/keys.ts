// Citation keys for sources that have none: readable words of the title, lower case,
// joined by hyphens, plus the year when known. Never a hash: writers type these keys.

const STOP_WORDS = new Set(
  ('a an and are as at be by for from has have in into is it its of on or over than that the their this to was were ' +
    'will with amid after before about against between during under says said new how why what who when').split(' '),
);

const MAX_WORDS = 4;

/** Words of a title reduced to ASCII letters and digits. */
function keyWords(title: string): string[] {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** A readable pandoc-valid key for a title, e.g. "US and Russia agree to hold talks" -> "us-russia-agree-hold". */
export function keyFromTitle(title: string, year?: string): string {
  const words = keyWords(title);
  const content = words.filter((w) => !STOP_WORDS.has(w));
  const chosen = (content.length > 0 ? content : words).slice(0, MAX_WORDS);
  let key = chosen.join('-') || 'source';
  if (year && /^\d{4}$/.test(year)) key += `-${year}`;
  // Pandoc keys must start with a letter, digit or underscore; ours always do after the filter above.
  return key;
}

/** Characters pandoc allows inside a bare key (letters, digits, `_`, internal `:.#$%&-+?<>~/`). */
const BARE_KEY = /^[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*$/u;

export function isPandocBareKey(key: string): boolean {
  return BARE_KEY.test(key);
}

/**
 * Makes `wanted` unique among `taken` by appending -2, -3, ... (call in a stable order,
 * e.g. sorted by file path, so keys do not change between runs).
 */
export function uniqueKey(wanted: string, taken: { has(key: string): boolean }): string {
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) {
    const candidate = `${wanted}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
