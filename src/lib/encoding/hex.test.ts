import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeHex, encodeHex, type HexErrorCode } from './hex.ts';

const WHITESPACE = ['\t', '\n', '\f', '\r', ' '] as const;

function ascii(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

function decodedBytes(result: ReturnType<typeof decodeHex>): number[] {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return Array.from(result.value);
}

// RFC 4648 §10 BASE16 test vectors (the RFC writes them in upper case).
const RFC4648_BASE16: readonly (readonly [string, string])[] = [
  ['', ''],
  ['f', '66'],
  ['fo', '666F'],
  ['foo', '666F6F'],
  ['foob', '666F6F62'],
  ['fooba', '666F6F6261'],
  ['foobar', '666F6F626172'],
];

describe('encodeHex', () => {
  it.each(RFC4648_BASE16)('encodes %j as the lowercase of %j (RFC 4648 §10)', (plain, hex) => {
    expect(encodeHex(ascii(plain))).toBe(hex.toLowerCase());
  });

  it('writes two lowercase digits for every byte value', () => {
    expect(encodeHex(Uint8Array.from([0x00, 0x01, 0x0a, 0xab, 0xcd, 0xef, 0xff]))).toBe(
      '00010aabcdefff',
    );
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(encodeHex(all)).toBe(Buffer.from(all).toString('hex'));
  });

  it('encodes a subarray view by its own bytes', () => {
    expect(encodeHex(ascii('xxfoox').subarray(2, 5))).toBe('666f6f');
  });

  it('matches Node Buffer for random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        const hex = encodeHex(bytes);
        expect(hex).toBe(Buffer.from(bytes).toString('hex'));
        expect(hex).toMatch(/^(?:[0-9a-f]{2})*$/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('decodeHex', () => {
  describe('accepts', () => {
    it.each(RFC4648_BASE16)('the RFC 4648 §10 vector for %j in either case', (plain, hex) => {
      const expected = Array.from(ascii(plain));
      expect(decodedBytes(decodeHex(hex))).toEqual(expected);
      expect(decodedBytes(decodeHex(hex.toLowerCase()))).toEqual(expected);
    });

    it.each([
      ['DeadBeef', [0xde, 0xad, 0xbe, 0xef]],
      [
        '0123456789abcdefABCDEF',
        [0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0xab, 0xcd, 0xef],
      ],
      ['de ad be ef', [0xde, 0xad, 0xbe, 0xef]],
      ['d e a d', [0xde, 0xad]],
      ['de\r\nad\tbe\fef\n', [0xde, 0xad, 0xbe, 0xef]],
      ['0xdeadbeef', [0xde, 0xad, 0xbe, 0xef]],
      ['0XDEADBEEF', [0xde, 0xad, 0xbe, 0xef]],
      ['  0x de ad', [0xde, 0xad]],
      ['\n0xff', [0xff]],
      ['0x', []],
      ['0x00', [0x00]],
      ['00', [0x00]],
      ['', []],
      [' \r\n\t', []],
    ])('%j', (text, bytes) => {
      expect(decodedBytes(decodeHex(text))).toEqual(bytes);
    });
  });

  describe('rejects', () => {
    const cases: readonly { text: string; code: HexErrorCode; at: number; parts: string[] }[] = [
      { text: 'zz', code: 'invalid-character', at: 0, parts: ['"z" (U+007A)', 'position 1'] },
      { text: 'abcg', code: 'invalid-character', at: 3, parts: ['"g"', 'position 4'] },
      { text: 'de:ad', code: 'invalid-character', at: 2, parts: ['":"', 'position 3'] },
      { text: 'de-ad', code: 'invalid-character', at: 2, parts: ['"-"'] },
      { text: 'de,ad', code: 'invalid-character', at: 2, parts: ['","'] },
      // Only one leading prefix, and only at the start.
      { text: '0x0xff', code: 'invalid-character', at: 3, parts: ['"x"', 'position 4'] },
      { text: 'ff0x', code: 'invalid-character', at: 3, parts: ['"x"'] },
      { text: 'x0ff', code: 'invalid-character', at: 0, parts: ['"x"'] },
      { text: 'ffé', code: 'invalid-character', at: 2, parts: ['"é" (U+00E9)', 'position 3'] },
      { text: 'ff😀', code: 'invalid-character', at: 2, parts: ['"😀" (U+1F600)'] },
      { text: 'ff\u0000', code: 'invalid-character', at: 2, parts: ['U+0000'] },
      // Not ASCII whitespace, so not skipped, with or without a prefix after it.
      { text: 'ff\u000bff', code: 'invalid-character', at: 2, parts: ['U+000B'] },
      { text: '\u000bff', code: 'invalid-character', at: 0, parts: ['U+000B'] },
      { text: '\u000b0xff', code: 'invalid-character', at: 0, parts: ['U+000B'] },
      { text: '\u00a00xff', code: 'invalid-character', at: 0, parts: ['U+00A0'] },
      { text: '\ufeff0xff', code: 'invalid-character', at: 0, parts: ['U+FEFF'] },
      {
        text: 'dead\nbeeg',
        code: 'invalid-character',
        at: 8,
        parts: ['"g"', 'position 9 (line 2, column 4)'],
      },
      { text: 'f', code: 'odd-length', at: 0, parts: ['position 1', 'no partner'] },
      { text: 'abc', code: 'odd-length', at: 2, parts: ['position 3'] },
      { text: 'ab c', code: 'odd-length', at: 3, parts: ['position 4'] },
      { text: 'a bc ', code: 'odd-length', at: 3, parts: ['position 4'] },
      { text: '0xabc', code: 'odd-length', at: 4, parts: ['position 5'] },
      { text: '0x0', code: 'odd-length', at: 2, parts: ['position 3'] },
      { text: 'ab\ncd\ne', code: 'odd-length', at: 6, parts: ['position 7 (line 3, column 1)'] },
    ];

    it.each(cases)('$text with $code at $at', ({ text, code, at, parts }) => {
      const result = decodeHex(text);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(code);
      expect(result.error.at).toBe(at);
      for (const part of parts) expect(result.error.message).toContain(part);
    });

    it('reports a bad character before an odd count', () => {
      const result = decodeHex('abc!');
      expect(result.ok ? undefined : result.error).toMatchObject({
        code: 'invalid-character',
        at: 3,
      });
    });
  });

  it('round-trips random bytes through any case, whitespace, and an optional 0x', () => {
    const insertion = fc.tuple(
      fc.nat(),
      fc.array(fc.constantFrom(...WHITESPACE), { minLength: 1, maxLength: 3 }),
    );
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 1024 }),
        fc.infiniteStream(fc.boolean()),
        fc.array(insertion, { maxLength: 30 }),
        fc.constantFrom('', '0x', '0X', ' 0x', '\r\n0X'),
        (bytes, upper, insertions, prefix) => {
          let text = Array.from(Buffer.from(bytes).toString('hex'), (c) =>
            upper.next().value === true ? c.toUpperCase() : c,
          ).join('');
          for (const [where, ws] of insertions) {
            const i = where % (text.length + 1);
            text = text.slice(0, i) + ws.join('') + text.slice(i);
          }
          expect(decodedBytes(decodeHex(prefix + text))).toEqual(Array.from(bytes));
        },
      ),
      { numRuns: 300 },
    );
  });

  const hexish = fc.string({
    unit: fc.oneof(
      { weight: 10, arbitrary: fc.constantFrom(...Array.from('0123456789abcdefABCDEF')) },
      { weight: 2, arbitrary: fc.constantFrom(...WHITESPACE) },
      { weight: 1, arbitrary: fc.constantFrom('x', 'X', ':', '\u000b') },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
    ),
    maxLength: 40,
  });
  const anyString = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    hexish,
    hexish.map((s) => `0x${s}`),
  );

  it('never throws, and every error has a known code and an index inside the text', () => {
    fc.assert(
      fc.property(anyString, (text) => {
        const result = decodeHex(text);
        if (result.ok) return;
        expect(['invalid-character', 'odd-length']).toContain(result.error.code);
        const at = result.error.at ?? -1;
        expect(at).toBeGreaterThanOrEqual(0);
        expect(at).toBeLessThan(text.length);
        expect(result.error.message).toContain(`position ${at + 1}`);
        if (result.error.code === 'odd-length') {
          // The unpartnered digit is the last one; only whitespace follows it.
          expect(text[at]).toMatch(/^[0-9a-fA-F]$/);
          expect(text.slice(at + 1)).toMatch(/^[\t\n\f\r ]*$/);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with Node Buffer whenever it accepts the text', () => {
    fc.assert(
      fc.property(anyString, (text) => {
        const result = decodeHex(text);
        if (!result.ok) return;
        // Independently: drop one leading 0x (after ASCII whitespace) and all ASCII whitespace.
        const digits = text.replace(/^[\t\n\f\r ]*0[xX]/, '').replace(/[\t\n\f\r ]/g, '');
        expect(digits).toMatch(/^(?:[0-9a-fA-F]{2})*$/);
        expect(Array.from(result.value)).toEqual(Array.from(Buffer.from(digits, 'hex')));
      }),
      { numRuns: 500 },
    );
  });

  it('accepts every well-formed hex string', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^(?:[0-9a-fA-F]{2})*$/), (text) => {
        expect(decodedBytes(decodeHex(text))).toEqual(Array.from(Buffer.from(text, 'hex')));
      }),
      { numRuns: 300 },
    );
  });
});

