// Scans one shard of a wordlist for an HS256/384/512 token's secret, off the main thread. A pool
// worker (weak-secret-pool.ts) loads the bundled list once ('load'), packs it, warms its JIT up
// on a dummy token, and then serves any number of 'scan-bundled' requests from the packed copy; a
// user's file is streamed ('scan-file'). Every scan reply carries its request's id. Cancel =
// terminate().
import { createHmacTester, type HmacTester } from '../../lib/crypto/hmac-sha2.ts';
import {
  createLineSplitter,
  isWeakSecretAlgorithm,
  packedCandidate,
  packWordlist,
  scanCandidates,
  scanPacked,
  shardSize,
  WEAK_SECRET_ALGORITHMS,
  type PackedWordlist,
  type WeakSecretAlgorithm,
} from './weak-secret.ts';
import { errorMessage } from '../../lib/error-message.ts';

/** This worker takes the candidates whose line number (counting non-empty lines from 0) is `index` modulo `count`. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

interface ScanRequest {
  /** Echoed in every reply to this scan, so the pool can drop replies to an older one. */
  readonly id: number;
  readonly alg: WeakSecretAlgorithm;
  /** The token's `header.payload`, exactly as it appears in the token. */
  readonly signingInput: string;
  /** The decoded signature bytes. */
  readonly signature: Uint8Array;
  readonly shard: Shard;
}

export type WeakSecretRequest =
  /** Fetch and pack the bundled list now (not at the first scan); with `warmUp`, then run a dummy scan. Answered by 'ready'. */
  | { readonly type: 'load'; readonly wordlistUrl: string; readonly warmUp: boolean }
  | (ScanRequest & { readonly type: 'scan-bundled'; readonly wordlistUrl: string })
  | (ScanRequest & { readonly type: 'scan-file'; readonly file: File });

export type WeakSecretScanReply =
  /**
   * Sent once with `tried: 0` when the list is there (or starts arriving), then at most every
   * ~100 ms. `total` is this shard's candidate count when known (the bundled list).
   */
  | {
      readonly type: 'progress';
      readonly id: number;
      readonly tried: number;
      readonly total?: number;
      readonly bytesRead?: number;
      readonly totalBytes?: number;
    }
  | { readonly type: 'found'; readonly id: number; readonly secret: string; readonly tried: number }
  | { readonly type: 'done'; readonly id: number; readonly tried: number }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

export type WeakSecretReply =
  | WeakSecretScanReply
  /** The answer to 'load': the list is packed (and the warm-up run), or why it is not. */
  | { readonly type: 'ready'; readonly ok: boolean; readonly message?: string };

interface WorkerScope {
  readonly location: { readonly href: string; readonly origin: string };
  onmessage: ((event: MessageEvent<WeakSecretRequest>) => void) | null;
  postMessage(message: WeakSecretReply): void;
}
const scope = self as unknown as WorkerScope;

/** ms between progress messages: enough to look alive, few enough not to slow the scan. */
const PROGRESS_EVERY_MS = 100;

/** The packed bundled list by URL, fetched once; a failed fetch is forgotten so a scan retries. */
const lists = new Map<string, Promise<PackedWordlist>>();
/** Scans received and not yet answered: a warm-up is skipped when a real scan is waiting. */
let pendingScans = 0;

function loadList(url: string): Promise<PackedWordlist> {
  let list = lists.get(url);
  if (!list) {
    list = (async () => {
      // A worker is not bound by the page's <meta> CSP (it gets the policy of its own response,
      // and static hosts send none), so it enforces "this origin only" itself.
      if (new URL(url, scope.location.href).origin !== scope.location.origin) {
        throw new Error('The wordlist must come from this site.');
      }
      const response = await fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer' });
      if (!response.ok) {
        throw new Error(`The bundled wordlist could not be loaded (HTTP ${response.status}).`);
      }
      return packWordlist(await response.text());
    })();
    lists.set(url, list);
    list.catch(() => lists.delete(url));
  }
  return list;
}

