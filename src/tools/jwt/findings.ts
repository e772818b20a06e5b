// Security analysis of a decoded token: header, claims and verification facts become coded findings (RFC 8725).
import type { DecodedJws, DecodedToken, Finding, Severity } from './types.ts';
import { describeJsonKind } from '../../lib/describe-json.ts';
import { isRecord } from '../../lib/is-record.ts';
import { formatDuration, formatNumericDate } from './claims.ts';

/** Lifetimes (exp − iat) above this are reported as `long-lifetime`: 24 hours. */
export const DEFAULT_MAX_LIFETIME_SECONDS = 86_400;

/** Every code `analyzeToken` can emit, in no particular order. */
export const FINDING_CODES = [
  'alg-none',
  'weak-secret',
  'short-secret',
  'alg-confusion',
  'alg-unknown',
  'embedded-jwk',
  'jku-header',
  'x5u-header',
  'x5c-header',
  'kid-injection',
  'missing-exp',
  'expired',
  'not-yet-valid',
  'iat-future',
  'long-lifetime',
  'missing-aud',
  'missing-iss',
  'crit-header',
  'unencoded-payload',
  'zip-header',
  'nested-jwt',
  'typ-unexpected',
  'sensitive-claim',
  'empty-signature',
  'ecdsa-zero-signature',
  'weak-rsa-key',
  'rsa1-5-encryption',
  'large-token',
  'jwe-token',
  'analysis-incomplete',
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];

export interface AnalysisContext {
  readonly nowSeconds: number;
  /** long-lifetime threshold; default 24 h (86400) */
  readonly maxLifetimeSeconds: number;
  /** What the user gave to verify with, if anything (the view fills this from the key parser). */
  readonly key?: {
    readonly kind: 'secret' | 'public';
    readonly secretBytes?: number;
    readonly rsaModulusBits?: number;
  };
  /** True when verification found an HS* token checked against a public key (alg/key confusion). */
  readonly algConfusion?: boolean;
  /** The secret the offline wordlist scan found, if any. */
  readonly weakSecret?: string | null;
  readonly expectedTypes?: readonly string[];
}

type Json = Readonly<Record<string, unknown>>;

interface Sink {
  add(code: FindingCode, severity: Severity, message: string, reference: string): void;
}

/** A space-separated list of names, for the long tables below. */
const wordList = (text: string): readonly string[] => text.split(' ');

const SEVERITY_RANK: Readonly<Record<Severity, number>> = {
  critical: 0,
  high: 1,
  medium: 2,
  low: 3,
  info: 4,
};

// RFC 7518 §3.1, RFC 8037 §3.1, RFC 8812 §3.2, and the fully-specified EdDSA names.
const JWS_ALGS: ReadonlySet<string> = new Set(
  wordList(
    'HS256 HS384 HS512 RS256 RS384 RS512 ES256 ES384 ES512 ES256K PS256 PS384 PS512 EdDSA Ed25519 Ed448',
  ),
);

// RFC 7518 §4.1 plus RSA-OAEP-384/512 from the IANA JOSE registry.
const JWE_ALGS: ReadonlySet<string> = new Set(
  wordList(
    'RSA1_5 RSA-OAEP RSA-OAEP-256 RSA-OAEP-384 RSA-OAEP-512 A128KW A192KW A256KW dir ECDH-ES ECDH-ES+A128KW ECDH-ES+A192KW ECDH-ES+A256KW A128GCMKW A192GCMKW A256GCMKW PBES2-HS256+A128KW PBES2-HS384+A192KW PBES2-HS512+A256KW',
  ),
);

// RFC 7518 §5.1
const JWE_ENCS: ReadonlySet<string> = new Set(
  wordList('A128CBC-HS256 A192CBC-HS384 A256CBC-HS512 A128GCM A192GCM A256GCM'),
);

// RFC 7518 §3.2: the HMAC key must be at least as long as the hash output.
const HMAC_MIN_KEY_BYTES: Readonly<Record<string, number>> = { HS256: 32, HS384: 48, HS512: 64 };

// RFC 7518 §3.4 (R || S, each the size of the curve order) and RFC 8812 §3.2 for secp256k1; orders from SEC 2.
const ECDSA_CURVES: Readonly<Record<string, { readonly half: number; readonly order: bigint }>> = {
  ES256: {
    half: 32,
    order: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
  },
  ES256K: {
    half: 32,
    order: 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n,
  },
  ES384: {
    half: 48,
    order:
      0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
  },
  ES512: {
    half: 66,
    order:
      0x01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409n,
  },
};

// Header parameters RFC 7515 §4.1 and RFC 7516 §4.1 define, which RFC 7515 §4.1.11 forbids in crit.
const REGISTERED_HEADER_PARAMS: ReadonlySet<string> = new Set(
  wordList('alg jku jwk kid x5u x5c x5t x5t#S256 typ cty crit enc zip epk apu apv iv tag p2s p2c'),
);

/**
 * typ values this tool knows, compared lowercased without an "application/" prefix (RFC 7515 §4.1.9):
 * JWT (RFC 7519 §5.1), JOSE (RFC 7515 §4.1.9), at+jwt (RFC 9068), secevent+jwt (RFC 8417),
 * logout+jwt (OpenID Back-Channel Logout), dpop+jwt (RFC 9449), token-introspection+jwt (RFC 9701),
 * oauth-authz-req+jwt (RFC 9101).
 */
