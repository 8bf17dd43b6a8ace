// What every host does to keep a corpus and its search index in step, host-neutral: apply a
// file's parse to the corpus, adopt the index worker's index (in slices, and only when it
// describes exactly this corpus), and bring the index up to the corpus a slice at a time.
// The extension's corpus service and the language server's corpus indexer both use it.
import { attachmentLocation } from '../core/bib/attachments';
import type { Corpus } from '../core/corpus/corpus';
import { readsAsSource, type FileParse } from '../core/corpus/parse-file';
import type { LoadProblem, Source } from '../core/model';
import { syncIndex } from '../core/search/index-sync';
import { SearchIndex } from '../core/search/search-index';
import type { FileOutcome } from '../worker/index-worker-core';
import { runSliced } from './slices';

/** Applies one file's parse to the corpus; what is worth saying about it goes into `problems`. */
export function applyParse(corpus: Corpus, location: string, parse: FileParse, problems: LoadProblem[]): void {
  if (parse.kind === 'skipped') {
    problems.push({ location, severity: 'warning', message: `Skipped: ${parse.reason}.` });
    corpus.remove(location);
    return;
  }
  if (parse.note) problems.push({ location, severity: 'information', message: `File is ${parse.note}.` });
  if (parse.kind === 'references') corpus.setReferences(location, parse.references);
  // A bibliography's entries complete and hover with their fields; their attachments are read as the editor reads them.
  else if (parse.kind === 'bibliography') corpus.setBibliography(parse.bibliography, (file) => attachmentLocation(location, file), readsAsSource);
  else corpus.upsert(parse.article);
}

/** Applies a file the worker parsed, or could not read, to the corpus: the problems to say of it. */
export function applyOutcome(corpus: Corpus, outcome: Extract<FileOutcome, { kind: 'parsed' | 'failed' }>): LoadProblem[] {
  const problems: LoadProblem[] = [];
  if (outcome.kind === 'parsed') applyParse(corpus, outcome.location, outcome.parse, problems);
  else {
    corpus.remove(outcome.location);
    problems.push(outcome.problem);
  }
  return problems;
}

export class IndexKeeper {
  private index = new SearchIndex();
  /** What the index holds, by file: compared with the corpus to find what changed. */
  private indexed = new Map<string, Source>();
  private version = -1;
  private catchingUp: Promise<void> = Promise.resolve();

  constructor(private readonly corpus: Corpus) {}

  /** The search index: it may lag the corpus by the sources still being added. */
  get current(): SearchIndex {
    return this.index;
  }

  /** Starts over with an empty index (a new worker will send its own). */
  reset(): void {
    this.index = new SearchIndex();
    this.indexed = new Map();
    this.version = -1;
  }

  /**
   * Takes the worker's index, a slice at a time, if it describes exactly this corpus (it is
   * made from the same files by the same code, so anything else is never expected): undefined
   * when adopted, else why not (the index is then built on this thread by `catchUp`).
   */
  async adopt(bytes: Uint8Array): Promise<string | undefined> {
    const version = this.corpus.version;
    const sources = this.corpus.all();
    // Passages share the corpus's paragraph texts: one copy of every source on this thread.
    const textOf = (key: string, n: number) => {
      const paragraphs = this.corpus.get(key)?.paragraphs;
      const at = paragraphs?.[n - 1];
      return (at?.index === n ? at : paragraphs?.find((p) => p.index === n))?.text;
    };
    let index: SearchIndex;
    try {
      index = await runSliced(SearchIndex.load(bytes, textOf));
    } catch (e) {
      return `its index does not fit the sources (${e instanceof Error ? e.message : String(e)})`;
    }
    const shapes = index.sourceShapes();
    if (shapes.size !== sources.length || sources.some((s) => shapes.get(s.meta.key) !== s.paragraphs.length)) return 'it indexed other sources than this side holds';
    this.index = index;
    this.indexed = new Map(sources.map((s) => [s.location, s]));
    this.version = version;
    return undefined;
  }

  /** Brings the index up to the corpus, one source at a time, yielding the thread often. */
  catchUp(): Promise<void> {
    this.catchingUp = this.catchingUp.then(async () => {
      while (this.version !== this.corpus.version) {
        const version = this.corpus.version;
        if (this.index.wasteful) {
          // Built aside and swapped in whole, so searches never see half an index.
          const fresh = new SearchIndex();
          const indexed = new Map<string, Source>();
          await runSliced(syncIndex(fresh, indexed, this.corpus.all()));
          [this.index, this.indexed] = [fresh, indexed];
        } else await runSliced(syncIndex(this.index, this.indexed, this.corpus.all()));
        if (this.corpus.version === version) this.version = version;
      }
    });
    return this.catchingUp;
  }
}
