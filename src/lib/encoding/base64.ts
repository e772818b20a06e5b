// Base64 and Base64url (RFC 4648 §4, §5): native Uint8Array methods where the engine has them,
// a table-driven fallback elsewhere (Node 20, older browsers). Both paths give the same results.
import { fail, ok, type Result } from '../result.ts';
import { nativeFromBase64, nativeSetFromBase64, nativeToBase64 } from './native.ts';
import { describeCharacter, describePosition } from './position.ts';

export interface Base64EncodeOptions {
  /** Use the URL- and filename-safe alphabet `-_` instead of `+/` (RFC 4648 §5). */
  readonly urlSafe?: boolean;
  /** Emit `=` padding to a multiple of four characters (RFC 4648 §3.2). Default true. */
  readonly padding?: boolean;
}

export type Base64ErrorCode =
  'invalid-character' | 'data-after-padding' | 'incomplete-padding' | 'truncated-group';

const STANDARD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const STANDARD_CODES = asciiCodes(STANDARD);
const URL_SAFE_CODES = asciiCodes(URL_SAFE);

const INVALID = -1;
const WHITESPACE = -2;
const PAD = -3;
/** Sextet value of each character code 0–255; both alphabets decode (RFC 4648 §5). */
const DECODE_TABLE: Int8Array = (() => {
  const table = new Int8Array(256).fill(INVALID);
  for (let i = 0; i < 64; i++) {
    table[STANDARD.charCodeAt(i)] = i;
    table[URL_SAFE.charCodeAt(i)] = i;
  }
  // ASCII whitespace as the HTML spec and Uint8Array.fromBase64 define it.
  for (const c of [0x09, 0x0a, 0x0c, 0x0d, 0x20]) table[c] = WHITESPACE;
  table[0x3d] = PAD;
  return table;
})();

const asciiDecoder = new TextDecoder();

function asciiCodes(alphabet: string): Uint8Array {
  return Uint8Array.from(alphabet, (c) => c.charCodeAt(0));
}

/** Length of the Base64 text for `byteLength` bytes. */
export function base64Length(byteLength: number, padding = true): number {
  return padding ? Math.ceil(byteLength / 3) * 4 : Math.ceil((byteLength * 4) / 3);
}

/**
 * Encodes bytes as Base64 (or Base64url). Does not wrap lines: see {@link wrapLines}.
 */
export function encodeBase64(bytes: Uint8Array, options: Base64EncodeOptions = {}): string {
  const urlSafe = options.urlSafe ?? false;
  const padding = options.padding ?? true;
  if (nativeToBase64) {
    return nativeToBase64(bytes, {
      alphabet: urlSafe ? 'base64url' : 'base64',
      omitPadding: !padding,
    });
  }
  return encodeBase64Fallback(bytes, urlSafe, padding);
}

/** The table-driven encoder, exported so tests can hold it to the same vectors as the native one. */
export function encodeBase64Fallback(
  bytes: Uint8Array,
  urlSafe: boolean,
  padding: boolean,
): string {
  const codes = urlSafe ? URL_SAFE_CODES : STANDARD_CODES;
  const out = new Uint8Array(base64Length(bytes.length, padding));
  const whole = bytes.length - (bytes.length % 3);
  let o = 0;
  for (let i = 0; i < whole; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = codes[n >>> 18]!;
    out[o++] = codes[(n >>> 12) & 63]!;
    out[o++] = codes[(n >>> 6) & 63]!;
    out[o++] = codes[n & 63]!;
  }
  const rest = bytes.length - whole;
  if (rest > 0) {
    const n = (bytes[whole]! << 16) | (rest === 2 ? bytes[whole + 1]! << 8 : 0);
    out[o++] = codes[n >>> 18]!;
    out[o++] = codes[(n >>> 12) & 63]!;
    if (rest === 2) out[o++] = codes[(n >>> 6) & 63]!;
    if (padding) {
      out[o++] = 0x3d;
      if (rest === 1) out[o] = 0x3d;
    }
  }
  return asciiDecoder.decode(out);
}

/**
 * Decodes Base64 leniently, as people paste it: either alphabet (even mixed), with or without
 * padding, with ASCII whitespace and line breaks anywhere. Non-zero bits left over in the last
 * group are ignored, as RFC 4648 §3.5 allows decoders to do.
 *
 * Does not accept: characters outside both alphabets, data after `=` padding, padding that does
 * not complete its group, or a final group of a single character (it cannot hold a whole byte).
 * The error says which, and `at` is the zero-based index of the offending character.
 */
export function decodeBase64(text: string): Result<Uint8Array<ArrayBuffer>, Base64ErrorCode> {
  if (nativeFromBase64) {
    const alphabet = text.includes('-') || text.includes('_') ? 'base64url' : 'base64';
    try {
      return ok(nativeFromBase64(text, { alphabet, lastChunkHandling: 'loose' }));
    } catch {
      // Mixed alphabets, or an error whose position the native method does not report.
    }
  }
  return decodeBase64Fallback(text);
}

