// Turns what is pasted into "Secret or key" (PEM, JWK, JWKS or an HMAC secret) into verification key candidates.
import {
  calculateJwkThumbprint,
  exportJWK,
  importJWK,
  importPKCS8,
  importSPKI,
  importX509,
  type CryptoKey,
  type JWK,
} from 'jose';
import { decodeBase64, encodeBase64, wrapLines } from '../../lib/encoding/base64.ts';
import { decodeHex } from '../../lib/encoding/hex.ts';
import { encodeUtf8 } from '../../lib/encoding/utf8.ts';
import { fail, ok, type Result } from '../../lib/result.ts';
import { isRecord } from '../../lib/is-record.ts';
import { countOf } from '../../lib/words.ts';
import { errorMessage } from '../../lib/error-message.ts';

/** How the "Secret encoding" combobox says an HMAC secret typed as text becomes bytes. */
export type SecretEncoding = 'utf-8' | 'base64' | 'base64url' | 'hex';

/** Where a candidate came from: pasted by the user, or carried by the token itself (untrusted). */
export type KeySource = 'pasted' | 'token-jwk' | 'token-x5c';

/** One key that may check a signature, with the algorithms it is allowed to check. */
export interface KeyCandidate {
  /** For the UI: `RSA 2048-bit public key (SPKI PEM)`, `HMAC secret, 11 bytes (UTF-8)`, … */
  readonly label: string;
  readonly kind: 'secret' | 'public';
  readonly kid?: string;
  /** The JWK's own "alg", when it had one (it narrows {@link KeyCandidate.algorithms} to itself). */
  readonly jwkAlg?: string;
  /**
   * The JWS algorithms this key may verify (RFC 7518 §3.1). This, never the token's header, is the
   * allowlist handed to jose: an HMAC algorithm is never allowed for a public key.
   */
  readonly algorithms: readonly string[];
  /**
   * What jose's compactVerify takes: the secret's bytes, or a public JWK. A JWK rather than a
   * CryptoKey because a CryptoKey is bound to one algorithm (RS256 ≠ PS256 ≠ RS384), while jose
   * imports a JWK afresh for whichever allowed algorithm the token names.
   */
  readonly key: Uint8Array | JWK;
  /** HMAC key length in bytes. */
  readonly secretBytes?: number;
  readonly rsaModulusBits?: number;
  /** `P-256`, `P-384`, `P-521` or `Ed25519`. */
  readonly curve?: string;
  /** RFC 7638 SHA-256 thumbprint of the public JWK, to tell keys without a kid apart. */
  readonly thumbprint?: string;
  /** The user pasted a private key; only its public part is kept and used. */
  readonly derivedFromPrivate?: boolean;
  readonly source: KeySource;
}

export interface ParsedKeys {
  readonly candidates: readonly KeyCandidate[];
  /** Sentences for the UI: what was skipped and why, what was assumed. */
  readonly notes: readonly string[];
}

export type KeyErrorCode =
  | 'invalid-secret-encoding'
  | 'empty-secret'
  | 'invalid-pem'
  | 'unsupported-pem'
  | 'encrypted-key'
  | 'unsupported-key-type'
  | 'invalid-key'
  | 'invalid-json'
  | 'invalid-jwk'
  | 'no-usable-key';

type KeyResult<T> = Result<T, KeyErrorCode>;

// RFC 7518 §3.1, as jose implements it.
const HMAC_ALGS = ['HS256', 'HS384', 'HS512'] as const;
const RSA_ALGS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'] as const;
const EC_ALGS: Readonly<Record<string, readonly string[]>> = {
  'P-256': ['ES256'],
  'P-384': ['ES384'],
  'P-521': ['ES512'],
};
// RFC 8037 §3.1 ("EdDSA") and RFC 9864 ("Ed25519").
const ED25519_ALGS = ['EdDSA', 'Ed25519'] as const;

const ENCODING_NAMES: Readonly<Record<SecretEncoding, string>> = {
  'utf-8': 'UTF-8',
  base64: 'Base64',
  base64url: 'Base64url',
  hex: 'Hex',
};

const CONVERT_HINT =
  'Convert it to PKCS#8 with `openssl pkcs8 -topk8 -nocrypt -in key.pem`, or paste the public key.';

/**
 * Recognises what the user pasted and returns the keys it holds, each with the algorithms it may
 * verify: an SPKI, PKCS#1 (`RSA PUBLIC KEY`) or X.509 PEM; a PKCS#8, PKCS#1 (`RSA PRIVATE KEY`) or
 * SEC1 (`EC PRIVATE KEY`) private key, of which only the public part is kept; a JWK (public,
 * private or `oct`) or a JWKS (one candidate per usable key, the others named in `notes`);
 * anything else is an HMAC secret whose bytes come from `text` by `secretEncoding`.
 * Blank text gives no candidates and no error.
 *
 * Does not: decrypt encrypted keys (a coded error), validate certificate chains, dates or
 * revocation (the first certificate's public key is used as is), fetch anything, or throw:
 * every failure is a coded {@link KeyErrorCode} result.
 */
