// Checks a JWS signature against key candidates, with the key (never the token) choosing the algorithms; and checks claims.
import { compactVerify } from 'jose';
import type { KeyCandidate } from './keys.ts';
import type { DecodedJws } from './types.ts';
import { describeJsonValue } from '../../lib/describe-json.ts';
import { isRecord } from '../../lib/is-record.ts';
import { formatNumericDate } from './claims.ts';
import { errorMessage } from '../../lib/error-message.ts';

export type VerifyStatus =
  | 'verified'
  | 'invalid'
  | 'no-key'
  | 'unsecured'
  | 'unsupported-alg'
  | 'no-compatible-key'
  | 'malformed';

export interface VerifyAttempt {
  readonly candidate: KeyCandidate;
  readonly result: 'verified' | 'bad-signature' | 'alg-not-allowed' | 'error';
  /** What happened with this key; may quote jose's own message. */
  readonly detail: string;
}

export interface VerifyOutcome {
  readonly status: VerifyStatus;
  /**
   * One sentence for the "Signature status" element. Contains the word "verified" only when the
   * status is verified and "invalid" only when it is invalid (the UI contract matches on them).
   */
  readonly message: string;
  /**
   * The specifics, which quote the token and the keys (alg, kid, crit names, key labels). Shown
   * beside the status, never inside it: a kid of "verified" must not make the status say so.
   */
  readonly detail?: string;
  readonly verifiedBy?: KeyCandidate;
  /** Every key that was given to jose, in order, with its result. */
  readonly tried: readonly VerifyAttempt[];
  /** An HMAC token was checked against public keys only: the CVE-2016-10555 pattern. */
  readonly algConfusion: boolean;
  /** The only key that verified is one the token carries itself (jwk / x5c): it proves nothing. */
  readonly selfCarried: boolean;
}

// What jose can check here (RFC 7518 §3.1, RFC 8037 §3.1, RFC 9864).
const SUPPORTED_ALGS = new Set([
  'HS256',
  'HS384',
  'HS512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
]);

/** Extensions this verifier understands in "crit" (RFC 7515 §4.1.11): only RFC 7797's "b64". */
const UNDERSTOOD_CRIT = new Set(['b64']);

/**
 * Checks the token's signature with each candidate in turn, handing jose the candidate's own
 * `algorithms` as the allowlist, so an HS256 token is never checked with a public key used as an
 * HMAC secret (CVE-2016-10555) and an RS256 token never with an HMAC secret. Rules:
 *
 * - `alg` "none" in any letter case is `unsecured`, never verified. A missing or non-string
 *   `alg` is `malformed`; an unknown one is `unsupported-alg`.
 * - When the token has a `kid`, a candidate with a different `kid` is not tried; candidates
 *   without a `kid` (a pasted PEM or secret) still are. If that leaves nothing, the status is
 *   `no-compatible-key`: no fallback to the other keys, as a server that looks keys up by `kid`
 *   would find none either.
 * - Pasted keys are tried before keys the token carries. A token-carried key that verifies gives
 *   `verified` with `selfCarried: true` and a message saying it proves nothing.
 * - A `crit` naming an extension other than `b64` makes the token `invalid` whatever the key,
 *   as RFC 7515 §4.1.11 requires. `b64: false` (RFC 7797) is checked by jose.
 *
 * Does not: check claims (see {@link checkClaims}), fetch `jku`/`x5u`, validate certificates,
 * or throw: jose's errors become `tried` details and a status.
 */
