// The Base64 tool's one conversion path, for a typed string and a 1 GiB file alike: work in
// chunks (so a worker can report progress between them) that give exactly the whole-input result.
import { decodeBase64, encodeBase64, wrapLines } from '../../lib/encoding/base64.ts';
import { decodeHex, encodeHex } from '../../lib/encoding/hex.ts';
import { decodeUtf8, encodeUtf8 } from '../../lib/encoding/utf8.ts';
import { ok, type Result } from '../../lib/result.ts';

export type Mode = 'encode' | 'decode';
export type Format = 'base64' | 'hex';

export interface EncodeOptions {
  /** Base64url alphabet (RFC 4648 §5). */
  readonly urlSafe: boolean;
  /** Emit `=` padding. */
  readonly padding: boolean;
  /** MIME line wrapping at 76 characters with CRLF (RFC 2045 §6.8). */
  readonly wrap: boolean;
}

export type ConvertInput =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array };

export interface ConvertRequest {
  readonly mode: Mode;
  readonly format: Format;
  readonly options: EncodeOptions;
  readonly input: ConvertInput;
}

export type Converted =
  | { readonly mode: 'encode'; readonly text: string }
  | {
      readonly mode: 'decode';
      readonly bytes: Uint8Array<ArrayBuffer>;
      /** The bytes as text when they are valid UTF-8, else null. */
      readonly text: string | null;
      /** Offset of the first byte that is not UTF-8, or -1. */
      readonly invalidUtf8At: number;
    };

export type ConvertErrorCode =
  | 'invalid-character'
  | 'data-after-padding'
  | 'incomplete-padding'
  | 'truncated-group'
  | 'odd-length';

/** Called between chunks with how much of the input is done. */
export type ProgressCallback = (done: number, total: number) => void;

/** 57 bytes make one 76-character MIME line; 64 Ki lines make a chunk of about 3.6 MiB. */
export const ENCODE_CHUNK_BYTES = 57 * 65_536;
export const DECODE_CHUNK_CHARS = 4 * 1_048_576;

const ASCII_WHITESPACE = /[\t\n\f\r ]+/g;
const HEX_DIGITS_ONLY = /^[0-9a-fA-F]*$/;
const latin1 = new TextDecoder('latin1');

/**
 * Encodes or decodes as the request says. Decoded output is checked for UTF-8 and reported as
 * text or as bytes; nothing is ever replaced by U+FFFD. Never throws on any input.
 * `chunkSize` exists for tests; callers leave it alone.
 */
export function convert(
  request: ConvertRequest,
  onProgress?: ProgressCallback,
  chunkSize?: number,
): Result<Converted, ConvertErrorCode> {
  if (request.mode === 'encode') {
    const bytes =
      request.input.kind === 'text' ? encodeUtf8(request.input.text) : request.input.bytes;
    return ok({
      mode: 'encode',
      text: encodeInChunks(bytes, request.format, request.options, onProgress, chunkSize),
    });
  }
  // A file to decode holds Base64 or hex text; read one character per byte so positions are offsets.
  const text =
    request.input.kind === 'text' ? request.input.text : latin1.decode(request.input.bytes);
  const decoded = decodeInChunks(text, request.format, onProgress, chunkSize);
  if (!decoded.ok) return decoded;
  const asText = decodeUtf8(decoded.value);
  return ok({
    mode: 'decode',
    bytes: decoded.value,
    text: asText.ok ? asText.value : null,
    invalidUtf8At: asText.ok ? -1 : (asText.error.at ?? 0),
  });
}

export function encodeInChunks(
  bytes: Uint8Array,
  format: Format,
  options: EncodeOptions,
  onProgress?: ProgressCallback,
  chunkSize = ENCODE_CHUNK_BYTES,
): string {
  // Chunks must split on whole 3-byte groups and, when wrapping, on whole 57-byte lines.
  const step = Math.max(57, chunkSize - (chunkSize % 57));
  const pieces: string[] = [];
  for (let start = 0; start < bytes.length; start += step) {
    const chunk = bytes.subarray(start, start + step);
    const piece =
      format === 'hex'
        ? encodeHex(chunk)
        : encodeBase64(chunk, { urlSafe: options.urlSafe, padding: options.padding });
    pieces.push(format === 'base64' && options.wrap ? wrapLines(piece) : piece);
    onProgress?.(Math.min(start + step, bytes.length), bytes.length);
  }
  return pieces.join(format === 'base64' && options.wrap ? '\r\n' : '');
}

/**
 * Decodes chunk by chunk, carrying partial groups across chunk edges. Any problem sends the
 * whole text through the one-shot decoder, whose error names the exact position in the input.
 */
export function decodeInChunks(
  text: string,
  format: Format,
  onProgress?: ProgressCallback,
  chunkSize = DECODE_CHUNK_CHARS,
): Result<Uint8Array<ArrayBuffer>, ConvertErrorCode> {
  const decodeWhole = format === 'hex' ? decodeHex : decodeBase64;
  if (text.length <= chunkSize) {
    const result = decodeWhole(text);
    onProgress?.(text.length, text.length);
    return result;
  }
  const groupSize = format === 'hex' ? 2 : 4;
  const parts: Uint8Array[] = [];
  let carry = '';
  let paddingSeen = false;
  let start = 0;
  if (format === 'hex') start = /^\s*0[xX]/.exec(text)?.[0].length ?? 0;
  for (; start < text.length; start += chunkSize) {
    const last = start + chunkSize >= text.length;
    const clean = carry + text.slice(start, start + chunkSize).replace(ASCII_WHITESPACE, '');
    const take = last ? clean.length : clean.length - (clean.length % groupSize);
    const piece = clean.slice(0, take);
    carry = clean.slice(take);
    if (piece === '') continue;
    if (paddingSeen) return decodeWhole(text); // data after padding: let the one-shot decoder say where
    if (format === 'hex' && !HEX_DIGITS_ONLY.test(piece)) return decodeWhole(text);
    if (piece.includes('=')) paddingSeen = true;
    const decoded = decodeWhole(piece);
    if (!decoded.ok) return decodeWhole(text);
    parts.push(decoded.value);
    onProgress?.(Math.min(start + chunkSize, text.length), text.length);
  }
  return ok(concatBytes(parts));
}

function concatBytes(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** A `data:` URL for bytes already encoded as standard, padded, unwrapped Base64 (RFC 2397). */
export function createDataUrl(mimeType: string, base64: string): string {
  const type = /^[\w.+-]+\/[\w.+-]+$/.test(mimeType) ? mimeType : 'application/octet-stream';
  return `data:${type};base64,${base64}`;
}