export async function parseKeyInput(
  text: string,
  secretEncoding: SecretEncoding,
): Promise<KeyResult<ParsedKeys>> {
  try {
    if (text.trim() === '') return ok({ candidates: [], notes: [] });
    if (text.includes('-----BEGIN ')) return await parsePem(text);
    if (looksLikeJwk(text)) return await parseJson(text);
    return secretCandidate(text, secretEncoding, looksLikeJson(text));
  } catch (error) {
    // Every known path returns a result; this is the last line of defence for the UI.
    return fail('invalid-key', `The key could not be read: ${errorMessage(error)}`);
  }
}

/**
 * The keys a token carries in its own header, for the user who explicitly asks to test them:
 * `jwk` (RFC 7515 §4.1.3) and the first certificate of `x5c` (§4.1.6, Base64 DER). Problems
 * become notes. A key the token carries proves nothing about who signed it.
 *
 * Does not: fetch `jku` or `x5u` (they are URLs; only a note names them), validate the `x5c`
 * chain against anything, or throw.
 */
export async function keysCarriedByToken(
  header: Readonly<Record<string, unknown>>,
): Promise<ParsedKeys> {
  const candidates: KeyCandidate[] = [];
  const notes: string[] = [];
  try {
    if ('jwk' in header) {
      const jwk = header.jwk;
      if (isRecord(jwk)) {
        const made = await jwkCandidate(jwk, 'token-jwk', "from the token's jwk header");
        if ('skip' in made) notes.push(`The token's jwk header was not used: ${made.skip}`);
        else {
          candidates.push(made.candidate);
          if (made.candidate.derivedFromPrivate) {
            notes.push(
              "The token's jwk header holds a private key: whoever made the token has published it.",
            );
          }
        }
      } else notes.push("The token's jwk header is not a JSON object, so it was not used.");
    }
    if ('x5c' in header) {
      const made = await x5cCandidate(header.x5c, notes);
      if (made) candidates.push(made);
    }
    for (const name of ['jku', 'x5u'] as const) {
      if (name in header) {
        notes.push(
          `The token names a key URL (${name}: ${JSON.stringify(header[name])}); it is not fetched: nothing leaves the browser.`,
        );
      }
    }
  } catch (error) {
    notes.push(`The keys in the token's header could not be read: ${errorMessage(error)}`);
  }
  return { candidates, notes };
}

async function x5cCandidate(x5c: unknown, notes: string[]): Promise<KeyCandidate | null> {
  if (!Array.isArray(x5c) || x5c.length === 0 || typeof x5c[0] !== 'string') {
    notes.push(
      "The token's x5c header is not a non-empty array of Base64 strings, so it was not used.",
    );
    return null;
  }
  const first: string = x5c[0];
  if (/[-_]/.test(first)) {
    notes.push(
      "The token's x5c certificate uses Base64url characters; RFC 7515 §4.1.6 requires plain Base64. It was read anyway.",
    );
  }
  if (x5c.length > 1) {
    notes.push(
      `Only the first of the token's ${x5c.length} x5c certificates is used; the chain is not validated.`,
    );
  }
  const der = decodeBase64(first);
  if (!der.ok) {
    notes.push(`The token's x5c certificate is not valid Base64: ${der.error.message}`);
    return null;
  }
  const made = await certificateCandidate(
    der.value,
    'token-x5c',
    "from the token's x5c certificate",
  );
  if (!made.ok) {
    notes.push(`The token's x5c certificate was not used: ${made.error.message}`);
    return null;
  }
  return made.value;
}

// ---------------------------------------------------------------------------------------------
// HMAC secrets

function secretCandidate(
  text: string,
  encoding: SecretEncoding,
  jsonLike: boolean,
): KeyResult<ParsedKeys> {
  const name = ENCODING_NAMES[encoding];
  let bytes: Uint8Array;
  if (encoding === 'utf-8') bytes = encodeUtf8(text);
  else {
    const decoded = encoding === 'hex' ? decodeHex(text) : decodeBase64(text);
    if (!decoded.ok) {
      return fail(
        'invalid-secret-encoding',
        `The secret is not valid ${name}: ${decoded.error.message}`,
        decoded.error.at,
      );
    }
    bytes = decoded.value;
  }
  if (bytes.length === 0) {
    return fail('empty-secret', `The secret decodes to zero bytes as ${name}; HMAC needs a key.`);
  }
  const notes: string[] = [];
  if (encoding === 'utf-8' && text.trim() !== text) {
    notes.push('The secret starts or ends with whitespace; it is used exactly as typed.');
  }
  if (jsonLike) {
    notes.push(
      'This looks like JSON but is not a JWK (no "kty") or JWKS (no "keys"): it is used as an HMAC secret.',
    );
  }
  return ok({
    candidates: [
      {
        label: `HMAC secret, ${countOf(bytes.length, 'byte')} (${name})`,
        kind: 'secret',
        algorithms: HMAC_ALGS,
        key: bytes,
        secretBytes: bytes.length,
        source: 'pasted',
      },
    ],
    notes,
  });
}