export const KNOWN_TOKEN_TYPES: readonly string[] = [
  'jwt',
  'jose',
  'at+jwt',
  'secevent+jwt',
  'logout+jwt',
  'dpop+jwt',
  'token-introspection+jwt',
  'oauth-authz-req+jwt',
];

// A common limit on one request header (nginx, Node's total header limit is 16 KiB); RFC 9110 §5.4.
const LARGE_TOKEN_CHARS = 8192;
// Clock skew tolerated before iat counts as "in the future".
const IAT_SKEW_SECONDS = 60;
// Lifetimes at least this many times the threshold are medium rather than low.
const LONG_LIFETIME_MEDIUM_FACTOR = 30;
// NIST SP 800-131A Rev. 2 and RFC 7518 §3.3.
const MIN_RSA_BITS = 2048;

// Bounds on the claim scan so a hostile payload cannot make it slow.
const SCAN_MAX_DEPTH = 12;
const SCAN_MAX_NODES = 5000;
const SCAN_MAX_STRING = 16_384;
const SCAN_MAX_TOTAL_CHARS = 262_144;
const MAX_SENSITIVE_FINDINGS = 10;

const REF_SENSITIVE =
  'RFC 7519 §12; OWASP JSON Web Token Cheat Sheet (Token Information Disclosure)';

/**
 * Reviews a decoded token for security problems and returns findings, most severe first, then by code.
 *
 * It does not verify signatures, decrypt JWE payloads, fetch `jku`/`x5u` URLs, validate `x5c`
 * chains or scan wordlists: those facts come in through `context` (`algConfusion`, `weakSecret`,
 * `key`). For a JWE only the protected header is examined. It never throws: a check that fails on a
 * strange input is skipped and an `analysis-incomplete` finding says so. Sensitive claim values are
 * never echoed in messages.
 */
export function analyzeToken(token: DecodedToken, context: AnalysisContext): readonly Finding[] {
  const findings: Finding[] = [];
  const sink: Sink = {
    add(code, severity, message, reference) {
      findings.push({ code, severity, message, reference });
    },
  };
  const status = { incomplete: false };
  const run = (check: () => void): void => {
    try {
      check();
    } catch {
      status.incomplete = true;
    }
  };

  run(() => {
    const ctx = normalizeContext(context);
    const t: unknown = token;
    if (!isRecord(t)) return;
    const header = isRecord(t.header) ? t.header : null;

    run(() => {
      checkLargeToken(t.token, sink);
    });
    run(() => {
      checkWeakRsaKey(ctx, sink);
    });
    if (header !== null) {
      for (const check of HEADER_CHECKS) {
        run(() => {
          check(header, t.kind === 'jwe', ctx, sink);
        });
      }
    }
    if (t.kind === 'jws') {
      const jws = t as unknown as DecodedJws;
      for (const check of JWS_CHECKS) {
        run(() => {
          check(jws, header, ctx, sink);
        });
      }
    } else if (t.kind === 'jwe') {
      run(() => {
        checkJwe(header, sink);
      });
    }
  });

  if (status.incomplete) {
    sink.add(
      'analysis-incomplete',
      'info',
      'Part of the analysis could not run on this token, so these findings may be incomplete.',
      'RFC 7519 §7.2',
    );
  }
  return sortFindings(findings);
}

interface NormalizedContext {
  readonly now: number | null;
  readonly maxLifetime: number;
  readonly key: AnalysisContext['key'];
  readonly algConfusion: boolean;
  readonly weakSecret: string | null;
  readonly expectedTypes: readonly string[];
}

function normalizeContext(context: unknown): NormalizedContext {
  const c = isRecord(context) ? context : {};
  const now = finiteNumber(c.nowSeconds);
  const max = finiteNumber(c.maxLifetimeSeconds);
  const key = isRecord(c.key) ? (c.key as AnalysisContext['key']) : undefined;
  const expected = Array.isArray(c.expectedTypes)
    ? (c.expectedTypes as unknown[]).filter((v): v is string => typeof v === 'string')
    : [];
  return {
    now,
    maxLifetime: max !== null && max > 0 ? max : DEFAULT_MAX_LIFETIME_SECONDS,
    key,
    algConfusion: c.algConfusion === true,
    weakSecret: typeof c.weakSecret === 'string' ? c.weakSecret : null,
    expectedTypes: expected,
  };
}

function sortFindings(findings: readonly Finding[]): readonly Finding[] {
  return [...findings].sort((a, b) => {
    const bySeverity = SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
    if (bySeverity !== 0) return bySeverity;
    return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  });
}

// ---------- whole-token and key checks ----------

function checkLargeToken(text: unknown, sink: Sink): void {
  if (typeof text !== 'string' || text.length <= LARGE_TOKEN_CHARS) return;
  sink.add(
    'large-token',
    'info',
    `The token is ${text.length} characters (${(text.length / 1024).toFixed(1)} KiB), above the 8 KiB many servers and proxies allow for one request header, so it may be rejected or truncated in transit.`,
    'RFC 9110 §5.4',
  );
}

function checkWeakRsaKey(ctx: NormalizedContext, sink: Sink): void {
  const bits = finiteNumber(ctx.key?.rsaModulusBits);
  if (bits === null || bits >= MIN_RSA_BITS) return;
  sink.add(
    'weak-rsa-key',
    'high',
    `The RSA key has a ${bits}-bit modulus; JWA requires at least ${MIN_RSA_BITS} bits and keys this small can be factored.`,
    'RFC 7518 §3.3; NIST SP 800-131A Rev. 2',
  );
}