export async function verifySignature(
  token: DecodedJws,
  candidates: readonly KeyCandidate[],
): Promise<VerifyOutcome> {
  const header = token.header;
  if (header === null) {
    return outcome(
      'malformed',
      'The header is not a decodable JSON object, so there is no signature to check.',
    );
  }
  const alg = header.alg;
  if (alg === undefined) {
    return outcome(
      'malformed',
      'The header has no "alg" member (RFC 7515 §4.1.1), so the signature cannot be checked.',
    );
  }
  if (typeof alg !== 'string' || alg === '') {
    return outcome(
      'malformed',
      `The header's "alg" must be a non-empty string.`,
      `"alg" is ${describeJsonValue(alg)}.`,
    );
  }
  if (alg.toLowerCase() === 'none') {
    const variant =
      alg === 'none'
        ? ''
        : ` ("${alg}" is a letter-case variant of "none", a known trick to slip past checks)`;
    return outcome(
      'unsecured',
      `The token is unsecured: alg "none"${variant} means it carries no signature, so it proves nothing and must be rejected wherever a signed token is expected.`,
    );
  }
  if (!SUPPORTED_ALGS.has(alg)) {
    const caseHint = [...SUPPORTED_ALGS].find((a) => a.toLowerCase() === alg.toLowerCase());
    return outcome(
      'unsupported-alg',
      'The token names a signature algorithm this tool cannot check (it knows HS*, RS*, PS*, ES*, EdDSA, Ed25519).',
      caseHint
        ? `"alg" is ${JSON.stringify(alg)}: algorithm names are case-sensitive (did the issuer mean "${caseHint}"?).`
        : `"alg" is ${JSON.stringify(alg)}.`,
    );
  }
  if (token.signature === null) {
    return outcome('malformed', 'The signature segment is not base64url, so it cannot be checked.');
  }
  const crit = header.crit;
  if (crit !== undefined) {
    if (
      !Array.isArray(crit) ||
      crit.length === 0 ||
      crit.some((c) => typeof c !== 'string' || c === '')
    ) {
      return outcome(
        'malformed',
        'The header\'s "crit" must be a non-empty array of names (RFC 7515 §4.1.11).',
      );
    }
    const unknown = crit.filter((c: string) => !UNDERSTOOD_CRIT.has(c));
    if (unknown.length > 0) {
      return outcome(
        'invalid',
        `Signature invalid whatever the key: the header's "crit" lists an extension this tool does not understand, and RFC 7515 §4.1.11 says such a token must be rejected.`,
        `"crit" lists ${unknown.map((c) => JSON.stringify(c)).join(', ')}.`,
      );
    }
  }
  if (candidates.length === 0) {
    return outcome('no-key', 'No key or secret given: paste one to check the signature.');
  }

  const kid = typeof header.kid === 'string' ? header.kid : undefined;
  const pool = candidates.filter((c) => kid === undefined || c.kid === undefined || c.kid === kid);
  if (pool.length === 0) {
    const kids = [...new Set(candidates.map((c) => JSON.stringify(c.kid)))].join(', ');
    return outcome(
      'no-compatible-key',
      "No key has the token's kid; a server that picks keys by kid would find none, so no key was tried.",
      `The token's kid is ${JSON.stringify(kid)}; the keys have ${kids}.`,
    );
  }
  // Pasted keys first: a trusted key that checks out is the answer, not one the token brought.
  const ordered = [
    ...pool.filter((c) => c.source === 'pasted'),
    ...pool.filter((c) => c.source !== 'pasted'),
  ];

  const tried: VerifyAttempt[] = [];
  for (const candidate of ordered) {
    const attempt = await tryCandidate(token.token, alg, candidate);
    tried.push(attempt);
    if (attempt.result === 'verified') {
      const selfCarried = candidate.source !== 'pasted';
      return {
        status: 'verified',
        // alg is one of SUPPORTED_ALGS here, so it is safe to quote.
        message: selfCarried
          ? 'Signature verified, but only with a key the token carries itself: that proves nothing, since anyone can sign a token with their own key and embed it. Check it with a key you trust.'
          : `Signature verified (${alg}).`,
        detail: `Key: ${candidate.label}.`,
        verifiedBy: candidate,
        tried,
        algConfusion: false,
        selfCarried,
      };
    }
  }

  const algConfusion =
    alg.startsWith('HS') &&
    tried.every((t) => t.candidate.kind === 'public') &&
    tried.some((t) => t.result === 'alg-not-allowed');
  const rejected = tried.filter((t) => t.result === 'bad-signature');
  if (rejected.length > 0) {
    const which = tried.length === 1 ? 'the key given' : `any of the ${tried.length} keys tried`;
    const labels = tried.map((t) => t.candidate.label).join('; ');
    return {
      ...outcome('invalid', `Signature invalid: it does not match ${which}.`, `Tried: ${labels}.`),
      tried,
    };
  }
  if (algConfusion) {
    const key = tried[0]!.candidate;
    return {
      ...outcome(
        'invalid',
        `Signature invalid for this key: the token claims ${alg}, an HMAC algorithm, but ${tried.length === 1 ? 'the key is a public key' : 'every key given is a public key'}. Accepting it would be the algorithm-confusion attack (CVE-2016-10555), in which the public key is misused as an HMAC secret.`,
        tried.length === 1
          ? `The key (${key.label}) checks only ${key.algorithms.join(', ')}.`
          : undefined,
      ),
      tried,
      algConfusion: true,
    };
  }
  if (tried.every((t) => t.result === 'error' && t.detail.startsWith('ERR_JWS_INVALID'))) {
    return {
      ...outcome(
        'malformed',
        'The token is not a well-formed JWS, so its signature cannot be checked; see the details per key.',
      ),
      tried,
    };
  }
  const hint = alg.startsWith('HS')
    ? 'an HMAC token needs the shared secret'
    : tried.every((t) => t.candidate.kind === 'secret')
      ? `an HMAC secret cannot check an ${alg} signature: paste the issuer's public key`
      : `${alg} needs ${describeAlgKey(alg)}`;
  const short = tried.find(
    (t) => t.candidate.rsaModulusBits !== undefined && t.candidate.rsaModulusBits < 2048,
  );
  const shortNote =
    short && alg.match(/^[RP]S/)
      ? ' RSA keys shorter than 2048 bits are refused (RFC 7518 §3.3).'
      : '';
  return {
    ...outcome(
      'no-compatible-key',
      `No key given can check this ${alg} token: ${hint}.${shortNote}`,
    ),
    tried,
  };
}