// ---------------------------------------------------------------------------------------------
// JSON: JWK and JWKS (RFC 7517)

/**
 * Whether the text is meant as a JWK or JWKS: an object naming "kty" or "keys". A JWK cut short
 * still names them, so it is reported as broken JSON rather than silently used as a secret.
 */
function looksLikeJwk(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.startsWith('{') && /"(kty|keys)"\s*:/.test(trimmed);
}

function looksLikeJson(text: string): boolean {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return false;
  try {
    JSON.parse(trimmed);
    return true;
  } catch {
    return false;
  }
}

async function parseJson(text: string): Promise<KeyResult<ParsedKeys>> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail(
      'invalid-json',
      `The key looks like a JWK but is not valid JSON: ${errorMessage(error)}`,
    );
  }
  if (!isRecord(value)) {
    return fail('invalid-jwk', 'The JSON is not an object, so it is neither a JWK nor a JWKS.');
  }
  if ('keys' in value && !('kty' in value)) return parseJwks(value.keys);
  const made = await jwkCandidate(value, 'pasted', '');
  if ('skip' in made) return fail('invalid-jwk', `The JWK cannot be used: ${made.skip}`);
  const notes = made.candidate.derivedFromPrivate
    ? ['This is a private JWK: only its public part is used. Keep the private key secret.']
    : [];
  return ok({ candidates: [made.candidate], notes });
}

async function parseJwks(keys: unknown): Promise<KeyResult<ParsedKeys>> {
  if (!Array.isArray(keys)) return fail('invalid-jwk', 'The JWKS "keys" member is not an array.');
  if (keys.length === 0) return fail('no-usable-key', 'The JWKS has no keys.');
  const candidates: KeyCandidate[] = [];
  const notes: string[] = [];
  for (const [i, jwk] of keys.entries()) {
    const where = `key ${i + 1} of the JWKS`;
    if (!isRecord(jwk)) {
      notes.push(`Skipped ${where}: not a JSON object.`);
      continue;
    }
    const made = await jwkCandidate(jwk, 'pasted', 'from JWKS');
    if ('skip' in made) {
      const kid = typeof jwk.kid === 'string' ? ` (kid ${JSON.stringify(jwk.kid)})` : '';
      notes.push(`Skipped ${where}${kid}: ${made.skip}`);
    } else candidates.push(made.candidate);
  }
  if (candidates.length === 0) {
    return fail('no-usable-key', `No key in the JWKS can check a signature. ${notes.join(' ')}`);
  }
  if (candidates.some((c) => c.derivedFromPrivate)) {
    notes.push('The JWKS holds private keys: only their public parts are used. Keep them secret.');
  }
  return ok({ candidates, notes });
}

type Made = { readonly candidate: KeyCandidate } | { readonly skip: string };

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'priv'] as const;

