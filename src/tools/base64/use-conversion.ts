// Runs the Base64 tool's conversion: synchronously for small text, in a worker for large
// inputs (with progress and cancel), and always against the latest request only.
import { useEffect, useMemo, useState } from 'react';
import type { Result } from '../../lib/result.ts';
import { startModuleWorker } from '../../lib/worker.ts';
import base64WorkerUrl from './base64.worker.ts?worker&url';
import type { WorkerReply, WorkerRequest } from './base64.worker.ts';
import { convert, type ConvertErrorCode, type Converted, type ConvertRequest } from './convert.ts';

/**
 * Above this, work moves to a worker. A worker round trip costs 16–27 ms, worth it above
 * ~50 ms of work (ARCHITECTURE.md); encoding runs near 1 GB/s natively, decoding a third of
 * that, so 8 MiB is about where the main thread would start to stutter.
 */
export const WORKER_THRESHOLD = 8 * 1_048_576;

export type ConversionState =
  | { readonly status: 'idle' }
  | {
      readonly status: 'working';
      readonly done: number;
      readonly total: number;
      readonly cancel: () => void;
    }
  | { readonly status: 'done'; readonly result: Result<Converted, ConvertErrorCode> }
  | { readonly status: 'cancelled' }
  | { readonly status: 'failed'; readonly message: string };

export interface ConversionRequest {
  readonly mode: ConvertRequest['mode'];
  readonly format: ConvertRequest['format'];
  readonly options: ConvertRequest['options'];
  readonly source: string | File;
}

interface AsyncState {
  readonly request: ConversionRequest;
  readonly state: ConversionState;
}

export function useConversion(request: ConversionRequest): ConversionState {
  const { mode, format, options, source } = request;
  const synchronous = typeof source === 'string' && source.length < WORKER_THRESHOLD;
  const syncState = useMemo<ConversionState | null>(() => {
    if (typeof source !== 'string' || source.length >= WORKER_THRESHOLD) return null;
    if (source === '') return { status: 'idle' };
    return {
      status: 'done',
      result: convert({ mode, format, options, input: { kind: 'text', text: source } }),
    };
  }, [mode, format, options, source]);

  const [asyncState, setAsyncState] = useState<AsyncState | null>(null);

  useEffect(() => {
    if (synchronous) return;
    const current: ConversionRequest = { mode, format, options, source };
    const update = (state: ConversionState) => {
      setAsyncState({ request: current, state });
    };
    let finished = false;
    const size = typeof source === 'string' ? source.length : source.size;

    if (typeof source !== 'string' && size < WORKER_THRESHOLD) {
      source.arrayBuffer().then(
        (buffer) => {
          if (finished) return;
          const bytes = new Uint8Array(buffer);
          update({
            status: 'done',
            result: convert({ mode, format, options, input: { kind: 'bytes', bytes } }),
          });
        },
        () => {
          if (!finished) update({ status: 'failed', message: 'The file could not be read.' });
        },
      );
      return () => {
        finished = true;
      };
    }

    const worker = startModuleWorker(base64WorkerUrl);
    const stop = () => {
      finished = true;
      worker.terminate();
    };
    // Terminating is the cancel: it stops the work at once, wherever the worker is.
    const cancel = () => {
      stop();
      update({ status: 'cancelled' });
    };
    const progressEvery = 100; // ms: enough to look alive, few enough renders not to slow the work
    let lastProgress = 0;
    update({ status: 'working', done: 0, total: size, cancel });
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      if (finished) return;
      const reply = event.data;
      if (reply.type === 'progress') {
        const now = performance.now();
        if (now - lastProgress < progressEvery) return;
        lastProgress = now;
        update({ status: 'working', done: reply.done, total: reply.total, cancel });
        return;
      }
      stop();
      update(
        reply.type === 'done'
          ? { status: 'done', result: reply.result }
          : { status: 'failed', message: reply.message },
      );
    };
    worker.onerror = () => {
      if (finished) return;
      stop();
      update({ status: 'failed', message: 'The background worker stopped unexpectedly.' });
    };
    const message: WorkerRequest = { mode, format, options, source };
    worker.postMessage(message);
    return stop;
  }, [synchronous, mode, format, options, source]);

  if (syncState) return syncState;
  // Until the effect reports on this exact request, show it as starting, never an older result.
  if (asyncState) {
    const { request: reported, state } = asyncState;
    if (
      reported.source === source &&
      reported.mode === mode &&
      reported.format === format &&
      reported.options === options
    ) {
      return state;
    }
  }
  return {
    status: 'working',
    done: 0,
    total: typeof source === 'string' ? source.length : source.size,
    cancel: () => undefined,
  };
}
