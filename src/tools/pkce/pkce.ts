// PKCE (RFC 7636): code verifiers and their validation, code challenges, and random state and nonce values.
import { encodeBase64 } from '../../lib/encoding/base64.ts';
import { describeCharacter, describePosition } from '../../lib/encoding/position.ts';
import { encodeUtf8 } from '../../lib/encoding/utf8.ts';
import { fail, ok, type Result } from '../../lib/result.ts';

/** RFC 7636 §4.1: code-verifier = 43*128unreserved. */
export const VERIFIER_MIN_LENGTH = 43;
/** RFC 7636 §4.1. */
export const VERIFIER_MAX_LENGTH = 128;

/** The unreserved characters of RFC 3986 §2.3, the only ones a verifier may hold (RFC 7636 §4.1). */
export const UNRESERVED_CHARACTERS =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';

/** RFC 7636 §4.2 defines these two; `plain` is only for clients that cannot do S256. */
export type PkceMethod = 'S256' | 'plain';
export const PKCE_METHODS: readonly PkceMethod[] = ['S256', 'plain'];

/** 128 bits: RFC 6749 §10.10 caps the odds of guessing a generated token at 2^-128. */
export const MIN_RANDOM_TOKEN_BYTES = 16;
/** The most one `crypto.getRandomValues` call may fill (Web Cryptography API, getRandomValues: QuotaExceededError above it). */
export const MAX_RANDOM_TOKEN_BYTES = 65536;

export type CodeVerifierErrorCode = 'too-short' | 'too-long' | 'invalid-character';

// The largest multiple of 66 that fits in a byte (3 × 66 = 198). Bytes at or above it are drawn
// again, so each of the 66 characters is hit by exactly three byte values: no modulo bias.
const REJECTION_LIMIT = 256 - (256 % UNRESERVED_CHARACTERS.length);
const NOT_UNRESERVED = /[^A-Za-z0-9._~-]/;

/**
 * Creates a code verifier of `length` characters, each drawn uniformly from the 66 unreserved
 * characters with `crypto.getRandomValues` and rejection sampling.
 *
 * Does not clamp: a `length` that is not an integer from 43 to 128 throws a `RangeError`, since
 * that is a bug in the caller, not something a user typed (the view clamps its spinbutton).
 */
export function createCodeVerifier(length: number): string {
  if (!Number.isInteger(length) || length < VERIFIER_MIN_LENGTH || length > VERIFIER_MAX_LENGTH) {
    throw new RangeError(
      `A code verifier has ${VERIFIER_MIN_LENGTH} to ${VERIFIER_MAX_LENGTH} characters (RFC 7636 §4.1), not ${String(length)}.`,
    );
  }
  // About 77 % of bytes are kept, so this usually fills the verifier in one call.
  const bytes = new Uint8Array(Math.ceil(length * 1.5));
  let verifier = '';
  while (verifier.length < length) {
    crypto.getRandomValues(bytes);
    for (const byte of bytes) {
      if (byte >= REJECTION_LIMIT) continue;
      verifier += UNRESERVED_CHARACTERS.charAt(byte % UNRESERVED_CHARACTERS.length);
      if (verifier.length === length) break;
    }
  }
  return verifier;
}

/**
 * Checks that `text` is a code verifier as RFC 7636 §4.1 defines it: 43 to 128 unreserved
 * characters. Returns the text unchanged when it is one.
 *
 * Characters are checked before the length: a stray character (a space, a quote, or `+`, `/`, `=`
 * from standard Base64) is the usual cause of a bad paste, it has a position the view can point
 * at, and removing it often fixes the length too. It also means a length is only ever reported for
 * ASCII text, where characters and UTF-16 code units are the same thing.
 * On `invalid-character`, `at` is the index of the first bad character; on `too-long`, it is
 * index 128, the first character past the limit; `too-short` has no `at`.
 *
 * Does not trim whitespace, judge entropy, or check that the verifier came from a random source.
 */
export function validateCodeVerifier(text: string): Result<string, CodeVerifierErrorCode> {
  const bad = text.search(NOT_UNRESERVED);
  if (bad !== -1) {
    return fail(
      'invalid-character',
      `The verifier has ${describeCharacter(text, bad)} at ${describePosition(text, bad)}; RFC 7636 §4.1 allows only A–Z, a–z, 0–9, "-", ".", "_" and "~".${characterHint(text.charAt(bad))}`,
      bad,
    );
  }
  const range = `RFC 7636 §4.1 needs ${VERIFIER_MIN_LENGTH} to ${VERIFIER_MAX_LENGTH}.`;
  if (text.length < VERIFIER_MIN_LENGTH) {
    return fail(
      'too-short',
      text.length === 0
        ? `The verifier is empty; ${range}`
        : `The verifier is ${text.length} character${text.length === 1 ? '' : 's'}; ${range}`,
    );
  }
  if (text.length > VERIFIER_MAX_LENGTH) {
    return fail(
      'too-long',
      `The verifier is ${text.length} characters; ${range}`,
      VERIFIER_MAX_LENGTH,
    );
  }
  return ok(text);
}

function characterHint(character: string): string {
  if (character === '+' || character === '/' || character === '=') {
    return ' It looks like standard Base64: a verifier uses Base64url ("-" and "_") without "=" padding.';
  }
  if (/\s/.test(character)) return ' Remove spaces and line breaks.';
  return '';
}

/**
 * Derives the code challenge for `verifier` (RFC 7636 §4.2): for S256,
 * BASE64URL-ENCODE(SHA256(ASCII(verifier))) with `crypto.subtle.digest`; for plain, the verifier.
 *
 * Does not validate the verifier: call {@link validateCodeVerifier} first. Text outside ASCII,
 * which no valid verifier holds, is hashed as its UTF-8 bytes rather than rejected.
 */
export async function createCodeChallenge(verifier: string, method: PkceMethod): Promise<string> {
  switch (method) {
    case 'plain':
      return verifier;
    case 'S256': {
      const digest = await crypto.subtle.digest('SHA-256', encodeUtf8(verifier));
      return encodeBase64(new Uint8Array(digest), { urlSafe: true, padding: false });
    }
    default:
      throw new TypeError('Unknown PKCE method: RFC 7636 §4.2 defines only S256 and plain.');
  }
}

/**
 * Creates a random value for `state` or `nonce`: `byteLength` bytes from
 * `crypto.getRandomValues`, as Base64url without padding (32 bytes give 43 characters).
 *
 * Does not accept fewer than 16 bytes (128 bits) or more than 65536: either throws a
 * `RangeError`, as does a non-integer. Does not remember the value; the caller keeps it.
 */
export function createRandomToken(byteLength = 32): string {
  if (
    !Number.isInteger(byteLength) ||
    byteLength < MIN_RANDOM_TOKEN_BYTES ||
    byteLength > MAX_RANDOM_TOKEN_BYTES
  ) {
    throw new RangeError(
      `A random token needs ${MIN_RANDOM_TOKEN_BYTES} to ${MAX_RANDOM_TOKEN_BYTES} bytes (at least 128 bits), not ${String(byteLength)}.`,
    );
  }
  const bytes = crypto.getRandomValues(new Uint8Array(byteLength));
  return encodeBase64(bytes, { urlSafe: true, padding: false });
}