/** One JWK to a candidate, or the reason it cannot be one. `context` goes into the label. */
async function jwkCandidate(
  jwk: Readonly<Record<string, unknown>>,
  source: KeySource,
  context: string,
): Promise<Made> {
  const { kty, use, alg } = jwk;
  if (typeof kty !== 'string') return { skip: 'it has no "kty" (key type) string.' };
  if (use !== undefined && use !== 'sig') {
    return { skip: `its "use" is ${JSON.stringify(use)}, not "sig": it is not a signature key.` };
  }
  if (jwk.key_ops !== undefined) {
    if (!Array.isArray(jwk.key_ops) || !jwk.key_ops.includes('verify')) {
      return { skip: 'its "key_ops" does not include "verify".' };
    }
  }
  if (alg !== undefined && typeof alg !== 'string') return { skip: 'its "alg" is not a string.' };
  const kid = typeof jwk.kid === 'string' ? jwk.kid : undefined;

  if (kty === 'oct') {
    if (typeof jwk.k !== 'string') return { skip: 'an "oct" key needs a "k" string.' };
    const bytes = decodeBase64(jwk.k);
    if (!bytes.ok) return { skip: `its "k" is not valid Base64url: ${bytes.error.message}` };
    if (bytes.value.length === 0) return { skip: 'its "k" is empty.' };
    const algorithms = narrow(HMAC_ALGS, alg);
    if (!algorithms)
      return { skip: `its "alg" ${JSON.stringify(alg)} is not an HMAC signature algorithm.` };
    return {
      candidate: withOptional(
        {
          label: withKid(
            `HMAC secret, ${countOf(bytes.value.length, 'byte')} (JWK${context ? ` ${context}` : ''})`,
            kid,
          ),
          kind: 'secret',
          algorithms,
          key: bytes.value,
          secretBytes: bytes.value.length,
          source,
        },
        { kid, jwkAlg: alg },
      ),
    };
  }

  let publicJwk: JWK;
  let base: readonly string[];
  let importAlg: string;
  if (kty === 'RSA') {
    if (typeof jwk.n !== 'string' || typeof jwk.e !== 'string') {
      return { skip: 'an RSA key needs "n" and "e" strings.' };
    }
    publicJwk = { kty, n: jwk.n, e: jwk.e };
    base = RSA_ALGS;
    importAlg = 'RS256';
  } else if (kty === 'EC') {
    const crv = jwk.crv;
    const algs = typeof crv === 'string' ? EC_ALGS[crv] : undefined;
    if (!algs) {
      return {
        skip: `its curve ${JSON.stringify(crv)} is not supported (P-256, P-384 and P-521 are).`,
      };
    }
    if (typeof jwk.x !== 'string' || typeof jwk.y !== 'string') {
      return { skip: 'an EC key needs "x" and "y" strings.' };
    }
    publicJwk = { kty, crv: crv as string, x: jwk.x, y: jwk.y };
    base = algs;
    importAlg = algs[0]!;
  } else if (kty === 'OKP') {
    if (jwk.crv !== 'Ed25519') {
      return {
        skip: `its curve ${JSON.stringify(jwk.crv)} is not supported for signatures here (Ed25519 is).`,
      };
    }
    if (typeof jwk.x !== 'string') return { skip: 'an OKP key needs an "x" string.' };
    publicJwk = { kty, crv: 'Ed25519', x: jwk.x };
    base = ED25519_ALGS;
    importAlg = 'Ed25519';
  } else {
    return { skip: `its key type "${kty}" is not supported (RSA, EC, OKP and oct are).` };
  }

  // Web Crypto's JWK import skips characters outside Base64url; a key is what was pasted, or nothing.
  const broken = (['n', 'e', 'x', 'y'] as const).find(
    (m) => publicJwk[m] !== undefined && !/^[A-Za-z0-9_-]+$/.test(publicJwk[m]),
  );
  if (broken) return { skip: `its "${broken}" is not Base64url (RFC 7518 §6).` };
  if (kty === 'RSA' && bitLength(publicJwk.n ?? '') < 512) {
    return { skip: 'it is not a valid RSA public key (its modulus is far too small).' };
  }
  const algorithms = narrow(base, alg);
  if (!algorithms) {
    return {
      skip: `its "alg" ${JSON.stringify(alg)} is not a signature algorithm for a ${kty} key.`,
    };
  }
  try {
    await importJWK(publicJwk, importAlg);
  } catch (error) {
    return { skip: `it is not a valid ${kty} public key (${errorMessage(error)}).` };
  }
  const derivedFromPrivate = PRIVATE_MEMBERS.some((m) => m in jwk);
  const origin = derivedFromPrivate
    ? `public part derived from a private JWK${context ? ` ${context}` : ''}`
    : `JWK${context ? ` ${context}` : ''}`;
  const candidate = await publicCandidate(publicJwk, source, origin, {
    kid,
    jwkAlg: alg,
    derivedFromPrivate,
  });
  return { candidate: { ...candidate, algorithms } };
}

function narrow(base: readonly string[], alg: string | undefined): readonly string[] | null {
  if (alg === undefined) return base;
  return base.includes(alg) ? [alg] : null;
}

// ---------------------------------------------------------------------------------------------
// PEM (RFC 7468)

interface PemBlock {
  readonly label: string;
  readonly body: string;
  /** Index of the body in the pasted text, to turn a Base64 error position into a text position. */
  readonly bodyAt: number;
}

const KEY_LABELS = new Set([
  'PUBLIC KEY',
  'RSA PUBLIC KEY',
  'CERTIFICATE',
  'PRIVATE KEY',
  'RSA PRIVATE KEY',
  'EC PRIVATE KEY',
  'ENCRYPTED PRIVATE KEY',
]);

function pemBlocks(
  text: string,
): PemBlock[] | { readonly brokenAt: number; readonly label: string } {
  const blocks: PemBlock[] = [];
  let from = 0;
  for (;;) {
    const begin = text.indexOf('-----BEGIN ', from);
    if (begin === -1) return blocks;
    const labelStart = begin + '-----BEGIN '.length;
    const labelEnd = text.indexOf('-----', labelStart);
    const label = labelEnd === -1 ? '' : text.slice(labelStart, labelEnd);
    if (labelEnd === -1 || !/^[\x21-\x2c\x2e-\x7e]+(?:[ -][\x21-\x2c\x2e-\x7e]+)*$/.test(label)) {
      return { brokenAt: begin, label };
    }
    const bodyAt = labelEnd + 5;
    const endLine = `-----END ${label}-----`;
    const end = text.indexOf(endLine, bodyAt);
    if (end === -1) return { brokenAt: begin, label };
    blocks.push({ label, body: text.slice(bodyAt, end), bodyAt });
    from = end + endLine.length;
  }
}

