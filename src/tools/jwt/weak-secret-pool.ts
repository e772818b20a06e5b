// A pool of weak-secret workers kept warm between scans: each has the bundled list packed and its
// JIT warmed up before the first token arrives, so a scan is only the hashing. One scan at a
// time; each has an id, and a reply with another id (from a scan that was superseded) is dropped.
// Stopping a scan that is still running (cancel, a newer token, a hit while other shards are
// still going) terminates the workers, which stops them at once, and builds a new warm pool in
// the background. Only a scan that ends with every shard done leaves the pool as it is.
import type { WeakSecretAlgorithm } from './weak-secret.ts';
import type { WeakSecretReply, WeakSecretRequest } from './weak-secret.worker.ts';

/** What the pool needs of a Worker (a fake in unit tests). */
export interface PoolWorker {
  onmessage: ((event: MessageEvent<WeakSecretReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: WeakSecretRequest): void;
  terminate(): void;
}

export interface PoolOptions {
  readonly startWorker: () => PoolWorker;
  readonly size: number;
  /** The bundled list: with `warm`, loaded and packed by every worker as soon as it starts. */
  readonly wordlistUrl: string;
  /**
   * Load the list and run a dummy scan as soon as a worker starts, and re-warm in the background
   * after a terminate. Without it (a one-off pool for a user's file) workers only start.
   */
  readonly warm: boolean;
  /** Runs the background re-warm later (default: a zero-delay timeout). */
  readonly schedule?: (task: () => void) => void;
}

export type PoolJob = {
  readonly alg: WeakSecretAlgorithm;
  readonly signingInput: string;
  readonly signature: Uint8Array;
} & ({ readonly type: 'scan-bundled' } | { readonly type: 'scan-file'; readonly file: File });

export type PoolEvent =
  | { readonly status: 'scanning'; readonly tried: number; readonly total: number | null }
  | { readonly status: 'found'; readonly secret: string; readonly tried: number }
  | { readonly status: 'not-found'; readonly tried: number }
  | { readonly status: 'failed'; readonly message: string; readonly tried: number };

export interface PoolScan {
  /** Stops the scan at once (if it is still running) and returns the candidates tried so far. */
  stop(): number;
}

interface Active {
  readonly id: number;
  readonly onEvent: (event: PoolEvent) => void;
  readonly tried: number[];
  readonly shardTotals: (number | undefined)[];
  readonly finished: boolean[];
  /** A file's candidates, estimated from the share of its bytes read. */
  fileTotal: number | null;
}

export class WeakSecretPool {
  private workers: PoolWorker[] | null = null;
  private readyPromise: Promise<void> | null = null;
  private active: Active | null = null;
  private lastId = 0;
  private disposed = false;
  private readonly options: PoolOptions;

  constructor(options: PoolOptions) {
    this.options = options;
  }

  /** Starts the workers (and their load and warm-up) unless they are running already. */
  warm(): void {
    if (this.disposed || this.workers) return;
    const { size, startWorker, wordlistUrl, warm } = this.options;
    const workers = Array.from({ length: size }, () => startWorker());
    this.workers = workers;
    let resolveReady!: () => void;
    this.readyPromise = new Promise((resolve) => (resolveReady = resolve));
    let ready = 0;
    if (!warm) resolveReady();
    workers.forEach((worker, index) => {
      worker.onmessage = (event) => {
        const reply = event.data;
        if (reply.type === 'ready') {
          if (++ready === size) resolveReady();
          return;
        }
        this.onReply(index, reply);
      };
      worker.onerror = () => {
        this.onWorkerError(workers);
      };
      if (warm) worker.postMessage({ type: 'load', wordlistUrl, warmUp: true });
    });
  }

  /** Resolves when every current worker has answered its 'load' (for the bench). */
  ready(): Promise<void> {
    this.warm();
    return this.readyPromise ?? Promise.resolve();
  }

