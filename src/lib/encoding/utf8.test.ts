import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, encodeUtf8, firstInvalidUtf8Offset } from './utf8.ts';

/** The platform's strict decoder: the independent oracle for validity. */
function platformAccepts(bytes: Uint8Array, stream = false): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream });
    return true;
  } catch {
    return false;
  }
}

function decodedText(result: ReturnType<typeof decodeUtf8>): string {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

const isSurrogate = (cp: number) => cp >= 0xd800 && cp <= 0xdfff;

/** UTF-8 of one scalar value, from Node rather than from the module under test. */
const scalarBytes = fc
  .integer({ min: 0, max: 0x10ffff })
  .filter((cp) => !isSurrogate(cp))
  .map((cp) => Array.from(Buffer.from(String.fromCodePoint(cp), 'utf8')));
/** Bytes that sit on the edges of the lead and continuation ranges of Unicode Table 3-7. */
const edgeByte = fc.constantFrom(
  0x7f,
  0x80,
  0x8f,
  0x90,
  0x9f,
  0xa0,
  0xbf,
  0xc0,
  0xc1,
  0xc2,
  0xdf,
  0xe0,
  0xed,
  0xee,
  0xef,
  0xf0,
  0xf4,
  0xf5,
  0xff,
);
/** Mostly well-formed UTF-8 with stray and boundary bytes mixed in, so both outcomes are common. */
const utf8ishBytes = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: scalarBytes },
      { weight: 1, arbitrary: edgeByte.map((b) => [b]) },
      { weight: 1, arbitrary: fc.integer({ min: 0x80, max: 0xff }).map((b) => [b]) },
    ),
    { maxLength: 40 },
  )
  .map((chunks) => Uint8Array.from(chunks.flat()));
/** Random bytes biased towards 0x80–0xFF. */
const highBiasedBytes = fc
  .array(
    fc.oneof(
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 0x7f }) },
      { weight: 3, arbitrary: fc.integer({ min: 0x80, max: 0xff }) },
    ),
    { maxLength: 24 },
  )
  .map((bytes) => Uint8Array.from(bytes));
const someBytes = fc.oneof(utf8ishBytes, highBiasedBytes, fc.uint8Array({ maxLength: 64 }));

describe('encodeUtf8', () => {
  it.each([
    ['', []],
    ['A', [0x41]],
    ['é', [0xc3, 0xa9]],
    ['€', [0xe2, 0x82, 0xac]],
    ['😀', [0xf0, 0x9f, 0x98, 0x80]],
    ['\ufeff', [0xef, 0xbb, 0xbf]],
    ['\ud800', [0xef, 0xbf, 0xbd]], // a lone surrogate cannot be encoded: U+FFFD
  ])('encodes %j', (text, bytes) => {
    expect(Array.from(encodeUtf8(text))).toEqual(bytes);
  });

  it('matches Node Buffer on arbitrary UTF-16, lone surrogates included', () => {
    const utf16 = fc.string({
      unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)),
      maxLength: 100,
    });
    fc.assert(
      fc.property(fc.oneof(utf16, fc.string({ unit: 'binary', maxLength: 100 })), (text) => {
        expect(Array.from(encodeUtf8(text))).toEqual(Array.from(Buffer.from(text, 'utf8')));
      }),
      { numRuns: 300 },
    );
  });
});

