import type { LoadProblem, Source, SourceMeta } from '../model';
import type { ParsedArticle } from './article';
import { isPandocBareKey, keyFromTitle, uniqueKey } from './keys';
import type { ReferenceEntry } from './references';
import { runSteps } from '../steps';
import { formatOf } from './article';
import { indexedAttachment } from '../bib/attachments';
import { EntryMatcher } from '../bib/match';
import type { BibEntry, Bibliography } from '../bib/parse-bibliography';

/**
 * The set of indexed sources. Files are added, replaced and removed one at a time;
 * keys are assigned across the whole set (explicit keys first, then in path order) so
 * they are unique and stay the same from run to run.
 */
export class Corpus {
  private readonly articles = new Map<string, ParsedArticle>();
  private readonly references = new Map<string, { entries: ReferenceEntry[]; problems: LoadProblem[] }>();
  private byKey = new Map<string, Source>();
  private allSources: readonly Source[] | undefined;
  private byLocation = new Map<string, Source>();
  private keyProblems: LoadProblem[] = [];
  private dirty = true;
  private revision = 0;
  /** Counts every change, so steps of `settle` can tell they were overtaken. */
  private mutations = 0;
  private readonly candidates = new WeakMap<ParsedArticle, KeyCandidate>();
  /** Metadata entries by the location they describe; undefined when a metadata file changed. */
  private entriesByLocation: Map<string, ReferenceEntry> | undefined;
  /** The writer's bibliographies, each entry with the file of it that is indexed. */
  private readonly bibliographies = new Map<string, { bib: Bibliography; attached: Map<BibEntry, string | undefined> }>();
  private matcher: EntryMatcher | undefined;
  /** One reference per bibliography entry, and one empty article for an entry with no text, kept while the entry is. */
  private readonly entryRefs = new WeakMap<BibEntry, ReferenceEntry>();
  private readonly entryArticles = new WeakMap<BibEntry, ParsedArticle>();
  private refsByLocation = new Map<string, ReferenceEntry>();
  private readonly entryBibliography = new WeakMap<BibEntry, string>();

  /**
   * Adds or replaces the parsed article at `article.location`. What key it asks for is worked
   * out now, so that adding thousands of articles one batch at a time never leaves one long
   * step for the first read after them.
   */
  upsert(article: ParsedArticle): void {
    this.articles.set(article.location, article);
    this.candidateFor(article, this.refFor(article));
    this.changed();
  }

  /** Removes the article, metadata file or bibliography at `location`; true when something was removed. */
  remove(location: string): boolean {
    const removed = this.articles.delete(location) || ((this.references.delete(location) || this.bibliographies.delete(location)) && this.referencesChanged());
    if (removed) this.changed();
    return removed;
  }

  /** Sets the entries of one metadata file (replacing what it said before). */
  setReferences(location: string, parsed: { entries: ReferenceEntry[]; problems: LoadProblem[] }): void {
    this.references.set(location, parsed);
    this.referencesChanged();
    this.changed();
  }

  /**
   * Sets one bibliography of the writer (replacing what it said before). `locate` turns an
   * attached file as the entry names it into a location as this corpus names files; `reads`
   * says which files the host reads (PDFs and Word documents too, by default).
   */
  setBibliography(bib: Bibliography, locate: (file: string) => string, reads = (l: string) => formatOf(l) !== undefined || /\.(pdf|docx)$/i.test(l)): void {
    const attached = new Map<BibEntry, string | undefined>();
    for (const e of bib.entries) attached.set(e, indexedAttachment(e.files.map(locate), reads));
    this.bibliographies.set(bib.location, { bib, attached });
    for (const e of bib.entries) this.entryBibliography.set(e, bib.location);
    this.referencesChanged();
    this.changed();
  }

  /** The attached files of the bibliographies' entries, which the host reads as sources wherever they are. */
  attachments(): string[] {
    return [...this.bibliographies.values()].flatMap((b) => [...b.attached.values()].filter((l): l is string => l !== undefined));
  }

  private changed(): void {
    this.dirty = true;
    this.mutations++;
  }

  private referencesChanged(): true {
    this.entriesByLocation = undefined;
    this.matcher = undefined;
    return true;
  }

