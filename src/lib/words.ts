// Small wording helpers shared by messages across tools.

/** "1 byte", "3 bytes", "0 seconds": English plurals by adding "s". Does not handle irregular nouns. */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
