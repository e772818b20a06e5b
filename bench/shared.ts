// What the browser page and the Node side of the Base64 bench must agree on: the data, the
// checksum, the operations and how each is sampled. Imported by both, so they cannot drift apart.

export const MIB = 1_048_576;

/** Operations timed on both sides, in table order. */
export const OPERATIONS = [
  'encode base64 (convert)',
  'encode base64 (lib encodeBase64)',
  'decode base64 (convert)',
  'decode base64 (lib decodeBase64)',
  'encode hex (convert)',
  'decode hex (convert)',
] as const;
export type Operation = (typeof OPERATIONS)[number];

export function isEncode(operation: Operation): boolean {
  return operation.startsWith('encode');
}

export interface SizePlan {
  readonly bytes: number;
  /**
   * Timed samples per side after one warm-up sample each; the median is reported. The two
   * sides take turns sample by sample, so load from elsewhere on the machine hits both alike.
   */
  readonly samples: number;
  /** Calls per sample, so a sample lasts long enough for the browser's coarse clock. */
  readonly repsPerSample: number;
}

export const PLANS: readonly SizePlan[] = [
  { bytes: 1 * MIB, samples: 11, repsPerSample: 16 },
  { bytes: 16 * MIB, samples: 11, repsPerSample: 1 },
  { bytes: 64 * MIB, samples: 11, repsPerSample: 1 },
];

/** A non-zero xorshift32 seed per size, so every size gets different bytes. */
export function seedFor(bytes: number): number {
  return (0x9e3779b9 ^ bytes) >>> 0 || 1;
}

/** Deterministic bytes: xorshift32 (Marsaglia 2003, shifts 13/17/5), one 32-bit word at a time. */
export function fillDeterministic(byteLength: number, seed: number): Uint8Array<ArrayBuffer> {
  const words = new Uint32Array(Math.ceil(byteLength / 4));
  let x = seed >>> 0 || 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x;
  }
  // Both sides run on the same little-endian machine, so the byte view is the same too.
  return new Uint8Array(words.buffer, 0, byteLength);
}

/** 32-bit FNV-1a over every byte. */
export function fnv1aBytes(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** 32-bit FNV-1a over every UTF-16 code unit (Base64 and hex output is ASCII, one unit a byte). */
export function fnv1aString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** One timed sample from one side: ms per call and, if asked for, a checksum of the last output. */
export interface Sample {
  readonly msPerCall: number;
  /** Length (characters for encode, bytes for decode) and FNV-1a of the whole last output. */
  readonly output: { readonly length: number; readonly hash: number } | null;
}

export interface Prepared {
  readonly inputHash: number;
  readonly base64Length: number;
  readonly hexLength: number;
}

/** The q-quantile (0 ≤ q ≤ 1) with linear interpolation between order statistics. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/**
 * One sample: `repsPerSample` back-to-back calls, timed together. The checksum, when asked
 * for, is taken after the clock stops.
 */
export function timeSample(
  plan: SizePlan,
  now: () => number,
  call: () => string | readonly string[] | Uint8Array,
  checksum: boolean,
): Sample {
  const start = now();
  let last = call();
  for (let r = 1; r < plan.repsPerSample; r++) last = call();
  const msPerCall = (now() - start) / plan.repsPerSample;
  if (!checksum) return { msPerCall, output: null };
  // Pieces are joined here, after the clock stopped: the app joins only to copy or swap.
  const value = typeof last === 'string' || last instanceof Uint8Array ? last : last.join('');
  const hash = typeof value === 'string' ? fnv1aString(value) : fnv1aBytes(value);
  return { msPerCall, output: { length: value.length, hash } };
}
