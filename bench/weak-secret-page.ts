/// <reference types="vite/client" />
// The browser half of the weak-secret bench: the app's warm worker pool (weak-secret-pool.ts,
// the real weak-secret.worker.ts started the way the app starts it: startModuleWorker + a
// `?worker&url` import, one per core) over the bundled list, as a user gets it: the pool starts
// warming when this page opens, as it does when the JWT page mounts; then a cold one-off pool
// (startup + fetch + cold JIT per scan); plus the same scan on the main thread in pure JS and
// with Web Crypto, for context.
import { createHmacTester } from '../src/lib/crypto/hmac-sha2.ts';
import { startModuleWorker } from '../src/lib/worker.ts';
import { scanCandidates, WEAK_SECRET_ALGORITHMS } from '../src/tools/jwt/weak-secret.ts';
import type { WeakSecretAlgorithm } from '../src/tools/jwt/weak-secret.ts';
import { poolSize, WeakSecretPool, type PoolEvent } from '../src/tools/jwt/weak-secret-pool.ts';
import weakSecretWorkerUrl from '../src/tools/jwt/weak-secret.worker.ts?worker&url';

export const WORDLIST_URL = '/wordlists/jwt-secrets.txt';

export interface ScanJob {
  readonly alg: WeakSecretAlgorithm;
  readonly signingInput: string;
  /** The signature bytes (a plain array: it crosses the Playwright bridge as JSON). */
  readonly signature: readonly number[];
}

export interface ScanTiming {
  readonly found: string | null;
  readonly tried: number;
  /** From the scan request (the token pasted) to the answer, or from the loop's start to its end. */
  readonly wallMs: number;
  readonly workers: number;
}

declare global {
  interface Window {
    weakSecretReady?: true;
    weakSecretCores: () => number;
    /** ms from this page's script starting the pool to every worker having loaded and warmed up. */
    weakSecretPoolReady: () => Promise<number>;
    weakSecretWarmPool: (job: ScanJob) => Promise<ScanTiming>;
    weakSecretColdPool: (job: ScanJob) => Promise<ScanTiming>;
    weakSecretMainThread: (job: ScanJob) => Promise<ScanTiming>;
    weakSecretWebCrypto: (job: ScanJob) => Promise<ScanTiming>;
  }
}

let candidates: string[] | null = null;
/** The list for the main-thread rows, fetched once and outside their clocks. */
async function bundledCandidates(): Promise<string[]> {
  if (candidates) return candidates;
  const response = await fetch(WORDLIST_URL);
  if (!response.ok) throw new Error(`wordlist: HTTP ${response.status}`);
  candidates = (await response.text()).split('\n').filter((line) => line !== '');
  return candidates;
}

window.weakSecretCores = () => navigator.hardwareConcurrency;

const size = poolSize(navigator.hardwareConcurrency);
const options = (warm: boolean) => ({
  startWorker: () => startModuleWorker(weakSecretWorkerUrl),
  size,
  wordlistUrl: WORDLIST_URL,
  warm,
});

/** The app's pool, warming from page open as the JWT page's is from mount. */
const warmPool = new WeakSecretPool(options(true));
const pageStarted = performance.now();
warmPool.warm();
const firstReady = warmPool.ready().then(() => performance.now() - pageStarted);

window.weakSecretPoolReady = async () => {
  const ms = await firstReady;
  // After a hit the pool is replaced (the other shard is terminated): wait for the new one too.
  await warmPool.ready();
  return ms;
};

function timeScan(pool: WeakSecretPool, job: ScanJob): Promise<ScanTiming> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const done = (found: string | null, tried: number) => {
      resolve({ found, tried, wallMs: performance.now() - started, workers: size });
    };
    pool.scan(
      {
        type: 'scan-bundled',
        alg: job.alg,
        signingInput: job.signingInput,
        signature: Uint8Array.from(job.signature),
      },
      (event: PoolEvent) => {
        if (event.status === 'found') done(event.secret, event.tried);
        else if (event.status === 'not-found') done(null, event.tried);
        else if (event.status === 'failed') reject(new Error(event.message));
      },
    );
  });
}

/** What a user gets: the token's scan on the pool that warmed while the page was being read. */
window.weakSecretWarmPool = (job) => timeScan(warmPool, job);

/** A pool started for this scan alone: worker startup, the list's fetch and a cold JIT included. */
window.weakSecretColdPool = async (job) => {
  const pool = new WeakSecretPool(options(false));
  try {
    return await timeScan(pool, job);
  } finally {
    pool.dispose();
  }
};

window.weakSecretMainThread = async (job) => {
  const list = await bundledCandidates();
  const started = performance.now();
  const tester = createHmacTester(
    WEAK_SECRET_ALGORITHMS[job.alg],
    new TextEncoder().encode(job.signingInput),
    Uint8Array.from(job.signature),
  );
  const { found, tried } = scanCandidates(tester, list);
  return { found, tried, wallMs: performance.now() - started, workers: 0 };
};

/** Web Crypto needs a key object per candidate: importKey + sign each time, 64 in flight. */
window.weakSecretWebCrypto = async (job) => {
  const list = await bundledCandidates();
  const started = performance.now();
  const encoder = new TextEncoder();
  const data = encoder.encode(job.signingInput);
  const expected = Uint8Array.from(job.signature);
  const hash = WEAK_SECRET_ALGORITHMS[job.alg];
  const matches = async (candidate: string) => {
    const key = await crypto.subtle.importKey(
      'raw',
      encoder.encode(candidate),
      { name: 'HMAC', hash },
      false,
      ['sign'],
    );
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, data));
    return mac.length === expected.length && mac.every((byte, i) => byte === expected[i]);
  };
  const batch = 64;
  let tried = 0;
  for (let at = 0; at < list.length; at += batch) {
    const slice = list.slice(at, at + batch);
    const results = await Promise.all(slice.map(matches));
    const hit = results.indexOf(true);
    if (hit !== -1) {
      return {
        found: slice[hit]!,
        tried: tried + hit + 1,
        wallMs: performance.now() - started,
        workers: 0,
      };
    }
    tried += slice.length;
  }
  return { found: null, tried, wallMs: performance.now() - started, workers: 0 };
};

window.weakSecretReady = true;
