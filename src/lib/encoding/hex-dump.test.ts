import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHexDump } from './hex-dump.ts';

// The layout (as `hexdump -C`, and `xxd -g1` apart from the pipes), worked out by hand:
//   8 hex digits of offset, 2 spaces,
//   16 × "xx " with one extra space after the 8th byte (16 × 3 + 1 = 49 characters),
//   1 more space, then "|ascii|".
// So the ASCII column always starts at character 8 + 2 + 49 + 1 = 60, and a short last row
// pads the missing bytes with 3 spaces each (4 for the 8th) to keep it there.
const ASCII_COLUMN = 60;

function bytesOf(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

describe('formatHexDump', () => {
  it('formats nothing as the empty string', () => {
    expect(formatHexDump(new Uint8Array(0))).toBe('');
  });

  it('formats one full row', () => {
    expect(formatHexDump(bytesOf('0123456789abcdef'))).toBe(
      '00000000  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  |0123456789abcdef|',
    );
  });

  it('formats a full row and a padded partial row', () => {
    const bytes = bytesOf('Hello, World!\n\x00\x01\x7f\xff0123456789');
    expect(bytes.length).toBe(28);
    // Row 2 holds 12 bytes: after "39" come its own space, 4 × 3 spaces for the missing bytes
    // (none of them the 8th) and the separating space: 1 + 12 + 1 = 14.
    expect(formatHexDump(bytes)).toBe(
      [
        '00000000  48 65 6c 6c 6f 2c 20 57  6f 72 6c 64 21 0a 00 01  |Hello, World!...|',
        `00000010  7f ff 30 31 32 33 34 35  36 37 38 39${' '.repeat(14)}|..0123456789|`,
      ].join('\n'),
    );
  });

  it('pads a single byte out to the ASCII column', () => {
    // After "41": its own space, 15 × 3 missing + 1 extra for the 8th slot, then the separator.
    expect(formatHexDump(Uint8Array.from([0x41]))).toBe(
      `00000000  41${' '.repeat(1 + 15 * 3 + 1 + 1)}|A|`,
    );
  });

  it('pads a row of exactly 8 bytes, keeping the gap after the 8th', () => {
    const bytes = Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(formatHexDump(bytes)).toBe(
      `00000000  00 01 02 03 04 05 06 07${' '.repeat(2 + 8 * 3 + 1)}|........|`,
    );
  });

  it('pads a row of 9 bytes', () => {
    const bytes = bytesOf('ABCDEFGHI');
    expect(formatHexDump(bytes)).toBe(
      `00000000  41 42 43 44 45 46 47 48  49${' '.repeat(1 + 7 * 3 + 1)}|ABCDEFGHI|`,
    );
  });

  it('shows only 0x20–0x7E as themselves in the ASCII column', () => {
    const bytes = Uint8Array.from([
      0x00, 0x09, 0x0a, 0x1f, 0x20, 0x21, 0x7e, 0x7f, 0x80, 0xa0, 0xe9, 0xff, 0x2e, 0x7c, 0x41,
      0x7a,
    ]);
    expect(formatHexDump(bytes)).toBe(
      '00000000  00 09 0a 1f 20 21 7e 7f  80 a0 e9 ff 2e 7c 41 7a  |.... !~......|Az|',
    );
  });

  it('writes the offset as 8 lowercase hex digits on every row', () => {
    const bytes = new Uint8Array(0x1010).fill(0x2a);
    const rows = formatHexDump(bytes).split('\n');
    expect(rows).toHaveLength(0x101);
    expect(rows[0]!.slice(0, 10)).toBe('00000000  ');
    expect(rows[1]!.slice(0, 10)).toBe('00000010  ');
    expect(rows[0xa]!.slice(0, 10)).toBe('000000a0  ');
    expect(rows[0xff]!.slice(0, 10)).toBe('00000ff0  ');
    expect(rows[0x100]).toBe(
      '00001000  2a 2a 2a 2a 2a 2a 2a 2a  2a 2a 2a 2a 2a 2a 2a 2a  |****************|',
    );
  });

  describe('maxBytes', () => {
    const forty = Uint8Array.from({ length: 40 }, (_, i) => 0x41 + (i % 26));

    it('stops after whole rows', () => {
      expect(formatHexDump(forty, 16)).toBe(
        '00000000  41 42 43 44 45 46 47 48  49 4a 4b 4c 4d 4e 4f 50  |ABCDEFGHIJKLMNOP|',
      );
      expect(formatHexDump(forty, 32).split('\n')).toEqual([
        '00000000  41 42 43 44 45 46 47 48  49 4a 4b 4c 4d 4e 4f 50  |ABCDEFGHIJKLMNOP|',
        '00000010  51 52 53 54 55 56 57 58  59 5a 41 42 43 44 45 46  |QRSTUVWXYZABCDEF|',
      ]);
    });

    it('stops mid-row, padding the last row', () => {
      // After "54": its own space, slots 5–8 (4 × 3) and the extra space, slots 9–16 (8 × 3),
      // then the separator.
      expect(formatHexDump(forty, 20).split('\n')).toEqual([
        '00000000  41 42 43 44 45 46 47 48  49 4a 4b 4c 4d 4e 4f 50  |ABCDEFGHIJKLMNOP|',
        `00000010  51 52 53 54${' '.repeat(1 + 4 * 3 + 1 + 8 * 3 + 1)}|QRST|`,
      ]);
    });

    it('shows nothing for 0 and everything when larger than the input', () => {
      expect(formatHexDump(forty, 0)).toBe('');
      expect(formatHexDump(forty, 1000)).toBe(formatHexDump(forty));
      expect(formatHexDump(forty).split('\n')).toHaveLength(3);
    });
  });

  it('holds to the layout for random bytes and limits', () => {
    const rowPattern =
      /^([0-9a-f]{8}) {2}((?:[0-9a-f]{2} | {3}){8}) ((?:[0-9a-f]{2} | {3}){8}) \|([\x20-\x7e]{1,16})\|$/;
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.option(fc.nat({ max: 400 }), { nil: undefined }),
        (bytes, maxBytes) => {
          const shown = bytes.subarray(0, maxBytes ?? bytes.length);
          const dump = formatHexDump(bytes, maxBytes);
          if (shown.length === 0) {
            expect(dump).toBe('');
            return;
          }
          const rows = dump.split('\n');
          expect(rows).toHaveLength(Math.ceil(shown.length / 16));
          const recovered: number[] = [];
          rows.forEach((row, r) => {
            const match = rowPattern.exec(row);
            expect(match, row).not.toBeNull();
            if (!match) return;
            expect(row.indexOf('|')).toBe(ASCII_COLUMN);
            expect(parseInt(match[1]!, 16)).toBe(r * 16);
            const rowBytes = `${match[2]!}${match[3]!}`
              .trim()
              .split(/ +/)
              .map((h) => parseInt(h, 16));
            const expectedRow = Array.from(shown.subarray(r * 16, r * 16 + 16));
            expect(rowBytes).toEqual(expectedRow);
            const ascii = expectedRow
              .map((b) => (b >= 0x20 && b <= 0x7e ? String.fromCharCode(b) : '.'))
              .join('');
            expect(match[4]).toBe(ascii);
            recovered.push(...rowBytes);
          });
          expect(recovered).toEqual(Array.from(shown));
        },
      ),
      { numRuns: 300 },
    );
  });
});