async function parsePem(text: string): Promise<KeyResult<ParsedKeys>> {
  const found = pemBlocks(text);
  if (!Array.isArray(found)) {
    return fail(
      'invalid-pem',
      found.label
        ? `The PEM "BEGIN ${found.label}" line has no matching "-----END ${found.label}-----" line.`
        : 'The PEM "-----BEGIN" line is incomplete: it needs a label and a closing "-----".',
      found.brokenAt,
    );
  }
  const notes: string[] = [];
  // "openssl ecparam -genkey" puts an EC PARAMETERS block before the key: it names the curve only.
  const usable = found.filter((b) => b.label !== 'EC PARAMETERS');
  const block = usable.find((b) => KEY_LABELS.has(b.label)) ?? usable[0];
  if (!block) return fail('unsupported-pem', 'The PEM holds only EC PARAMETERS, no key.');
  if (found.length > 1) {
    const count = found.length;
    notes.push(
      block.label === 'CERTIFICATE'
        ? `The text holds ${count} PEM blocks; only the first certificate is used (in a chain, the leaf). The chain is not validated.`
        : `The text holds ${count} PEM blocks; only the first key (${block.label}) is used.`,
    );
  }
  const made = await pemCandidate(block);
  if (!made.ok) return made;
  if (made.value.derivedFromPrivate) {
    notes.push('This is a private key: only its public part is used. Keep the private key secret.');
  }
  return ok({ candidates: [made.value], notes });
}

async function pemCandidate(block: PemBlock): Promise<KeyResult<KeyCandidate>> {
  const { label } = block;
  if (label === 'ENCRYPTED PRIVATE KEY' || /Proc-Type:\s*4,\s*ENCRYPTED/i.test(block.body)) {
    return fail(
      'encrypted-key',
      'The private key is encrypted with a passphrase, and this tool does not decrypt keys. Paste the public key instead (openssl pkey -pubout).',
    );
  }
  if (!KEY_LABELS.has(label)) {
    return fail(
      'unsupported-pem',
      `A PEM "${label}" is not a key this tool reads: paste a PUBLIC KEY, RSA PUBLIC KEY, CERTIFICATE or PRIVATE KEY PEM.`,
    );
  }
  if (/^[\t ]*[A-Za-z-]+:/m.test(block.body)) {
    return fail(
      'unsupported-pem',
      `The PEM "${label}" has header lines, which this tool does not read.`,
    );
  }
  const der = decodeBase64(block.body);
  if (!der.ok) {
    return fail(
      'invalid-pem',
      `The Base64 inside the PEM "${label}" is broken: ${der.error.message}`,
      der.error.at === undefined ? undefined : block.bodyAt + der.error.at,
    );
  }
  if (der.value.length === 0) return fail('invalid-pem', `The PEM "${label}" is empty.`);
  switch (label) {
    case 'PUBLIC KEY':
      return spkiCandidate(der.value, 'SPKI PEM', false);
    case 'RSA PUBLIC KEY':
      return spkiCandidate(rsaSpkiFromPkcs1(der.value), 'PKCS#1 PEM', false);
    case 'CERTIFICATE':
      return certificateCandidate(der.value, 'pasted', '(X.509 certificate)');
    case 'PRIVATE KEY':
      return pkcs8Candidate(der.value);
    case 'RSA PRIVATE KEY': {
      const spki = rsaSpkiFromPkcs1Private(der.value);
      if (!spki)
        return fail(
          'invalid-key',
          `The RSA PRIVATE KEY is not a valid PKCS#1 RSAPrivateKey. ${CONVERT_HINT}`,
        );
      return spkiCandidate(spki, 'public part derived from a PKCS#1 RSA private key', true);
    }
    default: {
      const spki = ecSpkiFromSec1(der.value);
      if (!spki) {
        return fail(
          'unsupported-pem',
          `This EC PRIVATE KEY does not include its curve and public key, so the public part cannot be read from it. ${CONVERT_HINT}`,
        );
      }
      return spkiCandidate(spki, 'public part derived from a SEC1 EC private key', true);
    }
  }
}

async function spkiCandidate(
  spki: Uint8Array,
  origin: string,
  derivedFromPrivate: boolean,
): Promise<KeyResult<KeyCandidate>> {
  const type = keyTypeOfSpki(spki);
  if (!type.ok) return type;
  let key: CryptoKey;
  try {
    key = await importSPKI(toPem(spki, 'PUBLIC KEY'), type.value);
  } catch (error) {
    return fail('invalid-key', `The public key could not be imported: ${errorMessage(error)}`);
  }
  return ok(await candidateFromCryptoKey(key, 'pasted', `(${origin})`, derivedFromPrivate));
}