  private referenceEntries(): Map<string, ReferenceEntry> {
    if (!this.entriesByLocation) {
      this.entriesByLocation = new Map();
      for (const r of this.references.values()) for (const e of r.entries) this.entriesByLocation.set(e.location, e);
      // The writer's bibliography says more than a metadata file beside the articles: it wins.
      for (const { attached } of this.bibliographies.values()) for (const [e, location] of attached) if (location) this.entriesByLocation.set(location, this.entryRef(e, location));
    }
    return this.entriesByLocation;
  }

  private entryRef(entry: BibEntry, location: string): ReferenceEntry {
    let ref = this.entryRefs.get(entry);
    if (!ref) this.entryRefs.set(entry, (ref = { location, meta: { ...entry.meta, key: entry.key }, csl: entry.csl, bibliography: this.entryBibliography.get(entry) }));
    return ref;
  }

  /** An article's metadata entry: the one naming its file, else the bibliography entry it matches (DOI, URL, title). */
  private refFor(article: ParsedArticle): ReferenceEntry | undefined {
    const byLocation = this.referenceEntries().get(article.location);
    if (byLocation || this.bibliographies.size === 0) return byLocation;
    this.matcher ??= new EntryMatcher([...this.bibliographies.values()].flatMap((b) => b.bib.entries));
    const entry = this.matcher.match(article.meta);
    return entry && this.entryRef(entry, article.location);
  }

  /** The entries no article claims: sources with no text, so they still complete and hover. */
  private entriesWithoutText(claimed: ReadonlySet<ReferenceEntry>): Array<[ParsedArticle, ReferenceEntry]> {
    const out: Array<[ParsedArticle, ReferenceEntry]> = [];
    const bibs = [...this.bibliographies.values()].sort((a, b) => (a.bib.location < b.bib.location ? -1 : 1));
    for (const { bib } of bibs) {
      for (const e of bib.entries) {
        const ref = this.entryRefs.get(e);
        if (ref && claimed.has(ref)) continue;
        const location = `${bib.location}#${e.key}`;
        let article = this.entryArticles.get(e);
        const entry = e.start !== undefined ? { entry: { location: bib.location, start: e.start, end: e.end ?? e.start } } : {};
        if (!article) this.entryArticles.set(e, (article = { location, format: 'reference', meta: { ...e.meta, key: e.key }, paragraphs: [], locators: 'none', ...entry, removed: [], problems: [] }));
        out.push([article, ref ?? this.entryRef(e, location)]);
      }
    }
    return out;
  }

  // What an article asks for changes only with it or its metadata entry: worked out once.
  private candidateFor(article: ParsedArticle, ref: ReferenceEntry | undefined): KeyCandidate {
    let candidate = this.candidates.get(article);
    if (!candidate || candidate.ref !== ref) this.candidates.set(article, (candidate = keyCandidate(article, ref)));
    return candidate;
  }

  get(key: string): Source | undefined {
    this.refresh();
    return this.byKey.get(key);
  }

  atLocation(location: string): Source | undefined {
    this.refresh();
    return this.byLocation.get(location);
  }

  /** The same list until the sources change (completion ranks it on every keystroke). */
  all(): readonly Source[] {
    this.refresh();
    return (this.allSources ??= [...this.byKey.values()]);
  }

  /** True when the file at `location` is read into the corpus. */
  hasArticle(location: string): boolean {
    return this.articles.has(location);
  }

  get size(): number {
    return this.articles.size;
  }

  /** Increases whenever the set of sources or their keys change. */
  get version(): number {
    this.refresh();
    return this.revision;
  }

  /** The writer's bibliography file whose entry a source is, if it is one. */
  bibliographyOf(location: string): string | undefined {
    this.refresh();
    return this.refsByLocation.get(location)?.bibliography;
  }

  /** The CSL item the writer gave for a source (metadata file or bibliography), if any. */
  cslFor(location: string): Record<string, unknown> | undefined {
    this.refresh();
    return this.refsByLocation.get(location)?.csl;
  }

  problems(): LoadProblem[] {
    this.refresh();
    const out: LoadProblem[] = [];
    for (const a of this.articles.values()) out.push(...a.problems);
    for (const r of this.references.values()) out.push(...r.problems);
    for (const b of this.bibliographies.values()) out.push(...b.bib.problems);
    out.push(...this.keyProblems);
    return out;
  }

