// How error messages name a JSON value they did not expect, the same way in every tool.

/** "null", "an array", "an object", "a string", "a number", "a boolean". Never shows the value. */
export function describeJsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/**
 * Like {@link describeJsonKind}, but quotes short strings and numbers ("the string \"abc\"",
 * "the number 256", "true"), for values that are not secret. Strings are cut at 40 characters.
 */
export function describeJsonValue(value: unknown): string {
  if (typeof value === 'string') {
    if (value === '') return 'an empty string';
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  }
  if (typeof value === 'number') return `the number ${String(value)}`;
  if (typeof value === 'boolean') return String(value);
  return describeJsonKind(value);
}
