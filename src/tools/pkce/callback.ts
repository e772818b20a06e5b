// Reads the authorization response from a pasted redirect URL or query (RFC 6749 §4.1.2, RFC 9207).
import { describePosition } from '../../lib/encoding/position.ts';
import { fail, ok, type Result } from '../../lib/result.ts';

export interface CallbackParameters {
  readonly code?: string;
  readonly state?: string;
  /** Present when an expected state was given: whether `state` is exactly it. */
  readonly stateMatches?: boolean;
  readonly error?: string;
  readonly errorDescription?: string;
  readonly errorUri?: string;
  readonly iss?: string;
  /** Present when both `iss` and an expected issuer are there: whether they are the same string. */
  readonly issuerMatches?: boolean;
  /** Where the parameters were: the query, or the fragment (`response_mode=fragment`). */
  readonly responseMode: 'query' | 'fragment';
  /** Every other parameter of that part, in order, repeats included. */
  readonly otherParameters: readonly (readonly [string, string])[];
  readonly warnings: readonly string[];
}

export type CallbackErrorCode = 'empty' | 'no-oauth-parameters' | 'repeated-parameter';

/** The response parameters of RFC 6749 §4.1.2 and §4.1.2.1, and RFC 9207 §2. */
const RESPONSE_PARAMETERS = ['code', 'state', 'error', 'error_description', 'error_uri', 'iss'];
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

interface RawParameter {
  readonly name: string;
  readonly value: string;
  /** Index in the original text where the `name=value` pair starts. */
  readonly at: number;
}

/**
 * Reads the parameters of an authorization response from what a user pastes: a full redirect
 * URL (with any scheme, or a path starting with `/`), a query starting with `?`, a fragment
 * starting with `#`, or bare `code=…&state=…`. Values are form-decoded as `URLSearchParams`
 * does (`+` is a space, bad %-escapes stay as typed). Surrounding whitespace is ignored.
 *
 * The response is taken from the query, or from the fragment when only the fragment holds
 * `code` or `error` (or, failing both, `state`); if both parts have parameters, a warning says
 * which was used. `state` is compared with `expectedState` exactly (no trimming, no case
 * folding), and `iss` with `expectedIssuer` by simple string comparison (RFC 9207 §2.4); an empty
 * expected value counts as none.
 *
 * A response parameter (code, state, error, error_description, error_uri, iss) that appears
 * twice is a `repeated-parameter` error, with `at` at its second occurrence: RFC 6749 §3.1 allows
 * each once, and picking one would hide a mix-up or an injection. Other parameters may repeat.
 * Blank input is `empty` (nothing to show yet), not a failure worth an alert; input with none of
 * code, error and state is `no-oauth-parameters`.
 *
 * Does not validate the code, look up error codes, or decide whether to trust the response.
 */
