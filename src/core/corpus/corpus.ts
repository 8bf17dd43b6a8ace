import type { LoadProblem, Source, SourceMeta } from '../model';
import type { ParsedArticle } from './article';
import { isPandocBareKey, keyFromTitle, uniqueKey } from './keys';
import type { ReferenceEntry } from './references';
import { runSteps } from '../steps';

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
  /** Counts every change, so steps of `settle` can tell they were overtaken. */
  private mutations = 0;
  private readonly candidates = new WeakMap<ParsedArticle, KeyCandidate>();
  /** Metadata entries by the location they describe; undefined when a metadata file changed. */
  private entriesByLocation: Map<string, ReferenceEntry> | undefined;

  /**
   * Adds or replaces the parsed article at `article.location`. What key it asks for is worked
   * out now, so that adding thousands of articles one batch at a time never leaves one long
   * step for the first read after them.
   */
  upsert(article: ParsedArticle): void {
    this.articles.set(article.location, article);
    this.candidateFor(article, this.referenceEntries().get(article.location));
    this.changed();
  }

  /** Removes the article or metadata file at `location`; true when something was removed. */
  remove(location: string): boolean {
    const removed = this.articles.delete(location) || (this.references.delete(location) && this.referencesChanged());
    if (removed) this.changed();
    return removed;
  }

  /** Sets the entries of one metadata file (replacing what it said before). */
  setReferences(location: string, parsed: { entries: ReferenceEntry[]; problems: LoadProblem[] }): void {
    this.references.set(location, parsed);
    this.referencesChanged();
    this.changed();
  }

  private changed(): void {
    this.dirty = true;
    this.mutations++;
  }

  private referencesChanged(): true {
    this.entriesByLocation = undefined;
    return true;
  }

  private referenceEntries(): Map<string, ReferenceEntry> {
    if (!this.entriesByLocation) {
      this.entriesByLocation = new Map();
      for (const r of this.references.values()) for (const e of r.entries) this.entriesByLocation.set(e.location, e);
    }
    return this.entriesByLocation;
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
    return this.referenceEntries().get(location);
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
    ({ byKey: this.byKey, byLocation: this.byLocation, problems: this.keyProblems } = settled);
  }

  private *assignKeys(): Generator<void, Settled> {
    const refs = this.referenceEntries();
    const problems: LoadProblem[] = [];
    const candidates: KeyCandidate[] = [];
    for (const article of this.articles.values()) {
      const candidate = this.candidateFor(article, refs.get(article.location));
      if (candidate.problem) problems.push(candidate.problem);
      candidates.push(candidate);
      if (candidates.length % STEP === 0) yield;
    }
    // Writers' own keys win over derived ones; ties go by path so the result is stable.
    candidates.sort((a, b) => Number(b.explicit) - Number(a.explicit) || (a.article.location < b.article.location ? -1 : a.article.location > b.article.location ? 1 : 0));
    yield;

    const byKey = new Map<string, Source>();
    const byLocation = new Map<string, Source>();
    for (const [i, c] of candidates.entries()) {
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
        c.source = { meta: { ...c.meta, key, title: c.title }, location: c.article.location, format: c.article.format, paragraphs: c.article.paragraphs, ...(c.article.locators ? { locators: c.article.locators } : {}) };
      }
      byKey.set(key, c.source);
      byLocation.set(c.source.location, c.source);
      if (i % STEP === STEP - 1) yield;
    }
    return { byKey, byLocation, problems };
  }
}

/** Sources assigned keys per step of `Corpus.settle`. */
const STEP = 256;

interface Settled {
  byKey: Map<string, Source>;
  byLocation: Map<string, Source>;
  problems: LoadProblem[];
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