async function tryCandidate(
  compact: string,
  alg: string,
  candidate: KeyCandidate,
): Promise<VerifyAttempt> {
  try {
    await compactVerify(compact, candidate.key, { algorithms: [...candidate.algorithms] });
    return {
      candidate,
      result: 'verified',
      detail: `The ${alg} signature checks out with this key.`,
    };
  } catch (error) {
    const code =
      typeof error === 'object' && error !== null && 'code' in error
        ? String(error.code)
        : undefined;
    const message = errorMessage(error);
    if (code === 'ERR_JOSE_ALG_NOT_ALLOWED') {
      return {
        candidate,
        result: 'alg-not-allowed',
        detail: `This key may check only ${candidate.algorithms.join(', ')}; the token says ${alg}.`,
      };
    }
    if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') {
      return {
        candidate,
        result: 'bad-signature',
        detail: 'The signature does not match this key.',
      };
    }
    return {
      candidate,
      result: 'error',
      detail: `${code ?? (error instanceof Error ? error.name : 'Error')}: ${message}`,
    };
  }
}

/** `message` is fixed wording; anything taken from the token or the keys goes in `detail`. */
function outcome(status: VerifyStatus, message: string, detail?: string): VerifyOutcome {
  return {
    status,
    message,
    ...(detail === undefined ? {} : { detail }),
    tried: [],
    algConfusion: false,
    selfCarried: false,
  };
}