/** The table-driven decoder; see {@link decodeBase64} for what it accepts. */
export function decodeBase64Fallback(
  text: string,
): Result<Uint8Array<ArrayBuffer>, Base64ErrorCode> {
  const out = new Uint8Array(Math.ceil((text.length * 3) / 4));
  let o = 0;
  let group = 0;
  let groupLength = 0;
  let groupStart = -1;
  let padStart = -1;
  let padCount = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 256 ? DECODE_TABLE[code]! : INVALID;
    if (value === WHITESPACE) continue;
    if (value === INVALID) {
      return fail(
        'invalid-character',
        `Invalid Base64 character ${describeCharacter(text, i)} at ${describePosition(text, i)}.`,
        i,
      );
    }
    if (value === PAD) {
      if (padStart === -1) padStart = i;
      padCount++;
      if (groupLength < 2 || groupLength + padCount > 4) {
        return groupLength < 2
          ? fail(
              'incomplete-padding',
              `Padding "=" at ${describePosition(text, i)} comes after only ${groupLength} character${groupLength === 1 ? '' : 's'} of its group; a padded group holds 2 or 3 characters.`,
              i,
            )
          : fail('data-after-padding', `Extra "=" at ${describePosition(text, i)}.`, i);
      }
      continue;
    }
    if (padStart !== -1) {
      return fail(
        'data-after-padding',
        `Data at ${describePosition(text, i)} follows the "=" padding at ${describePosition(text, padStart)}; padding may only end the text.`,
        i,
      );
    }
    if (groupLength === 0) groupStart = i;
    group = (group << 6) | value;
    if (++groupLength === 4) {
      out[o++] = group >>> 16;
      out[o++] = (group >>> 8) & 0xff;
      out[o++] = group & 0xff;
      group = 0;
      groupLength = 0;
    }
  }
  if (padCount > 0 && groupLength + padCount !== 4) {
    return fail(
      'incomplete-padding',
      `The padding at ${describePosition(text, padStart)} is incomplete: a group of ${groupLength} characters takes ${4 - groupLength} "=".`,
      padStart,
    );
  }
  if (groupLength === 1) {
    return fail(
      'truncated-group',
      `The last group, at ${describePosition(text, groupStart)}, has a single character; it needs at least two to hold a byte. The text may be cut short.`,
      groupStart,
    );
  }
  if (groupLength === 2) {
    out[o++] = (group >>> 4) & 0xff;
  } else if (groupLength === 3) {
    out[o++] = (group >>> 10) & 0xff;
    out[o++] = (group >>> 2) & 0xff;
  }
  return ok(out.slice(0, o));
}

/** Called between chunks with how many characters of the input are done. */
export type DecodeProgress = (done: number, total: number) => void;

/**
 * {@link decodeBase64} in chunks of about `chunkChars` characters, calling `onProgress` between
 * them, so a worker can show progress on a huge input. Same results as decodeBase64, errors
 * included. With the native streaming decoder (`setFromBase64`) the bytes are written straight
 * into one buffer, with no per-chunk copies; elsewhere it decodes in one pass.
 */
export function decodeBase64Chunked(
  text: string,
  onProgress: DecodeProgress,
  chunkChars = 4 * 1_048_576,
): Result<Uint8Array<ArrayBuffer>, Base64ErrorCode> {
  const streamed =
    nativeSetFromBase64 && text.length > chunkChars
      ? streamNative(nativeSetFromBase64, text, onProgress, chunkChars)
      : null;
  // Mixed alphabets or a real error: the one-shot decoder accepts the first, locates the second.
  const result = streamed ? ok(streamed) : decodeBase64(text);
  onProgress(text.length, text.length);
  return result;
}

/** The native streaming loop; null when the one-shot decoder must decide instead. */
function streamNative(
  setFromBase64: NonNullable<typeof nativeSetFromBase64>,
  text: string,
  onProgress: DecodeProgress,
  chunkChars: number,
): Uint8Array<ArrayBuffer> | null {
  const alphabet = text.includes('-') || text.includes('_') ? 'base64url' : 'base64';
  const out = new Uint8Array(Math.ceil((text.length * 3) / 4));
  let read = 0;
  let written = 0;
  let size = chunkChars;
  try {
    while (read < text.length) {
      const end = Math.min(text.length, read + size);
      const last = end === text.length;
      const step = setFromBase64(out.subarray(written), text.slice(read, end), {
        alphabet,
        // Leave a group cut by the chunk's edge for the next chunk; the last one may be unpadded.
        lastChunkHandling: last ? 'loose' : 'stop-before-partial',
      });
      written += step.written;
      if (last) break;
      read += step.read;
      // After "=" padding only whitespace may follow; a later chunk would decode it as fresh data.
      if (endsWithPadding(text, read)) {
        return ONLY_WHITESPACE.test(text.slice(read)) ? out.subarray(0, written) : null;
      }
      // A chunk of mostly whitespace can hold no whole group: widen it rather than stall.
      size = step.read === 0 ? size * 2 : chunkChars;
      onProgress(read, text.length);
    }
  } catch {
    return null;
  }
  return out.subarray(0, written);
}

const ONLY_WHITESPACE = /^[\t\n\f\r ]*$/;

function endsWithPadding(text: string, end: number): boolean {
  for (let i = end - 1; i >= 0; i--) {
    const value = DECODE_TABLE[text.charCodeAt(i)];
    if (value !== WHITESPACE) return value === PAD;
  }
  return false;
}

/** Breaks text into lines of at most `width` characters (MIME: 76 and CRLF, RFC 2045 §6.8). */
export function wrapLines(text: string, width = 76, lineBreak = '\r\n'): string {
  if (text.length <= width) return text;
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += width) lines.push(text.slice(i, i + width));
  return lines.join(lineBreak);
}
