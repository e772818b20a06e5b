// UTF-8 (RFC 3629) both ways. Decoding is strict: invalid bytes are reported, never replaced by U+FFFD.
import { fail, ok, type Result } from '../result.ts';

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function encodeUtf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}

/**
 * Decodes bytes that must be valid UTF-8. Does not strip a byte-order mark (it stays U+FEFF,
 * so what the bytes hold is what is shown). On failure `at` is the offset of the first bad byte.
 */
export function decodeUtf8(bytes: Uint8Array): Result<string, 'invalid-utf8'> {
  try {
    return ok(strictDecoder.decode(bytes));
  } catch {
    const at = firstInvalidUtf8Offset(bytes);
    return fail(
      'invalid-utf8',
      `Not valid UTF-8: the byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at offset ${at} does not fit.`,
      at,
    );
  }
}

/** Offset of the first byte that breaks UTF-8 well-formedness (Unicode Table 3-7), or -1. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f; // no UTF-16 surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f; // nothing above U+10FFFF
    } else return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i + k;
    }
    i += length;
  }
  return -1;
}
