// The Base64 tool's one conversion path, for a typed string and a 1 GiB file alike: work in
// chunks (so a worker can report progress between them) that give exactly the whole-input result.
import { decodeBase64Chunked, encodeBase64, wrapLines } from '../../lib/encoding/base64.ts';
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
  | {
      readonly mode: 'encode';
      /**
       * The encoded text in pieces, in order. Joining 64 MiB of Base64 costs as much as encoding
       * it, and a download (a Blob of the pieces) never needs it: join only to copy or swap.
       */
      readonly pieces: readonly string[];
      readonly length: number;
    }
  | {
      readonly mode: 'decode';
      readonly bytes: Uint8Array<ArrayBuffer>;
      /** The bytes as text when they are valid UTF-8, else null. */
      readonly text: string | null;
      /** Offset of the first byte that is not UTF-8, or -1. */
      readonly invalidUtf8At: number;
      /** The media type, when the input was a `data:…;base64,` URL (its prefix is skipped). */
      readonly dataUrlType: string | null;
    };

export type ConvertErrorCode =
  | 'invalid-character'
  | 'data-after-padding'
  | 'incomplete-padding'
  | 'truncated-group'
  | 'odd-length';

/** Called between chunks with how much of the input is done. */
export type ProgressCallback = (done: number, total: number) => void;

/** 57 bytes make one 76-character MIME line; 256 Ki lines make a chunk of about 14 MiB. */
export const ENCODE_CHUNK_BYTES = 57 * 262_144;
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
    const pieces = encodeInChunks(bytes, request.format, request.options, onProgress, chunkSize);
    return ok({
      mode: 'encode',
      pieces,
      length: pieces.reduce((sum, piece) => sum + piece.length, 0),
    });
  }
  // A file to decode holds Base64 or hex text; read one character per byte so positions are offsets.
  const raw =
    request.input.kind === 'text' ? request.input.text : latin1.decode(request.input.bytes);
  const { text, dataUrlType } =
    request.format === 'base64' ? blankDataUrlPrefix(raw) : { text: raw, dataUrlType: null };
  const decoded = decodeWithProgress(text, request.format, onProgress, chunkSize);
  if (!decoded.ok) return decoded;
  const asText = decodeUtf8(decoded.value);
  return ok({
    mode: 'decode',
    bytes: decoded.value,
    text: asText.ok ? asText.value : null,
    invalidUtf8At: asText.ok ? -1 : (asText.error.at ?? 0),
    dataUrlType,
  });
}

const DATA_URL_PREFIX = /^[\t\n\f\r ]*data:([^,]{0,256}?);base64,/i;

/**
 * People paste whole `data:` URLs (RFC 2397). The prefix is replaced by spaces, which the decoder
 * skips, so every error position still points into the text as the user typed it.
 */
export function blankDataUrlPrefix(text: string): { text: string; dataUrlType: string | null } {
  const match = DATA_URL_PREFIX.exec(text);
  if (!match) return { text, dataUrlType: null };
  const parameters = (match[1] ?? '').split(';');
  return {
    text: ' '.repeat(match[0].length) + text.slice(match[0].length),
    dataUrlType: parameters[0]?.trim() || 'text/plain',
  };
}

/** Encodes chunk by chunk, reporting progress; the pieces, joined, are the whole encoding. */
export function encodeInChunks(
  bytes: Uint8Array,
  format: Format,
  options: EncodeOptions,
  onProgress?: ProgressCallback,
  chunkSize = ENCODE_CHUNK_BYTES,
): string[] {
  const wrap = format === 'base64' && options.wrap;
  // Chunks must split on whole 3-byte groups and, when wrapping, on whole 57-byte lines.
  const step = Math.max(57, chunkSize - (chunkSize % 57));
  const pieces: string[] = [];
  for (let start = 0; start < bytes.length; start += step) {
    const chunk = bytes.subarray(start, start + step);
    if (wrap && start > 0) pieces.push('\r\n');
    const piece =
      format === 'hex'
        ? encodeHex(chunk)
        : encodeBase64(chunk, { urlSafe: options.urlSafe, padding: options.padding });
    pieces.push(wrap ? wrapLines(piece) : piece);
    onProgress?.(Math.min(start + step, bytes.length), bytes.length);
  }
  return pieces;
}

/**
 * Decodes with progress. Base64 streams natively in chunks (lib/encoding/base64.ts); hex, rare
 * at sizes where progress matters, decodes in one pass and reports when done.
 */
function decodeWithProgress(
  text: string,
  format: Format,
  onProgress: ProgressCallback = () => undefined,
  chunkSize?: number,
): Result<Uint8Array<ArrayBuffer>, ConvertErrorCode> {
  if (format === 'base64') return decodeBase64Chunked(text, onProgress, chunkSize);
  const result = decodeHex(text);
  onProgress(text.length, text.length);
  return result;
}

/** A `data:` URL for bytes already encoded as standard, padded, unwrapped Base64 (RFC 2397). */
export function createDataUrl(mimeType: string, base64: string): string {
  const type = /^[\w.+-]+\/[\w.+-]+$/.test(mimeType) ? mimeType : 'application/octet-stream';
  return `data:${type};base64,${base64}`;
}