  /** Starts a scan, superseding (and so stopping) any scan still running. */
  scan(job: PoolJob, onEvent: (event: PoolEvent) => void): PoolScan {
    if (this.active) this.replace();
    this.warm();
    const workers = this.workers ?? [];
    const count = workers.length;
    const active: Active = {
      id: ++this.lastId,
      onEvent,
      tried: new Array<number>(count).fill(0),
      shardTotals: new Array<number | undefined>(count).fill(undefined),
      finished: new Array<boolean>(count).fill(false),
      fileTotal: null,
    };
    this.active = active;
    workers.forEach((worker, index) => {
      const base = {
        id: active.id,
        alg: job.alg,
        signingInput: job.signingInput,
        signature: job.signature,
        shard: { index, count },
      };
      worker.postMessage(
        job.type === 'scan-file'
          ? { ...base, type: 'scan-file', file: job.file }
          : { ...base, type: 'scan-bundled', wordlistUrl: this.options.wordlistUrl },
      );
    });
    return {
      stop: () => {
        const tried = sum(active.tried);
        if (this.active === active) this.replace();
        return tried;
      },
    };
  }

  /** Terminates the workers for good. */
  dispose(): void {
    this.disposed = true;
    this.active = null;
    for (const worker of this.workers ?? []) worker.terminate();
    this.workers = null;
  }

  /** Terminates the workers (ending the active scan silently) and re-warms in the background. */
  private replace(): void {
    this.active = null;
    for (const worker of this.workers ?? []) worker.terminate();
    this.workers = null;
    this.readyPromise = null;
    if (this.options.warm && !this.disposed) {
      const schedule = this.options.schedule ?? ((task) => setTimeout(task, 0));
      schedule(() => {
        this.warm();
      });
    }
  }

  private onWorkerError(workers: PoolWorker[]): void {
    if (this.workers !== workers) return;
    const active = this.active;
    // No automatic re-warm: a worker that cannot start would fail again in a loop.
    this.active = null;
    for (const worker of workers) worker.terminate();
    this.workers = null;
    this.readyPromise = null;
    active?.onEvent({
      status: 'failed',
      message: 'a background worker stopped unexpectedly',
      tried: sum(active.tried),
    });
  }

  private onReply(index: number, reply: Exclude<WeakSecretReply, { type: 'ready' }>): void {
    const active = this.active;
    if (!active || reply.id !== active.id) return; // a superseded scan's late reply
    if (reply.type === 'failed') {
      this.replace();
      active.onEvent({ status: 'failed', message: reply.message, tried: sum(active.tried) });
      return;
    }
    active.tried[index] = reply.tried;
    if (reply.type === 'progress') {
      if (reply.total !== undefined) active.shardTotals[index] = reply.total;
      if (reply.totalBytes !== undefined && reply.bytesRead !== undefined && reply.bytesRead > 0) {
        active.fileTotal = Math.round((sum(active.tried) * reply.totalBytes) / reply.bytesRead);
      }
      const known = active.shardTotals.every((t) => t !== undefined);
      const total = known ? sum(active.shardTotals) : active.fileTotal;
      active.onEvent({ status: 'scanning', tried: sum(active.tried), total });
    } else if (reply.type === 'found') {
      active.finished[index] = true;
      // The other shards may still be hashing: stop them now rather than let them run on.
      if (active.finished.every(Boolean)) this.active = null;
      else this.replace();
      active.onEvent({ status: 'found', secret: reply.secret, tried: sum(active.tried) });
    } else {
      active.finished[index] = true;
      if (active.finished.every(Boolean)) {
        this.active = null;
        active.onEvent({ status: 'not-found', tried: sum(active.tried) });
      }
    }
  }
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** Workers for this machine: one per core, at least 1, at most 4. */
export function poolSize(hardwareConcurrency: number | undefined): number {
  return Math.min(Math.max(hardwareConcurrency || 2, 1), 4);
}
