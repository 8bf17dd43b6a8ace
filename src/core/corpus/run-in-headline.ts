// Scraped articles often lose the line break after the headline, so it runs into the first
// sentence: "Mixed Christmas for US retailers US retailers posted mixed results…". The headline
// is found where the words before a capitalised word read as a headline (short, no sentence
// punctuation, not ending on a word that needs a continuation) and share the most words with
// the sentence that follows, as a headline sums up its first sentence.

/** Words a headline does not end on: they need what follows. */
const NO_END = new Set(
  'a an the of in on at to for from by with and or but as into onto over under than that which who whose is are was were be been has have had will would can could may might must shall should do does did not no its his her their our my your this these those about after before between during against via per says said'.split(' '),
);

const STOP = new Set([...NO_END, 'it', 'he', 'she', 'they', 'we', 'i', 'you', 'new', 'more', 'up', 'out', 'off', 'us']);

const MIN_TITLE_WORDS = 2;
const MAX_TITLE_WORDS = 14;
const MIN_BODY_WORDS = 6;

interface Word {
  text: string;
  start: number;
  end: number;
}

function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(/\S+/g)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

const fold = (w: string) => w.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').replace(/'s$/, '');

/**
 * Where the body starts in `text` when a headline runs into its first sentence (the offset of
 * the body's first word), or undefined when it does not. `firstSentenceEnd` bounds the search.
 */
export function runInHeadlineEnd(text: string, firstSentenceEnd: number): number | undefined {
  const words = wordsOf(text.slice(0, firstSentenceEnd));
  let best: { at: number; score: number } | undefined;
  for (let i = MIN_TITLE_WORDS; i <= Math.min(MAX_TITLE_WORDS, words.length - MIN_BODY_WORDS); i++) {
    const last = words[i - 1].text;
    // Sentence punctuation inside a headline run-in would have ended it; a comma or colon means prose.
    if (/[.!?,;:)"”]$/.test(last) || words.slice(0, i).some((w) => /[.!?;,]$/.test(w.text))) break;
    // The body starts with a capital or a figure, perhaps inside a quotation mark ('sham weddings' is the headline's).
    if (!/^["“‘']?[\p{Lu}$£€\p{N}]/u.test(words[i].text)) continue;
    if (NO_END.has(fold(last))) continue;
    // A name that goes on ("Laura Ashley") is not where the headline ends.
    if (/^\p{Lu}/u.test(last) && /^\p{Lu}\p{Ll}/u.test(words[i].text) && !/^\p{Lu}+$/u.test(last)) continue;
    const title = new Set(words.slice(0, i).map((w) => fold(w.text)).filter((w) => w && !STOP.has(w)));
    const body = new Set(words.slice(i).map((w) => fold(w.text)));
    let shared = 0;
    for (const w of title) if (body.has(w)) shared++;
    // The body must take up the headline's words, and a headline is short: ties go to the shorter.
    if (shared >= 1 && (!best || shared > best.score)) best = { at: words[i].start, score: shared };
  }
  return best?.at;
}
