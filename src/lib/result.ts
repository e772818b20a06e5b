// The one shape for a failure that a user caused: a stable code, a sentence, and where.

/** A problem with the user's input. `at` is a zero-based position (character or byte, as the code says). */
export interface InputError<Code extends string = string> {
  readonly code: Code;
  readonly message: string;
  readonly at?: number;
}

export type Result<T, Code extends string = string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: InputError<Code> };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function fail<Code extends string>(
  code: Code,
  message: string,
  at?: number,
): { readonly ok: false; readonly error: InputError<Code> } {
  return { ok: false, error: at === undefined ? { code, message } : { code, message, at } };
}
