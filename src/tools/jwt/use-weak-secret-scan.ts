// Runs the offline weak-secret scan for an HS* token: one worker per core, each taking a shard of
// the bundled wordlist (or of a file the user drops), stopped at the first hit or on Cancel.
// The bundled list is scanned by a module-level pool of warm workers (weak-secret-pool.ts),
// started when the JWT page mounts; a user's file is streamed by a one-off pool of fresh workers,
// ended with its scan, so that cancelling a long file scan never costs the warm pool.
import { useEffect, useState } from 'react';
import { startModuleWorker } from '../../lib/worker.ts';
import type { DecodedJws } from './types.ts';
import { isWeakSecretAlgorithm, type WeakSecretAlgorithm } from './weak-secret.ts';
import {
  poolSize,
  WeakSecretPool,
  type PoolEvent,
  type PoolJob,
  type PoolScan,
} from './weak-secret-pool.ts';
import weakSecretWorkerUrl from './weak-secret.worker.ts?worker&url';

/** public/wordlists/jwt-secrets.txt, resolved against the page so it works under any sub-path. */
const BUNDLED_WORDLIST = 'wordlists/jwt-secrets.txt';

function poolOptions(warm: boolean) {
  return {
    startWorker: () => startModuleWorker(weakSecretWorkerUrl),
    size: poolSize(navigator.hardwareConcurrency),
    wordlistUrl: new URL(BUNDLED_WORDLIST, document.baseURI).href,
    warm,
  };
}

let bundledPool: WeakSecretPool | null = null;

/** The warm pool for the bundled list, created on first use; null where there are no workers. */
function warmPool(): WeakSecretPool | null {
  if (typeof Worker === 'undefined') return null;
  bundledPool ??= new WeakSecretPool(poolOptions(true));
  return bundledPool;
}

/**
 * Starts the bundled-list workers (load, pack, JIT warm-up) if they are not running: called when
 * the JWT page mounts, so the first token's scan finds them ready.
 */
function warmWeakSecretPool(): void {
  warmPool()?.warm();
}
/**
 * Every candidate re-hashes the whole signing input, so a 1 MiB token would keep the CPU busy
 * for minutes: above this size the scan waits for the user to ask. Real tokens are under 8 KiB.
 */
export const AUTO_SCAN_MAX_CHARS = 64 * 1024;

export type ScanSource = 'the bundled wordlist' | `the file ${string}`;

type ScanProgress =
  | { readonly status: 'scanning'; readonly tried: number; readonly total: number | null }
  | { readonly status: 'found'; readonly secret: string; readonly tried: number }
  | { readonly status: 'not-found'; readonly tried: number }
  | { readonly status: 'cancelled'; readonly tried: number }
  | { readonly status: 'failed'; readonly message: string; readonly tried: number };

export type WeakSecretScan =
  | { readonly status: 'not-applicable'; readonly scanFile: (file: File) => void }
  | {
      readonly status: 'waiting';
      readonly signingInputLength: number;
      readonly start: () => void;
      readonly scanFile: (file: File) => void;
    }
  | (ScanProgress & {
      readonly source: ScanSource;
      readonly cancel: () => void;
      readonly scanFile: (file: File) => void;
    });

interface Target {
  readonly key: string;
  readonly alg: WeakSecretAlgorithm;
  readonly signingInput: string;
  readonly signature: Uint8Array;
}

function scanTarget(token: DecodedJws | null): Target | null {
  const alg = token?.header?.alg;
  if (!token || !isWeakSecretAlgorithm(alg) || !token.signature || token.signature.length === 0) {
    return null;
  }
  return {
    key: `${alg}.${token.signingInput}.${token.segments[2]}`,
    alg,
    signingInput: token.signingInput,
    signature: token.signature,
  };
}

export function useWeakSecretScan(token: DecodedJws | null): WeakSecretScan {
  const target = scanTarget(token);
  const targetKey = target?.key ?? null;
  const [chosenFile, setChosenFile] = useState<{ key: string; file: File } | null>(null);
  const file = chosenFile && chosenFile.key === targetKey ? chosenFile.file : null;
  const [startedKey, setStartedKey] = useState<string | null>(null);
  const waiting =
    target !== null &&
    file === null &&
    startedKey !== target.key &&
    target.signingInput.length > AUTO_SCAN_MAX_CHARS;
  const [reported, setReported] = useState<{
    key: string;
    file: File | null;
    progress: ScanProgress;
    cancel: () => void;
  } | null>(null);

  useEffect(() => {
    warmWeakSecretPool();
  }, []);

  useEffect(() => {
    if (!target || waiting) return;
    let ended = false;
    let handle: PoolScan | null = null;
    const report = (progress: ScanProgress) => {
      setReported({ key: target.key, file, progress, cancel });
    };
    const cancel = () => {
      if (ended) return;
      ended = true;
      const tried = handle ? handle.stop() : 0;
      if (file) pool?.dispose();
      report({ status: 'cancelled', tried });
    };
    const pool = file ? new WeakSecretPool(poolOptions(false)) : warmPool();
    if (!pool) {
      report({ status: 'failed', message: 'this browser has no Web Workers', tried: 0 });
      return;
    }
    const onEvent = (event: PoolEvent) => {
      if (ended) return;
      if (event.status !== 'scanning') {
        ended = true;
        if (file) pool.dispose();
      }
      report(event);
    };
    const base = {
      alg: target.alg,
      signingInput: target.signingInput,
      signature: target.signature,
    };
    const job: PoolJob = file
      ? { ...base, type: 'scan-file', file }
      : { ...base, type: 'scan-bundled' };
    report({ status: 'scanning', tried: 0, total: null });
    const scan = pool.scan(job, onEvent);
    handle = scan;
    return () => {
      if (!ended) {
        ended = true;
        scan.stop();
      }
      if (file) pool.dispose();
    };
    // target is derived from targetKey; re-running on the key alone avoids restarting on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [targetKey, file, waiting]);

  const scanFile = (chosen: File) => {
    if (targetKey) setChosenFile({ key: targetKey, file: chosen });
  };
  if (!target) return { status: 'not-applicable', scanFile };
  if (waiting) {
    const start = () => {
      setStartedKey(target.key);
    };
    return { status: 'waiting', signingInputLength: target.signingInput.length, start, scanFile };
  }
  const source: ScanSource = file ? `the file ${file.name}` : 'the bundled wordlist';
  if (reported && reported.key === target.key && reported.file === file) {
    return { ...reported.progress, source, cancel: reported.cancel, scanFile };
  }
  return { status: 'scanning', tried: 0, total: null, source, cancel: () => undefined, scanFile };
}