// ---------- header checks (JWS and JWE) ----------

type HeaderCheck = (header: Json, isJwe: boolean, ctx: NormalizedContext, sink: Sink) => void;

const HEADER_CHECKS: readonly HeaderCheck[] = [
  checkEmbeddedJwk,
  checkUrlHeaders,
  checkX5c,
  checkKid,
  checkCrit,
  checkZip,
  checkNestedJwt,
  checkTyp,
];

function checkEmbeddedJwk(header: Json, _isJwe: boolean, _ctx: NormalizedContext, sink: Sink) {
  const jwk = own(header, 'jwk');
  if (jwk === undefined) return;
  const kty = isRecord(jwk) ? own(jwk, 'kty') : undefined;
  const type = typeof kty === 'string' ? ` (a ${quote(kty, 20)} key)` : '';
  const privatePart =
    isRecord(jwk) && own(jwk, 'd') !== undefined
      ? ', and it even carries private key material (d)'
      : '';
  sink.add(
    'embedded-jwk',
    'high',
    `The header embeds its own verification key in jwk${type}${privatePart}: a verifier that trusts it accepts tokens signed by anyone; keys must come from a trusted store.`,
    'RFC 7515 §4.1.3; CVE-2018-0114',
  );
}

function checkUrlHeaders(header: Json, _isJwe: boolean, _ctx: NormalizedContext, sink: Sink) {
  for (const [name, code, section] of [
    ['jku', 'jku-header', '4.1.2'],
    ['x5u', 'x5u-header', '4.1.5'],
  ] as const) {
    const value = own(header, name);
    if (value === undefined) continue;
    const where =
      typeof value === 'string'
        ? `points to ${quote(value, 80)}`
        : `is set (${describeJsonKind(value)})`;
    const what = name === 'jku' ? 'a key set' : 'a certificate';
    sink.add(
      code,
      'high',
      `The header's ${name} ${where}: a verifier that fetches ${what} from it lets the token pick its own key (key injection) and makes the server request an attacker's URL (SSRF); it is not fetched here.`,
      `RFC 7515 §${section}; RFC 8725 §3.10`,
    );
  }
}

function checkX5c(header: Json, _isJwe: boolean, _ctx: NormalizedContext, sink: Sink) {
  const x5c = own(header, 'x5c');
  if (x5c === undefined) return;
  const count = Array.isArray(x5c)
    ? ` of ${x5c.length} certificate${x5c.length === 1 ? '' : 's'}`
    : '';
  sink.add(
    'x5c-header',
    'medium',
    `The header carries a certificate chain${count} in x5c: a verifier must validate it against its own trust anchor, not just use the key in the first certificate, or anyone can sign with a self-made certificate.`,
    'RFC 7515 §4.1.6',
  );
}

function checkKid(header: Json, _isJwe: boolean, _ctx: NormalizedContext, sink: Sink) {
  const kid = own(header, 'kid');
  if (kid === undefined || kid === null) return;
  const tail =
    'a server that puts kid into a file path, SQL or NoSQL query or shell command can be made to use a key the attacker knows.';
  if (typeof kid === 'object') {
    sink.add(
      'kid-injection',
      'high',
      `The kid is ${Array.isArray(kid) ? 'an array' : 'an object'}, not a string (query operator injection, e.g. {"$ne": null}); ${tail}`,
      'RFC 7515 §4.1.4; RFC 8725 §3.10',
    );
    return;
  }
  if (typeof kid !== 'string') return;
  const seen = describeKidHazards(kid);
  if (seen.length === 0) return;
  sink.add(
    'kid-injection',
    'high',
    `The kid ${quote(kid, 60)} contains ${joinList(seen)}; ${tail}`,
    'RFC 7515 §4.1.4; RFC 8725 §3.10',
  );
}

/** What in a kid looks like an injection attempt, as short phrases. */
function describeKidHazards(kid: string): string[] {
  const seen: string[] = [];
  if (/\.\.[/\\]/.test(kid) || /%2e%2e/i.test(kid) || kid === '..')
    seen.push('path traversal (../)');
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(kid) || /^(?:file|data|javascript):/i.test(kid)) {
    seen.push('a URL');
  } else if (/^(?:\/|\\|[A-Za-z]:[\\/])/.test(kid)) {
    seen.push('an absolute path');
  }
  const meta: string[] = [];
  for (const m of ["'", '"', ';', '/*', '|', '&', '$(', '${', '`', '>', '<']) {
    if (kid.includes(m)) meta.push(m);
  }
  if (/--(?:\s|$)/.test(kid)) meta.push('--');
  if (meta.length > 0) {
    seen.push(`SQL or shell metacharacters (${meta.map((m) => `"${m}"`).join(', ')})`);
  }
  const keywords = ['OR', 'AND', 'UNION', 'SELECT', 'SLEEP'].filter((w) =>
    new RegExp(w === 'OR' || w === 'AND' ? `\\s${w}\\s` : `\\b${w}\\b`, 'i').test(kid),
  );
  if (keywords.length > 0) seen.push(`SQL keywords (${keywords.join(', ')})`);
  let nul = false;
  let control = false;
  for (let i = 0; i < kid.length; i++) {
    const c = kid.charCodeAt(i);
    if (c === 0) nul = true;
    else if (c < 0x20 || c === 0x7f) control = true;
  }
  if (nul) seen.push('a NUL byte');
  if (control) seen.push('control characters');
  return seen;
}

