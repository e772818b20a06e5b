import { describe, expect, it } from 'vitest';
import type { WeakSecretReply, WeakSecretRequest } from './weak-secret.worker.ts';
import { poolSize, WeakSecretPool, type PoolEvent, type PoolWorker } from './weak-secret-pool.ts';

class FakeWorker implements PoolWorker {
  onmessage: ((event: MessageEvent<WeakSecretReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly received: WeakSecretRequest[] = [];
  terminated = false;
  postMessage(message: WeakSecretRequest): void {
    this.received.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(reply: WeakSecretReply): void {
    this.onmessage?.({ data: reply } as MessageEvent<WeakSecretReply>);
  }
  /** The id of the last scan request this worker got. */
  lastScanId(): number {
    const scans = this.received.filter((r) => r.type !== 'load');
    return scans[scans.length - 1]!.id;
  }
}

function setup(warm = true) {
  const workers: FakeWorker[] = [];
  const scheduled: (() => void)[] = [];
  const pool = new WeakSecretPool({
    startWorker: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
    size: 2,
    wordlistUrl: 'https://app.example/wordlists/jwt-secrets.txt',
    warm,
    schedule: (task) => scheduled.push(task),
  });
  const events: PoolEvent[] = [];
  const job = {
    type: 'scan-bundled',
    alg: 'HS256',
    signingInput: 'h.p',
    signature: new Uint8Array(32),
  } as const;
  const runScan = () => pool.scan(job, (event) => events.push(event));
  return { pool, workers, scheduled, events, runScan };
}

describe('WeakSecretPool', () => {
  it('starts lazily, loads and warms once, and resolves ready when every worker is', async () => {
    const { pool, workers } = setup();
    expect(workers).toHaveLength(0);
    pool.warm();
    pool.warm();
    expect(workers).toHaveLength(2);
    for (const worker of workers) {
      expect(worker.received).toEqual([
        {
          type: 'load',
          wordlistUrl: 'https://app.example/wordlists/jwt-secrets.txt',
          warmUp: true,
        },
      ]);
    }
    let ready = false;
    void pool.ready().then(() => (ready = true));
    workers[0]!.reply({ type: 'ready', ok: true });
    await Promise.resolve();
    expect(ready).toBe(false);
    workers[1]!.reply({ type: 'ready', ok: true });
    await Promise.resolve();
    await Promise.resolve();
    expect(ready).toBe(true);
  });

  it('shards a scan, sums progress and totals, and keeps the workers after not-found', () => {
    const { workers, events, runScan } = setup();
    runScan();
    expect(workers).toHaveLength(2);
    const [a, b] = workers as [FakeWorker, FakeWorker];
    const scanA = a.received[1]!;
    const scanB = b.received[1]!;
    expect(scanA).toMatchObject({ type: 'scan-bundled', shard: { index: 0, count: 2 } });
    expect(scanB).toMatchObject({ type: 'scan-bundled', shard: { index: 1, count: 2 } });
    const id = a.lastScanId();
    expect(b.lastScanId()).toBe(id);

    a.reply({ type: 'progress', id, tried: 0, total: 6 });
    expect(events.at(-1)).toEqual({ status: 'scanning', tried: 0, total: null });
    b.reply({ type: 'progress', id, tried: 2, total: 5 });
    expect(events.at(-1)).toEqual({ status: 'scanning', tried: 2, total: 11 });
    a.reply({ type: 'done', id, tried: 6 });
    expect(events.at(-1)?.status).toBe('scanning');
    b.reply({ type: 'done', id, tried: 5 });
    expect(events.at(-1)).toEqual({ status: 'not-found', tried: 11 });

    // The same warm workers serve the next scan, with a new id.
    runScan();
    expect(workers).toHaveLength(2);
    expect(a.terminated).toBe(false);
    expect(a.lastScanId()).not.toBe(id);
  });

  it('ignores replies that carry another scan’s id', () => {
    const { workers, events, runScan } = setup();
    runScan();
    const [a, b] = workers as [FakeWorker, FakeWorker];
    const id = a.lastScanId();
    a.reply({ type: 'done', id, tried: 1 });
    b.reply({ type: 'done', id, tried: 1 });
    const count = events.length;
    runScan();
    const next = a.lastScanId();
    a.reply({ type: 'found', id, secret: 'stale', tried: 1 });
    b.reply({ type: 'failed', id, message: 'stale' });
    a.reply({ type: 'progress', id: id + 100, tried: 5 });
    expect(events).toHaveLength(count);
    a.reply({ type: 'found', id: next, secret: 'fresh', tried: 3 });
    expect(events.at(-1)).toEqual({ status: 'found', secret: 'fresh', tried: 3 });
  });

  it('stop terminates a running scan at once and re-warms in the background', () => {
    const { workers, events, scheduled, runScan } = setup();
    const scan = runScan();
    const [a, b] = workers as [FakeWorker, FakeWorker];
    const id = a.lastScanId();
    a.reply({ type: 'progress', id, tried: 4096 });
    expect(scan.stop()).toBe(4096);
    expect(a.terminated && b.terminated).toBe(true);
    expect(workers).toHaveLength(2); // not yet: the re-warm is scheduled
    a.reply({ type: 'found', id, secret: 'late', tried: 4097 });
    expect(events.map((e) => e.status)).toEqual(['scanning']);
    expect(scheduled).toHaveLength(1);
    scheduled[0]!();
    expect(workers).toHaveLength(4);
    expect(workers[2]!.received[0]).toMatchObject({ type: 'load', warmUp: true });
    // A stop after the scan ended changes nothing.
    expect(scan.stop()).toBe(4096);
    expect(workers[2]!.terminated).toBe(false);
  });

  it('a newer scan supersedes a running one: terminated, replaced, new id', () => {
    const { workers, events, scheduled, runScan } = setup();
    runScan();
    const old = workers[0]!.lastScanId();
    runScan();
    expect(workers[0]!.terminated && workers[1]!.terminated).toBe(true);
    expect(workers).toHaveLength(4);
    expect(workers[2]!.lastScanId()).toBe(old + 1);
    for (const task of scheduled) task(); // the background re-warm finds workers running
    expect(workers).toHaveLength(4);
    workers[0]!.reply({ type: 'done', id: old, tried: 1 });
    expect(events.every((e) => e.status === 'scanning')).toBe(true);
  });

  it('a hit while another shard is running stops that shard; a failure fails the scan', () => {
    const { workers, events, runScan } = setup();
    runScan();
    const id = workers[0]!.lastScanId();
    workers[1]!.reply({ type: 'progress', id, tried: 10 });
    workers[0]!.reply({ type: 'found', id, secret: 's', tried: 3 });
    expect(events.at(-1)).toEqual({ status: 'found', secret: 's', tried: 13 });
    expect(workers[1]!.terminated).toBe(true);

    runScan();
    const next = workers[2]!.lastScanId();
    workers[3]!.reply({ type: 'failed', id: next, message: 'bad' });
    expect(events.at(-1)).toEqual({ status: 'failed', message: 'bad', tried: 0 });
    expect(workers[2]!.terminated).toBe(true);
  });

  it('a worker error fails the scan and does not restart in a loop', () => {
    const { workers, events, scheduled, runScan } = setup();
    runScan();
    workers[1]!.onerror?.({} as ErrorEvent);
    expect(events.at(-1)).toMatchObject({ status: 'failed', tried: 0 });
    expect(workers[0]!.terminated).toBe(true);
    expect(scheduled).toHaveLength(0);
    runScan();
    expect(workers).toHaveLength(4);
  });

  it('a one-off pool (warm: false) loads nothing up front and never re-warms', () => {
    const { pool, workers, scheduled, runScan } = setup(false);
    const scan = runScan();
    expect(workers[0]!.received.map((r) => r.type)).toEqual(['scan-bundled']);
    scan.stop();
    expect(scheduled).toHaveLength(0);
    pool.dispose();
    pool.warm();
    expect(workers).toHaveLength(2);
  });

  it('poolSize: one per core, at least 1, at most 4, 2 when unknown', () => {
    expect([undefined, 0, 1, 2, 3, 4, 16].map(poolSize)).toEqual([2, 2, 1, 2, 3, 4, 4]);
  });
});
