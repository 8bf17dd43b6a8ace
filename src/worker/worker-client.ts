// The host's side of the index worker, whatever runs it: a Node worker thread (index-client.ts)
// or a browser's Web Worker (browser-client.ts). If the worker cannot start or dies, the same
// work runs on this thread (slower, and said so in the log): nothing is lost.
import type { FigureGroup } from '../core/figures/corpus-figures';
import type { LoadProblem } from '../core/model';
import type { FileOutcome, FileToIndex } from './index-worker-core';
import { createWorkerCore, RequestQueue, type WorkerPlatform } from './index-worker-handler';
import type { FileSignature } from './parse-cache';
import type { CacheName, Request, Response, ScanStats, WorkerOptions } from './protocol';

export type RequestBody = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

type Waiting = { request: RequestBody; onPart?: (response: Response) => void; resolve: (response: Response) => void };

/** What the corpus service needs of the worker (a test may stand in another implementation). */
export interface IndexWorker {
  /** The source files under `folder` (or a folder `under` it) on the worker's disk that the globs take (absolute paths, sorted). */
  list(folder: string, include: string[], exclude: string[], under?: string): Promise<{ paths: string[]; problems: LoadProblem[] }>;
  /** Makes the worker's corpus exactly `files`; outcomes arrive through `onOutcomes` in batches. */
  scan(files: FileToIndex[], maxBytes: number, onOutcomes: (outcomes: FileOutcome[]) => void): Promise<ScanStats>;
  update(files: FileToIndex[], maxBytes: number): Promise<FileOutcome[]>;
  parseBytes(location: string, bytes: Uint8Array, bibliography?: boolean, signature?: FileSignature): Promise<FileOutcome>;
  forget(locations: string[]): Promise<void>;
  /** The search index over the worker's corpus, as bytes, and whether it came from the cache. */
  index(): Promise<{ bytes: Uint8Array; reused: boolean }>;
  /** The corpus's figures by what they count (places without their sentence text). */
  figures(): Promise<FigureGroup[]>;
  save(): Promise<void>;
  clear(): Promise<void>;
  dispose(): void;
  /** Whether the work runs on the worker or, since it could not start or died, on this thread. */
  runs(): 'worker' | 'this thread';
}

/** A running worker as the client talks to it. */
export interface WorkerChannel {
  post(request: Request): void;
  terminate(): void;
}

/** How a host starts its worker: it calls `receive` with each message and `fail` when the worker errs or exits. */
export type StartWorker = (receive: (response: Response) => void, fail: (reason: string) => void) => WorkerChannel;

export class WorkerClient implements IndexWorker {
  private worker: WorkerChannel | undefined;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private fallback: ReturnType<typeof createWorkerCore> | undefined;
  private hereQueue: RequestQueue | undefined;
  private disposed = false;
  private fellBack = false;
  private readonly writes = new Set<Promise<void>>();