function checkCrit(header: Json, _isJwe: boolean, _ctx: NormalizedContext, sink: Sink) {
  const crit = own(header, 'crit');
  if (crit === undefined) return;
  const reference = 'RFC 7515 §4.1.11';
  if (!Array.isArray(crit)) {
    sink.add(
      'crit-header',
      'medium',
      `The crit header is ${describeJsonKind(crit)}, not an array of names: verifiers must reject the token.`,
      reference,
    );
    return;
  }
  const items = crit as unknown[];
  const names = items.filter((v): v is string => typeof v === 'string');
  const problems: string[] = [];
  if (items.length === 0) problems.push('it is empty');
  if (names.length !== items.length) problems.push('it has entries that are not strings');
  if (new Set(names).size !== names.length) problems.push('it repeats a name');
  const registered = names.filter((n) => REGISTERED_HEADER_PARAMS.has(n));
  if (registered.length > 0) {
    problems.push(
      `it lists registered parameters (${registered.map((n) => quote(n, 30)).join(', ')})`,
    );
  }
  const absent = names.filter(
    (n) => !REGISTERED_HEADER_PARAMS.has(n) && own(header, n) === undefined,
  );
  if (absent.length > 0) {
    problems.push(
      `it names parameters missing from the header (${absent.map((n) => quote(n, 30)).join(', ')})`,
    );
  }
  const listed =
    names.length > 0
      ? names
          .slice(0, 8)
          .map((n) => quote(n, 30))
          .join(', ')
      : 'nothing';
  if (problems.length > 0) {
    sink.add(
      'crit-header',
      'medium',
      `The crit header (${listed}) is malformed: ${joinList(problems)}, so verifiers must reject the token.`,
      reference,
    );
    return;
  }
  sink.add(
    'crit-header',
    'info',
    `The crit header lists ${listed}: a verifier that does not understand and process each of them must reject the token, and one that ignores crit may accept it with different meaning.`,
    reference,
  );
}

function checkZip(header: Json, isJwe: boolean, _ctx: NormalizedContext, sink: Sink) {
  const zip = own(header, 'zip');
  if (zip === undefined) return;
  const shown = typeof zip === 'string' ? quote(zip, 20) : describeJsonKind(zip);
  if (isJwe) {
    sink.add(
      'zip-header',
      'medium',
      `The plaintext is compressed before encryption (zip ${shown}): ciphertext length can leak secrets through compression oracles, and a decrypter that inflates without a limit can be hit by a decompression bomb.`,
      'RFC 8725 §3.6; RFC 7516 §4.1.3',
    );
    return;
  }
  sink.add(
    'zip-header',
    'medium',
    `The header has zip ${shown}, which is defined only for JWE: a JWS library that honours it may inflate attacker-chosen data (decompression bomb).`,
    'RFC 7516 §4.1.3; RFC 8725 §3.6',
  );
}

function checkNestedJwt(header: Json, isJwe: boolean, _ctx: NormalizedContext, sink: Sink) {
  const cty = own(header, 'cty');
  if (typeof cty !== 'string' || normalizeMediaType(cty) !== 'jwt') return;
  const inner = isJwe ? 'the decrypted plaintext' : 'the payload';
  sink.add(
    'nested-jwt',
    'info',
    `cty is ${quote(cty, 30)}, so ${inner} is another JWT: it needs its own decoding and verification, and the outer token says nothing about the inner one's claims.`,
    'RFC 7519 §5.2; RFC 7519 §7.2',
  );
}

function checkTyp(header: Json, _isJwe: boolean, ctx: NormalizedContext, sink: Sink) {
  const typ = own(header, 'typ');
  const strict = ctx.expectedTypes.length > 0;
  const accepted = strict ? ctx.expectedTypes.map(normalizeMediaType) : KNOWN_TOKEN_TYPES;
  const expectedText = strict
    ? ctx.expectedTypes
        .slice(0, 6)
        .map((t) => quote(t, 40))
        .join(' or ')
    : 'a known JWT type';
  const reference = 'RFC 8725 §3.11; RFC 7515 §4.1.9';
  if (typ === undefined) {
    if (!strict) return;
    sink.add(
      'typ-unexpected',
      'low',
      `The header has no typ, but ${expectedText} is expected: without explicit typing a token of another kind can be substituted for this one.`,
      reference,
    );
    return;
  }
  if (typeof typ !== 'string') {
    sink.add(
      'typ-unexpected',
      'low',
      `The typ header is ${describeJsonKind(typ)}, not a media type string; ${expectedText} is expected.`,
      reference,
    );
    return;
  }
  if (accepted.includes(normalizeMediaType(typ))) return;
  sink.add(
    'typ-unexpected',
    'low',
    `The typ ${quote(typ, 40)} is not ${expectedText}: a verifier that does not check typ can confuse this token with one meant for another purpose.`,
    reference,
  );
}

// ---------- JWS checks ----------

type JwsCheck = (
  token: DecodedJws,
  header: Json | null,
  ctx: NormalizedContext,
  sink: Sink,
) => void;

const JWS_CHECKS: readonly JwsCheck[] = [
  checkJwsAlgorithm,
  checkHmacKey,
  checkAlgConfusion,
  checkUnencodedPayload,
  checkClaims,
];

