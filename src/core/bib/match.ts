// Which bibliography entry an article of the corpus is: the same DOI, the same URL, or the
// same title, compared as a reader would (case, punctuation, a trailing slash and
// http/https aside). An article that is an entry takes the entry's citekey.
import type { SourceMeta } from '../model';
import type { BibEntry } from './parse-bibliography';

const doiOf = (v: string | undefined) => v?.trim().toLowerCase().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)/, '') || undefined;
const urlOf = (v: string | undefined) => v?.trim().toLowerCase().replace(/^https?:\/\/(?:www\.)?/, '').replace(/[/#?]+$/, '') || undefined;
const titleOf = (v: string | undefined) => {
  const t = v?.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  // A title of a word or two ("Introduction") names too many things to tell one article.
  return t && t.split(' ').length >= 3 ? t : undefined;
};

export class EntryMatcher {
  private readonly byDoi = new Map<string, BibEntry>();
  private readonly byUrl = new Map<string, BibEntry>();
  private readonly byTitle = new Map<string, BibEntry>();

  constructor(entries: Iterable<BibEntry>) {
    for (const e of entries) {
      const doi = doiOf(e.meta.doi);
      if (doi && !this.byDoi.has(doi)) this.byDoi.set(doi, e);
      const url = urlOf(e.meta.url);
      if (url && !this.byUrl.has(url)) this.byUrl.set(url, e);
      const title = titleOf(e.meta.title);
      if (title && !this.byTitle.has(title)) this.byTitle.set(title, e);
    }
  }

  /** The entry the article is, by DOI first, then URL, then title. */
  match(meta: Partial<SourceMeta>): BibEntry | undefined {
    const doi = doiOf(meta.doi);
    const url = urlOf(meta.url);
    const title = titleOf(meta.title);
    return (doi && this.byDoi.get(doi)) || (url && this.byUrl.get(url)) || (title && this.byTitle.get(title)) || undefined;
  }
}
