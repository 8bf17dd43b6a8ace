// The extension host's side of the index worker. If the worker cannot start or dies, the
// same work runs on this thread (slower, and said so in the log): nothing is lost.
import { Worker } from 'node:worker_threads';
import type { FigureGroup } from '../core/figures/corpus-figures';
import type { FileOutcome, FileToIndex } from './index-worker-core';
import { createWorkerCore, RequestQueue } from './index-worker-handler';
import type { Request, Response, ScanStats, WorkerOptions } from './protocol';

type RequestBody = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;
/** Batches of scan outcomes the worker may send ahead of the host. */
const BATCHES_IN_FLIGHT = 2;

type Waiting = { request: RequestBody; onPart?: (response: Response) => void; resolve: (response: Response) => void };

/** What the corpus service needs of the worker (a test may stand in another implementation). */
export interface IndexWorker {
  /** Makes the worker's corpus exactly `files`; outcomes arrive through `onOutcomes` in batches. */
  scan(files: FileToIndex[], maxBytes: number, onOutcomes: (outcomes: FileOutcome[]) => void): Promise<ScanStats>;
  update(files: FileToIndex[], maxBytes: number): Promise<FileOutcome[]>;
  parseBytes(location: string, bytes: Uint8Array, bibliography?: boolean): Promise<FileOutcome>;
  forget(locations: string[]): Promise<void>;
  /** The search index over the worker's corpus, as bytes, and whether it came from the cache. */
  index(): Promise<{ bytes: Uint8Array; reused: boolean }>;
  /** The corpus's figures by what they count (places without their sentence text). */
  figures(): Promise<FigureGroup[]>;
  save(): Promise<void>;
  clear(): Promise<void>;
  dispose(): void;
}

export class IndexWorkerClient implements IndexWorker {
  private worker: Worker | undefined;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private fallback: ReturnType<typeof createWorkerCore> | undefined;
  private hereQueue: RequestQueue | undefined;
  private disposed = false;
  private readonly credits = new Int32Array(new SharedArrayBuffer(4));
  private fellBack = false;

  constructor(
    workerPath: string,
    private readonly options: WorkerOptions,
    private readonly log: (message: string) => void,
  ) {
    try {
      Atomics.store(this.credits, 0, BATCHES_IN_FLIGHT);
      this.worker = new Worker(workerPath, { workerData: { ...options, credits: this.credits.buffer } });
      this.worker.on('message', (response: Response) => this.receive(response));
      this.worker.on('error', (e) => this.fallBack(`the index worker failed: ${e.message}`));
      this.worker.on('exit', (code) => this.fallBack(`the index worker exited (${code})`));
    } catch (e) {
      this.fallBack(`the index worker could not start: ${e instanceof Error ? e.message : String(e)}`);
    }
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

  async parseBytes(location: string, bytes: Uint8Array, bibliography?: boolean): Promise<FileOutcome> {
    const response = await this.send({ type: 'parseBytes', location, bytes, ...(bibliography ? { bibliography } : {}) });
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
    if (response.type === 'done' && response.info) this.log(`Caches ${response.info}.`);
    if (response.type === 'error') this.log(`Caches not saved: ${response.message}`);
  }

  async clear(): Promise<void> {
    await this.send({ type: 'clear' });
  }

  dispose(): void {
    this.disposed = true;
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
  }

  private failure(response: Response): Error {
    return new Error(response.type === 'error' ? response.message : `the index worker answered ${response.type}`);
  }

  private receive(response: Response): void {
    if (response.id === 0) {
      if (response.type === 'log') this.log(response.message);
      return;
    }
    if (response.type === 'outcomes') {
      // The next batch may come once other work (timers, input) has had its turn.
      setImmediate(() => {
        Atomics.add(this.credits, 0, 1);
        Atomics.notify(this.credits, 0);
      });
    }
    const waiting = this.waiting.get(response.id);
    if (!waiting) return;
    if (response.type === 'outcomes') return waiting.onPart?.(response);
    this.waiting.delete(response.id);
    waiting.resolve(response);
  }

  private send(request: RequestBody, onPart?: (response: Response) => void): Promise<Response> {
    return new Promise((resolve) => {
      const id = this.nextId++;
      if (!this.worker) return this.runHere(id, { request, onPart, resolve });
      this.waiting.set(id, { request, onPart, resolve });
      this.worker.postMessage({ ...request, id });
    });
  }

  /** The worker's work on this thread. */
  private runHere(id: number, waiting: Waiting): void {
    this.hereQueue ??= new RequestQueue(
      () => (this.fallback ??= createWorkerCore(this.options, this.log)),
      () => undefined,
    );
    this.hereQueue.add({ ...waiting.request, id } as Request, (response) => {
      if (response.type === 'outcomes') waiting.onPart?.(response);
      else if (response.type === 'log') this.log(response.message);
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
