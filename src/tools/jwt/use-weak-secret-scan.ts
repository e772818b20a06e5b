// Runs the offline weak-secret scan for an HS* token: one worker per core, each taking a shard of
// the bundled wordlist (or of a file the user drops), stopped at the first hit or on Cancel.
import { useEffect, useState } from 'react';
import { startModuleWorker } from '../../lib/worker.ts';
import type { DecodedJws } from './types.ts';
import { isWeakSecretAlgorithm, type WeakSecretAlgorithm } from './weak-secret.ts';
import type { WeakSecretReply, WeakSecretRequest } from './weak-secret.worker.ts';
import weakSecretWorkerUrl from './weak-secret.worker.ts?worker&url';

/** public/wordlists/jwt-secrets.txt, resolved against the page so it works under any sub-path. */
const BUNDLED_WORDLIST = 'wordlists/jwt-secrets.txt';
const MAX_WORKERS = 4;
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
    if (!target || waiting) return;
    const count = Math.min(Math.max(navigator.hardwareConcurrency || 2, 1), MAX_WORKERS);
    const workers = Array.from({ length: count }, () => startModuleWorker(weakSecretWorkerUrl));
    const tried = new Array<number>(count).fill(0);
    const finished = new Array<boolean>(count).fill(false);
    let stopped = false;
    let total: number | null = null;
    const sum = () => tried.reduce((a, b) => a + b, 0);
    const stop = () => {
      stopped = true;
      for (const worker of workers) worker.terminate();
    };
    const report = (progress: ScanProgress) => {
      setReported({ key: target.key, file, progress, cancel });
    };
    const cancel = () => {
      if (stopped) return;
      stop();
      report({ status: 'cancelled', tried: sum() });
    };
    report({ status: 'scanning', tried: 0, total: null });

    workers.forEach((worker, index) => {
      worker.onmessage = (event: MessageEvent<WeakSecretReply>) => {
        if (stopped) return;
        const reply = event.data;
        if (reply.type === 'failed') {
          stop();
          report({ status: 'failed', message: reply.message, tried: sum() });
          return;
        }
        tried[index] = reply.tried;
        if (reply.type === 'progress') {
          if (
            reply.totalBytes !== undefined &&
            reply.bytesRead !== undefined &&
            reply.bytesRead > 0
          ) {
            // Estimate the file's candidates from the share of it read so far.
            total = Math.round((sum() * reply.totalBytes) / reply.bytesRead);
          }
          report({ status: 'scanning', tried: sum(), total });
        } else if (reply.type === 'found') {
          stop();
          report({ status: 'found', secret: reply.secret, tried: sum() });
        } else {
          finished[index] = true;
          if (finished.every(Boolean)) {
            stop();
            report({ status: 'not-found', tried: sum() });
          }
        }
      };
      worker.onerror = () => {
        if (stopped) return;
        stop();
        report({
          status: 'failed',
          message: 'a background worker stopped unexpectedly',
          tried: sum(),
        });
      };
      const base = {
        alg: target.alg,
        signingInput: target.signingInput,
        signature: target.signature,
        shard: { index, count },
      };
      const request: WeakSecretRequest = file
        ? { ...base, type: 'scan-file', file }
        : {
            ...base,
            type: 'scan-bundled',
            wordlistUrl: new URL(BUNDLED_WORDLIST, document.baseURI).href,
          };
      worker.postMessage(request);
    });
    return stop;
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