function jwsAlg(header: Json | null): unknown {
  return header === null ? undefined : own(header, 'alg');
}

function isNone(alg: unknown): boolean {
  return typeof alg === 'string' && alg.toLowerCase() === 'none';
}

function signatureBytes(token: DecodedJws): Uint8Array | null {
  const sig: unknown = token.signature;
  return sig instanceof Uint8Array ? sig : null;
}

function checkJwsAlgorithm(
  token: DecodedJws,
  header: Json | null,
  _ctx: NormalizedContext,
  sink: Sink,
) {
  if (header === null) return;
  const alg = jwsAlg(header);
  const signature = signatureBytes(token);
  if (isNone(alg)) {
    const extra =
      signature !== null && signature.length > 0
        ? ' (it still carries a signature, which an unsecured JWS must not)'
        : '';
    sink.add(
      'alg-none',
      'critical',
      `The token is unsecured: alg is ${quote(alg as string, 20)}${extra}, so anyone can forge it and a verifier must never accept it.`,
      'RFC 8725 §3.1; RFC 7518 §3.6',
    );
    return;
  }
  if (typeof alg !== 'string' || !JWS_ALGS.has(alg)) {
    const shown =
      typeof alg === 'string'
        ? `alg ${quote(alg, 30)} is`
        : `alg is ${describeJsonKind(alg)}, which is`;
    sink.add(
      'alg-unknown',
      'medium',
      `The ${shown} not a registered JWS algorithm; verifiers should only accept an explicit allow-list of algorithms.`,
      'RFC 7515 §4.1.1; RFC 8725 §3.1',
    );
  }
  const segments: unknown = token.segments;
  const emptySegment = Array.isArray(segments) && segments[2] === '';
  if (emptySegment || (signature !== null && signature.length === 0)) {
    sink.add(
      'empty-signature',
      'high',
      `alg is ${typeof alg === 'string' ? quote(alg, 30) : describeJsonKind(alg)} but the signature is empty: a verifier with a broken length check can accept it as valid.`,
      'RFC 7515 §5.2; CVE-2020-28042',
    );
    return;
  }
  if (typeof alg === 'string' && signature !== null) checkEcdsaSignature(alg, signature, sink);
}

function checkEcdsaSignature(alg: string, signature: Uint8Array, sink: Sink): void {
  const curve = ECDSA_CURVES[alg];
  if (curve === undefined) return;
  const reference = 'RFC 7518 §3.4; CVE-2022-21449';
  const expected = curve.half * 2;
  if (signature.length !== expected) {
    const der = signature[0] === 0x30 ? ' and looks DER-encoded, not the raw R || S JWS uses' : '';
    sink.add(
      'ecdsa-zero-signature',
      'high',
      `The ${alg} signature is ${signature.length} bytes, not ${expected}${der}: the signer or a transcoding layer is broken.`,
      reference,
    );
    return;
  }
  const r = bytesToBigInt(signature.subarray(0, curve.half));
  const s = bytesToBigInt(signature.subarray(curve.half));
  const bad: string[] = [];
  if (r === 0n) bad.push('r is zero');
  else if (r >= curve.order) bad.push('r is not below the curve order');
  if (s === 0n) bad.push('s is zero');
  else if (s >= curve.order) bad.push('s is not below the curve order');
  if (bad.length === 0) return;
  sink.add(
    'ecdsa-zero-signature',
    'critical',
    `The ${alg} signature is invalid by construction (${joinList(bad)}): verifiers without range checks accept it for any message ("psychic signatures").`,
    reference,
  );
}

function checkHmacKey(_token: DecodedJws, header: Json | null, ctx: NormalizedContext, sink: Sink) {
  const alg = jwsAlg(header);
  if (ctx.weakSecret !== null) {
    sink.add(
      'weak-secret',
      'critical',
      `The HMAC secret is ${ctx.weakSecret === '' ? 'empty ("")' : quote(ctx.weakSecret, 60)}, found by the offline wordlist scan: anyone can forge tokens with it.`,
      'RFC 8725 §3.5; RFC 8725 §2.2',
    );
  }
  if (typeof alg !== 'string') return;
  const minBytes = HMAC_MIN_KEY_BYTES[alg];
  const bytes = finiteNumber(ctx.key?.secretBytes);
  if (minBytes === undefined || ctx.key?.kind !== 'secret' || bytes === null || bytes >= minBytes) {
    return;
  }
  sink.add(
    'short-secret',
    'high',
    `The ${alg} secret is ${bytes} byte${bytes === 1 ? '' : 's'}, shorter than the ${minBytes} bytes of the hash output, which makes brute force easier.`,
    'RFC 7518 §3.2; RFC 8725 §3.5',
  );
}

function checkAlgConfusion(
  _token: DecodedJws,
  header: Json | null,
  ctx: NormalizedContext,
  sink: Sink,
) {
  if (!ctx.algConfusion) return;
  const alg = jwsAlg(header);
  const shown = typeof alg === 'string' ? quote(alg, 20) : 'HMAC';
  sink.add(
    'alg-confusion',
    'critical',
    `The token uses ${shown} but was checked against a public key: a verifier that uses the public key as the HMAC secret accepts tokens anyone can forge with that public key.`,
    'RFC 8725 §2.1; RFC 8725 §3.1; CVE-2016-10555',
  );
}

