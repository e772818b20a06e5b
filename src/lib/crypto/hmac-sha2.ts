// Pure-JS HMAC-SHA-256/384/512 (FIPS 180-4, RFC 2104) built to try many keys against one message.
// Web Crypto pays a fixed cost per call (about 70k HMACs/s, ARCHITECTURE.md); this does several
// times that by reusing buffers and expanding the message's schedule once, not once per key.

export type HmacAlgorithm = 'SHA-256' | 'SHA-384' | 'SHA-512';

/**
 * Says whether `HMAC(key, message)` equals the expected MAC. `length` (default `key.length`) and
 * `offset` (default 0) let a caller pass one reused or packed buffer and say which of its bytes
 * make up the key: `key[offset]` to `key[offset + length - 1]`.
 */
export type HmacTester = (key: Uint8Array, length?: number, offset?: number) => boolean;

// FIPS 180-4 §4.2.2: first 32 bits of the fractional parts of the cube roots of the first 64 primes.
const K256 = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
// FIPS 180-4 §5.3.3: first 32 bits of the fractional parts of the square roots of the first 8 primes.
const IV256 = Int32Array.from([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);
// FIPS 180-4 §4.2.3: 80 64-bit constants, each stored as its high then its low 32 bits.
const K512 = Int32Array.from([
  0x428a2f98, 0xd728ae22, 0x71374491, 0x23ef65cd, 0xb5c0fbcf, 0xec4d3b2f, 0xe9b5dba5, 0x8189dbbc,
  0x3956c25b, 0xf348b538, 0x59f111f1, 0xb605d019, 0x923f82a4, 0xaf194f9b, 0xab1c5ed5, 0xda6d8118,
  0xd807aa98, 0xa3030242, 0x12835b01, 0x45706fbe, 0x243185be, 0x4ee4b28c, 0x550c7dc3, 0xd5ffb4e2,
  0x72be5d74, 0xf27b896f, 0x80deb1fe, 0x3b1696b1, 0x9bdc06a7, 0x25c71235, 0xc19bf174, 0xcf692694,
  0xe49b69c1, 0x9ef14ad2, 0xefbe4786, 0x384f25e3, 0x0fc19dc6, 0x8b8cd5b5, 0x240ca1cc, 0x77ac9c65,
  0x2de92c6f, 0x592b0275, 0x4a7484aa, 0x6ea6e483, 0x5cb0a9dc, 0xbd41fbd4, 0x76f988da, 0x831153b5,
  0x983e5152, 0xee66dfab, 0xa831c66d, 0x2db43210, 0xb00327c8, 0x98fb213f, 0xbf597fc7, 0xbeef0ee4,
  0xc6e00bf3, 0x3da88fc2, 0xd5a79147, 0x930aa725, 0x06ca6351, 0xe003826f, 0x14292967, 0x0a0e6e70,
  0x27b70a85, 0x46d22ffc, 0x2e1b2138, 0x5c26c926, 0x4d2c6dfc, 0x5ac42aed, 0x53380d13, 0x9d95b3df,
  0x650a7354, 0x8baf63de, 0x766a0abb, 0x3c77b2a8, 0x81c2c92e, 0x47edaee6, 0x92722c85, 0x1482353b,
  0xa2bfe8a1, 0x4cf10364, 0xa81a664b, 0xbc423001, 0xc24b8b70, 0xd0f89791, 0xc76c51a3, 0x0654be30,
  0xd192e819, 0xd6ef5218, 0xd6990624, 0x5565a910, 0xf40e3585, 0x5771202a, 0x106aa070, 0x32bbd1b8,
  0x19a4c116, 0xb8d2d0c8, 0x1e376c08, 0x5141ab53, 0x2748774c, 0xdf8eeb99, 0x34b0bcb5, 0xe19b48a8,
  0x391c0cb3, 0xc5c95a63, 0x4ed8aa4a, 0xe3418acb, 0x5b9cca4f, 0x7763e373, 0x682e6ff3, 0xd6b2b8a3,
  0x748f82ee, 0x5defb2fc, 0x78a5636f, 0x43172f60, 0x84c87814, 0xa1f0ab72, 0x8cc70208, 0x1a6439ec,
  0x90befffa, 0x23631e28, 0xa4506ceb, 0xde82bde9, 0xbef9a3f7, 0xb2c67915, 0xc67178f2, 0xe372532b,
  0xca273ece, 0xea26619c, 0xd186b8c7, 0x21c0c207, 0xeada7dd6, 0xcde0eb1e, 0xf57d4f7f, 0xee6ed178,
  0x06f067aa, 0x72176fba, 0x0a637dc5, 0xa2c898a6, 0x113f9804, 0xbef90dae, 0x1b710b35, 0x131c471b,
  0x28db77f5, 0x23047d84, 0x32caab7b, 0x40c72493, 0x3c9ebe0a, 0x15c9bebc, 0x431d67c4, 0x9c100d4c,
  0x4cc5d4be, 0xcb3e42b6, 0x597f299c, 0xfc657e2a, 0x5fcb6fab, 0x3ad6faec, 0x6c44198c, 0x4a475817,
]);
// FIPS 180-4 §5.3.4 (ninth to sixteenth primes), as high/low pairs.
const IV384 = Int32Array.from([
  0xcbbb9d5d, 0xc1059ed8, 0x629a292a, 0x367cd507, 0x9159015a, 0x3070dd17, 0x152fecd8, 0xf70e5939,
  0x67332667, 0xffc00b31, 0x8eb44a87, 0x68581511, 0xdb0c2e0d, 0x64f98fa7, 0x47b5481d, 0xbefa4fa4,
]);
// FIPS 180-4 §5.3.5, as high/low pairs.
const IV512 = Int32Array.from([
  0x6a09e667, 0xf3bcc908, 0xbb67ae85, 0x84caa73b, 0x3c6ef372, 0xfe94f82b, 0xa54ff53a, 0x5f1d36f1,
  0x510e527f, 0xade682d1, 0x9b05688c, 0x2b3e6c1f, 0x1f83d9ab, 0xfb41bd6b, 0x5be0cd19, 0x137e2179,
]);

/** RFC 2104 §2: the inner and outer pads, four bytes at a time. */
const IPAD = 0x36363636;
const OPAD = 0x5c5c5c5c;

/**
 * One hash of the SHA-2 family as seen by HMAC. State and blocks are big-endian 32-bit words;
 * a 64-bit word of SHA-384/512 is two of them, high first, so bytes map to words the same way.
 */
interface Sha2 {
  readonly blockBytes: number;
  readonly digestBytes: number;
  /** Bytes of the message-length field that ends the padding (FIPS 180-4 §5.1). */
  readonly lengthBytes: number;
  readonly iv: Int32Array;
  /** Ints of one expanded block: the round constants already added to the message schedule. */
  readonly scheduleInts: number;
  /** Writes K[t] + W[t] for the 16-word (or 16-pair) block at `words[offset]`, each word XOR `mask`. */
  readonly expand: (
    words: Int32Array,
    offset: number,
    mask: number,
    out: Int32Array,
    outOffset: number,
  ) => void;
  /** Runs the rounds over one expanded block and adds the result into `state`. */
  readonly rounds: (state: Int32Array, schedule: Int32Array, offset: number) => void;
}

const W256 = new Int32Array(64);

function expand256(
  words: Int32Array,
  offset: number,
  mask: number,
  out: Int32Array,
  outOffset: number,
): void {
  const w = W256;
  for (let i = 0; i < 16; i++) w[i] = words[offset + i]! ^ mask;
  for (let i = 16; i < 64; i++) {
    const x = w[i - 15]!;
    const y = w[i - 2]!;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
  }
  for (let i = 0; i < 64; i++) out[outOffset + i] = (w[i]! + K256[i]!) | 0;
}

function rounds256(state: Int32Array, schedule: Int32Array, offset: number): void {
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  let e = state[4]!;
  let f = state[5]!;
  let g = state[6]!;
  let h = state[7]!;
  // Eight rounds per pass with the roles of the variables rotated, not the values moved.
  for (let i = offset; i < offset + 64; i += 8) {
    h =
      (h +
        (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) +
        (g ^ (e & (f ^ g))) +
        schedule[i + 0]!) |
      0;
    d = (d + h) | 0;
    h =
      (h +
        (((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) +
        ((a & b) | (c & (a | b)))) |
      0;
    g =
      (g +
        (((d >>> 6) | (d << 26)) ^ ((d >>> 11) | (d << 21)) ^ ((d >>> 25) | (d << 7))) +
        (f ^ (d & (e ^ f))) +
        schedule[i + 1]!) |
      0;
    c = (c + g) | 0;
    g =
      (g +
        (((h >>> 2) | (h << 30)) ^ ((h >>> 13) | (h << 19)) ^ ((h >>> 22) | (h << 10))) +
        ((h & a) | (b & (h | a)))) |
      0;
    f =
      (f +
        (((c >>> 6) | (c << 26)) ^ ((c >>> 11) | (c << 21)) ^ ((c >>> 25) | (c << 7))) +
        (e ^ (c & (d ^ e))) +
        schedule[i + 2]!) |
      0;
    b = (b + f) | 0;
    f =
      (f +
        (((g >>> 2) | (g << 30)) ^ ((g >>> 13) | (g << 19)) ^ ((g >>> 22) | (g << 10))) +
        ((g & h) | (a & (g | h)))) |
      0;
    e =
      (e +
        (((b >>> 6) | (b << 26)) ^ ((b >>> 11) | (b << 21)) ^ ((b >>> 25) | (b << 7))) +
        (d ^ (b & (c ^ d))) +
        schedule[i + 3]!) |
      0;
    a = (a + e) | 0;
    e =
      (e +
        (((f >>> 2) | (f << 30)) ^ ((f >>> 13) | (f << 19)) ^ ((f >>> 22) | (f << 10))) +
        ((f & g) | (h & (f | g)))) |
      0;
    d =
      (d +
        (((a >>> 6) | (a << 26)) ^ ((a >>> 11) | (a << 21)) ^ ((a >>> 25) | (a << 7))) +
        (c ^ (a & (b ^ c))) +
        schedule[i + 4]!) |
      0;
    h = (h + d) | 0;
    d =
      (d +
        (((e >>> 2) | (e << 30)) ^ ((e >>> 13) | (e << 19)) ^ ((e >>> 22) | (e << 10))) +
        ((e & f) | (g & (e | f)))) |
      0;
    c =
      (c +
        (((h >>> 6) | (h << 26)) ^ ((h >>> 11) | (h << 21)) ^ ((h >>> 25) | (h << 7))) +
        (b ^ (h & (a ^ b))) +
        schedule[i + 5]!) |
      0;
    g = (g + c) | 0;
    c =
      (c +
        (((d >>> 2) | (d << 30)) ^ ((d >>> 13) | (d << 19)) ^ ((d >>> 22) | (d << 10))) +
        ((d & e) | (f & (d | e)))) |
      0;
    b =
      (b +
        (((g >>> 6) | (g << 26)) ^ ((g >>> 11) | (g << 21)) ^ ((g >>> 25) | (g << 7))) +
        (a ^ (g & (h ^ a))) +
        schedule[i + 6]!) |
      0;
    f = (f + b) | 0;
    b =
      (b +
        (((c >>> 2) | (c << 30)) ^ ((c >>> 13) | (c << 19)) ^ ((c >>> 22) | (c << 10))) +
        ((c & d) | (e & (c | d)))) |
      0;
    a =
      (a +
        (((f >>> 6) | (f << 26)) ^ ((f >>> 11) | (f << 21)) ^ ((f >>> 25) | (f << 7))) +
        (h ^ (f & (g ^ h))) +
        schedule[i + 7]!) |
      0;
    e = (e + a) | 0;
    a =
      (a +
        (((b >>> 2) | (b << 30)) ^ ((b >>> 13) | (b << 19)) ^ ((b >>> 22) | (b << 10))) +
        ((b & c) | (d & (b | c)))) |
      0;
  }
  state[0] = (state[0]! + a) | 0;
  state[1] = (state[1]! + b) | 0;
  state[2] = (state[2]! + c) | 0;
  state[3] = (state[3]! + d) | 0;
  state[4] = (state[4]! + e) | 0;
  state[5] = (state[5]! + f) | 0;
  state[6] = (state[6]! + g) | 0;
  state[7] = (state[7]! + h) | 0;
}

const TWO_32 = 4294967296;
const W512 = new Int32Array(160);

function expand512(
  words: Int32Array,
  offset: number,
  mask: number,
  out: Int32Array,
  outOffset: number,
): void {
  const w = W512;
  for (let i = 0; i < 32; i++) w[i] = words[offset + i]! ^ mask;
  for (let i = 32; i < 160; i += 2) {
    // σ0 = ROTR1 ^ ROTR8 ^ SHR7 of W[t-15]; σ1 = ROTR19 ^ ROTR61 ^ SHR6 of W[t-2] (FIPS 180-4 §4.1.3).
    const xh = w[i - 30]!;
    const xl = w[i - 29]!;
    const s0h = ((xh >>> 1) | (xl << 31)) ^ ((xh >>> 8) | (xl << 24)) ^ (xh >>> 7);
    const s0l = ((xl >>> 1) | (xh << 31)) ^ ((xl >>> 8) | (xh << 24)) ^ ((xl >>> 7) | (xh << 25));
    const yh = w[i - 4]!;
    const yl = w[i - 3]!;
    const s1h = ((yh >>> 19) | (yl << 13)) ^ ((yl >>> 29) | (yh << 3)) ^ (yh >>> 6);
    const s1l = ((yl >>> 19) | (yh << 13)) ^ ((yh >>> 29) | (yl << 3)) ^ ((yl >>> 6) | (yh << 26));
    const lo = (s1l >>> 0) + (w[i - 13]! >>> 0) + (s0l >>> 0) + (w[i - 31]! >>> 0);
    w[i] = (s1h + w[i - 14]! + s0h + w[i - 32]! + ((lo / TWO_32) | 0)) | 0;
    w[i + 1] = lo | 0;
  }
  for (let i = 0; i < 160; i += 2) {
    const lo = (w[i + 1]! >>> 0) + (K512[i + 1]! >>> 0);
    out[outOffset + i] = (w[i]! + K512[i]! + ((lo / TWO_32) | 0)) | 0;
    out[outOffset + i + 1] = lo | 0;
  }
}

function rounds512(state: Int32Array, schedule: Int32Array, offset: number): void {
  let ah = state[0]!;
  let al = state[1]!;
  let bh = state[2]!;
  let bl = state[3]!;
  let ch = state[4]!;
  let cl = state[5]!;
  let dh = state[6]!;
  let dl = state[7]!;
  let eh = state[8]!;
  let el = state[9]!;
  let fh = state[10]!;
  let fl = state[11]!;
  let gh = state[12]!;
  let gl = state[13]!;
  let hh = state[14]!;
  let hl = state[15]!;
  for (let i = 0; i < 160; i += 2) {
    // Σ1 = ROTR14 ^ ROTR18 ^ ROTR41 of e; Σ0 = ROTR28 ^ ROTR34 ^ ROTR39 of a (FIPS 180-4 §4.1.3).
    const S1h = ((eh >>> 14) | (el << 18)) ^ ((eh >>> 18) | (el << 14)) ^ ((el >>> 9) | (eh << 23));
    const S1l = ((el >>> 14) | (eh << 18)) ^ ((el >>> 18) | (eh << 14)) ^ ((eh >>> 9) | (el << 23));
    const chh = gh ^ (eh & (fh ^ gh));
    const chl = gl ^ (el & (fl ^ gl));
    const t1lo = (hl >>> 0) + (S1l >>> 0) + (chl >>> 0) + (schedule[offset + i + 1]! >>> 0);
    const t1h = (hh + S1h + chh + schedule[offset + i]! + ((t1lo / TWO_32) | 0)) | 0;
    const t1l = t1lo | 0;
    const S0h = ((ah >>> 28) | (al << 4)) ^ ((al >>> 2) | (ah << 30)) ^ ((al >>> 7) | (ah << 25));
    const S0l = ((al >>> 28) | (ah << 4)) ^ ((ah >>> 2) | (al << 30)) ^ ((ah >>> 7) | (al << 25));
    const majh = (ah & bh) | (ch & (ah | bh));
    const majl = (al & bl) | (cl & (al | bl));
    const t2lo = (S0l >>> 0) + (majl >>> 0);
    const t2h = (S0h + majh + ((t2lo / TWO_32) | 0)) | 0;
    hh = gh;
    hl = gl;
    gh = fh;
    gl = fl;
    fh = eh;
    fl = el;
    const elo = (dl >>> 0) + (t1l >>> 0);
    eh = (dh + t1h + ((elo / TWO_32) | 0)) | 0;
    el = elo | 0;
    dh = ch;
    dl = cl;
    ch = bh;
    cl = bl;
    bh = ah;
    bl = al;
    const alo = (t1l >>> 0) + (t2lo >>> 0);
    ah = (t1h + t2h + ((alo / TWO_32) | 0)) | 0;
    al = alo | 0;
  }
  add64(state, 0, ah, al);
  add64(state, 2, bh, bl);
  add64(state, 4, ch, cl);
  add64(state, 6, dh, dl);
  add64(state, 8, eh, el);
  add64(state, 10, fh, fl);
  add64(state, 12, gh, gl);
  add64(state, 14, hh, hl);
}

function add64(state: Int32Array, at: number, high: number, low: number): void {
  const lo = (state[at + 1]! >>> 0) + (low >>> 0);
  state[at] = (state[at]! + high + ((lo / TWO_32) | 0)) | 0;
  state[at + 1] = lo | 0;
}

const SHA2: Readonly<Record<HmacAlgorithm, Sha2>> = {
  'SHA-256': {
    blockBytes: 64,
    digestBytes: 32,
    lengthBytes: 8,
    iv: IV256,
    scheduleInts: 64,
    expand: expand256,
    rounds: rounds256,
  },
  'SHA-384': {
    blockBytes: 128,
    digestBytes: 48,
    lengthBytes: 16,
    iv: IV384,
    scheduleInts: 160,
    expand: expand512,
    rounds: rounds512,
  },
  'SHA-512': {
    blockBytes: 128,
    digestBytes: 64,
    lengthBytes: 16,
    iv: IV512,
    scheduleInts: 160,
    expand: expand512,
    rounds: rounds512,
  },
};

function sha2For(alg: string): Sha2 {
  // A caller from plain JS (or a worker message) may pass anything: never index blindly.
  if (!Object.hasOwn(SHA2, alg)) throw new TypeError(`Unsupported hash: ${alg}`);
  return SHA2[alg as HmacAlgorithm];
}

/**
 * The words of `data` padded as the tail of a message that starts with `prefixBytes` bytes
 * already hashed (FIPS 180-4 §5.1.1/§5.1.2): `data`, 0x80, zeros, then the bit length.
 */
function paddedWords(sha: Sha2, data: Uint8Array, prefixBytes: number): Int32Array {
  const blocks = Math.ceil((data.length + 1 + sha.lengthBytes) / sha.blockBytes);
  const words = new Int32Array((blocks * sha.blockBytes) / 4);
  for (let i = 0; i < data.length; i++) words[i >> 2]! |= data[i]! << (24 - ((i & 3) << 3));
  words[data.length >> 2]! |= 0x80 << (24 - ((data.length & 3) << 3));
  // Bits, as a 64-bit count split in two words: exact for any length a Uint8Array can have.
  const bits = (prefixBytes + data.length) * 8;
  words[words.length - 1] = bits | 0;
  words[words.length - 2] = Math.floor(bits / TWO_32) | 0;
  return words;
}

/** The expanded schedules of every block of `words`, back to back. */
function expandAll(sha: Sha2, words: Int32Array): Int32Array {
  const blockWords = sha.blockBytes / 4;
  const blocks = words.length / blockWords;
  const out = new Int32Array(blocks * sha.scheduleInts);
  for (let b = 0; b < blocks; b++) sha.expand(words, b * blockWords, 0, out, b * sha.scheduleInts);
  return out;
}

function wordsToBytes(words: Int32Array, byteLength: number): Uint8Array {
  const out = new Uint8Array(byteLength);
  for (let i = 0; i < byteLength; i++) out[i] = words[i >> 2]! >>> (24 - ((i & 3) << 3));
  return out;
}

/** SHA-256, SHA-384 or SHA-512 of `data` (FIPS 180-4). Allocates per call: not for hot loops. */
export function sha2(alg: HmacAlgorithm, data: Uint8Array): Uint8Array {
  const sha = sha2For(alg);
  const state = Int32Array.from(sha.iv);
  const schedule = expandAll(sha, paddedWords(sha, data, 0));
  for (let at = 0; at < schedule.length; at += sha.scheduleInts) sha.rounds(state, schedule, at);
  return wordsToBytes(state, sha.digestBytes);
}

/** HMAC (RFC 2104) with SHA-256/384/512. Allocates per call: for one-off MACs and tests. */
export function hmac(alg: HmacAlgorithm, key: Uint8Array, message: Uint8Array): Uint8Array {
  const sha = sha2For(alg);
  const block = new Uint8Array(sha.blockBytes);
  block.set(key.length > sha.blockBytes ? sha2(alg, key) : key);
  const pad = (byte: number, tail: Uint8Array) => {
    const data = new Uint8Array(sha.blockBytes + tail.length);
    for (let i = 0; i < sha.blockBytes; i++) data[i] = block[i]! ^ byte;
    data.set(tail, sha.blockBytes);
    return data;
  };
  return sha2(alg, pad(0x5c, sha2(alg, pad(0x36, message))));
}

const NEVER: HmacTester = () => false;

/**
 * A function that says whether a key produces `expected` as the HMAC of `message`. Built for
 * trying many keys against one message: it allocates nothing per key, and the message's blocks
 * are padded and their schedules expanded once, here. Keys longer than the block size are hashed
 * first (RFC 2104 §2), which allocates. An `expected` that is not exactly the digest's length
 * (a truncated MAC) never matches. The comparison is not constant-time: it exists to find keys,
 * not to verify tokens against an attacker.
 */
export function createHmacTester(
  alg: HmacAlgorithm,
  message: Uint8Array,
  expected: Uint8Array,
): HmacTester {
  const sha = sha2For(alg);
  if (expected.length !== sha.digestBytes) return NEVER;
  const blockBytes = sha.blockBytes;
  const blockWords = blockBytes / 4;
  const digestWords = sha.digestBytes / 4;
  const scheduleInts = sha.scheduleInts;
  const iv = sha.iv;
  const expand = sha.expand;
  const rounds = sha.rounds;

  const want = new Int32Array(digestWords);
  for (let i = 0; i < sha.digestBytes; i++) want[i >> 2]! |= expected[i]! << (24 - ((i & 3) << 3));
  // Inner hash: key ^ ipad (one block), then the message, whose schedules never change.
  const messageSchedule = expandAll(sha, paddedWords(sha, message, blockBytes));
  // Outer hash: key ^ opad, then one block holding the inner digest and fixed padding.
  const outerBlock = paddedWords(sha, new Uint8Array(sha.digestBytes), blockBytes);
  const keyWords = new Int32Array(blockWords);
  const schedule = new Int32Array(scheduleInts);
  const state = new Int32Array(iv.length);

  return (key, length = key.length, offset = 0) => {
    keyWords.fill(0);
    if (length > blockBytes) {
      const hashed = sha2(alg, key.subarray(offset, offset + length));
      for (let i = 0; i < hashed.length; i++)
        keyWords[i >> 2]! |= hashed[i]! << (24 - ((i & 3) << 3));
    } else {
      for (let i = 0; i < length; i++) {
        keyWords[i >> 2]! |= key[offset + i]! << (24 - ((i & 3) << 3));
      }
    }

    state.set(iv);
    expand(keyWords, 0, IPAD, schedule, 0);
    rounds(state, schedule, 0);
    for (let at = 0; at < messageSchedule.length; at += scheduleInts) {
      rounds(state, messageSchedule, at);
    }
    for (let i = 0; i < digestWords; i++) outerBlock[i] = state[i]!;

    state.set(iv);
    expand(keyWords, 0, OPAD, schedule, 0);
    rounds(state, schedule, 0);
    expand(outerBlock, 0, 0, schedule, 0);
    rounds(state, schedule, 0);

    for (let i = 0; i < digestWords; i++) if (state[i] !== want[i]) return false;
    return true;
  };
}
