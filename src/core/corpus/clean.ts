// Removes what scrapers leave around a news article: ad markers, site furniture,
// section labels, photo captions and trailing lists of unrelated headlines.
// Works on blocks (lines or paragraphs) so every kept block keeps its file offsets.

export interface Block {
  text: string;
  start: number;
  end: number;
}

export interface CleanResult<B extends Block> {
  /** The article's headline, when the text starts with one. */
  headline?: B;
  body: B[];
  removed: Array<{ block: B; reason: string }>;
}

const BOILERPLATE: Array<[RegExp, string]> = [
  [/^\[\/?ad_?\d*\]$/i, 'ad marker'],
  [/^header ads?$/i, 'ad slot'],
  [/^(advertisement|advert|sponsored( content)?|ad)$/i, 'ad slot'],
  [/^powered by [\w .-]{1,40}\.?$/i, 'site footer'],
  [/^source( link)?:?$/i, 'link label'],
  [/^(related|recommended|more|latest|trending|popular|top) (articles?|posts?|stories|news|reads|headlines)\.?:?$/i, 'related-links heading'],
  [/^(you may (also )?like|read (more|next|also)|see also|also read|continue reading|keep reading)\.?:?$/i, 'related-links heading'],
  [/^back to top( button)?$/i, 'site navigation'],
  [/^(skip to (main )?content|share( this( article| story)?)?:?|print|email|comments?|leave a (comment|reply)|tweet)$/i, 'site navigation'],
  [/^(subscribe|sign up|log ?in|register)( now| today)?\b.{0,60}$/i, 'subscription prompt'],
  [/^(all rights reserved|copyright|©).{0,80}$/i, 'copyright notice'],
  [/^(tags?|filed under|categories?):.{0,200}$/i, 'tag list'],
];

/** Why a block is site furniture, or undefined when it is article text. */
export function boilerplateReason(text: string): string | undefined {
  const t = text.trim().replace(/\s+/g, ' ');
  if (!t) return 'empty';
  for (const [re, reason] of BOILERPLATE) if (re.test(t)) return reason;
  return undefined;
}

/** True for a line shaped like a headline or label rather than prose: short, no closing punctuation. */
export function isTitleLike(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 200) return false;
  const words = t.split(/\s+/);
  if (words.length > 25) return false;
  if (/[.!?:;,…]["”’)]?$/.test(t)) return false;
  return /^[\p{Lu}\p{N}"“‘'$£€]/u.test(t);
}

/** True for prose: a sentence-shaped block (ends with punctuation, or is long). */
function isProse(text: string): boolean {
  const t = text.trim();
  const words = t.split(/\s+/).length;
  // "Additionally, we have three pricing plans tailored to suit your needs:" introduces a list: prose, not a label.
  return /[.!?…]["”’)]?$/.test(t) || (/:$/.test(t) && words >= 5 && /\s[\p{Ll}]/u.test(t)) || words > 25;
}

export function cleanBlocks<B extends Block>(blocks: readonly B[]): CleanResult<B> {
  const removed: Array<{ block: B; reason: string }> = [];
  const kept: B[] = [];
  for (const b of blocks) {
    const reason = boilerplateReason(b.text);
    if (reason === 'empty') continue;
    if (reason) removed.push({ block: b, reason });
    else kept.push(b);
  }

  // Leading zone: labels, headline and captions before the first prose block.
  let firstProse = kept.findIndex((b) => isProse(b.text));
  if (firstProse < 0) firstProse = 0;
  const lead = kept.slice(0, firstProse);
  let headline: B | undefined;
  for (const b of lead) {
    if (isTitleLike(b.text) && (!headline || wordCount(b.text) > wordCount(headline.text))) headline = b;
  }
  for (const b of lead) {
    if (b === headline) continue;
    // Short non-prose lines before the body are section labels, bylines or photo captions.
    removed.push({ block: b, reason: wordCount(b.text) <= 4 ? 'label or caption' : 'heading before the article' });
  }

  // Trailing zone: a run of headline-like lines after the last prose block is a list of other articles.
  let body = kept.slice(firstProse);
  let lastProse = body.length - 1;
  while (lastProse >= 0 && !isProse(body[lastProse].text)) lastProse--;
  const trailing = body.slice(lastProse + 1);
  if (trailing.length >= 2 || trailing.every((b) => isTitleLike(b.text) && wordCount(b.text) <= 3)) {
    for (const b of trailing) removed.push({ block: b, reason: 'list of other headlines' });
    body = body.slice(0, lastProse + 1);
  }
  removed.sort((a, b) => a.block.start - b.block.start);
  return { headline, body, removed };
}

function wordCount(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length;
}