function checkUnencodedPayload(
  _token: DecodedJws,
  header: Json | null,
  _ctx: NormalizedContext,
  sink: Sink,
) {
  if (header === null || own(header, 'b64') !== false) return;
  const crit = own(header, 'crit');
  const listed = Array.isArray(crit) && (crit as unknown[]).includes('b64');
  const note = listed ? '' : ', and crit does not list "b64" as RFC 7797 §6 requires';
  sink.add(
    'unencoded-payload',
    'medium',
    `b64 is false, so the payload is signed unencoded${note}: libraries that ignore the parameter compute a different signing input, and unencoded payloads are easy to mishandle.`,
    'RFC 7797 §3; RFC 7797 §6',
  );
}

function checkJwe(header: Json | null, sink: Sink): void {
  const alg = header === null ? undefined : own(header, 'alg');
  const enc = header === null ? undefined : own(header, 'enc');
  const algText = typeof alg === 'string' ? `alg ${quote(alg, 30)}` : 'an unknown alg';
  const encText = typeof enc === 'string' ? `enc ${quote(enc, 30)}` : 'an unknown enc';
  sink.add(
    'jwe-token',
    'info',
    `This is an encrypted token (JWE, ${algText}, ${encText}): its payload is not decrypted here, so only its header is checked.`,
    'RFC 7516 §9',
  );
  if (header === null) return;
  const unknown: string[] = [];
  if (typeof alg !== 'string' || !JWE_ALGS.has(alg)) {
    unknown.push(typeof alg === 'string' ? `alg ${quote(alg, 30)}` : 'a missing alg');
  }
  if (typeof enc !== 'string' || !JWE_ENCS.has(enc)) {
    unknown.push(typeof enc === 'string' ? `enc ${quote(enc, 30)}` : 'a missing enc');
  }
  if (unknown.length > 0) {
    sink.add(
      'alg-unknown',
      'medium',
      `The JWE has ${joinList(unknown)}, which ${unknown.length === 1 ? 'is' : 'are'} not registered: decrypters should only accept an allow-list of algorithms.`,
      'RFC 7516 §4.1.1; RFC 7518 §4.1',
    );
  }
  if (alg === 'RSA1_5') {
    sink.add(
      'rsa1-5-encryption',
      'medium',
      'The content key is wrapped with RSA1_5 (RSAES-PKCS1-v1_5), which is open to Bleichenbacher padding-oracle attacks; prefer RSA-OAEP.',
      'RFC 8725 §3.2; RFC 7518 §4.2',
    );
  }
}

// ---------- claims ----------

function checkClaims(token: DecodedJws, _header: Json | null, ctx: NormalizedContext, sink: Sink) {
  const payload: unknown = token.payload;
  if (!isRecord(payload) || payload.kind !== 'json' || !isRecord(payload.value)) return;
  const claims = payload.value;
  checkTimes(claims, ctx, sink);
  checkAudienceAndIssuer(claims, sink);
  scanSensitive(claims, sink);
}

function checkTimes(claims: Json, ctx: NormalizedContext, sink: Sink): void {
  const rawExp = own(claims, 'exp');
  const exp = finiteNumber(rawExp);
  const iat = finiteNumber(own(claims, 'iat'));
  const nbf = finiteNumber(own(claims, 'nbf'));
  const now = ctx.now;

  if (rawExp === undefined) {
    sink.add(
      'missing-exp',
      'medium',
      'The token has no exp claim, so it never expires: a leaked copy stays valid until the key changes.',
      'RFC 7519 §4.1.4; OWASP JSON Web Token Cheat Sheet',
    );
  } else if (exp === null) {
    sink.add(
      'missing-exp',
      'medium',
      `The exp claim is ${describeJsonKind(rawExp)}, not a NumericDate: many libraries ignore it, so the token may never expire.`,
      'RFC 7519 §4.1.4; RFC 7519 §2',
    );
  }
  if (now === null) return;

  if (exp !== null && now >= exp) {
    sink.add(
      'expired',
      'info',
      `The token expired ${formatDuration(now - exp)} ago${isoSuffix(exp)}.`,
      'RFC 7519 §4.1.4',
    );
  }
  if (nbf !== null && nbf > now) {
    sink.add(
      'not-yet-valid',
      'info',
      `The token is not valid yet: nbf is ${formatDuration(nbf - now)} from now${isoSuffix(nbf)}.`,
      'RFC 7519 §4.1.5',
    );
  }
  if (iat !== null && iat > now + IAT_SKEW_SECONDS) {
    sink.add(
      'iat-future',
      'low',
      `The token claims to be issued ${formatDuration(iat - now)} in the future${isoSuffix(iat)}: the issuer's clock is wrong or the time was forged.`,
      'RFC 7519 §4.1.6',
    );
  }
  if (exp !== null) {
    const lifetime = iat !== null ? exp - iat : exp - now;
    if (lifetime > ctx.maxLifetime) {
      const basis = iat !== null ? 'from iat to exp' : 'remaining (no iat, so counted from now)';
      sink.add(
        'long-lifetime',
        lifetime >= ctx.maxLifetime * LONG_LIFETIME_MEDIUM_FACTOR ? 'medium' : 'low',
        `The token lives ${formatDuration(lifetime)} ${basis}, longer than the threshold of ${formatDuration(ctx.maxLifetime)}: a stolen copy stays useful that long.`,
        'RFC 7519 §4.1.4; OWASP JSON Web Token Cheat Sheet',
      );
    }
  }
}

