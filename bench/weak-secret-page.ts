/// <reference types="vite/client" />
// The browser half of the weak-secret bench: the real weak-secret.worker.ts, started the way the
// app starts it (startModuleWorker + a `?worker&url` import), one per core, over the bundled list;
// plus the same scan on the main thread in pure JS and with Web Crypto, for context.
import { createHmacTester } from '../src/lib/crypto/hmac-sha2.ts';
import { startModuleWorker } from '../src/lib/worker.ts';
import { scanCandidates, WEAK_SECRET_ALGORITHMS } from '../src/tools/jwt/weak-secret.ts';
import type { WeakSecretAlgorithm } from '../src/tools/jwt/weak-secret.ts';
import weakSecretWorkerUrl from '../src/tools/jwt/weak-secret.worker.ts?worker&url';
import type { WeakSecretReply, WeakSecretRequest } from '../src/tools/jwt/weak-secret.worker.ts';

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
  /** From starting the first worker (or the loop) to the last answer. */
  readonly wallMs: number;
  /**
   * Workers only: the slowest worker's time from its first progress message (sent once the
   * list's response has arrived, so after startup and the fetch's round trip) to its answer.
   */
  readonly scanMs: number | null;
  readonly workers: number;
}

declare global {
  interface Window {
    weakSecretReady?: true;
    weakSecretCores: () => number;
    weakSecretWorkers: (job: ScanJob, workers: number) => Promise<ScanTiming>;
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

window.weakSecretWorkers = (job, count) =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const workers: Worker[] = [];
    const scanStart: number[] = [];
    const scanEnd: number[] = [];
    let tried = 0;
    let answered = 0;
    const finish = (found: string | null) => {
      for (const worker of workers) worker.terminate();
      const wallMs = performance.now() - started;
      const per = scanEnd.map((end, i) => end - (scanStart[i] ?? end));
      resolve({ found, tried, wallMs, scanMs: Math.max(...per), workers: count });
    };
    for (let index = 0; index < count; index++) {
      const worker = startModuleWorker(weakSecretWorkerUrl);
      workers.push(worker);
      worker.onerror = (event) => {
        for (const w of workers) w.terminate();
        reject(new Error(`worker ${index} failed: ${event.message}`));
      };
      worker.onmessage = (event: MessageEvent<WeakSecretReply>) => {
        const reply = event.data;
        const now = performance.now();
        if (reply.type === 'progress') {
          if (reply.tried === 0) scanStart[index] = now;
          return;
        }
        if (reply.type === 'failed') {
          for (const w of workers) w.terminate();
          reject(new Error(`worker ${index}: ${reply.message}`));
          return;
        }
        scanEnd[index] = now;
        tried += reply.tried;
        answered++;
        // The hook's behaviour: the first find ends the scan; the other workers are terminated.
        if (reply.type === 'found') finish(reply.secret);
        else if (answered === count) finish(null);
      };
      const request: WeakSecretRequest = {
        type: 'scan-bundled',
        alg: job.alg,
        signingInput: job.signingInput,
        signature: Uint8Array.from(job.signature),
        wordlistUrl: WORDLIST_URL,
        shard: { index, count },
      };
      worker.postMessage(request);
    }
  });

window.weakSecretMainThread = async (job) => {
  const list = await bundledCandidates();
  const started = performance.now();
  const tester = createHmacTester(
    WEAK_SECRET_ALGORITHMS[job.alg],
    new TextEncoder().encode(job.signingInput),
    Uint8Array.from(job.signature),
  );
  const { found, tried } = scanCandidates(tester, list);
  return { found, tried, wallMs: performance.now() - started, scanMs: null, workers: 0 };
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
        scanMs: null,
        workers: 0,
      };
    }
    tried += slice.length;
  }
  return { found: null, tried, wallMs: performance.now() - started, scanMs: null, workers: 0 };
};

window.weakSecretReady = true;
