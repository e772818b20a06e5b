import { describe, expect, it } from 'vitest';
import { formatByteSize } from './byte-size.ts';

describe('formatByteSize', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [1023, '1,023 bytes'],
    [1024, '1 KiB'],
    [1536, '1.5 KiB'],
    [64 * 1024 * 1024, '64 MiB'],
    [150 * 1024 * 1024, '150 MiB'],
    [3 * 1024 ** 4, '3 TiB'],
  ])('formats %i bytes as %s', (bytes, expected) => {
    expect(formatByteSize(bytes)).toBe(expected);
  });
});
