// quote-misattributed: the report puts a quotation in one person's mouth ("Psaki said: “…”",
// "according to Psaki, “…”", "“…,” Psaki said") and the cited source, where the same words
// stand, gives them to someone else. Only a speaker named next to the quotation counts, in the
// report and in the source: "he said" or "the Ukrainian leader said" names no one, and says nothing.
import { locatorOf } from '../corpus/locators';
import { foldForQuote, quotationsIn, type Quotation } from '../quotes';
import type { Source } from '../model';
import type { Claim } from './claims';
import type { Finding } from './findings';

const VERB = String.raw`(?:said|says|say|wrote|writes|added|adds|asked|asks|told\s+[\p{Ll}]+|tells\s+[\p{Ll}]+|stated|states|declared|explained|noted|argued|tweeted|replied|insisted|warned|claimed|recalled|posted)`;
const WORD = String.raw`\p{Lu}[\p{L}'’-]*\.?`;
const NAME = String.raw`((?:${WORD}\s+){0,4}${WORD})`;
/** A name at the end of what comes before the quotation ("Blinken said: ", "according to Psaki, "). */
const BEFORE = [new RegExp(String.raw`${NAME}\s+${VERB}(?:\s+[\p{Ll}]+){0,4}\s*[:,]?\s*$`, 'u'), new RegExp(String.raw`[Aa]ccording\s+to\s+${NAME}\s*[:,]?\s*$`, 'u')];
/** A name at the start of what follows it (`,” said Blinken`, `,” Blinken said`). */
const AFTER = [new RegExp(String.raw`^[,.!?]?\s*${VERB}\s+${NAME}`, 'u'), new RegExp(String.raw`^[,.!?]?\s*${NAME}\s+${VERB}`, 'u')];
/** Capitalised words that name no one. */
const NOT_NAMES = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'the', 'a', 'an', 'this', 'that', 'his', 'her', 'their', 'but', 'and', 'as', 'later', 'then']);
const REACH = 80;

export interface Speaker {
  /** The name as written ("Jen Psaki"), titles and all. */
  name: string;
  /** Its words, folded, for comparing names: "Psaki" is "Jen Psaki". */
  words: string[];
  start: number;
  end: number;
}

function speaker(match: RegExpExecArray, group: string, offset: number): Speaker | undefined {
  const at = offset + match.index + match[0].indexOf(group);
  // "The White House said" is the White House; "He said" is no one.
  const words = [...group.matchAll(/\S+/g)].filter((_, i, all) => !all.slice(0, i + 1).every((x) => NOT_NAMES.has(x[0].toLowerCase())));
  if (words.length === 0) return undefined;
  const start = at + words[0].index;
  const end = at + words[words.length - 1].index + words[words.length - 1][0].length;
  const name = group.slice(start - at, end - at);
  return { name, words: words.map((w) => w[0].toLowerCase().replace(/(?:['’]s)?\.?$/, '')), start, end };
}

/** Who `text` says spoke the quotation at [start, end) (inside its marks), by a name next to it. */
export function speakerOf(text: string, start: number, end: number): Speaker | undefined {
  const beforeFrom = Math.max(0, start - 1 - REACH);
  const before = text.slice(beforeFrom, Math.max(0, start - 1));
  for (const re of BEFORE) {
    const m = re.exec(before);
    const found = m && speaker(m, m[1], beforeFrom);
    if (found) return found;
  }
  const afterFrom = end + 1;
  const after = text.slice(afterFrom, afterFrom + REACH);
  for (const re of AFTER) {
    const m = re.exec(after);
    const found = m && speaker(m, m[1], afterFrom);
    if (found) return found;
  }
  return undefined;
}

const samePerson = (a: Speaker, b: Speaker) => a.words.some((w) => b.words.includes(w));

/** The source's speaker of the quotation, where a source paragraph has the same words in quotation marks. */
function sourceSpeaker(quote: Quotation, sources: readonly Source[]): { speaker: Speaker; key: string; paragraph: number; locator?: string } | undefined {
  const needle = foldForQuote(quote.text).replace(/^["']+|["',.…]+$/g, '');
  if (!needle) return undefined;
  for (const source of sources) {
    for (const p of source.paragraphs) {
      if (!foldForQuote(p.text).includes(needle)) continue;
      for (const q of quotationsIn(p.text)) {
        if (!foldForQuote(q.text).includes(needle)) continue;
        const found = speakerOf(p.text, q.start, q.end);
        if (found) return { speaker: found, key: source.meta.key, paragraph: p.index, locator: locatorOf(source, p) };
      }
    }
  }
  return undefined;
}

/** The short form of a source's name a fix writes: the person, without the titles before it. */
function shortName(s: Speaker): string {
  const words = s.name.split(/\s+/);
  return words.length > 2 ? words.slice(-2).join(' ') : s.name;
}

export function checkAttribution(report: string, claim: Claim, quote: Quotation, sources: readonly Source[]): Finding | undefined {
  const written = speakerOf(report, quote.start, quote.end);
  // The speaker must be in the claim's own sentence.
  if (!written || written.start < claim.start || written.end > claim.end) return undefined;
  const said = sourceSpeaker(quote, sources);
  if (!said || samePerson(written, said.speaker)) return undefined;
  const name = shortName(said.speaker);
  return {
    code: 'quote-misattributed',
    severity: 'warning',
    message: `@${said.key} attributes these words to ${said.speaker.name}, not ${written.name}${said.locator ? ` (${said.locator})` : ''}.`,
    start: written.start,
    end: written.end,
    source: { key: said.key, locator: said.locator, paragraph: said.paragraph, text: said.speaker.name },
    fixes: [{ title: `Change to ${name}`, start: written.start, end: written.end, newText: name }],
  };
}