async function certificateCandidate(
  der: Uint8Array,
  source: KeySource,
  origin: string,
): Promise<KeyResult<KeyCandidate>> {
  const spki = spkiOfCertificate(der);
  if (!spki) return fail('invalid-key', 'The certificate is not a valid X.509 structure.');
  const type = keyTypeOfSpki(spki);
  if (!type.ok) return type;
  let key: CryptoKey;
  try {
    key = await importX509(toPem(der, 'CERTIFICATE'), type.value);
  } catch (error) {
    return fail(
      'invalid-key',
      `The certificate's public key could not be imported: ${errorMessage(error)}`,
    );
  }
  return ok(await candidateFromCryptoKey(key, source, origin, false));
}

async function pkcs8Candidate(der: Uint8Array): Promise<KeyResult<KeyCandidate>> {
  // PrivateKeyInfo ::= SEQUENCE { version, privateKeyAlgorithm AlgorithmIdentifier, privateKey, … } (RFC 5208 §5)
  const outer = readTlv(der, 0);
  const parts = outer && outer.tag === SEQUENCE ? children(der, outer) : null;
  const algId = parts?.[1];
  if (!algId || algId.tag !== SEQUENCE)
    return fail('invalid-key', 'The PRIVATE KEY is not a valid PKCS#8 structure.');
  const type = keyTypeOfAlgorithm(der, algId);
  if (!type.ok) return type;
  let jwk: JWK;
  try {
    // Extractable only so that exportJWK can read the public members; the private key is dropped.
    const key = await importPKCS8(toPem(der, 'PRIVATE KEY'), type.value, { extractable: true });
    jwk = await exportJWK(key);
  } catch (error) {
    return fail(
      'invalid-key',
      `The PKCS#8 private key could not be imported: ${errorMessage(error)}`,
    );
  }
  const publicJwk = publicPart(jwk);
  try {
    await importJWK(publicJwk, type.value);
  } catch (error) {
    return fail(
      'invalid-key',
      `The public part of the private key could not be imported: ${errorMessage(error)}`,
    );
  }
  return ok(
    await publicCandidate(publicJwk, 'pasted', '(public part derived from a PKCS#8 private key)', {
      derivedFromPrivate: true,
    }),
  );
}

function publicPart(jwk: JWK): JWK {
  const { kty, crv, n, e, x, y } = jwk;
  const out: JWK = { kty };
  if (crv !== undefined) out.crv = crv;
  if (n !== undefined) out.n = n;
  if (e !== undefined) out.e = e;
  if (x !== undefined) out.x = x;
  if (y !== undefined) out.y = y;
  return out;
}

async function candidateFromCryptoKey(
  key: CryptoKey,
  source: KeySource,
  origin: string,
  derivedFromPrivate: boolean,
): Promise<KeyCandidate> {
  const publicJwk = publicPart(await exportJWK(key));
  return publicCandidate(publicJwk, source, origin, { derivedFromPrivate });
}

/** Builds the candidate for a public JWK of kty RSA, EC (P-256/384/521) or OKP (Ed25519). */
async function publicCandidate(
  jwk: JWK,
  source: KeySource,
  origin: string,
  extra: { kid?: string | undefined; jwkAlg?: string | undefined; derivedFromPrivate?: boolean },
): Promise<KeyCandidate> {
  let description: string;
  let algorithms: readonly string[];
  let rsaModulusBits: number | undefined;
  let curve: string | undefined;
  if (jwk.kty === 'RSA') {
    rsaModulusBits = bitLength(jwk.n ?? '');
    description = `RSA ${rsaModulusBits}-bit public key`;
    algorithms = RSA_ALGS;
  } else if (jwk.kty === 'EC') {
    curve = jwk.crv ?? '';
    description = `EC ${curve} public key`;
    algorithms = EC_ALGS[curve] ?? [];
  } else {
    curve = jwk.crv ?? '';
    description = `${curve} public key`;
    algorithms = ED25519_ALGS;
  }
  const spaced = origin.startsWith('(') ? ` ${origin}` : origin ? ` (${origin})` : '';
  const candidate: KeyCandidate = {
    label: withKid(`${description}${spaced}`, extra.kid),
    kind: 'public',
    algorithms,
    key: jwk,
    thumbprint: await calculateJwkThumbprint(jwk),
    source,
  };
  return withOptional(candidate, {
    kid: extra.kid,
    jwkAlg: extra.jwkAlg,
    rsaModulusBits,
    curve,
    derivedFromPrivate: extra.derivedFromPrivate ? true : undefined,
  });
}

/** Adds only the optional members that have a value, so tests and the UI never see `key: undefined`. */
function withOptional(candidate: KeyCandidate, extra: Partial<KeyCandidate>): KeyCandidate {
  const out: Record<string, unknown> = { ...candidate };
  for (const [name, value] of Object.entries(extra) as [string, unknown][]) {
    if (value !== undefined) out[name] = value;
  }
  return out as unknown as KeyCandidate;
}

