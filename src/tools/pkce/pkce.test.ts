// Tests for PKCE verifiers, challenges and random tokens: RFC 7636 Appendix B, properties, statistics.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  UNRESERVED_CHARACTERS,
  VERIFIER_MAX_LENGTH,
  VERIFIER_MIN_LENGTH,
  createCodeChallenge,
  createCodeVerifier,
  createRandomToken,
  validateCodeVerifier,
} from './pkce.ts';

// RFC 7636 Appendix B, copied from the RFC: the 32 random octets, the verifier printed for them,
// the SHA-256 octets of that verifier, and the challenge printed for those.
const RFC_OCTETS = [
  116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105,
  214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121,
];
const RFC_VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const RFC_DIGEST_OCTETS = [
  19, 211, 30, 150, 26, 26, 216, 236, 47, 22, 177, 12, 76, 152, 46, 8, 118, 168, 120, 173, 109, 241,
  68, 86, 110, 225, 137, 74, 203, 112, 249, 195,
];
const RFC_CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

const UNRESERVED_LIST = Array.from(UNRESERVED_CHARACTERS);
const VALID_VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

const validVerifier = fc.string({
  unit: fc.constantFrom(...UNRESERVED_LIST),
  minLength: VERIFIER_MIN_LENGTH,
  maxLength: VERIFIER_MAX_LENGTH,
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('RFC 7636 Appendix B', () => {
  it('the printed verifier is the Base64url of the printed octets', () => {
    expect(Buffer.from(RFC_OCTETS).toString('base64url')).toBe(RFC_VERIFIER);
  });

  it('the printed challenge is the Base64url of the printed SHA-256 octets', () => {
    expect(createHash('sha256').update(RFC_VERIFIER).digest()).toEqual(
      Buffer.from(RFC_DIGEST_OCTETS),
    );
    expect(Buffer.from(RFC_DIGEST_OCTETS).toString('base64url')).toBe(RFC_CHALLENGE);
  });

  it('createCodeChallenge gives the S256 challenge of the example', async () => {
    await expect(createCodeChallenge(RFC_VERIFIER, 'S256')).resolves.toBe(RFC_CHALLENGE);
  });

  it('the example verifier is valid', () => {
    expect(validateCodeVerifier(RFC_VERIFIER)).toEqual({ ok: true, value: RFC_VERIFIER });
  });
});

describe('createCodeChallenge', () => {
  it('plain returns the verifier itself (RFC 7636 §4.2)', async () => {
    await expect(createCodeChallenge(RFC_VERIFIER, 'plain')).resolves.toBe(RFC_VERIFIER);
  });

  it('S256 matches node:crypto for any valid verifier', async () => {
    await fc.assert(
      fc.asyncProperty(validVerifier, async (verifier) => {
        const expected = createHash('sha256').update(verifier).digest('base64url');
        expect(await createCodeChallenge(verifier, 'S256')).toBe(expected);
      }),
    );
  });

  it('rejects a method RFC 7636 does not define', async () => {
    // A value from outside the type system, as a combobox could hand over.
    const method = 'S512' as unknown as 'S256';
    await expect(createCodeChallenge(RFC_VERIFIER, method)).rejects.toThrow(TypeError);
  });
});

describe('createCodeVerifier', () => {
  it('gives n unreserved characters that pass validation, for every n from 43 to 128', () => {
    fc.assert(
      fc.property(fc.integer({ min: VERIFIER_MIN_LENGTH, max: VERIFIER_MAX_LENGTH }), (n) => {
        const verifier = createCodeVerifier(n);
        expect(verifier).toHaveLength(n);
        expect(verifier).toMatch(/^[A-Za-z0-9._~-]*$/);
        expect(validateCodeVerifier(verifier).ok).toBe(true);
      }),
    );
    for (let n = VERIFIER_MIN_LENGTH; n <= VERIFIER_MAX_LENGTH; n++) {
      expect(createCodeVerifier(n)).toHaveLength(n);
    }
  });

  it.each([42, 129, 0, -43, 43.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'throws a RangeError for length %s',
    (length) => {
      expect(() => createCodeVerifier(length)).toThrow(RangeError);
      expect(() => createCodeVerifier(length)).toThrow(/43 to 128 characters \(RFC 7636 §4\.1\)/);
    },
  );

  it('redraws bytes from 198 to 255 instead of folding them onto characters (no modulo bias)', () => {
    // A byte stream, however the generator slices it into calls. Kept bytes map to byte % 66:
    // 0 → "A", 65 → "~", 197 → "~", 66 → "A", 131 → "~", 132 → "A", 1 → "B". The rest are
    // 198 or more; a modulo-only mapping would turn 198 into "A", 255 into "5", 230 into "g".
    const stream = [198, 255, 0, 230, 65, 197, 199, 66, 131, 132, 1];
    let next = 0;
    vi.spyOn(crypto, 'getRandomValues').mockImplementation(
      <T extends ArrayBufferView | null>(array: T): T => {
        const bytes = array as unknown as Uint8Array;
        for (let i = 0; i < bytes.length; i++) bytes[i] = stream[next++ % stream.length]!;
        return array;
      },
    );
    expect(createCodeVerifier(43)).toBe('A~~A~AB'.repeat(7).slice(0, 43));
  });

  // Every one of the 66 characters appears in 200 verifiers of 128 (25 600 draws). For a fair
  // generator a given character is missing with probability (65/66)^25600 ≈ 10^-169.7, so some
  // character is missing with probability at most 66 × that ≈ 10^-167.9: this cannot flake.
  it('uses all 66 unreserved characters', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) for (const c of createCodeVerifier(128)) seen.add(c);
    expect([...seen].sort()).toEqual([...UNRESERVED_LIST].sort());
  });

  // Modulo bias would make the last 8 characters ("6789-._~", indexes 58–65) rarer: 3/256 each
  // instead of 1/66, a share of 24/256 = 0.09375 instead of 8/66 ≈ 0.12121. Over N = 128 000 draws,
  // Hoeffding bounds a fair generator's chance of missing 8/66 by 0.0135 or more by
  // 2·exp(-2·N·0.0135²) ≈ 10^-20, and a biased one's chance of landing that close by exp(-49.9).
  it('gives the last 8 characters their fair share', () => {
    const tail = new Set(UNRESERVED_LIST.slice(58));
    let draws = 0;
    let inTail = 0;
    for (let i = 0; i < 1000; i++) {
      for (const c of createCodeVerifier(128)) {
        draws++;
        if (tail.has(c)) inTail++;
      }
    }
    expect(draws).toBe(128_000);
    expect(Math.abs(inTail / draws - 8 / 66)).toBeLessThan(0.0135);
  });
});

describe('validateCodeVerifier', () => {
  it.each([
    ['A'.repeat(43)],
    ['~'.repeat(128)],
    [UNRESERVED_CHARACTERS],
    [UNRESERVED_CHARACTERS.slice(0, 43)],
  ])('accepts %s', (text) => {
    expect(validateCodeVerifier(text)).toEqual({ ok: true, value: text });
  });

  it.each([
    ['', 'too-short', 'The verifier is empty; RFC 7636 §4.1 needs 43 to 128.', undefined],
    ['a', 'too-short', 'The verifier is 1 character; RFC 7636 §4.1 needs 43 to 128.', undefined],
    [
      'a'.repeat(12),
      'too-short',
      'The verifier is 12 characters; RFC 7636 §4.1 needs 43 to 128.',
      undefined,
    ],
    [
      'a'.repeat(42),
      'too-short',
      'The verifier is 42 characters; RFC 7636 §4.1 needs 43 to 128.',
      undefined,
    ],
    [
      'a'.repeat(129),
      'too-long',
      'The verifier is 129 characters; RFC 7636 §4.1 needs 43 to 128.',
      128,
    ],
    [
      `${RFC_VERIFIER.slice(0, 10)}+${RFC_VERIFIER.slice(11)}`,
      'invalid-character',
      'The verifier has "+" (U+002B) at position 11; RFC 7636 §4.1 allows only A–Z, a–z, 0–9, "-", ".", "_" and "~". It looks like standard Base64: a verifier uses Base64url ("-" and "_") without "=" padding.',
      10,
    ],
    [
      `${RFC_VERIFIER}=`,
      'invalid-character',
      'The verifier has "=" (U+003D) at position 44; RFC 7636 §4.1 allows only A–Z, a–z, 0–9, "-", ".", "_" and "~". It looks like standard Base64: a verifier uses Base64url ("-" and "_") without "=" padding.',
      43,
    ],
    [
      ` ${RFC_VERIFIER}`,
      'invalid-character',
      'The verifier has U+0020 at position 1; RFC 7636 §4.1 allows only A–Z, a–z, 0–9, "-", ".", "_" and "~". Remove spaces and line breaks.',
      0,
    ],
    [
      `${RFC_VERIFIER}\n`,
      'invalid-character',
      'The verifier has U+000A at position 44 (line 1, column 44); RFC 7636 §4.1 allows only A–Z, a–z, 0–9, "-", ".", "_" and "~". Remove spaces and line breaks.',
      43,
    ],
    [
      // Characters are checked first: a short text with a bad character reports the character.
      'abc"def',
      'invalid-character',
      'The verifier has """ (U+0022) at position 4; RFC 7636 §4.1 allows only A–Z, a–z, 0–9, "-", ".", "_" and "~".',
      3,
    ],
    [
      `${'a'.repeat(50)}é`,
      'invalid-character',
      'The verifier has "é" (U+00E9) at position 51; RFC 7636 §4.1 allows only A–Z, a–z, 0–9, "-", ".", "_" and "~".',
      50,
    ],
    [
      `${'a'.repeat(50)}😀`,
      'invalid-character',
      'The verifier has "😀" (U+1F600) at position 51; RFC 7636 §4.1 allows only A–Z, a–z, 0–9, "-", ".", "_" and "~".',
      50,
    ],
  ])('rejects %j as %s', (text, code, message, at) => {
    expect(validateCodeVerifier(text)).toEqual({
      ok: false,
      error: at === undefined ? { code, message } : { code, message, at },
    });
  });

  it('never throws, and agrees with the RFC 7636 §4.1 grammar on arbitrary text', () => {
    const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));
    const nearlyValid = fc.constantFrom(...UNRESERVED_LIST, '+', '/', '=', ' ', 'é', '\n');
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.string({ unit: codeUnit, maxLength: 200 }),
      fc.string({ unit: nearlyValid, minLength: 30, maxLength: 140 }),
      validVerifier,
    );
    fc.assert(
      fc.property(text, (input) => {
        const result = validateCodeVerifier(input);
        expect(result.ok).toBe(VALID_VERIFIER.test(input));
        if (result.ok) {
          expect(result.value).toBe(input);
          return;
        }
        const { code, message, at } = result.error;
        expect(['too-short', 'too-long', 'invalid-character']).toContain(code);
        expect(message.length).toBeGreaterThan(0);
        if (at !== undefined) {
          expect(at).toBeGreaterThanOrEqual(0);
          expect(at).toBeLessThan(input.length);
        }
        // An independent oracle for which error comes first and where.
        let firstBad = -1;
        for (let i = 0; i < input.length; i++) {
          if (!UNRESERVED_CHARACTERS.includes(input.charAt(i))) {
            firstBad = i;
            break;
          }
        }
        if (firstBad !== -1)
          expect(result.error).toMatchObject({ code: 'invalid-character', at: firstBad });
        else if (input.length < 43) expect(code).toBe('too-short');
        else expect(result.error).toMatchObject({ code: 'too-long', at: 128 });
      }),
      { numRuns: 500 },
    );
  });
});

describe('createRandomToken', () => {
  it('gives 43 Base64url characters for the default 32 bytes, and decodes back to 32 bytes', () => {
    const token = createRandomToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  });

  it('gives 22 characters for the minimum of 16 bytes', () => {
    expect(createRandomToken(16)).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('encodes exactly the bytes crypto.getRandomValues returns', () => {
    vi.spyOn(crypto, 'getRandomValues').mockImplementation(
      <T extends ArrayBufferView | null>(array: T): T => {
        const bytes = array as unknown as Uint8Array;
        for (let i = 0; i < bytes.length; i++) bytes[i] = RFC_OCTETS[i]!;
        return array;
      },
    );
    expect(createRandomToken(32)).toBe(RFC_VERIFIER);
  });

  it('does not repeat itself', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => createRandomToken()));
    expect(tokens.size).toBe(100);
  });

  it.each([15, 0, -1, 16.5, Number.NaN, 65537])('throws a RangeError for %s bytes', (bytes) => {
    expect(() => createRandomToken(bytes)).toThrow(RangeError);
  });
});