// Node 20 has no Uint8Array.fromHex / toHex; a stand-in checks how hex.ts calls them.
describe('native method wiring (simulated)', () => {
  afterEach(() => {
    vi.doUnmock('./native.ts');
    vi.resetModules();
  });

  it('uses the native encoder when present', async () => {
    const toHex = vi.fn(() => 'NATIVE');
    vi.resetModules();
    vi.doMock('./native.ts', () => ({ nativeToHex: toHex, nativeFromHex: undefined }));
    const mod = await import('./hex.ts');
    expect(mod.encodeHex(Uint8Array.from([1]))).toBe('NATIVE');
    expect(toHex).toHaveBeenCalledOnce();
  });

  it('only hands plain digit strings to the native decoder, and falls back when it throws', async () => {
    const fromHex = vi.fn((text: string) => {
      if (!/^(?:[0-9a-fA-F]{2})*$/.test(text)) throw new SyntaxError('native failure');
      return Uint8Array.from(Buffer.from(text, 'hex'));
    });
    vi.resetModules();
    vi.doMock('./native.ts', () => ({ nativeToHex: undefined, nativeFromHex: fromHex }));
    const mod = await import('./hex.ts');
    expect(decodedBytes(mod.decodeHex('abCD'))).toEqual([0xab, 0xcd]);
    expect(decodedBytes(mod.decodeHex('0xabcd'))).toEqual([0xab, 0xcd]);
    expect(decodedBytes(mod.decodeHex('ab cd'))).toEqual([0xab, 0xcd]);
    const odd = mod.decodeHex('abc');
    expect(odd.ok ? undefined : odd.error).toMatchObject({ code: 'odd-length', at: 2 });
    expect(fromHex.mock.calls).toEqual([['abCD'], ['abc']]);
  });
});