function withKid(label: string, kid: string | undefined): string {
  return kid === undefined ? label : `${label}, kid ${JSON.stringify(kid)}`;
}

function toPem(der: Uint8Array, label: string): string {
  return `-----BEGIN ${label}-----\n${wrapLines(encodeBase64(der), 64, '\n')}\n-----END ${label}-----\n`;
}

// ---------------------------------------------------------------------------------------------
// Just enough DER (X.690) to tell key types apart and to rewrap PKCS#1 and SEC1 keys.

const SEQUENCE = 0x30;
const INTEGER = 0x02;
const BIT_STRING = 0x03;
const OBJECT_IDENTIFIER = 0x06;

interface Tlv {
  readonly tag: number;
  readonly start: number;
  /** Index of the first content byte. */
  readonly contentStart: number;
  /** Index just past the element. */
  readonly end: number;
}

function readTlv(der: Uint8Array, at: number): Tlv | null {
  const tag = der[at];
  let lengthByte = der[at + 1];
  if (tag === undefined || lengthByte === undefined || (tag & 0x1f) === 0x1f) return null;
  let pos = at + 2;
  let length = lengthByte;
  if (lengthByte & 0x80) {
    const count = lengthByte & 0x7f;
    if (count === 0 || count > 4) return null; // indefinite lengths are not DER
    length = 0;
    for (let i = 0; i < count; i++) {
      lengthByte = der[pos++];
      if (lengthByte === undefined) return null;
      length = length * 256 + lengthByte;
    }
  }
  const end = pos + length;
  return end <= der.length ? { tag, start: at, contentStart: pos, end } : null;
}

function children(der: Uint8Array, parent: Tlv): Tlv[] | null {
  const out: Tlv[] = [];
  for (let at = parent.contentStart; at < parent.end;) {
    const child = readTlv(der, at);
    if (!child || child.end > parent.end) return null;
    out.push(child);
    at = child.end;
  }
  return out;
}

function encodeTlv(tag: number, ...contents: Uint8Array[]): Uint8Array {
  const length = contents.reduce((sum, c) => sum + c.length, 0);
  const lengthBytes: number[] = [];
  if (length < 0x80) lengthBytes.push(length);
  else {
    for (let rest = length; rest > 0; rest = Math.floor(rest / 256))
      lengthBytes.unshift(rest & 0xff);
    lengthBytes.unshift(0x80 | lengthBytes.length);
  }
  const out = new Uint8Array(1 + lengthBytes.length + length);
  out[0] = tag;
  out.set(lengthBytes, 1);
  let at = 1 + lengthBytes.length;
  for (const c of contents) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const hexBytes = (hex: string): Uint8Array =>
  Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));

// Object identifiers, DER-encoded (tag and length included).
const RSA_ENCRYPTION = '06092a864886f70d010101'; // 1.2.840.113549.1.1.1, RFC 8017 App. C
const EC_PUBLIC_KEY = '06072a8648ce3d0201'; // 1.2.840.10045.2.1, RFC 5480 §2.1.1
const OID_RSA_ENCRYPTION = hexBytes(RSA_ENCRYPTION);
const OID_EC_PUBLIC_KEY = hexBytes(EC_PUBLIC_KEY);
const DER_NULL = hexBytes('0500');
const OID_NAMES: Readonly<Record<string, string>> = {
  '06092a864886f70d01010a':
    'RSASSA-PSS (an RSA key restricted to PSS; export it as a plain RSA key)',
  '06072a8648ce380401': 'DSA',
  '06032b6571': 'Ed448',
  '06032b656e': 'X25519 (a key-agreement key)',
  '06032b656f': 'X448 (a key-agreement key)',
  '06052b8104000a': 'the secp256k1 curve (ES256K)',
};
const CURVES: Readonly<Record<string, string>> = {
  '06082a8648ce3d030107': 'P-256', // RFC 5480 §2.1.1.1
  '06052b81040022': 'P-384',
  '06052b81040023': 'P-521',
};
const ED25519_OID = '06032b6570'; // RFC 8410 §3

function hexOf(der: Uint8Array, tlv: Tlv): string {
  let out = '';
  for (let i = tlv.start; i < tlv.end; i++) out += der[i]!.toString(16).padStart(2, '0');
  return out;
}

/** The alg to import an SPKI with, from its AlgorithmIdentifier (RFC 5280 §4.1.2.7). */
function keyTypeOfSpki(spki: Uint8Array): KeyResult<string> {
  const outer = readTlv(spki, 0);
  const parts =
    outer && outer.tag === SEQUENCE && outer.end === spki.length ? children(spki, outer) : null;
  const algId = parts?.[0];
  if (!parts || parts.length !== 2 || algId?.tag !== SEQUENCE || parts[1]?.tag !== BIT_STRING) {
    return fail('invalid-key', 'The public key is not a valid SubjectPublicKeyInfo structure.');
  }
  return keyTypeOfAlgorithm(spki, algId);
}