function checkAudienceAndIssuer(claims: Json, sink: Sink): void {
  const aud = own(claims, 'aud');
  const emptyAud = aud === '' || (Array.isArray(aud) && aud.length === 0);
  if (aud === undefined || aud === null || emptyAud) {
    sink.add(
      'missing-aud',
      'low',
      `The token ${emptyAud ? 'has an empty aud claim' : 'has no aud claim'}, so it does not say which service it is for and can be replayed against another that trusts the same issuer.`,
      'RFC 8725 §3.9; RFC 7519 §4.1.3',
    );
  }
  const iss = own(claims, 'iss');
  if (iss === undefined || iss === null || iss === '') {
    sink.add(
      'missing-iss',
      'low',
      'The token has no iss claim, so a verifier cannot check who issued it or pick keys by issuer.',
      'RFC 8725 §3.8; RFC 7519 §4.1.1',
    );
  }
}

// ---------- sensitive claims ----------

const SECRET_WORDS: ReadonlySet<string> = new Set(
  wordList('password passwd pwd passphrase secret secrets pin cvv cvc ssn'),
);
const SECRET_JOINED = wordList(
  'password passwd passphrase clientsecret apikey privatekey accesskey secretkey signingkey encryptionkey',
);
const TOKEN_NAMES: ReadonlySet<string> = new Set(
  wordList('accesstoken refreshtoken idtoken sessiontoken authtoken bearertoken apitoken'),
);
const ENTROPY_WORDS: ReadonlySet<string> = new Set(
  wordList(
    'key keys credential credentials cred creds hmac salt seed mnemonic auth authorization cookie',
  ),
);
// Words that make a name describe a secret rather than hold one (password_expires_at, public_key).
const METADATA_WORDS: ReadonlySet<string> = new Set(
  wordList(
    'expires expiry expiration expired changed updated created policy required length strength at date time age last status type enabled public pub id ids name thumbprint fingerprint url uri',
  ),
);

interface ValuePattern {
  readonly label: string;
  readonly find: (text: string) => boolean;
}

const VALUE_PATTERNS: readonly ValuePattern[] = [
  { label: 'a PEM private key', find: (s) => /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(s) },
  {
    label: 'an AWS access key id',
    find: (s) => /(?<![A-Z0-9])(?:AKIA|ASIA)[0-9A-Z]{16}(?![A-Z0-9])/.test(s),
  },
  { label: 'a GitHub token', find: (s) => /(?<![A-Za-z0-9])gh[pousr]_[A-Za-z0-9]{36,}/.test(s) },
  {
    label: 'a Stripe secret key',
    find: (s) => /(?<![A-Za-z0-9])[sr]k_live_[0-9A-Za-z]{20,}/.test(s),
  },
  { label: 'a Slack token', find: (s) => /(?<![A-Za-z0-9])xox[abposr]-[0-9A-Za-z-]{10,}/.test(s) },
  { label: 'a payment card number', find: containsCardNumber },
  {
    label: 'a US social security number',
    find: (s) => /(?<![\d-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\d-])/.test(s),
  },
  {
    label: 'a UK National Insurance number',
    find: (s) =>
      /(?<![A-Za-z0-9])(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![A-Za-z0-9])/.test(
        s,
      ),
  },
  { label: 'an IBAN', find: containsIban },
];

interface ScanState {
  nodes: number;
  chars: number;
  readonly hits: Map<string, Set<string>>;
}

function scanSensitive(claims: Json, sink: Sink): void {
  const state: ScanState = { nodes: 0, chars: 0, hits: new Map() };
  walk(claims, '', null, 0, state);
  let emitted = 0;
  for (const [path, labels] of state.hits) {
    if (emitted === MAX_SENSITIVE_FINDINGS) break;
    emitted++;
    sink.add(
      'sensitive-claim',
      'high',
      `The claim ${quote(path, 60)} holds ${joinList([...labels])} (value not shown): a signed token is only encoded, so anyone who holds it can read it.`,
      REF_SENSITIVE,
    );
  }
  const rest = state.hits.size - emitted;
  if (rest > 0) {
    sink.add(
      'sensitive-claim',
      'high',
      `${rest} more claim${rest === 1 ? '' : 's'} hold sensitive-looking values (not shown): a signed token is only encoded, so anyone who holds it can read it.`,
      REF_SENSITIVE,
    );
  }
}

function walk(value: unknown, path: string, name: string | null, depth: number, state: ScanState) {
  if (depth > SCAN_MAX_DEPTH || state.nodes >= SCAN_MAX_NODES) return;
  state.nodes++;
  const displayPath = path === '' ? '(payload)' : path;
  if (typeof value === 'string') {
    scanString(value, displayPath, name, state);
    return;
  }
  if (Array.isArray(value)) {
    const items = value as unknown[];
    const limit = Math.min(items.length, SCAN_MAX_NODES);
    for (let i = 0; i < limit; i++) walk(items[i], `${path}[${i}]`, name, depth + 1, state);
    return;
  }
  if (!isRecord(value)) return;
  const kty = own(value, 'kty');
  if (typeof kty === 'string' && own(value, 'd') !== undefined) {
    record(state, displayPath, 'a private JWK (d)');
  }
  for (const key of Object.keys(value)) {
    if (state.nodes >= SCAN_MAX_NODES) return;
    walk(own(value, key), appendPath(path, key), key, depth + 1, state);
  }
}

