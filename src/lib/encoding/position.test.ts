import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeCharacter, describePosition } from './position.ts';

describe('describePosition', () => {
  it.each([
    ['abc', 0, 'position 1'],
    ['abc', 2, 'position 3'],
    ['', 0, 'position 1'],
    ['a\tb\rc', 4, 'position 5'], // a lone CR does not start a line
  ])('single-line %j at %i is %j', (text, at, expected) => {
    expect(describePosition(text, at)).toBe(expected);
  });

  it.each([
    ['ab\ncd', 0, 'position 1 (line 1, column 1)'],
    ['ab\ncd', 1, 'position 2 (line 1, column 2)'],
    ['ab\ncd', 2, 'position 3 (line 1, column 3)'], // the line break itself ends line 1
    ['ab\ncd', 3, 'position 4 (line 2, column 1)'],
    ['ab\ncd', 4, 'position 5 (line 2, column 2)'],
    ['abc\n', 1, 'position 2 (line 1, column 2)'], // a later line break makes it multi-line
    ['a\r\nb', 1, 'position 2 (line 1, column 2)'],
    ['a\r\nb', 3, 'position 4 (line 2, column 1)'],
    ['one\ntwo\nthree', 10, 'position 11 (line 3, column 3)'],
    ['\n\n\nx', 3, 'position 4 (line 4, column 1)'],
    ['\nabc', 0, 'position 1 (line 1, column 1)'],
    ['\nabc', 1, 'position 2 (line 2, column 1)'],
    ['\n\n', 1, 'position 2 (line 2, column 1)'],
  ])('multi-line %j at %i is %j', (text, at, expected) => {
    expect(describePosition(text, at)).toBe(expected);
  });

  it('agrees with counting lines by hand', () => {
    const text = fc.string({
      unit: fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom('a', 'b', ' ') },
        { weight: 1, arbitrary: fc.constantFrom('\n', '\r', '\r\n') },
      ),
      minLength: 1,
      maxLength: 40,
    });
    fc.assert(
      fc.property(text, fc.nat(), (s, n) => {
        const at = n % s.length;
        const before = s.slice(0, at);
        const line = before.split('\n').length;
        const column = at - before.lastIndexOf('\n');
        const expected = s.includes('\n')
          ? `position ${at + 1} (line ${line}, column ${column})`
          : `position ${at + 1}`;
        expect(describePosition(s, at)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('describeCharacter', () => {
  it.each([
    ['A', 0, '"A" (U+0041)'],
    ['~', 0, '"~" (U+007E)'],
    ['!', 0, '"!" (U+0021)'],
    ['xy=', 2, '"=" (U+003D)'],
    ['é', 0, '"é" (U+00E9)'],
    ['€', 0, '"€" (U+20AC)'],
    ['ab😀', 2, '"😀" (U+1F600)'], // the whole code point, not half a surrogate pair
    ['\u{10ffff}', 0, '"\u{10ffff}" (U+10FFFF)'],
  ])('names printable %j at %i as %j', (text, at, expected) => {
    expect(describeCharacter(text, at)).toBe(expected);
  });

  it.each([
    ['\u0000', 'U+0000'],
    ['\t', 'U+0009'],
    ['\n', 'U+000A'],
    ['\r', 'U+000D'],
    ['\u001b', 'U+001B'],
    [' ', 'U+0020'],
    ['\u007f', 'U+007F'],
    ['\u0080', 'U+0080'],
    ['\u0085', 'U+0085'],
    ['\u009f', 'U+009F'],
  ])('names invisible %j by code point only', (text, expected) => {
    expect(describeCharacter(text, 0)).toBe(expected);
  });

  it('quotes a character exactly when it is neither a control character nor a space', () => {
    const codePoint = fc
      .integer({ min: 0, max: 0x10ffff })
      .filter((cp) => cp < 0xd800 || cp > 0xdfff);
    fc.assert(
      fc.property(codePoint, (cp) => {
        const ch = String.fromCodePoint(cp);
        const hex = cp.toString(16).toUpperCase().padStart(4, '0');
        const invisible = /^[\p{Cc} ]$/u.test(ch);
        expect(describeCharacter(`x${ch}x`, 1)).toBe(invisible ? `U+${hex}` : `"${ch}" (U+${hex})`);
      }),
      { numRuns: 500 },
    );
  });
});
