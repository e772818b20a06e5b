// The one test for "a plain JSON object": parsed JSON, saved state and token headers all need it.

/** True for objects that are not arrays or null. Does not check the prototype or the values. */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
