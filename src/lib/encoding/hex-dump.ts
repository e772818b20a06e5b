// A classic hex dump (offset, 16 bytes in hex, ASCII) for bytes that are not text.

const BYTES_PER_ROW = 16;

/**
 * Formats up to `maxBytes` of `bytes` as `00000000  48 65 6c …  |Hel…|` rows, xxd -g1 style,
 * with non-printable bytes shown as `.` in the ASCII column. Does not say that it stopped
 * early: callers compare `maxBytes` with `bytes.length`.
 */
export function formatHexDump(bytes: Uint8Array, maxBytes = bytes.length): string {
  const end = Math.min(bytes.length, maxBytes);
  const rows: string[] = [];
  for (let offset = 0; offset < end; offset += BYTES_PER_ROW) {
    const rowEnd = Math.min(offset + BYTES_PER_ROW, end);
    let hex = '';
    let ascii = '';
    for (let i = offset; i < offset + BYTES_PER_ROW; i++) {
      if (i < rowEnd) {
        const b = bytes[i]!;
        hex += b.toString(16).padStart(2, '0') + (i === offset + 7 ? '  ' : ' ');
        ascii += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
      } else {
        hex += i === offset + 7 ? '    ' : '   ';
      }
    }
    // `hex` ends in one space; one more sets the ASCII column apart, as in `hexdump -C`.
    rows.push(`${offset.toString(16).padStart(8, '0')}  ${hex} |${ascii}|`);
  }
  return rows.join('\n');
}
