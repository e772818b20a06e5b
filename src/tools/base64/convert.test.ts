import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blankDataUrlPrefix,
  convert,
  createDataUrl,
  encodeInChunks,
  type ConvertRequest,
  type EncodeOptions,
} from './convert.ts';

const PLAIN: EncodeOptions = { urlSafe: false, padding: true, wrap: false };

const encodeText = (
  text: string,
  options: EncodeOptions = PLAIN,
  format: 'base64' | 'hex' = 'base64',
) => {
  const result = convert({ mode: 'encode', format, options, input: { kind: 'text', text } });
  if (!result.ok || result.value.mode !== 'encode') throw new Error('expected an encoding');
  return result.value.pieces.join('');
};

const decode = (request: Omit<ConvertRequest, 'mode' | 'options'>) =>
  convert({ mode: 'decode', options: PLAIN, ...request });

const padded = (text: string) => text + '='.repeat((4 - (text.length % 4)) % 4);

/** MIME lines by an independent route: Node's Base64, cut every 76 characters. */
const mimeWrap = (text: string) => text.match(/.{1,76}/g)?.join('\r\n') ?? '';

describe('convert: encode', () => {
  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foobar', 'Zm9vYmFy'],
  ])('RFC 4648 §10: %j → %j', (text, expected) => {
    expect(encodeText(text)).toBe(expected);
  });

  it('encodes text as UTF-8, in every alphabet and padding choice', () => {
    const text = 'subjects?_d ✓';
    const utf8 = Buffer.from(text, 'utf8');
    expect(encodeText(text)).toBe(utf8.toString('base64'));
    expect(encodeText(text, { ...PLAIN, urlSafe: true })).toBe(padded(utf8.toString('base64url')));
    expect(encodeText(text, { ...PLAIN, urlSafe: true, padding: false })).toBe(
      utf8.toString('base64url'),
    );
    expect(encodeText(text, PLAIN, 'hex')).toBe(utf8.toString('hex'));
  });

  it('pieces joined equal the whole encoding, for any chunk size and options', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 2000 }),
        fc.integer({ min: 1, max: 700 }),
        fc.record({ urlSafe: fc.boolean(), padding: fc.boolean(), wrap: fc.boolean() }),
        fc.constantFrom('base64' as const, 'hex' as const),
        (bytes, chunkSize, options, format) => {
          const done: number[] = [];
          const joined = encodeInChunks(
            bytes,
            format,
            options,
            (d) => done.push(d),
            chunkSize,
          ).join('');
          const buffer = Buffer.from(bytes);
          let expected = buffer.toString(
            format === 'hex' ? 'hex' : options.urlSafe ? 'base64url' : 'base64',
          );
          if (format === 'base64') {
            expected = expected.replace(/=+$/, '');
            if (options.padding) expected = padded(expected);
            if (options.wrap) expected = mimeWrap(expected);
          }
          expect(joined).toBe(expected);
          if (bytes.length > 0) expect(done.at(-1)).toBe(bytes.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('wraps MIME lines at 76 characters with CRLF', () => {
    const encoded = encodeText('x'.repeat(200), { ...PLAIN, wrap: true });
    expect(encoded.split('\r\n').map((line) => line.length)).toEqual([76, 76, 76, 40]);
  });
});

