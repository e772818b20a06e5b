// What to say about a caught value: JavaScript lets code throw anything, not only Errors.

/** The message of an Error, or the thrown value as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
