// Base16 (RFC 4648 §8) as people paste it: either case, whitespace anywhere, an optional 0x prefix.
import { fail, ok, type Result } from '../result.ts';
import { nativeFromHex, nativeToHex } from './native.ts';
import { describeCharacter, describePosition } from './position.ts';

export type HexErrorCode = 'invalid-character' | 'odd-length';

const HEX_PAIRS = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Lowercase hex, two digits per byte, no separators. */
export function encodeHex(bytes: Uint8Array): string {
  if (nativeToHex) return nativeToHex(bytes);
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX_PAIRS[bytes[i]!]!;
  return out;
}

function nibble(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

const WHITESPACE = /[\t\n\f\r ]/;

/**
 * Decodes hex digits in either case, skipping ASCII whitespace and one leading `0x`.
 * Does not accept other separators (`:`, `-`, commas) or an odd number of digits; the error
 * says which and `at` is the zero-based index of the offending character.
 */
export function decodeHex(text: string): Result<Uint8Array<ArrayBuffer>, HexErrorCode> {
  // ASCII whitespace only, as in the loop below: `\s` would also skip NBSP, BOM and \v.
  const start = /^[\t\n\f\r ]*0[xX]/.exec(text)?.[0].length ?? 0;
  if (nativeFromHex && start === 0 && !/\s/.test(text)) {
    try {
      return ok(nativeFromHex(text));
    } catch {
      // Fall through: the table decoder finds and names the problem.
    }
  }
  const out = new Uint8Array(text.length >>> 1);
  let o = 0;
  let high = -1;
  let highAt = 0;
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const value = nibble(code);
    if (value === -1) {
      if (WHITESPACE.test(text[i]!)) continue;
      return fail(
        'invalid-character',
        `Invalid hex character ${describeCharacter(text, i)} at ${describePosition(text, i)}.`,
        i,
      );
    }
    if (high === -1) {
      high = value;
      highAt = i;
    } else {
      out[o++] = (high << 4) | value;
      high = -1;
    }
  }
  if (high !== -1) {
    return fail(
      'odd-length',
      `Odd number of hex digits: the digit at ${describePosition(text, highAt)} has no partner.`,
      highAt,
    );
  }
  return ok(out.slice(0, o));
}