export function parseCallback(
  text: string,
  expectedState?: string,
  expectedIssuer?: string,
): Result<CallbackParameters, CallbackErrorCode> {
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  if (start >= end) return fail('empty', 'Paste the redirect URL or its query.');

  const hash = text.indexOf('#', start);
  const beforeHashEnd = hash === -1 || hash >= end ? end : hash;
  let queryStart: number;
  if (text.startsWith('?', start)) {
    queryStart = start + 1;
  } else if (SCHEME.test(text.slice(start)) || text.startsWith('/', start)) {
    const question = text.indexOf('?', start);
    queryStart = question === -1 || question >= beforeHashEnd ? beforeHashEnd : question + 1;
  } else {
    queryStart = start;
  }
  const query = parseParameters(text, queryStart, beforeHashEnd);
  const fragment = beforeHashEnd < end ? parseParameters(text, beforeHashEnd + 1, end) : [];

  const responseMode = pickResponseMode(query, fragment);
  if (responseMode === undefined) {
    const found = [...new Set([...query, ...fragment].map((p) => p.name))];
    return fail(
      'no-oauth-parameters',
      `No OAuth parameters found: an authorization response has code, error or state in its query or fragment${found.length === 0 ? '' : `; this has only ${found.map((n) => `"${n}"`).join(', ')}`}.`,
    );
  }
  const chosen = responseMode === 'query' ? query : fragment;
  const ignored = responseMode === 'query' ? fragment : query;

  const known = new Map<string, string>();
  const otherParameters: (readonly [string, string])[] = [];
  for (const parameter of chosen) {
    if (!RESPONSE_PARAMETERS.includes(parameter.name)) {
      otherParameters.push([parameter.name, parameter.value]);
      continue;
    }
    if (known.has(parameter.name)) {
      return fail(
        'repeated-parameter',
        `"${parameter.name}" appears again at ${describePosition(text, parameter.at)}; RFC 6749 §3.1 allows each response parameter once, so this response cannot be trusted.`,
        parameter.at,
      );
    }
    known.set(parameter.name, parameter.value);
  }

  const warnings: string[] = [];
  if (ignored.length > 0) {
    const names = [...new Set(ignored.map((p) => `"${p.name}"`))].join(', ');
    warnings.push(
      responseMode === 'query'
        ? `The fragment also has parameters (${names}); the response was read from the query.`
        : `The query also has parameters (${names}); the response was read from the fragment, as response_mode=fragment puts it there.`,
    );
  }
  const code = known.get('code');
  const state = known.get('state');
  const error = known.get('error');
  const iss = known.get('iss');
  if (code !== undefined && error !== undefined) {
    warnings.push('The response has both code and error; a server sends one or the other.');
  }
  if (otherParameters.some(([name]) => name === 'access_token')) {
    warnings.push(
      'The response carries an access_token: that is the implicit grant, which RFC 9700 §2.1.2 says not to use.',
    );
  }

  let stateMatches: boolean | undefined;
  if (expectedState !== undefined && expectedState !== '') {
    stateMatches = state === expectedState;
    if (state === undefined) {
      warnings.push(
        'The response has no state, but one was sent: RFC 6749 §4.1.2 requires it back, so reject this response.',
      );
    }
  }
  let issuerMatches: boolean | undefined;
  if (expectedIssuer !== undefined && expectedIssuer !== '') {
    if (iss === undefined) {
      warnings.push(
        'The response has no iss; if the server advertises authorization_response_iss_parameter_supported, RFC 9207 §2.4 says to reject it.',
      );
    } else {
      issuerMatches = iss === expectedIssuer;
    }
  }

  const errorDescription = known.get('error_description');
  const errorUri = known.get('error_uri');
  return ok({
    ...(code === undefined ? {} : { code }),
    ...(state === undefined ? {} : { state }),
    ...(stateMatches === undefined ? {} : { stateMatches }),
    ...(error === undefined ? {} : { error }),
    ...(errorDescription === undefined ? {} : { errorDescription }),
    ...(errorUri === undefined ? {} : { errorUri }),
    ...(iss === undefined ? {} : { iss }),
    ...(issuerMatches === undefined ? {} : { issuerMatches }),
    responseMode,
    otherParameters,
    warnings,
  });
}

function pickResponseMode(
  query: readonly RawParameter[],
  fragment: readonly RawParameter[],
): 'query' | 'fragment' | undefined {
  const has = (parameters: readonly RawParameter[], names: readonly string[]) =>
    parameters.some((p) => names.includes(p.name));
  if (has(query, ['code', 'error'])) return 'query';
  if (has(fragment, ['code', 'error'])) return 'fragment';
  if (has(query, ['state'])) return 'query';
  if (has(fragment, ['state'])) return 'fragment';
  return undefined;
}

/** Splits `text[start, end)` on `&` and form-decodes each pair, remembering where it began. */
function parseParameters(text: string, start: number, end: number): RawParameter[] {
  const parameters: RawParameter[] = [];
  let pairStart = start;
  while (pairStart < end) {
    const ampersand = text.indexOf('&', pairStart);
    const pairEnd = ampersand === -1 || ampersand > end ? end : ampersand;
    if (pairEnd > pairStart) {
      // The leading "&" stops URLSearchParams from dropping a "?" that starts the pair.
      const pair = new URLSearchParams(`&${text.slice(pairStart, pairEnd)}`).entries().next();
      if (pair.done !== true) {
        const [name, value] = pair.value;
        parameters.push({ name, value, at: pairStart });
      }
    }
    pairStart = pairEnd + 1;
  }
  return parameters;
}
