// Scans one shard of a wordlist (the bundled one, fetched from this origin, or a user's file,
// streamed) for an HS256/384/512 token's secret, off the main thread. Cancel = terminate().
import { createHmacTester, type HmacTester } from '../../lib/crypto/hmac-sha2.ts';
import {
  createLineSplitter,
  isWeakSecretAlgorithm,
  scanCandidates,
  WEAK_SECRET_ALGORITHMS,
  type WeakSecretAlgorithm,
} from './weak-secret.ts';

/** This worker takes the candidates whose line number (counting non-empty lines from 0) is `index` modulo `count`. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

interface ScanRequest {
  readonly alg: WeakSecretAlgorithm;
  /** The token's `header.payload`, exactly as it appears in the token. */
  readonly signingInput: string;
  /** The decoded signature bytes. */
  readonly signature: Uint8Array;
  readonly shard: Shard;
}

export type WeakSecretRequest =
  | (ScanRequest & { readonly type: 'scan-bundled'; readonly wordlistUrl: string })
  | (ScanRequest & { readonly type: 'scan-file'; readonly file: File });

export type WeakSecretReply =
  /** Sent once with `tried: 0` when the list starts arriving, then at most every ~100 ms. */
  | {
      readonly type: 'progress';
      readonly tried: number;
      readonly bytesRead?: number;
      readonly totalBytes?: number;
    }
  | { readonly type: 'found'; readonly secret: string; readonly tried: number }
  | { readonly type: 'done'; readonly tried: number }
  | { readonly type: 'failed'; readonly message: string };

interface WorkerScope {
  onmessage: ((event: MessageEvent<WeakSecretRequest>) => void) | null;
  postMessage(message: WeakSecretReply): void;
}
const scope = self as unknown as WorkerScope;

/** ms between progress messages: enough to look alive, few enough not to slow the scan. */
const PROGRESS_EVERY_MS = 100;

scope.onmessage = (event) => {
  run(event.data).then(
    (reply) => {
      scope.postMessage(reply);
    },
    (error: unknown) => {
      scope.postMessage({
        type: 'failed',
        message: error instanceof Error ? error.message : String(error),
      });
    },
  );
};

function requestProblem(request: WeakSecretRequest): string | null {
  if (!isWeakSecretAlgorithm(request.alg)) return `Not an HMAC algorithm: ${String(request.alg)}`;
  const { index, count } = request.shard;
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(index) || index < 0) {
    return 'Invalid shard.';
  }
  if (index >= count) return 'Invalid shard.';
  return null;
}

async function run(request: WeakSecretRequest): Promise<WeakSecretReply> {
  const problem = requestProblem(request);
  if (problem !== null) return { type: 'failed', message: problem };
  const tester = createHmacTester(
    WEAK_SECRET_ALGORITHMS[request.alg],
    new TextEncoder().encode(request.signingInput),
    request.signature,
  );
  if (request.type === 'scan-file') {
    return scanStream(tester, request.file.stream(), request.file.size, request.shard);
  }
  const response = await fetch(request.wordlistUrl);
  if (!response.ok || !response.body) {
    return {
      type: 'failed',
      message: `The bundled wordlist could not be loaded (HTTP ${response.status}).`,
    };
  }
  // Content-Length counts encoded bytes when the server compresses: only a plain length is a total.
  const length = Number(response.headers.get('Content-Length'));
  const plain = !response.headers.has('Content-Encoding') && Number.isFinite(length) && length > 0;
  return scanStream(tester, response.body, plain ? length : undefined, request.shard);
}

/** Reads the list chunk by chunk, never holding more than one chunk and one line of it. */
async function scanStream(
  tester: HmacTester,
  stream: ReadableStream<Uint8Array>,
  totalBytes: number | undefined,
  shard: Shard,
): Promise<WeakSecretReply> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const splitter = createLineSplitter();
  let line = 0;
  let tried = 0;
  let bytesRead = 0;
  let lastProgress = performance.now();
  const progress = () => {
    scope.postMessage(
      totalBytes === undefined
        ? { type: 'progress', tried, bytesRead }
        : { type: 'progress', tried, bytesRead, totalBytes },
    );
  };
  const maybeProgress = (triedSoFar: number) => {
    const now = performance.now();
    if (now - lastProgress < PROGRESS_EVERY_MS) return;
    lastProgress = now;
    tried = triedSoFar;
    progress();
  };
  /** Scans this shard's share of `lines`; returns the secret if one matched. */
  const scan = (lines: readonly string[]): string | null => {
    const mine: string[] = [];
    for (const candidate of lines) {
      if (line % shard.count === shard.index) mine.push(candidate);
      line++;
    }
    const base = tried;
    const outcome = scanCandidates(tester, mine, (n) => {
      maybeProgress(base + n);
    });
    tried = base + outcome.tried;
    return outcome.found;
  };

  progress();
  for (;;) {
    const { done, value } = await reader.read();
    const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
    if (!done) bytesRead += value.byteLength;
    const found = scan(done ? [...splitter.push(text), ...splitter.end()] : splitter.push(text));
    if (found !== null) {
      void reader.cancel();
      return { type: 'found', secret: found, tried };
    }
    if (done) return { type: 'done', tried };
    maybeProgress(tried);
  }
}