describe('decodeUtf8', () => {
  it.each([
    ['plain ASCII', 'hello, world'],
    ['Latin-1 range', 'héllo wörld ñ ß'],
    ['CJK', '日本語のテキスト'],
    ['emoji, astral and joined', '😀 👍🏽 👨‍👩‍👧 𝄞'],
    ['boundary scalars', '\u0000\u007f\u0080\u07ff\u0800\ud7ff\ue000\uffff\u{10000}\u{10ffff}'],
  ])('round-trips %s', (_label, text) => {
    const bytes = Uint8Array.from(Buffer.from(text, 'utf8'));
    expect(decodedText(decodeUtf8(bytes))).toBe(text);
  });

  it.each([
    [[0xc2, 0x80], '\u0080'],
    [[0xdf, 0xbf], '\u07ff'],
    [[0xe0, 0xa0, 0x80], '\u0800'],
    [[0xed, 0x9f, 0xbf], '\ud7ff'],
    [[0xee, 0x80, 0x80], '\ue000'],
    [[0xef, 0xbf, 0xbf], '\uffff'],
    [[0xf0, 0x90, 0x80, 0x80], '\u{10000}'],
    [[0xf4, 0x8f, 0xbf, 0xbf], '\u{10ffff}'],
  ])('accepts the boundary sequence %j', (bytes, text) => {
    const input = Uint8Array.from(bytes);
    expect(firstInvalidUtf8Offset(input)).toBe(-1);
    expect(decodedText(decodeUtf8(input))).toBe(text);
  });

  it('keeps a byte-order mark as U+FEFF', () => {
    expect(decodedText(decodeUtf8(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41])))).toBe('\ufeffA');
    expect(decodedText(decodeUtf8(Uint8Array.from([0xef, 0xbb, 0xbf])))).toBe('\ufeff');
    expect(decodedText(decodeUtf8(Uint8Array.from([0x41, 0xef, 0xbb, 0xbf])))).toBe('A\ufeff');
  });

  it('keeps a BOM on every call, not just the first (the decoder is shared)', () => {
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, 0x42]);
    expect(decodedText(decodeUtf8(bom))).toBe('\ufeffB');
    expect(decodedText(decodeUtf8(bom))).toBe('\ufeffB');
  });

  it('decodes an empty array as the empty string', () => {
    expect(decodeUtf8(new Uint8Array(0))).toEqual({ ok: true, value: '' });
  });

  it('decodes only the bytes of a subarray view', () => {
    const backing = Uint8Array.from([0xff, 0x68, 0x69, 0xff]);
    expect(decodedText(decodeUtf8(backing.subarray(1, 3)))).toBe('hi');
  });

  const invalid: readonly { label: string; bytes: readonly number[]; at: number }[] = [
    { label: 'lone continuation byte', bytes: [0x80], at: 0 },
    { label: 'continuation byte after ASCII', bytes: [0x41, 0x42, 0xbf], at: 2 },
    { label: 'overlong "/" (C0 AF)', bytes: [0xc0, 0xaf], at: 0 },
    { label: 'overlong C1 BF', bytes: [0xc1, 0xbf], at: 0 },
    { label: 'overlong three-byte E0 80 AF', bytes: [0xe0, 0x80, 0xaf], at: 1 },
    { label: 'overlong four-byte F0 80 80 AF', bytes: [0xf0, 0x80, 0x80, 0xaf], at: 1 },
    { label: 'surrogate U+D800 (ED A0 80)', bytes: [0xed, 0xa0, 0x80], at: 1 },
    { label: 'surrogate U+DFFF (ED BF BF)', bytes: [0xed, 0xbf, 0xbf], at: 1 },
    { label: 'above U+10FFFF (F4 90 80 80)', bytes: [0xf4, 0x90, 0x80, 0x80], at: 1 },
    { label: 'lead byte F5', bytes: [0xf5, 0x80, 0x80, 0x80], at: 0 },
    { label: 'byte FE', bytes: [0xfe], at: 0 },
    { label: 'byte FF', bytes: [0x61, 0xff], at: 1 },
    { label: 'truncated E2 82 at the end', bytes: [0xe2, 0x82], at: 0 },
    { label: 'truncated F0 9F 98 after ASCII', bytes: [0x61, 0xf0, 0x9f, 0x98], at: 1 },
    { label: 'lone lead byte C3 at the end', bytes: [0xc3], at: 0 },
    { label: 'sequence cut by ASCII (E2 82 41)', bytes: [0xe2, 0x82, 0x41], at: 2 },
    { label: 'sequence cut by a new lead (C3 C3 A9)', bytes: [0xc3, 0xc3, 0xa9], at: 1 },
    { label: 'bad third byte (E2 82 C0)', bytes: [0xe2, 0x82, 0xc0], at: 2 },
    { label: 'bad fourth byte (F0 9F 98 41)', bytes: [0xf0, 0x9f, 0x98, 0x41], at: 3 },
    {
      label: 'error after valid multibyte text',
      bytes: [0xc3, 0xa9, 0xe2, 0x82, 0xac, 0x80],
      at: 5,
    },
  ];

  it.each(invalid)('rejects $label with invalid-utf8 at $at', ({ bytes, at }) => {
    const input = Uint8Array.from(bytes);
    expect(platformAccepts(input)).toBe(false);
    expect(firstInvalidUtf8Offset(input)).toBe(at);
    const result = decodeUtf8(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-utf8');
    expect(result.error.at).toBe(at);
    const hex = bytes[at]!.toString(16).padStart(2, '0');
    expect(result.error.message).toContain(`0x${hex}`);
    expect(result.error.message).toContain(`offset ${at}`);
  });

  it('round-trips any string of Unicode scalar values', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(decodedText(decodeUtf8(encodeUtf8(text)))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with the platform decoder on random bytes', () => {
    const platform = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    fc.assert(
      fc.property(someBytes, (bytes) => {
        const result = decodeUtf8(bytes);
        if (platformAccepts(bytes)) {
          expect(result).toEqual({ ok: true, value: platform.decode(bytes) });
        } else {
          expect(result.ok).toBe(false);
          if (result.ok) return;
          expect(result.error.code).toBe('invalid-utf8');
          expect(result.error.at).toBe(firstInvalidUtf8Offset(bytes));
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('firstInvalidUtf8Offset', () => {
  it('is -1 exactly when a fatal TextDecoder accepts the bytes', () => {
    let valid = 0;
    let invalid = 0;
    fc.assert(
      fc.property(someBytes, (bytes) => {
        const accepted = platformAccepts(bytes);
        if (accepted) valid++;
        else invalid++;
        expect(firstInvalidUtf8Offset(bytes) === -1).toBe(accepted);
      }),
      { numRuns: 500 },
    );
    // Both outcomes must come up often enough for the property to mean something.
    expect(valid).toBeGreaterThan(50);
    expect(invalid).toBeGreaterThan(50);
  });

  it('names the first byte a streaming decoder chokes on, or the start of a cut-off tail', () => {
    fc.assert(
      fc.property(someBytes, (bytes) => {
        const at = firstInvalidUtf8Offset(bytes);
        if (at === -1) return;
        expect(at).toBeGreaterThanOrEqual(0);
        expect(at).toBeLessThan(bytes.length);
        // Everything before `at` is well-formed or a prefix still waiting for more bytes.
        expect(platformAccepts(bytes.subarray(0, at), true)).toBe(true);
        if (!platformAccepts(bytes.subarray(0, at + 1), true)) return; // byte `at` breaks it
        // Otherwise nothing breaks it: the text ends inside the sequence that starts at `at`.
        expect(platformAccepts(bytes.subarray(0, at))).toBe(true);
        expect(platformAccepts(bytes, true)).toBe(true);
        expect(bytes[at]).toBeGreaterThanOrEqual(0xc2);
        expect(bytes.length - at).toBeLessThanOrEqual(3);
      }),
      { numRuns: 500 },
    );
  });

  it('finds a corrupted byte placed after valid text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 50 }),
        fc.constantFrom(0x80, 0xbf, 0xc0, 0xc1, 0xf5, 0xff),
        fc.string({ unit: 'binary', maxLength: 20 }),
        (before, bad, after) => {
          const head = Buffer.from(before, 'utf8');
          const bytes = Uint8Array.from([...head, bad, ...Buffer.from(after, 'utf8')]);
          expect(firstInvalidUtf8Offset(bytes)).toBe(head.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
