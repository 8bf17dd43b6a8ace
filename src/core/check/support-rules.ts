// Citations checked by what they say (evidence/support.ts): citation-unsupported, a citation
// whose sources say little of what it covers while another source says clearly more;
// claim-unsupported, a cited text no source backs; citation-missing, an uncited sentence with a
// figure or a quotation that one source clearly backs. Thresholds are calibrated by npm run eval
// (correct and wrong citations of the paraphrase sets) and are ratios of coverage, not words.
import type { CitationItem } from '../citations';
import { planInsertions, type CitationRef } from '../citation-insert';
import { locatorOf } from '../corpus/locators';
import { hasEveryWord, supportingSentence, supportQuery, sourceSupport, supportingSources, type Support, type SupportQuery, type SupportSentence } from '../evidence/support';
import type { Source } from '../model';
import type { PassageSearch, SearchHit } from '../search/search-index';
import type { Claim } from './claims';
import type { Finding, Fix, SourceRef } from './findings';

/** Another source "does" say it: it has at least this share of the words... */
const OTHER_SUPPORTS = 0.35;
/** ...this many times the cited sources' share, and this much more of it. */
const OTHER_RATIO = 1.5;
const OTHER_MARGIN = 0.1;
/** ...and say it this much better than the next source, or both are offered as equals. */
const SUGGEST_RATIO = 1.2;
/** Below this share, the cited sources do not back the text, and no other source clears OTHER_SUPPORTS: claim-unsupported. */
const CITED_BACKS = 0.25;
/** A text of fewer content words says too little to tell sources apart. */
const MIN_WORDS = 4;
/** An uncited sentence is clearly one source's: most of its words, and well ahead of the next source. */
const MISSING_SUPPORTS = 0.5;
const MISSING_RATIO = 1.5;
const QUOTED_SENTENCE = 160;

export interface SupportContext {
  report: string;
  search?: PassageSearch;
  sourceOf(key: string): Source | undefined;
}

const sentencesOf = (claims: readonly Claim[]): SupportSentence[] => claims.map((c) => ({ text: c.text, skip: c.citationRanges.map((r) => ({ start: r.start - c.start, end: r.end - c.start })) }));

function queryOf(claims: readonly Claim[], search: PassageSearch | undefined): SupportQuery {
  return supportQuery(sentencesOf(claims), search);
}


