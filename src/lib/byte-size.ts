// Human-readable byte counts in binary units, as file managers and browsers show them.

const UNITS = ['KiB', 'MiB', 'GiB', 'TiB'] as const;

/** "0 bytes", "1 byte", "1,023 bytes", "1.5 KiB", "64 MiB". Does not use decimal (kB, MB) units. */
export function formatByteSize(bytes: number): string {
  if (bytes < 1024) return `${bytes.toLocaleString('en-US')} ${bytes === 1 ? 'byte' : 'bytes'}`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded = value >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
  return `${rounded.toLocaleString('en-US')} ${UNITS[unit]!}`;
}
