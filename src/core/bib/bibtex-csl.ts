// A BibTeX/BibLaTeX entry, as Better BibTeX's own parser (@retorquere/bibtex-parser) reads it,
// as a CSL item: the form pandoc --citeproc and Grounded's metadata speak. Field names follow
// the BibLaTeX manual and pandoc's mapping, so an exported bibliography renders as the .bib would.
import type { Creator, Entry } from '@retorquere/bibtex-parser';

export type CslRecord = Record<string, unknown> & { id: string; type: string };

const TYPES: Record<string, string> = {
  article: 'article-journal',
  book: 'book',
  mvbook: 'book',
  collection: 'book',
  mvcollection: 'book',
  proceedings: 'book',
  booklet: 'pamphlet',
  inbook: 'chapter',
  bookinbook: 'chapter',
  incollection: 'chapter',
  inproceedings: 'paper-conference',
  conference: 'paper-conference',
  manual: 'report',
  report: 'report',
  techreport: 'report',
  thesis: 'thesis',
  phdthesis: 'thesis',
  mastersthesis: 'thesis',
  online: 'webpage',
  www: 'webpage',
  electronic: 'webpage',
  patent: 'patent',
  unpublished: 'manuscript',
  dataset: 'dataset',
  software: 'software',
  misc: 'document',
};
const ARTICLE_SUBTYPES: Record<string, string> = { magazine: 'article-magazine', newspaper: 'article-newspaper' };
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Plain fields copied under their CSL names. */
const SIMPLE: Record<string, string> = {
  doi: 'DOI',
  url: 'URL',
  isbn: 'ISBN',
  issn: 'ISSN',
  volume: 'volume',
  edition: 'edition',
  note: 'note',
  abstract: 'abstract',
  langid: 'language',
  language: 'language',
  version: 'version',
  eprint: 'number',
};

export function cslFromEntry(entry: Entry): CslRecord {
  const f = entry.fields as Record<string, unknown>;
  const str = (name: string): string | undefined => {
    const v = f[name];
    if (Array.isArray(v)) return v.length ? v.map(String).join('; ') : undefined;
    return typeof v === 'string' && v.trim() ? v.trim() : undefined;
  };
  const kind = entry.type.toLowerCase();
  const subtype = str('entrysubtype')?.toLowerCase();
  const type = (kind === 'article' && subtype && ARTICLE_SUBTYPES[subtype]) || TYPES[kind] || 'document';
  const item: CslRecord = { id: entry.key, type };
  const title = str('title');
  if (title) item.title = [title, str('subtitle')].filter(Boolean).join(': ');
  for (const role of ['author', 'editor', 'translator'] as const) {
    const names = f[role];
    if (Array.isArray(names) && names.length) item[role] = (names as Creator[]).map(cslName);
  }
  const container = str('journaltitle') ?? str('journal') ?? str('booktitle') ?? str('maintitle');
  if (container) item['container-title'] = container;
  const publisher = str('publisher') ?? (type === 'report' || type === 'thesis' ? str('institution') ?? str('school') : undefined) ?? str('organization');
  if (publisher) item.publisher = publisher;
  const place = str('location') ?? str('address');
  if (place) item['publisher-place'] = place;
  const issued = dateParts(str('date')) ?? yearMonthDay(str('year'), str('month'), str('day'));
  if (issued) item.issued = issued;
  const accessed = dateParts(str('urldate'));
  if (accessed) item.accessed = accessed;
  const number = str('number') ?? str('issue');
  if (number) item[type.startsWith('article') ? 'issue' : 'number'] = number;
  const pages = str('pages');
  if (pages) item.page = pages.replace(/\s*-{1,3}\s*/g, '–');
  for (const [from, to] of Object.entries(SIMPLE)) {
    const v = str(from);
    if (v && item[to] === undefined) item[to] = v;
  }
  if (subtype && !ARTICLE_SUBTYPES[subtype]) item.genre = subtype;
  return item;
}

function cslName(c: Creator): Record<string, string> {
  if (c.name) return { literal: c.name };
  const name: Record<string, string> = {};
  if (c.lastName) name.family = c.lastName;
  if (c.firstName) name.given = c.firstName;
  if (c.prefix) name['non-dropping-particle'] = c.prefix;
  if (c.suffix) name.suffix = c.suffix;
  return name;
}

/** `2005-01-07`, `2005-01`, `2005`, or a range `2005-01-07/2005-01-09` (its start). */
function dateParts(date: string | undefined): { 'date-parts': number[][] } | undefined {
  const m = date && /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/.exec(date);
  if (!m) return undefined;
  return { 'date-parts': [[m[1], m[2], m[3]].filter((x) => x !== undefined).map(Number)] };
}

function yearMonthDay(year: string | undefined, month: string | undefined, day: string | undefined): { 'date-parts': number[][] } | undefined {
  if (!year || !/^\d{4}$/.test(year)) return undefined;
  const parts = [Number(year)];
  const m = month && (/^\d{1,2}$/.test(month) ? Number(month) : MONTHS.indexOf(month.slice(0, 3).toLowerCase()) + 1);
  if (m) {
    parts.push(m);
    if (day && /^\d{1,2}$/.test(day)) parts.push(Number(day));
  }
  return { 'date-parts': [parts] };
}
