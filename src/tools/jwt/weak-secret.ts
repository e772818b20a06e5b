// Tries candidate HMAC secrets against one HS256/384/512 token: the pure core of the JWT tool's
// weak-secret check, run in workers (weak-secret.worker.ts) over the bundled or a user's wordlist.
import type { HmacAlgorithm, HmacTester } from '../../lib/crypto/hmac-sha2.ts';

/** The JWS algorithms whose secret can be guessed offline, and their hash (RFC 7518 §3.2). */
export const WEAK_SECRET_ALGORITHMS = {
  HS256: 'SHA-256',
  HS384: 'SHA-384',
  HS512: 'SHA-512',
} as const satisfies Record<string, HmacAlgorithm>;

export type WeakSecretAlgorithm = keyof typeof WEAK_SECRET_ALGORITHMS;

export function isWeakSecretAlgorithm(alg: unknown): alg is WeakSecretAlgorithm {
  return typeof alg === 'string' && Object.hasOwn(WEAK_SECRET_ALGORITHMS, alg);
}

/** Candidates between calls to `onProgress` and `shouldStop`: cheap to check, often enough. */
export const SCAN_CHECK_EVERY = 4096;

export interface ScanOutcome {
  /** The first candidate whose HMAC matched, or null. */
  readonly found: string | null;
  /** Candidates tried, the match included. */
  readonly tried: number;
}

/**
 * Tries each candidate, UTF-8 encoded, as the HMAC key until one matches. `onProgress` gets the
 * count so far and `shouldStop` is asked every {@link SCAN_CHECK_EVERY} candidates (a stop
 * returns `found: null`). Does not trim, dedupe or skip candidates: the caller decides what a
 * candidate is. Synchronous: run it in a worker for long lists.
 */
export function scanCandidates(
  tester: HmacTester,
  candidates: Iterable<string>,
  onProgress?: (tried: number) => void,
  shouldStop?: () => boolean,
): ScanOutcome {
  const encoder = new TextEncoder();
  let buffer = new Uint8Array(256);
  let tried = 0;
  for (const candidate of candidates) {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    if (candidate.length * 3 > buffer.length) buffer = new Uint8Array(candidate.length * 3);
    const { written } = encoder.encodeInto(candidate, buffer);
    tried++;
    if (tester(buffer, written)) return { found: candidate, tried };
    if (tried % SCAN_CHECK_EVERY === 0) {
      onProgress?.(tried);
      if (shouldStop?.()) return { found: null, tried };
    }
  }
  return { found: null, tried };
}

export interface LineSplitter {
  /** The lines completed by this chunk, empty ones left out. */
  push(chunk: string): string[];
  /** The last line, if the text did not end with a newline (and it is not empty). */
  end(): string[];
}

/**
 * Splits streamed text into lines as `text.split(/\r?\n/)` would, without holding more than the
 * current line: a CRLF split across chunks is one line break, and a lone `\r` is kept as text.
 * Empty lines are dropped.
 */
export function createLineSplitter(): LineSplitter {
  let pending = '';
  const finish = (line: string, out: string[]) => {
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (text !== '') out.push(text);
  };
  return {
    push(chunk) {
      const out: string[] = [];
      let newline = chunk.indexOf('\n');
      if (newline === -1) {
        pending += chunk;
        return out;
      }
      finish(pending + chunk.slice(0, newline), out);
      let start = newline + 1;
      while ((newline = chunk.indexOf('\n', start)) !== -1) {
        finish(chunk.slice(start, newline), out);
        start = newline + 1;
      }
      pending = chunk.slice(start);
      return out;
    },
    end() {
      const last = pending;
      pending = '';
      return last === '' ? [] : [last];
    },
  };
}

/**
 * A wordlist UTF-8 encoded once into one buffer: candidate `i` is
 * `bytes[offsets[i]]` to `bytes[offsets[i + 1] - 1]`. Kept by a pool worker for every scan.
 */
export interface PackedWordlist {
  readonly bytes: Uint8Array;
  /** `count + 1` ascending byte offsets. */
  readonly offsets: Uint32Array;
  readonly count: number;
}

/**
 * Packs `text` into the candidates `text.split(/\r?\n/)` gives, empty ones left out: the same
 * candidates {@link createLineSplitter} streams, in the same order.
 */
export function packWordlist(text: string): PackedWordlist {
  // A line break is one LF byte in UTF-8 and never part of another character's bytes.
  const encoded = new TextEncoder().encode(text);
  let lines = 1;
  for (let i = 0; i < encoded.length; i++) if (encoded[i] === 0x0a) lines++;
  const offsets = new Uint32Array(lines + 1);
  let count = 0;
  let write = 0;
  let start = 0;
  const finish = (end: number, atLineFeed: boolean) => {
    // Drop one CR before a LF (not before the end of the text, as split does), then empties.
    const stop = atLineFeed && end > start && encoded[end - 1] === 0x0d ? end - 1 : end;
    if (stop > start) {
      encoded.copyWithin(write, start, stop);
      write += stop - start;
      count++;
      offsets[count] = write;
    }
  };
  for (let i = 0; i < encoded.length; i++) {
    if (encoded[i] !== 0x0a) continue;
    finish(i, true);
    start = i + 1;
  }
  finish(encoded.length, false);
  return { bytes: encoded.subarray(0, write), offsets: offsets.subarray(0, count + 1), count };
}

/** Candidate `index` of a packed list, decoded back to text. */
export function packedCandidate(list: PackedWordlist, index: number): string {
  return new TextDecoder().decode(
    list.bytes.subarray(list.offsets[index], list.offsets[index + 1]),
  );
}

/** How many of `total` candidates the shard `index` of `count` takes (every `count`-th from `index`). */
export function shardSize(total: number, index: number, count: number): number {
  return index >= total ? 0 : Math.floor((total - 1 - index) / count) + 1;
}

export interface PackedScanOutcome {
  /** The index in the list of the first candidate that matched, or -1. */
  readonly foundIndex: number;
  /** Candidates of this shard tried, the match included. */
  readonly tried: number;
}

/**
 * {@link scanCandidates} over a packed list's shard: candidates `index`, `index + count`, … with
 * no per-candidate encoding or allocation. `onProgress` is called every
 * {@link SCAN_CHECK_EVERY} candidates.
 */
export function scanPacked(
  tester: HmacTester,
  list: PackedWordlist,
  shard: { readonly index: number; readonly count: number },
  onProgress?: (tried: number) => void,
): PackedScanOutcome {
  const { bytes, offsets, count: total } = list;
  const step = shard.count;
  let tried = 0;
  for (let i = shard.index; i < total; i += step) {
    const start = offsets[i]!;
    tried++;
    if (tester(bytes, offsets[i + 1]! - start, start)) return { foundIndex: i, tried };
    if (tried % SCAN_CHECK_EVERY === 0) onProgress?.(tried);
  }
  return { foundIndex: -1, tried };
}