function describeAlgKey(alg: string): string {
  if (alg.startsWith('ES')) {
    const curve = { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521' }[alg] ?? 'matching';
    return `an EC ${curve} public key`;
  }
  if (alg === 'EdDSA' || alg === 'Ed25519') return 'an Ed25519 public key';
  return 'an RSA public key of at least 2048 bits';
}

// ---------------------------------------------------------------------------------------------
// Claims (RFC 7519 §4.1)

export interface ClaimCheck {
  readonly check: 'exp' | 'nbf' | 'iat' | 'iss' | 'aud';
  readonly ok: boolean;
  readonly message: string;
}

export interface ClaimCheckOptions {
  /** Checked only when set and non-empty. */
  readonly expectedIssuer?: string;
  /** Checked only when set and non-empty; the token's `aud` may be a string or an array. */
  readonly expectedAudience?: string;
  readonly clockToleranceSeconds: number;
  readonly nowSeconds: number;
}

/**
 * One check per claim that applies: `exp` and `nbf` when present (with the clock tolerance),
 * `iat` when present (it fails only when it is in the future beyond the tolerance), `iss` and
 * `aud` when an expected value is given. A claim of the wrong type fails with a message.
 *
 * Does not: check the signature, `sub`, `jti` or any other claim, or decide what is required
 * (a missing `exp` gives no entry; flagging that is the findings' job).
 */
export function checkClaims(payload: unknown, options: ClaimCheckOptions): readonly ClaimCheck[] {
  const checks: ClaimCheck[] = [];
  const claims = isRecord(payload) ? payload : null;
  const { nowSeconds: now, clockToleranceSeconds: tolerance } = options;
  const leeway = tolerance > 0 ? ` (with ${tolerance} s of clock tolerance)` : '';

  if (claims && 'exp' in claims) {
    const exp = claims.exp;
    if (!isNumericDate(exp)) checks.push(notNumeric('exp', exp));
    // RFC 7519 §4.1.4: the current time must be before exp.
    else if (now - tolerance < exp)
      checks.push({ check: 'exp', ok: true, message: `Not expired: expires at ${time(exp)}.` });
    else
      checks.push({
        check: 'exp',
        ok: false,
        message: `Expired at ${time(exp)}; now is ${time(now)}${leeway}.`,
      });
  }
  if (claims && 'nbf' in claims) {
    const nbf = claims.nbf;
    if (!isNumericDate(nbf)) checks.push(notNumeric('nbf', nbf));
    // RFC 7519 §4.1.5: the current time must be at or after nbf.
    else if (nbf <= now + tolerance)
      checks.push({ check: 'nbf', ok: true, message: `Usable since ${time(nbf)}.` });
    else
      checks.push({
        check: 'nbf',
        ok: false,
        message: `Not to be used before ${time(nbf)}; now is ${time(now)}${leeway}.`,
      });
  }
  if (claims && 'iat' in claims) {
    const iat = claims.iat;
    if (!isNumericDate(iat)) checks.push(notNumeric('iat', iat));
    else if (iat <= now + tolerance)
      checks.push({ check: 'iat', ok: true, message: `Issued at ${time(iat)}.` });
    else
      checks.push({
        check: 'iat',
        ok: false,
        message: `Issued in the future, at ${time(iat)}; now is ${time(now)}${leeway}.`,
      });
  }
  if (options.expectedIssuer) {
    const expected = options.expectedIssuer;
    const iss = claims?.iss;
    checks.push(
      iss === expected
        ? {
            check: 'iss',
            ok: true,
            message: `The issuer is ${JSON.stringify(expected)}, as expected.`,
          }
        : {
            check: 'iss',
            ok: false,
            message:
              iss === undefined
                ? `The token has no "iss"; expected ${JSON.stringify(expected)}.`
                : typeof iss === 'string'
                  ? `The issuer is ${JSON.stringify(iss)}, not the expected ${JSON.stringify(expected)}.`
                  : `"iss" must be a string (RFC 7519 §4.1.1); expected ${JSON.stringify(expected)}.`,
          },
    );
  }
  if (options.expectedAudience) {
    const expected = options.expectedAudience;
    const aud = claims?.aud;
    const list =
      typeof aud === 'string'
        ? [aud]
        : Array.isArray(aud) && aud.every((a) => typeof a === 'string')
          ? aud
          : null;
    if (aud === undefined) {
      checks.push({
        check: 'aud',
        ok: false,
        message: `The token has no "aud"; expected ${JSON.stringify(expected)}.`,
      });
    } else if (list === null) {
      checks.push({
        check: 'aud',
        ok: false,
        message: '"aud" must be a string or an array of strings (RFC 7519 §4.1.3).',
      });
    } else if (list.includes(expected)) {
      checks.push({
        check: 'aud',
        ok: true,
        message: `The audience includes ${JSON.stringify(expected)}, as expected.`,
      });
    } else {
      checks.push({
        check: 'aud',
        ok: false,
        message: `The audience (${list.map((a) => JSON.stringify(a)).join(', ') || 'empty'}) does not include ${JSON.stringify(expected)}.`,
      });
    }
  }
  return checks;
}

function isNumericDate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** ISO 8601 UTC, or the raw number when it is outside the dates JavaScript can represent. */
function time(seconds: number): string {
  return formatNumericDate(seconds) ?? `${seconds} (out of the date range)`;
}

function notNumeric(check: 'exp' | 'nbf' | 'iat', value: unknown): ClaimCheck {
  return {
    check,
    ok: false,
    message: `"${check}" must be a NumericDate, a number of seconds since 1970 (RFC 7519 §2), not ${describeJsonValue(value)}.`,
  };
}
