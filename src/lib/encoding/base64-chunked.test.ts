// decodeBase64Chunked must give exactly decodeBase64's results. Node 20 lacks the native
// streaming decoder, so a model of Uint8Array.prototype.setFromBase64 (TC39 proposal semantics,
// checked against Chromium 156 for the cases below) stands in for it.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Base64Module from './base64.ts';

const WHITESPACE = new Set([0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const BASE64_CHARACTERS = /^[A-Za-z0-9+/\-_=\t\n\f\r ]*$/;

/** Decodes the longest prefix allowed by `lastChunkHandling`, as the native method does. */
function modelSetFromBase64(
  fallback: typeof Base64Module.decodeBase64Fallback,
  target: Uint8Array,
  text: string,
  options: { lastChunkHandling?: 'loose' | 'stop-before-partial' },
): { read: number; written: number } {
  const dataAt: number[] = [];
  for (let i = 0; i < text.length; i++) if (!WHITESPACE.has(text.charCodeAt(i))) dataAt.push(i);
  let take = dataAt.length;
  if (options.lastChunkHandling === 'stop-before-partial') take -= take % 4;
  const read = take === 0 ? 0 : dataAt[take - 1]! + 1;
  const decoded = fallback(text.slice(0, read));
  // The native method rejects a bad character even in the partial group it leaves unread.
  if (!decoded.ok || !BASE64_CHARACTERS.test(text.slice(read))) {
    throw new SyntaxError('invalid base64');
  }
  target.set(decoded.value);
  return { read, written: decoded.value.length };
}

let mod: typeof Base64Module;

beforeEach(async () => {
  vi.resetModules();
  const real = await import('./base64.ts');
  vi.resetModules();
  vi.doMock('./native.ts', () => ({
    nativeToBase64: undefined,
    nativeFromBase64: undefined,
    nativeSetFromBase64: (
      target: Uint8Array,
      text: string,
      options: { lastChunkHandling?: 'loose' | 'stop-before-partial' },
    ) => modelSetFromBase64(real.decodeBase64Fallback, target, text, options),
  }));
  mod = await import('./base64.ts');
  // Guard against a silently unmocked module: the chunked path must really be under test.
  expect(mod).not.toBe(real);
});

afterEach(() => {
  vi.doUnmock('./native.ts');
  vi.resetModules();
});

const base64Text = fc
  .tuple(fc.uint8Array({ maxLength: 300 }), fc.boolean(), fc.boolean())
  .map(([bytes, urlSafe, padding]) => {
    const encoded = Buffer.from(bytes).toString(urlSafe ? 'base64url' : 'base64');
    return padding ? encoded : encoded.replace(/=+$/, '');
  });

/** Inserts runs of whitespace, which decoding must skip wherever they fall. */
const withWhitespace = (text: string) =>
  fc
    .array(
      fc.tuple(fc.nat({ max: text.length }), fc.constantFrom(' ', '\n', '\r\n', '\t', '    ')),
      { maxLength: 8 },
    )
    .map((inserts) => {
      let out = text;
      for (const [at, ws] of [...inserts].sort((a, b) => b[0] - a[0]))
        out = out.slice(0, at) + ws + out.slice(at);
      return out;
    });

describe('decodeBase64Chunked', () => {
  it('decodes valid text exactly as the one-shot decoder, for any chunk size', () => {
    fc.assert(
      fc.property(
        base64Text.chain(withWhitespace),
        fc.integer({ min: 1, max: 40 }),
        (text, chunk) => {
          const progress: number[] = [];
          const chunked = mod.decodeBase64Chunked(text, (done) => progress.push(done), chunk);
          expect(chunked).toEqual(mod.decodeBase64Fallback(text));
          expect(progress.at(-1)).toBe(text.length);
          expect([...progress].sort((a, b) => a - b)).toEqual(progress);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reports the same error, at the same position, for broken text', () => {
    const broken = fc
      .tuple(base64Text, fc.nat(), fc.constantFrom('=', '==', '!', 'é', 'A', '=A', ' = '))
      .map(([text, at, junk]) => {
        const i = at % (text.length + 1);
        return text.slice(0, i) + junk + text.slice(i);
      });
    fc.assert(
      fc.property(broken, fc.integer({ min: 1, max: 24 }), (text, chunk) => {
        expect(mod.decodeBase64Chunked(text, () => undefined, chunk)).toEqual(
          mod.decodeBase64Fallback(text),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['padding that ends a chunk, then more data', 'QUE=QUFB', 4],
    ['padding, then only whitespace in later chunks', 'QUE=        \n  ', 4],
    ['a chunk of nothing but whitespace', 'QUFB            QUFB', 4],
    ['mixed alphabets', 'a+b_QUFB', 4],
  ])('handles %s', (_, text, chunk) => {
    expect(mod.decodeBase64Chunked(text, () => undefined, chunk)).toEqual(
      mod.decodeBase64Fallback(text),
    );
  });
});