/** A typical token's signing input (about 200 bytes: four SHA-256 blocks with the key's). */
const WARM_UP_INPUT = `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0'.repeat(3)}`;

/**
 * Runs the code paths of a real scan until the JIT has optimised them: the whole list with
 * HS256, about 2,000 candidates with HS512 (HS384 shares its code). No signature is all zeros
 * in practice, so nothing matches; if one did, nothing is reported.
 */
function warmUp(list: PackedWordlist): void {
  const input = new TextEncoder().encode(WARM_UP_INPUT);
  scanPacked(createHmacTester('SHA-256', input, new Uint8Array(32)), list, { index: 0, count: 1 });
  const step = Math.max(1, Math.ceil(list.count / 2048));
  scanPacked(createHmacTester('SHA-512', input, new Uint8Array(64)), list, {
    index: 0,
    count: step,
  });
}

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'load') {
    loadList(request.wordlistUrl).then(
      (list) => {
        if (request.warmUp && pendingScans === 0) warmUp(list);
        scope.postMessage({ type: 'ready', ok: true });
      },
      (error: unknown) => {
        scope.postMessage({ type: 'ready', ok: false, message: errorMessage(error) });
      },
    );
    return;
  }
  pendingScans++;
  void run(request)
    .catch((error: unknown): WeakSecretScanReply => {
      return { type: 'failed', id: request.id, message: errorMessage(error) };
    })
    .then((reply) => {
      pendingScans--;
      scope.postMessage(reply);
    });
};

function requestProblem(request: ScanRequest): string | null {
  if (!isWeakSecretAlgorithm(request.alg)) return `Not an HMAC algorithm: ${String(request.alg)}`;
  const { index, count } = request.shard;
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(index) || index < 0) {
    return 'Invalid shard.';
  }
  if (index >= count) return 'Invalid shard.';
  return null;
}

async function run(
  request: Exclude<WeakSecretRequest, { type: 'load' }>,
): Promise<WeakSecretScanReply> {
  const { id } = request;
  const problem = requestProblem(request);
  if (problem !== null) return { type: 'failed', id, message: problem };
  const tester = createHmacTester(
    WEAK_SECRET_ALGORITHMS[request.alg],
    new TextEncoder().encode(request.signingInput),
    request.signature,
  );
  if (request.type === 'scan-file') {
    return scanStream(id, tester, request.file.stream(), request.file.size, request.shard);
  }
  const list = await loadList(request.wordlistUrl);
  return scanList(id, tester, list, request.shard);
}

/** Scans this shard of the packed bundled list, reporting at the start and every ~100 ms. */
function scanList(
  id: number,
  tester: HmacTester,
  list: PackedWordlist,
  shard: Shard,
): WeakSecretScanReply {
  const total = shardSize(list.count, shard.index, shard.count);
  scope.postMessage({ type: 'progress', id, tried: 0, total });
  let lastProgress = performance.now();
  const { foundIndex, tried } = scanPacked(tester, list, shard, (n) => {
    const now = performance.now();
    if (now - lastProgress < PROGRESS_EVERY_MS) return;
    lastProgress = now;
    scope.postMessage({ type: 'progress', id, tried: n, total });
  });
  if (foundIndex === -1) return { type: 'done', id, tried };
  return { type: 'found', id, secret: packedCandidate(list, foundIndex), tried };
}

/** Reads the list chunk by chunk, never holding more than one chunk and one line of it. */
async function scanStream(
  id: number,
  tester: HmacTester,
  stream: ReadableStream<Uint8Array>,
  totalBytes: number | undefined,
  shard: Shard,
): Promise<WeakSecretScanReply> {
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
        ? { type: 'progress', id, tried, bytesRead }
        : { type: 'progress', id, tried, bytesRead, totalBytes },
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
      return { type: 'found', id, secret: found, tried };
    }
    if (done) return { type: 'done', id, tried };
    maybeProgress(tried);
  }
}