function keyTypeOfAlgorithm(der: Uint8Array, algId: Tlv): KeyResult<string> {
  const [oid, params] = children(der, algId) ?? [];
  if (!oid || oid.tag !== OBJECT_IDENTIFIER) {
    return fail('invalid-key', 'The key has no valid algorithm identifier.');
  }
  const oidHex = hexOf(der, oid);
  if (oidHex === RSA_ENCRYPTION) return ok('RS256');
  if (oidHex === ED25519_OID) return ok('Ed25519');
  if (oidHex === EC_PUBLIC_KEY) {
    const curve =
      params && params.tag === OBJECT_IDENTIFIER ? CURVES[hexOf(der, params)] : undefined;
    if (!curve) {
      const name = params ? OID_NAMES[hexOf(der, params)] : undefined;
      return fail(
        'unsupported-key-type',
        `The EC key is on ${name ?? 'a curve'} which is not supported here (P-256, P-384 and P-521 are).`,
      );
    }
    return ok(EC_ALGS[curve]![0]!);
  }
  const name = OID_NAMES[oidHex];
  return fail(
    'unsupported-key-type',
    `The key type ${name ?? 'of this key'} is not supported: RSA, EC (P-256, P-384, P-521) and Ed25519 are.`,
  );
}

/** SubjectPublicKeyInfo from Certificate → tbsCertificate (RFC 5280 §4.1). */
function spkiOfCertificate(der: Uint8Array): Uint8Array | null {
  const cert = readTlv(der, 0);
  const tbs = cert && cert.tag === SEQUENCE ? children(der, cert)?.[0] : undefined;
  const fields = tbs && tbs.tag === SEQUENCE ? children(der, tbs) : null;
  if (!fields) return null;
  // version [0] EXPLICIT is optional; then serial, signature, issuer, validity, subject, spki.
  const spki = fields[fields[0]?.tag === 0xa0 ? 6 : 5];
  return spki && spki.tag === SEQUENCE ? der.slice(spki.start, spki.end) : null;
}

/** RSAPublicKey (RFC 8017 §A.1.1) wrapped as an SPKI: SEQUENCE { SEQUENCE { rsaEncryption, NULL }, BIT STRING }. */
function rsaSpkiFromPkcs1(pkcs1: Uint8Array): Uint8Array {
  return encodeTlv(
    SEQUENCE,
    encodeTlv(SEQUENCE, OID_RSA_ENCRYPTION, DER_NULL),
    encodeTlv(BIT_STRING, Uint8Array.of(0), pkcs1), // no unused bits
  );
}

/** The public half (n, e) of an RSAPrivateKey (RFC 8017 §A.1.2), as an SPKI. */
function rsaSpkiFromPkcs1Private(der: Uint8Array): Uint8Array | null {
  const outer = readTlv(der, 0);
  const fields = outer && outer.tag === SEQUENCE ? children(der, outer) : null;
  const [, n, e] = fields ?? [];
  if (!n || !e || n.tag !== INTEGER || e.tag !== INTEGER) return null;
  const publicKey = encodeTlv(SEQUENCE, der.slice(n.start, n.end), der.slice(e.start, e.end));
  return rsaSpkiFromPkcs1(publicKey);
}

/** The public key and curve of an ECPrivateKey (RFC 5915 §3), as an SPKI; null when either is absent. */
function ecSpkiFromSec1(der: Uint8Array): Uint8Array | null {
  const outer = readTlv(der, 0);
  const fields = outer && outer.tag === SEQUENCE ? children(der, outer) : null;
  if (!fields) return null;
  const params = fields.find((f) => f.tag === 0xa0);
  const publicKey = fields.find((f) => f.tag === 0xa1);
  const curve = params ? readTlv(der, params.contentStart) : null;
  const bits = publicKey ? readTlv(der, publicKey.contentStart) : null;
  if (!curve || curve.tag !== OBJECT_IDENTIFIER || !bits || bits.tag !== BIT_STRING) return null;
  return encodeTlv(
    SEQUENCE,
    encodeTlv(SEQUENCE, OID_EC_PUBLIC_KEY, der.slice(curve.start, curve.end)),
    der.slice(bits.start, bits.end),
  );
}

// ---------------------------------------------------------------------------------------------

/** Bit length of a Base64urlUInt (RFC 7518 §2), e.g. an RSA modulus. */
function bitLength(base64url: string): number {
  const bytes = decodeBase64(base64url);
  if (!bytes.ok) return 0;
  const value = bytes.value;
  let i = 0;
  while (i < value.length && value[i] === 0) i++;
  if (i === value.length) return 0;
  return (value.length - i - 1) * 8 + (32 - Math.clz32(value[i]!));
}