describe('convert: decode', () => {
  it('returns text for valid UTF-8', () => {
    expect(decode({ format: 'base64', input: { kind: 'text', text: '4pyTIMOpCg==' } })).toEqual({
      ok: true,
      value: {
        mode: 'decode',
        bytes: Uint8Array.from(Buffer.from('✓ é\n')),
        text: '✓ é\n',
        invalidUtf8At: -1,
        dataUrlType: null,
      },
    });
  });

  it('returns bytes and the first bad offset when the result is not UTF-8', () => {
    const result = decode({ format: 'hex', input: { kind: 'text', text: '48 69 ff 00' } });
    expect(result).toEqual({
      ok: true,
      value: {
        mode: 'decode',
        bytes: Uint8Array.from([0x48, 0x69, 0xff, 0]),
        text: null,
        invalidUtf8At: 2,
        dataUrlType: null,
      },
    });
  });

  it('reads a file as Base64 text, with error positions that are byte offsets', () => {
    const file = Buffer.from('Zm9v\nYmFy\n');
    const good = decode({ format: 'base64', input: { kind: 'bytes', bytes: file } });
    expect(good.ok && good.value.mode === 'decode' ? good.value.text : null).toBe('foobar');
    const bad = decode({
      format: 'base64',
      input: { kind: 'bytes', bytes: Buffer.from('Zm9v\n\xffmFy', 'latin1') },
    });
    expect(bad.ok ? null : bad.error).toMatchObject({ code: 'invalid-character', at: 5 });
  });

  it('never throws, and every failure is one of the coded errors', () => {
    const codes = [
      'invalid-character',
      'data-after-padding',
      'incomplete-padding',
      'truncated-group',
      'odd-length',
    ];
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.constantFrom('base64' as const, 'hex' as const),
        (text, format) => {
          const result = decode({ format, input: { kind: 'text', text } });
          if (!result.ok) {
            expect(codes).toContain(result.error.code);
            expect(result.error.at).toBeGreaterThanOrEqual(0);
            expect(result.error.at).toBeLessThanOrEqual(text.length);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('round-trips random bytes through encode then decode', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 1000 }),
        fc.record({ urlSafe: fc.boolean(), padding: fc.boolean(), wrap: fc.boolean() }),
        (bytes, options) => {
          const encoded = convert({
            mode: 'encode',
            format: 'base64',
            options,
            input: { kind: 'bytes', bytes },
          });
          if (!encoded.ok || encoded.value.mode !== 'encode') throw new Error('encode failed');
          const decoded = decode({
            format: 'base64',
            input: { kind: 'text', text: encoded.value.pieces.join('') },
          });
          expect(
            decoded.ok && decoded.value.mode === 'decode' ? decoded.value.bytes : null,
          ).toEqual(bytes);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('data: URLs pasted for decoding', () => {
  it('skips the prefix, keeps the media type, and decodes the rest', () => {
    const result = decode({
      format: 'base64',
      input: { kind: 'text', text: 'data:image/png;name=x.png;base64,iVBORw0KGgo=' },
    });
    expect(result.ok && result.value.mode === 'decode' ? result.value : null).toMatchObject({
      bytes: Uint8Array.from(Buffer.from('iVBORw0KGgo=', 'base64')),
      dataUrlType: 'image/png',
    });
  });

  it('reports errors at their position in the text as typed', () => {
    const text = 'data:text/plain;base64,Zm9v!';
    const result = decode({ format: 'base64', input: { kind: 'text', text } });
    expect(result.ok ? null : result.error).toMatchObject({
      code: 'invalid-character',
      at: text.indexOf('!'),
    });
  });

  it('defaults a missing media type to text/plain (RFC 2397 §2)', () => {
    expect(blankDataUrlPrefix('data:;base64,AA==').dataUrlType).toBe('text/plain');
    expect(blankDataUrlPrefix('AA==')).toEqual({ text: 'AA==', dataUrlType: null });
  });

  it('is not applied to hex input', () => {
    const result = decode({ format: 'hex', input: { kind: 'text', text: 'data:x;base64,00' } });
    expect(result.ok).toBe(false);
  });
});

describe('createDataUrl', () => {
  it('carries the MIME type and the Base64', () => {
    expect(createDataUrl('image/png', 'iVBORw0=')).toBe('data:image/png;base64,iVBORw0=');
    expect(createDataUrl('application/vnd.api+json', 'e30=')).toBe(
      'data:application/vnd.api+json;base64,e30=',
    );
  });

  it('falls back to application/octet-stream for a missing or malformed type', () => {
    expect(createDataUrl('', 'AA==')).toBe('data:application/octet-stream;base64,AA==');
    expect(createDataUrl('text/html;charset=utf-8,<script>', 'AA==')).toBe(
      'data:application/octet-stream;base64,AA==',
    );
  });
});