function scanString(value: string, path: string, name: string | null, state: ScanState): void {
  if (state.chars >= SCAN_MAX_TOTAL_CHARS) return;
  const text = value.length > SCAN_MAX_STRING ? value.slice(0, SCAN_MAX_STRING) : value;
  state.chars += text.length;
  if (name !== null && text.length > 0) {
    const label = nameLabel(name, text);
    if (label !== null) record(state, path, label);
  }
  for (const pattern of VALUE_PATTERNS) {
    if (pattern.find(text)) record(state, path, pattern.label);
  }
}

function record(state: ScanState, path: string, label: string): void {
  let labels = state.hits.get(path);
  if (labels === undefined) {
    labels = new Set();
    state.hits.set(path, labels);
  }
  labels.add(label);
}

/** Why a claim's name makes its string value sensitive, or null. */
function nameLabel(name: string, value: string): string | null {
  const words = nameWords(name);
  const joined = words.join('');
  if (TOKEN_NAMES.has(joined)) {
    return value.length >= 16 ? 'a bearer token under a token name' : null;
  }
  if (words.some((w) => METADATA_WORDS.has(w))) return null;
  if (words.some((w) => SECRET_WORDS.has(w)) || SECRET_JOINED.some((j) => joined.includes(j))) {
    return 'a value under a secret-like name';
  }
  if (words.some((w) => ENTROPY_WORDS.has(w)) && looksRandom(value)) {
    return 'a high-entropy value under a key-like name';
  }
  return null;
}

function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

function looksRandom(value: string): boolean {
  if (value.length < 20 || !/^[A-Za-z0-9+/=_.~-]+$/.test(value)) return false;
  const mixed = /[a-z]/.test(value) && /[A-Z]/.test(value) && /\d/.test(value);
  const hex = /^[0-9a-fA-F]{32,}$/.test(value);
  return (mixed || hex) && shannonBitsPerChar(value) >= 3.5;
}

function shannonBitsPerChar(value: string): number {
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  const n = value.length;
  for (const count of counts.values()) {
    const p = count / n;
    bits -= p * Math.log2(p);
  }
  return bits;
}

function containsCardNumber(text: string): boolean {
  for (const match of text.matchAll(/(?<![\d-])[2-6](?:[ -]?\d){12,18}(?!\d)/g)) {
    const digits = match[0].replace(/\D/g, '');
    if (digits.length >= 13 && digits.length <= 19 && luhnValid(digits)) return true;
  }
  return false;
}

/** ISO/IEC 7812-1 (Luhn) check digit. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

// IBAN lengths by country (ISO 13616 registry, the common countries).
// prettier-ignore
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, CH: 21, CR: 22,
  CY: 28, CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22,
  GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IS: 26, IT: 27, JO: 30,
  KW: 30, KZ: 20, LB: 28, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27,
  MT: 31, MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, SA: 24,
  SE: 24, SI: 19, SK: 24, SM: 27, TN: 24, TR: 26, UA: 29, VG: 24, XK: 20,
};

function containsIban(text: string): boolean {
  for (const match of text.matchAll(/(?<![A-Za-z0-9])([A-Z]{2})\d{2}(?: ?[A-Z0-9]){11,30}/g)) {
    const length = IBAN_LENGTHS[match[1] ?? ''];
    if (length === undefined) continue;
    // Take exactly `length` characters (grouping spaces skipped); the IBAN must end there.
    const raw = match[0];
    let taken = 0;
    let end = 0;
    while (end < raw.length && taken < length) {
      if (raw[end] !== ' ') taken++;
      end++;
    }
    if (taken < length || (end < raw.length && raw[end] !== ' ')) continue;
    if (ibanChecksumValid(raw.slice(0, end).replace(/ /g, ''))) return true;
  }
  return false;
}

/** ISO 7064 mod 97-10 over the rearranged IBAN, as ISO 13616 specifies. */
export function ibanChecksumValid(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const c of rearranged) {
    const code = c.charCodeAt(0);
    const digits = code >= 65 ? String(code - 55) : c;
    for (const d of digits) remainder = (remainder * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return remainder === 1;
}

// ---------- small helpers ----------

function bytesToBigInt(bytes: Uint8Array): bigint {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

/** An own property only, so names like "constructor" never reach the prototype. */
function own(object: Json, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

function finiteNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function appendPath(path: string, key: string): string {
  const part = /^[A-Za-z_$][\w$-]*$/.test(key) ? key : `['${singleQuoted(key, 40)}']`;
  if (path === '') return part;
  return part.startsWith('[') ? `${path}${part}` : `${path}.${part}`;
}

/** A key as the inside of a single-quoted string (JSON escapes, with ' escaped instead of "). */
function singleQuoted(key: string, max: number): string {
  return quote(key, max).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'");
}

/** A JSON-quoted, length-capped rendering of a header value that is safe to show as text. */
function quote(text: string, max: number): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** " (2011-03-22T18:43:00Z)" after a duration, or nothing when the date cannot be shown. */
function isoSuffix(seconds: number): string {
  const iso = formatNumericDate(seconds);
  return iso === null ? '' : ` (${iso})`;
}

function normalizeMediaType(value: string): string {
  const lower = value.trim().toLowerCase();
  return lower.startsWith('application/') ? lower.slice('application/'.length) : lower;
}
