import type { LoadProblem, Source, SourceMeta } from '../model';
import type { ParsedArticle } from './article';
import { isPandocBareKey, keyFromTitle, uniqueKey } from './keys';
import type { ReferenceEntry } from './references';

/**
 * The set of indexed sources. Files are added, replaced and removed one at a time;
 * keys are assigned across the whole set (explicit keys first, then in path order) so
 * they are unique and stay the same from run to run.
 */
export class Corpus {
  private readonly articles = new Map<string, ParsedArticle>();
  private readonly references = new Map<string, { entries: ReferenceEntry[]; problems: LoadProblem[] }>();
  private byKey = new Map<string, Source>();
  private byLocation = new Map<string, Source>();
  private keyProblems: LoadProblem[] = [];
  private dirty = true;
  private revision = 0;

  /** Adds or replaces the parsed article at `article.location`. */
  upsert(article: ParsedArticle): void {
    this.articles.set(article.location, article);
    this.dirty = true;
  }

  /** Removes the article or metadata file at `location`; true when something was removed. */
  remove(location: string): boolean {
    const removed = this.articles.delete(location) || this.references.delete(location);
    if (removed) this.dirty = true;
    return removed;
  }

  /** Sets the entries of one metadata file (replacing what it said before). */
  setReferences(location: string, parsed: { entries: ReferenceEntry[]; problems: LoadProblem[] }): void {
    this.references.set(location, parsed);
    this.dirty = true;
  }

  get(key: string): Source | undefined {
    this.refresh();
    return this.byKey.get(key);
  }

  atLocation(location: string): Source | undefined {
    this.refresh();
    return this.byLocation.get(location);
  }

  all(): readonly Source[] {
    this.refresh();
    return [...this.byKey.values()];
  }

  get size(): number {
    return this.articles.size;
  }

  /** Increases whenever the set of sources or their keys change. */
  get version(): number {
    this.refresh();
    return this.revision;
  }

  /** The CSL item the writer gave for a source, if any. */
  cslFor(location: string): Record<string, unknown> | undefined {
    return this.referenceFor(location)?.csl;
  }

  problems(): LoadProblem[] {
    this.refresh();
    const out: LoadProblem[] = [];
    for (const a of this.articles.values()) out.push(...a.problems);
    for (const r of this.references.values()) out.push(...r.problems);
    out.push(...this.keyProblems);
    return out;
  }

  private referenceFor(location: string): ReferenceEntry | undefined {
    for (const r of this.references.values()) {
      const entry = r.entries.find((e) => e.location === location);
      if (entry) return entry;
    }
    return undefined;
  }

  private refresh(): void {
    if (!this.dirty) return;
    this.dirty = false;
    this.revision++;
    const refs = new Map<string, ReferenceEntry>();
    for (const r of this.references.values()) for (const e of r.entries) refs.set(e.location, e);

    const problems: LoadProblem[] = [];
    const candidates = [...this.articles.values()].map((article) => {
      const meta: Partial<SourceMeta> = { ...article.meta, ...refs.get(article.location)?.meta };
      const title = meta.title ?? fileName(article.location);
      let wanted = meta.key;
      if (wanted && !isPandocBareKey(wanted)) {
        const fixed = keyFromTitle(wanted);
        problems.push({ location: article.location, severity: 'warning', message: `Key "${wanted}" has characters pandoc does not allow in a citation key; using "${fixed}".` });
        wanted = fixed;
      }
      return { article, meta, title, explicit: wanted !== undefined, wanted: wanted ?? keyFromTitle(title, meta.issued?.slice(0, 4)) };
    });
    // Writers' own keys win over derived ones; ties go by path so the result is stable.
    candidates.sort((a, b) => Number(b.explicit) - Number(a.explicit) || (a.article.location < b.article.location ? -1 : a.article.location > b.article.location ? 1 : 0));

    const byKey = new Map<string, Source>();
    const byLocation = new Map<string, Source>();
    for (const c of candidates) {
      const key = uniqueKey(c.wanted, byKey);
      if (key !== c.wanted && c.explicit) {
        const holder = byKey.get(c.wanted)!;
        problems.push({
          location: c.article.location,
          severity: 'warning',
          message: `Key "${c.wanted}" is also claimed by ${holder.location}; this source is cited as "${key}".`,
        });
      }
      const source: Source = {
        meta: { ...c.meta, key, title: c.title },
        location: c.article.location,
        format: c.article.format,
        paragraphs: c.article.paragraphs,
      };
      byKey.set(key, source);
      byLocation.set(source.location, source);
    }
    this.byKey = byKey;
    this.byLocation = byLocation;
    this.keyProblems = problems;
  }
}

function fileName(location: string): string {
  const base = location.slice(Math.max(location.lastIndexOf('/'), location.lastIndexOf('\\')) + 1);
  return base.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ');
}