  /**
   * Assigns keys across the corpus a few hundred sources per step: a thread that must stay
   * responsive runs these steps between other work after adding thousands of articles. Reads
   * meanwhile still see a settled corpus (they settle it at once); what the steps built is
   * then dropped.
   */
  *settle(): Generator<void, void> {
    if (!this.dirty) return;
    const mutation = this.mutations;
    const settled = yield* this.assignKeys();
    if (this.dirty && this.mutations === mutation) this.commit(settled);
  }

  private refresh(): void {
    if (!this.dirty) return;
    this.commit(runSteps(this.assignKeys()));
  }

  private commit(settled: Settled): void {
    this.dirty = false;
    this.revision++;
    this.allSources = undefined;
    ({ byKey: this.byKey, byLocation: this.byLocation, problems: this.keyProblems, refs: this.refsByLocation } = settled);
  }

  private *assignKeys(): Generator<void, Settled> {
    const problems: LoadProblem[] = [];
    const candidates: KeyCandidate[] = [];
    const claimed = new Set<ReferenceEntry>();
    for (const article of this.articles.values()) {
      const candidate = this.candidateFor(article, this.refFor(article));
      if (candidate.problem) problems.push(candidate.problem);
      if (candidate.ref) claimed.add(candidate.ref);
      candidates.push(candidate);
      if (candidates.length % STEP === 0) yield;
    }
    for (const [article, ref] of this.entriesWithoutText(claimed)) candidates.push(this.candidateFor(article, ref));
    // Writers' own keys win over derived ones; ties go by path so the result is stable.
    candidates.sort((a, b) => Number(b.explicit) - Number(a.explicit) || (a.article.location < b.article.location ? -1 : a.article.location > b.article.location ? 1 : 0));
    yield;

    const byKey = new Map<string, Source>();
    const byLocation = new Map<string, Source>();
    const refs = new Map<string, ReferenceEntry>();
    for (const [i, c] of candidates.entries()) {
      if (c.ref) refs.set(c.article.location, c.ref);
      const key = uniqueKey(c.wanted, byKey);
      if (key !== c.wanted && c.explicit) {
        const holder = byKey.get(c.wanted)!;
        problems.push({
          location: c.article.location,
          severity: 'warning',
          message: `Key "${c.wanted}" is also claimed by ${holder.location}; this source is cited as "${key}".`,
        });
      }
      // The same article under the same key stays the same object.
      if (c.source?.meta.key !== key) {
        c.source = { meta: { ...c.meta, key, title: c.title }, location: c.article.location, format: c.article.format, paragraphs: c.article.paragraphs, ...(c.article.locators ? { locators: c.article.locators } : {}), ...(c.article.entry ? { entry: c.article.entry } : {}) };
      }
      byKey.set(key, c.source);
      byLocation.set(c.source.location, c.source);
      if (i % STEP === STEP - 1) yield;
    }
    return { byKey, byLocation, problems, refs };
  }
}

/** Sources assigned keys per step of `Corpus.settle`. */
const STEP = 256;

interface Settled {
  byKey: Map<string, Source>;
  byLocation: Map<string, Source>;
  problems: LoadProblem[];
  /** The metadata entry of each source that has one, by location. */
  refs: Map<string, ReferenceEntry>;
}

interface KeyCandidate {
  article: ParsedArticle;
  ref: ReferenceEntry | undefined;
  meta: Partial<SourceMeta>;
  title: string;
  explicit: boolean;
  wanted: string;
  problem?: LoadProblem;
  /** The source last made of this candidate (kept while its key stays). */
  source?: Source;
}

function keyCandidate(article: ParsedArticle, ref: ReferenceEntry | undefined): KeyCandidate {
  const meta: Partial<SourceMeta> = { ...article.meta, ...ref?.meta };
  const title = meta.title ?? fileName(article.location);
  let wanted = meta.key;
  let problem: LoadProblem | undefined;
  if (wanted && !isPandocBareKey(wanted)) {
    const fixed = keyFromTitle(wanted);
    problem = { location: article.location, severity: 'warning', message: `Key "${wanted}" has characters pandoc does not allow in a citation key; using "${fixed}".` };
    wanted = fixed;
  }
  return { article, ref, meta, title, explicit: wanted !== undefined, wanted: wanted ?? keyFromTitle(title, meta.issued?.slice(0, 4)), problem };
}

function fileName(location: string): string {
  const base = location.slice(Math.max(location.lastIndexOf('/'), location.lastIndexOf('\\')) + 1);
  return base.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ');
}