export function refOf(s: Support): SourceRef {
  const sentence = supportingSentence(s);
  // The sentence without its own outer quotation marks: the message and the related information quote it again.
  const lead = /^\s*[“"]*/.exec(sentence.text)![0].length;
  const trail = /[”"]*\s*$/.exec(sentence.text)![0].length;
  const text = sentence.text.slice(lead, sentence.text.length - trail);
  return { key: s.source.meta.key, locator: locatorOf(s.source, sentence.paragraph), paragraph: sentence.paragraph.index, text, start: sentence.start + lead, end: sentence.end - trail };
}

/** `@key, para. 4`, or `@key` for a source cited without a locator. */
const itemOf = (ref: SourceRef) => (ref.locator ? `@${ref.key}, ${ref.locator}` : `@${ref.key}`);
const placeOf = (ref: SourceRef) => (ref.locator ? ` (${ref.locator})` : '');

function quoted(sentence: string): string {
  const text = sentence.trim();
  return text.length > QUOTED_SENTENCE ? `${text.slice(0, QUOTED_SENTENCE - 1).trimEnd()}…` : text;
}

function citeFix(report: string, title: string, at: number, cite: CitationRef, mode: 'add' | 'replace'): Fix | undefined {
  const [edit] = planInsertions(report, [{ start: at, end: at }], { cite }, { mode }).edits;
  return edit && { title, ...edit };
}

/**
 * The citation `item` stands in covers `covered` (its own sentence last) and cites `cited`: does
 * what the sources say back it, and if not, which source does?
 */
export function checkCitationSupport(covered: readonly Claim[], items: readonly CitationItem[], cited: readonly Source[], located: ReadonlySet<number>, context: SupportContext): Finding[] {
  if (cited.length === 0) return [];
  const named = cited.flatMap((s) => s.paragraphs.filter((p) => located.has(p.index)));
  if (hasEveryWord(sentencesOf(covered), named)) return [];
  const query = queryOf(covered, context.search);
  if (query.contentWords < MIN_WORDS) return [];
  // No other source can be OTHER_RATIO times better than this: the search is not needed, nor
  // the rest of the cited sources when the paragraphs the locators name already say that much.
  const enough = (coverage: number) => coverage * OTHER_RATIO > 1;
  let own = located.size ? (sourceSupport(query, cited, (_, p) => located.has(p.index))?.coverage ?? 0) : 0;
  if (!enough(own)) own = sourceSupport(query, cited)?.coverage ?? 0;
  if (enough(own) || !context.search) return [];
  const keys = new Set(cited.map((s) => s.meta.key));
  const [best, next] = supportingSources(query, context.search, context.sourceOf, { exclude: keys });
  const item = items.find((i) => keys.has(i.key)) ?? items[0];
  const names = [...keys].map((k) => `@${k}`).join(' and ');
  if (best && best.coverage >= OTHER_SUPPORTS && best.coverage >= own * OTHER_RATIO && best.coverage - own >= OTHER_MARGIN) {
    // Another source says it about as well (transcripts of one kind share their words): the cited
    // one is still wrong, but naming one of the two as the source would be a guess; both are offered.
    if (next && next.coverage * SUGGEST_RATIO > best.coverage) return [closestTwo(context, item, `${names} ${keys.size > 1 ? 'say' : 'says'}`, refOf(best), refOf(next))];
    const ref = refOf(best);
    const cite = { key: ref.key, locator: ref.locator };
    const fixes = [
      citeFix(context.report, `Replace with ${itemOf(ref)}`, item.keyStart, cite, 'replace'),
      citeFix(context.report, `Add ${itemOf(ref)}`, item.keyStart, cite, 'add'),
    ].filter((f): f is Fix => !!f);
    return [
      {
        code: 'citation-unsupported',
        severity: 'warning',
        message: `${names} ${keys.size > 1 ? 'say' : 'says'} nothing like this; @${ref.key} does: "${quoted(ref.text)}"${placeOf(ref)}`,
        start: item.keyStart,
        end: item.keyEnd,
        source: ref,
        fixes,
      },
    ];
  }
  if (own >= CITED_BACKS || (best && best.coverage >= OTHER_SUPPORTS)) return [];
  const first = covered[0];
  const last = covered[covered.length - 1];
  return [
    {
      code: 'claim-unsupported',
      severity: 'information',
      message: `No source says this: ${names} ${keys.size > 1 ? 'have' : 'has'} ${Math.round(own * 100)}% of its words, no other source more than ${Math.round((best?.coverage ?? 0) * 100)}%.`,
      start: first.start,
      end: last.citationRanges[0]?.start ?? last.end,
      fixes: [],
    },
  ];
}

/** citation-unsupported when two other sources say the text about as well as each other. */
function closestTwo(context: SupportContext, item: CitationItem, cited: string, a: SourceRef, b: SourceRef): Finding {
  const fixes = [a, b].map((ref) => citeFix(context.report, `Replace with ${itemOf(ref)}`, item.keyStart, { key: ref.key, locator: ref.locator }, 'replace'));
  return {
    code: 'citation-unsupported',
    severity: 'warning',
    message: `${cited} nothing like this; @${a.key} and @${b.key} say more of it, about as much as each other: "${quoted(a.text)}"${placeOf(a)}; "${quoted(b.text)}"${placeOf(b)}`,
    start: item.keyStart,
    end: item.keyEnd,
    related: [a, b],
    fixes: fixes.filter((f): f is Fix => !!f),
  };
}

/** The one source that clearly backs an uncited claim, if one does. */
export function clearSupport(claim: Claim, search: PassageSearch, sourceOf: (key: string) => Source | undefined, hits?: SearchHit[]): Support | undefined {
  const query = queryOf([claim], search);
  if (query.contentWords < MIN_WORDS) return undefined;
  const [best, next] = supportingSources(query, search, sourceOf, { hits });
  if (!best || best.coverage < MISSING_SUPPORTS) return undefined;
  if (next && best.coverage < next.coverage * MISSING_RATIO) return undefined;
  return best;
}

/** citation-missing: a sentence with a figure or a quotation, no citation in its scope, that one source clearly supports. */
export function checkMissingCitation(claim: Claim, context: SupportContext, hits?: SearchHit[]): Finding | undefined {
  if (!context.search || (claim.figures.length === 0 && claim.quotes.length === 0)) return undefined;
  const best = clearSupport(claim, context.search, context.sourceOf, hits);
  if (!best) return undefined;
  const ref = refOf(best);
  const fix = citeFix(context.report, `Cite ${itemOf(ref)}`, citationPoint(claim), { key: ref.key, locator: ref.locator }, 'add');
  return {
    code: 'citation-missing',
    severity: 'hint',
    message: `No citation; @${ref.key} says this: "${quoted(ref.text)}"${placeOf(ref)}`,
    start: claim.start,
    end: claim.start + claim.text.trimEnd().length,
    source: ref,
    fixes: fix ? [fix] : [],
  };
}

/** Where a claim's citation goes: after its last word (the planner moves it before a closing full stop). */
export function citationPoint(claim: Claim): number {
  return claim.start + claim.text.trimEnd().length;
}