  /**
   * `platform` gives what the same work needs on this thread when no worker runs; `persist`
   * stores a cache that a worker with no disk wrote (in a browser, in the extension's storage).
   */
  constructor(
    start: StartWorker,
    protected readonly options: WorkerOptions,
    private readonly log: (message: string) => void,
    private readonly platform: (store: (cache: CacheName, bytes: Uint8Array | undefined) => void) => WorkerPlatform,
    private readonly persist?: (cache: CacheName, bytes: Uint8Array | undefined) => Promise<void>,
  ) {
    try {
      this.worker = start(
        (response) => this.receive(response),
        (reason) => this.fallBack(reason),
      );
    } catch (e) {
      this.fallBack(`the index worker could not start: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async list(folder: string, include: string[], exclude: string[], under?: string): Promise<{ paths: string[]; problems: LoadProblem[] }> {
    const response = await this.send({ type: 'list', folder, include, exclude, ...(under ? { under } : {}) });
    if (response.type !== 'listed') throw this.failure(response);
    return { paths: response.paths, problems: response.problems };
  }

  async scan(files: FileToIndex[], maxBytes: number, onOutcomes: (outcomes: FileOutcome[]) => void): Promise<ScanStats> {
    const response = await this.send({ type: 'scan', files, maxBytes }, (part) => {
      if (part.type === 'outcomes') onOutcomes(part.outcomes);
    });
    if (response.type !== 'scanned') throw this.failure(response);
    return response.stats;
  }

  async update(files: FileToIndex[], maxBytes: number): Promise<FileOutcome[]> {
    const response = await this.send({ type: 'update', files, maxBytes });
    if (response.type !== 'updated') throw this.failure(response);
    return response.outcomes;
  }

  async parseBytes(location: string, bytes: Uint8Array, bibliography?: boolean, signature?: FileSignature): Promise<FileOutcome> {
    const response = await this.send({ type: 'parseBytes', location, bytes, ...(bibliography ? { bibliography } : {}), ...(signature ? { signature } : {}) });
    if (response.type !== 'updated') throw this.failure(response);
    return response.outcomes[0];
  }

  async forget(locations: string[]): Promise<void> {
    await this.send({ type: 'forget', locations });
  }

  async index(): Promise<{ bytes: Uint8Array; reused: boolean }> {
    const response = await this.send({ type: 'index' });
    if (response.type !== 'index') throw this.failure(response);
    return { bytes: response.bytes, reused: response.reused };
  }

  async figures(): Promise<FigureGroup[]> {
    const response = await this.send({ type: 'figures' });
    if (response.type !== 'figures') throw this.failure(response);
    return response.groups;
  }

  async save(): Promise<void> {
    const response = await this.send({ type: 'save' });
    // A worker with no disk sent the caches it wrote before answering: they are stored before this resolves.
    await Promise.all([...this.writes]);
    if (response.type === 'done' && response.info) this.log(`Caches ${response.info}.`);
    if (response.type === 'error') this.log(`Caches not saved: ${response.message}`);
  }

  async clear(): Promise<void> {
    await this.send({ type: 'clear' });
    await Promise.all([...this.writes]);
  }

  runs(): 'worker' | 'this thread' {
    return this.worker ? 'worker' : 'this thread';
  }

  dispose(): void {
    this.disposed = true;
    const worker = this.worker;
    this.worker = undefined;
    worker?.terminate();
  }

  private failure(response: Response): Error {
    return new Error(response.type === 'error' ? response.message : `the index worker answered ${response.type}`);
  }

  private receive(response: Response): void {
    if (response.id === 0) {
      if (response.type === 'log') this.log(response.message);
      else if (response.type === 'cacheWritten') this.store(response.cache, response.bytes);
      return;
    }
    const waiting = this.waiting.get(response.id);
    if (!waiting) return;
    if (response.type === 'outcomes') return waiting.onPart?.(response);
    this.waiting.delete(response.id);
    waiting.resolve(response);
  }

  /** Stores a cache a worker with no disk wrote; `save` waits for it. */
  private store(cache: CacheName, bytes: Uint8Array | undefined): void {
    if (!this.persist) return;
    const write: Promise<void> = this.persist(cache, bytes)
      .catch((e: unknown) => this.log(`Cache not stored: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => this.writes.delete(write));
    this.writes.add(write);
  }

  private send(request: RequestBody, onPart?: (response: Response) => void): Promise<Response> {
    return new Promise((resolve) => {
      const id = this.nextId++;
      if (!this.worker) return this.runHere(id, { request, onPart, resolve });
      this.waiting.set(id, { request, onPart, resolve });
      this.worker.post({ ...request, id } as Request);
    });
  }

  /** The worker's work on this thread. */
  private runHere(id: number, waiting: Waiting): void {
    // Requests are asynchronous (PDFs and Word documents are read so): the queue answers them in order.
    this.hereQueue ??= new RequestQueue(
      () => (this.fallback ??= createWorkerCore(this.options, this.log, this.platform((cache, bytes) => this.store(cache, bytes)))),
      () => undefined,
    );
    this.hereQueue.add({ ...waiting.request, id } as Request, (response) => {
      if (response.type === 'outcomes') waiting.onPart?.(response);
      else if (response.id === 0) this.receive(response);
      else waiting.resolve(response);
    });
  }

  private fallBack(reason: string): void {
    // A worker ended by dispose() exits too; that is no failure.
    if (this.disposed || this.fellBack) return;
    this.fellBack = true;
    this.worker = undefined;
    this.log(`${reason}; indexing on the extension host's thread from now on.`);
    // What the worker had not answered is done here (its corpus is rebuilt by the next scan).
    for (const [id, waiting] of this.waiting) this.runHere(id, waiting);
    this.waiting.clear();
  }
}
