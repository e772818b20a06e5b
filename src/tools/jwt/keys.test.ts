// parseKeyInput and keysCarriedByToken: every key format, every refusal, and random input.
import { createPublicKey, generateKeyPairSync, type JsonWebKey as NodeJwk } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { exportJWK, exportPKCS8, exportSPKI, generateKeyPair, type JWK } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keysCarriedByToken, parseKeyInput, type KeyCandidate, type KeyErrorCode } from './keys.ts';

/*
 * Fixtures in ./fixtures, generated once with OpenSSL 3.0:
 *   openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out rsa-2048-pkcs8.pem
 *   openssl req -x509 -new -key rsa-2048-pkcs8.pem -subj "/CN=api-security-toolkit RSA test" -days 36500 -sha256 -out rsa-2048-cert.pem
 *   openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ec-p256-pkcs8.pem
 *   openssl req -x509 -new -key ec-p256-pkcs8.pem -subj "/CN=api-security-toolkit EC test" -days 36500 -sha256 -out ec-p256-cert.pem
 *   openssl rsa -in rsa-2048-pkcs8.pem -traditional -out rsa-2048-pkcs1-private.pem
 *   openssl rsa -in rsa-2048-pkcs8.pem -RSAPublicKey_out -out rsa-2048-pkcs1-public.pem
 *   openssl ec -in ec-p256-pkcs8.pem -out ec-p256-sec1-private.pem
 *   openssl pkcs8 -topk8 -in rsa-2048-pkcs8.pem -passout pass:fixture -v2 aes-256-cbc -out rsa-2048-encrypted-pkcs8.pem
 * They are test keys only: never use them for anything else.
 */
function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

const RSA_ALGS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];
const HMAC_ALGS = ['HS256', 'HS384', 'HS512'];
const KEY_ERROR_CODES: readonly KeyErrorCode[] = [
  'invalid-secret-encoding',
  'empty-secret',
  'invalid-pem',
  'unsupported-pem',
  'encrypted-key',
  'unsupported-key-type',
  'invalid-key',
  'invalid-json',
  'invalid-jwk',
  'no-usable-key',
];

/** The public JWK Node's own crypto derives from any PEM: an independent reference. */
function nodeJwk(pem: string): NodeJwk {
  return createPublicKey(pem).export({ format: 'jwk' });
}

async function only(text: string, encoding: Parameters<typeof parseKeyInput>[1] = 'utf-8') {
  const result = await parseKeyInput(text, encoding);
  if (!result.ok)
    throw new Error(`expected a key, got ${result.error.code}: ${result.error.message}`);
  expect(result.value.candidates).toHaveLength(1);
  return { candidate: result.value.candidates[0]!, notes: result.value.notes };
}

async function failure(text: string, encoding: Parameters<typeof parseKeyInput>[1] = 'utf-8') {
  const result = await parseKeyInput(text, encoding);
  if (result.ok)
    throw new Error(`expected an error, got ${result.value.candidates.length} candidates`);
  return result.error;
}

function jwkOf(candidate: KeyCandidate): JWK {
  expect(candidate.key).not.toBeInstanceOf(Uint8Array);
  return candidate.key as JWK;
}

function bytesOf(candidate: KeyCandidate): Uint8Array {
  expect(candidate.key).toBeInstanceOf(Uint8Array);
  return candidate.key as Uint8Array;
}

describe('parseKeyInput: nothing and HMAC secrets', () => {
  it.each(['', '   ', '\n\t \r\n'])(
    'blank text %j gives no candidates and no error',
    async (text) => {
      expect(await parseKeyInput(text, 'utf-8')).toEqual({
        ok: true,
        value: { candidates: [], notes: [] },
      });
    },
  );

  it('takes plain text as a UTF-8 HMAC secret', async () => {
    const { candidate, notes } = await only('hello world');
    expect(candidate).toMatchObject({
      label: 'HMAC secret, 11 bytes (UTF-8)',
      kind: 'secret',
      algorithms: HMAC_ALGS,
      secretBytes: 11,
      source: 'pasted',
    });
    expect(Buffer.from(bytesOf(candidate)).toString('utf8')).toBe('hello world');
    expect(notes).toEqual([]);
  });

  it('counts UTF-8 bytes, not characters, and keeps surrounding whitespace with a note', async () => {
    const { candidate, notes } = await only(' ünï ✓ ');
    expect(bytesOf(candidate)).toEqual(new Uint8Array(Buffer.from(' ünï ✓ ', 'utf8')));
    expect(candidate.secretBytes).toBe(Buffer.byteLength(' ünï ✓ '));
    expect(notes.join(' ')).toMatch(/whitespace/);
  });

  it.each([
    ['base64', 'aGVsbG8gd29ybGQ=', 'Base64'],
    ['base64', 'aGVsbG8g\nd29ybGQ', 'Base64'],
    ['base64url', 'aGVsbG8gd29ybGQ', 'Base64url'],
    ['hex', '68656c6c6f20776f726c64', 'Hex'],
    ['hex', '0x68 65 6C 6C 6F 20 77 6F 72 6C 64', 'Hex'],
  ] as const)('decodes a %s secret (%j)', async (encoding, text, name) => {
    const { candidate } = await only(text, encoding);
    expect(Buffer.from(bytesOf(candidate)).toString('utf8')).toBe('hello world');
    expect(candidate.label).toBe(`HMAC secret, 11 bytes (${name})`);
  });

  it('reports a bad Base64 secret with the position from the shared decoder', async () => {
    const error = await failure('abc$def', 'base64');
    expect(error.code).toBe('invalid-secret-encoding');
    expect(error.at).toBe(3);
    expect(error.message).toMatch(/not valid Base64/);
  });

  it('reports a bad hex secret', async () => {
    const error = await failure('abcz', 'hex');
    expect(error).toMatchObject({ code: 'invalid-secret-encoding', at: 3 });
    expect((await failure('abc', 'hex')).code).toBe('invalid-secret-encoding');
  });

  it('refuses a secret that decodes to zero bytes', async () => {
    expect((await failure('0x', 'hex')).code).toBe('empty-secret');
  });

  it('uses JSON that is not a JWK as a secret, and says so', async () => {
    const { candidate, notes } = await only('{"hello":"world"}');
    expect(candidate.kind).toBe('secret');
    expect(notes.join(' ')).toMatch(/not a JWK/);
  });
});

describe('parseKeyInput: PEM', () => {
  const rsaPkcs8 = fixture('rsa-2048-pkcs8.pem');
  const rsaReference = nodeJwk(rsaPkcs8);
  const ecPkcs8 = fixture('ec-p256-pkcs8.pem');
  const ecReference = nodeJwk(ecPkcs8);

  it('reads an RSA SPKI public key', async () => {
    const spki = createPublicKey(rsaPkcs8).export({ type: 'spki', format: 'pem' }).toString();
    const { candidate } = await only(spki);
    expect(candidate).toMatchObject({
      label: 'RSA 2048-bit public key (SPKI PEM)',
      kind: 'public',
      algorithms: RSA_ALGS,
      rsaModulusBits: 2048,
      source: 'pasted',
    });
    expect(jwkOf(candidate)).toEqual({ kty: 'RSA', n: rsaReference.n, e: rsaReference.e });
    expect(candidate.derivedFromPrivate).toBeUndefined();
  });

  it('reads a PKCS#1 RSA PUBLIC KEY by wrapping it into an SPKI', async () => {
    const { candidate } = await only(fixture('rsa-2048-pkcs1-public.pem'));
    expect(candidate.label).toBe('RSA 2048-bit public key (PKCS#1 PEM)');
    expect(jwkOf(candidate)).toEqual({ kty: 'RSA', n: rsaReference.n, e: rsaReference.e });
  });

  it('wraps PKCS#1 keys of other sizes too (short and long DER length forms)', async () => {
    for (const bits of [1024, 4096]) {
      const { publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
      const pem = publicKey.export({ type: 'pkcs1', format: 'pem' }).toString();
      const { candidate } = await only(pem);
      expect(candidate.rsaModulusBits).toBe(bits);
      expect(jwkOf(candidate).n).toBe(publicKey.export({ format: 'jwk' }).n);
    }
  });

  it('reads the public key of an X.509 certificate (RSA and EC)', async () => {
    const rsa = await only(fixture('rsa-2048-cert.pem'));
    expect(rsa.candidate.label).toBe('RSA 2048-bit public key (X.509 certificate)');
    expect(jwkOf(rsa.candidate).n).toBe(rsaReference.n);
    const ec = await only(fixture('ec-p256-cert.pem'));
    expect(ec.candidate).toMatchObject({
      label: 'EC P-256 public key (X.509 certificate)',
      algorithms: ['ES256'],
    });
    expect(jwkOf(ec.candidate)).toEqual({
      kty: 'EC',
      crv: 'P-256',
      x: ecReference.x,
      y: ecReference.y,
    });
  });

  it('uses the first certificate of a chain and says so', async () => {
    const chain = `${fixture('ec-p256-cert.pem')}\n${fixture('rsa-2048-cert.pem')}`;
    const { candidate, notes } = await only(chain);
    expect(candidate.curve).toBe('P-256');
    expect(notes.join(' ')).toMatch(/2 PEM blocks.*first certificate/);
  });

  it('keeps only the public part of a PKCS#8 private key', async () => {
    for (const [pem, reference] of [
      [rsaPkcs8, rsaReference],
      [ecPkcs8, ecReference],
    ] as const) {
      const { candidate, notes } = await only(pem);
      expect(candidate.derivedFromPrivate).toBe(true);
      expect(candidate.label).toMatch(/public part derived from a PKCS#8 private key/);
      const jwk = jwkOf(candidate);
      expect(jwk).not.toHaveProperty('d');
      expect(jwk.n ?? jwk.x).toBe(reference.n ?? reference.x);
      expect(notes.join(' ')).toMatch(/only its public part/);
    }
  });

  it('derives the public part of a PKCS#1 RSA PRIVATE KEY and of a SEC1 EC PRIVATE KEY', async () => {
    const rsa = await only(fixture('rsa-2048-pkcs1-private.pem'));
    expect(rsa.candidate).toMatchObject({ derivedFromPrivate: true, rsaModulusBits: 2048 });
    expect(jwkOf(rsa.candidate)).toEqual({ kty: 'RSA', n: rsaReference.n, e: rsaReference.e });
    const ec = await only(fixture('ec-p256-sec1-private.pem'));
    expect(ec.candidate).toMatchObject({ derivedFromPrivate: true, curve: 'P-256' });
    expect(jwkOf(ec.candidate)).toEqual({
      kty: 'EC',
      crv: 'P-256',
      x: ecReference.x,
      y: ecReference.y,
    });
  });

  it('reads a SEC1 key that openssl ecparam -genkey prefixes with EC PARAMETERS', async () => {
    const params = '-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n';
    const { candidate } = await only(params + fixture('ec-p256-sec1-private.pem'));
    expect(jwkOf(candidate).x).toBe(ecReference.x);
  });

  it('refuses a SEC1 key without its public key, pointing to openssl pkcs8', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const der = privateKey.export({ type: 'sec1', format: 'der' });
    // ECPrivateKey { version, privateKey OCTET STRING } only: cut the [0] and [1] fields.
    const octets = der.subarray(5, 5 + 2 + der[6]!);
    const bare = Buffer.concat([Buffer.from([0x30, 3 + octets.length, 0x02, 0x01, 0x01]), octets]);
    const pem = `-----BEGIN EC PRIVATE KEY-----\n${bare.toString('base64')}\n-----END EC PRIVATE KEY-----`;
    const error = await failure(pem);
    expect(error.code).toBe('unsupported-pem');
    expect(error.message).toContain('openssl pkcs8 -topk8 -nocrypt');
  });

  it('refuses encrypted private keys, modern and legacy', async () => {
    expect((await failure(fixture('rsa-2048-encrypted-pkcs8.pem'))).code).toBe('encrypted-key');
    const legacy = [
      '-----BEGIN RSA PRIVATE KEY-----',
      'Proc-Type: 4,ENCRYPTED',
      'DEK-Info: AES-128-CBC,0123456789ABCDEF0123456789ABCDEF',
      '',
      'AAAA',
      '-----END RSA PRIVATE KEY-----',
    ].join('\n');
    expect((await failure(legacy)).code).toBe('encrypted-key');
  });

  it('refuses PEM types that hold no usable key', async () => {
    for (const label of ['OPENSSH PRIVATE KEY', 'CERTIFICATE REQUEST', 'DSA PRIVATE KEY']) {
      const error = await failure(`-----BEGIN ${label}-----\nAAAA\n-----END ${label}-----`);
      expect(error.code).toBe('unsupported-pem');
      expect(error.message).toContain(label);
    }
  });

  it.each([
    ['ed448', () => generateKeyPairSync('ed448').publicKey],
    ['x25519', () => generateKeyPairSync('x25519').publicKey],
    ['secp256k1', () => generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).publicKey],
    ['rsa-pss', () => generateKeyPairSync('rsa-pss', { modulusLength: 2048 }).publicKey],
  ])('refuses an unsupported %s key type with a name', async (_name, make) => {
    const pem = make().export({ type: 'spki', format: 'pem' }).toString();
    const error = await failure(pem);
    expect(error.code).toBe('unsupported-key-type');
    expect(error.message).toMatch(/not supported/);
  });

  it('reports a missing END line at the BEGIN line', async () => {
    const text = `my key:\n-----BEGIN PUBLIC KEY-----\nMIIB`;
    const error = await failure(text);
    expect(error.code).toBe('invalid-pem');
    expect(error.at).toBe(text.indexOf('-----BEGIN'));
  });

  it('reports broken Base64 inside a PEM at its position in the pasted text', async () => {
    const text = '-----BEGIN PUBLIC KEY-----\nMIIB*IjANBg\n-----END PUBLIC KEY-----';
    const error = await failure(text);
    expect(error.code).toBe('invalid-pem');
    expect(text[error.at!]).toBe('*');
  });

  it('reports DER that is not a key', async () => {
    const text = '-----BEGIN PUBLIC KEY-----\nAQIDBAUGBwg=\n-----END PUBLIC KEY-----';
    expect((await failure(text)).code).toBe('invalid-key');
    const cert = '-----BEGIN CERTIFICATE-----\nMAMCAQE=\n-----END CERTIFICATE-----';
    expect((await failure(cert)).code).toBe('invalid-key');
  });

  it('reads Ed25519 SPKI and PKCS#8 keys', async () => {
    const { publicKey, privateKey } = await generateKeyPair('Ed25519', { extractable: true });
    const x = (await exportJWK(publicKey)).x;
    const spki = await only(await exportSPKI(publicKey));
    expect(spki.candidate).toMatchObject({
      label: 'Ed25519 public key (SPKI PEM)',
      algorithms: ['EdDSA', 'Ed25519'],
    });
    expect(jwkOf(spki.candidate).x).toBe(x);
    const pkcs8 = await only(await exportPKCS8(privateKey));
    expect(pkcs8.candidate.derivedFromPrivate).toBe(true);
    expect(jwkOf(pkcs8.candidate)).toEqual({ kty: 'OKP', crv: 'Ed25519', x });
  });
});

describe('parseKeyInput: JWK and JWKS', () => {
  // RFC 8037 Appendix A.1 (key) and A.3 (its RFC 7638 thumbprint).
  const ED25519 = {
    kty: 'OKP',
    crv: 'Ed25519',
    d: 'nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A',
    x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo',
  };
  const ED25519_THUMBPRINT = 'kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k';

  it('uses the public part of a private JWK and computes the RFC 7638 thumbprint', async () => {
    const { candidate, notes } = await only(JSON.stringify(ED25519));
    expect(candidate).toMatchObject({ kind: 'public', curve: 'Ed25519', derivedFromPrivate: true });
    expect(candidate.label).toMatch(/Ed25519 public key.*derived from a private JWK/);
    expect(jwkOf(candidate)).toEqual({ kty: 'OKP', crv: 'Ed25519', x: ED25519.x });
    expect(candidate.thumbprint).toBe(ED25519_THUMBPRINT);
    expect(notes.join(' ')).toMatch(/private JWK/);
  });

  it('narrows the algorithms to the JWK "alg" and keeps kid', async () => {
    const { publicKey } = await generateKeyPair('PS384');
    const jwk = { ...(await exportJWK(publicKey)), alg: 'PS384', kid: 'k1', use: 'sig' };
    const { candidate } = await only(JSON.stringify(jwk));
    expect(candidate).toMatchObject({ algorithms: ['PS384'], jwkAlg: 'PS384', kid: 'k1' });
    expect(candidate.label).toMatch(/kid "k1"$/);
    expect(jwkOf(candidate)).toEqual({ kty: 'RSA', n: jwk.n, e: jwk.e });
  });

  it('takes an oct JWK as an HMAC secret of its k bytes', async () => {
    const { candidate } = await only(JSON.stringify({ kty: 'oct', k: 'aGVsbG8', alg: 'HS384' }));
    expect(candidate).toMatchObject({ kind: 'secret', algorithms: ['HS384'], secretBytes: 5 });
    expect(Buffer.from(bytesOf(candidate)).toString()).toBe('hello');
  });

  it.each([
    ['use "enc"', { kty: 'RSA', n: 'AQAB', e: 'AQAB', use: 'enc' }, /use/],
    ['key_ops without verify', { kty: 'oct', k: 'aGVsbG8', key_ops: ['encrypt'] }, /key_ops/],
    ['an encryption alg', { kty: 'oct', k: 'aGVsbG8', alg: 'A128KW' }, /alg/],
    [
      'an alg of another key type',
      { kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA', alg: 'RS256' },
      /alg/,
    ],
    ['an unknown kty', { kty: 'XYZ' }, /XYZ/],
    ['secp256k1', { kty: 'EC', crv: 'secp256k1', x: 'AA', y: 'AA' }, /curve/],
    ['X25519', { kty: 'OKP', crv: 'X25519', x: 'AA' }, /curve/],
    ['a modulus that is not Base64url', { kty: 'RSA', n: '!!', e: 'AQAB' }, /"n" is not Base64url/],
    ['a modulus of zero', { kty: 'RSA', n: 'AA', e: 'AQAB' }, /not a valid RSA public key/],
    [
      'a point not on the curve',
      { kty: 'EC', crv: 'P-256', x: 'AQ', y: 'AQ' },
      /not a valid EC public key/,
    ],
    ['an empty k', { kty: 'oct', k: '' }, /empty/],
    ['no kty string', { kty: 7 }, /kty/],
  ])('refuses a JWK with %s', async (_name, jwk, reason) => {
    const error = await failure(JSON.stringify(jwk));
    expect(error.code).toBe('invalid-jwk');
    expect(error.message).toMatch(reason);
  });

  it('reports a JWK cut short as broken JSON', async () => {
    expect((await failure('{"kty":"RSA","n":"abc')).code).toBe('invalid-json');
  });

  it('makes one candidate per usable JWKS key and names the skipped ones', async () => {
    const rsa = await exportJWK((await generateKeyPair('RS256')).publicKey);
    const ec = await exportJWK((await generateKeyPair('ES384')).publicKey);
    const jwks = {
      keys: [
        { ...rsa, kid: 'rsa-1', use: 'sig' },
        { ...rsa, kid: 'rsa-enc', use: 'enc' },
        { ...ec, kid: 'ec-1' },
        'not a key',
        { kty: 'OKP', crv: 'X25519', x: 'AA', kid: 'x' },
      ],
    };
    const result = await parseKeyInput(JSON.stringify(jwks), 'utf-8');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.candidates.map((c) => [c.kid, c.algorithms])).toEqual([
      ['rsa-1', RSA_ALGS],
      ['ec-1', ['ES384']],
    ]);
    expect(result.value.candidates[0]!.label).toBe(
      'RSA 2048-bit public key (JWK from JWKS), kid "rsa-1"',
    );
    expect(result.value.notes).toHaveLength(3);
    expect(result.value.notes.join(' ')).toMatch(/key 2 of the JWKS \(kid "rsa-enc"\)/);
  });

  it('refuses a JWKS with no usable key', async () => {
    expect((await failure('{"keys":[]}')).code).toBe('no-usable-key');
    const error = await failure('{"keys":[{"kty":"oct","k":"aGk","use":"enc"}]}');
    expect(error.code).toBe('no-usable-key');
    expect(error.message).toMatch(/use/);
    expect((await failure('{"keys":{}}')).code).toBe('invalid-jwk');
  });
});

describe('keysCarriedByToken', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('reads the jwk header as a token-jwk candidate', async () => {
    const jwk = await exportJWK((await generateKeyPair('ES256')).publicKey);
    const parsed = await keysCarriedByToken({ alg: 'ES256', jwk });
    expect(parsed.candidates).toHaveLength(1);
    expect(parsed.candidates[0]).toMatchObject({ source: 'token-jwk', algorithms: ['ES256'] });
    expect(parsed.candidates[0]!.label).toMatch(/jwk header/);
  });

  it('warns when the jwk header holds a private key', async () => {
    const jwk = await exportJWK((await generateKeyPair('ES256', { extractable: true })).privateKey);
    const parsed = await keysCarriedByToken({ jwk });
    expect(jwkOf(parsed.candidates[0]!)).not.toHaveProperty('d');
    expect(parsed.notes.join(' ')).toMatch(/private key/);
  });

  it('reads the first x5c certificate (Base64 DER) and notes the rest', async () => {
    const der = (pem: string) => pem.replace(/-----[^-]+-----|\s/g, '');
    const parsed = await keysCarriedByToken({
      x5c: [der(fixture('rsa-2048-cert.pem')), der(fixture('ec-p256-cert.pem'))],
    });
    expect(parsed.candidates).toHaveLength(1);
    expect(parsed.candidates[0]).toMatchObject({ source: 'token-x5c', rsaModulusBits: 2048 });
    expect(jwkOf(parsed.candidates[0]!).n).toBe(nodeJwk(fixture('rsa-2048-pkcs8.pem')).n);
    expect(parsed.notes.join(' ')).toMatch(/first of the token's 2 x5c/);
  });

  it('turns unusable header keys into notes', async () => {
    const parsed = await keysCarriedByToken({ jwk: 'nope', x5c: [42] });
    expect(parsed.candidates).toEqual([]);
    expect(parsed.notes).toHaveLength(2);
    const broken = await keysCarriedByToken({ x5c: ['AAAA'], jwk: { kty: 'RSA' } });
    expect(broken.candidates).toEqual([]);
    expect(broken.notes).toHaveLength(2);
  });

  it('names jku and x5u but never fetches them', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const parsed = await keysCarriedByToken({
      jku: 'https://attacker.example/jwks.json',
      x5u: 'https://attacker.example/cert.pem',
    });
    expect(parsed.candidates).toEqual([]);
    expect(parsed.notes.join(' ')).toMatch(/jku.*not fetched[\s\S]*x5u.*not fetched/);
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});

describe('parseKeyInput on random input', () => {
  const encodings = fc.constantFrom('utf-8', 'base64', 'base64url', 'hex' as const);
  const labels = fc.constantFrom(
    'PUBLIC KEY',
    'RSA PUBLIC KEY',
    'CERTIFICATE',
    'PRIVATE KEY',
    'RSA PRIVATE KEY',
    'EC PRIVATE KEY',
    'ENCRYPTED PRIVATE KEY',
    'EC PARAMETERS',
    'SOMETHING',
  );
  const spkiDer = Buffer.from(
    fixture('rsa-2048-cert.pem').replace(/-----[^-]+-----|\s/g, ''),
    'base64',
  );

  /** Never throws, and never reaches the last-resort catch: every failure is a known code. */
  async function holds(text: string, encoding: 'utf-8' | 'base64' | 'base64url' | 'hex') {
    const result = await parseKeyInput(text, encoding);
    if (!result.ok) {
      expect(KEY_ERROR_CODES).toContain(result.error.code);
      expect(result.error.message).not.toMatch(/^The key could not be read/);
      expect(result.error.message.length).toBeGreaterThan(10);
    }
  }

  it('handles any string', async () => {
    await fc.assert(fc.asyncProperty(fc.string(), encodings, holds), { numRuns: 300 });
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary' }), encodings, holds), {
      numRuns: 300,
    });
  });

  it('handles any JSON, and JWK-shaped objects', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), encodings, (value, encoding) =>
        holds(JSON.stringify(value), encoding),
      ),
      { numRuns: 200 },
    );
    const jwkish = fc.record(
      {
        kty: fc.constantFrom('RSA', 'EC', 'OKP', 'oct', 'AKP', 'x'),
        crv: fc.constantFrom('P-256', 'P-384', 'P-521', 'Ed25519', 'X25519', 'x'),
        n: fc.base64String(),
        e: fc.constantFrom('AQAB', 'Aw', ''),
        x: fc.base64String(),
        y: fc.base64String(),
        k: fc.string(),
        d: fc.string(),
        alg: fc.oneof(fc.constantFrom('RS256', 'ES256', 'HS256', 'EdDSA', 'none'), fc.jsonValue()),
        use: fc.constantFrom('sig', 'enc'),
        key_ops: fc.jsonValue(),
        kid: fc.jsonValue(),
      },
      { requiredKeys: ['kty'] },
    );
    await fc.assert(
      fc.asyncProperty(jwkish, fc.boolean(), (jwk, asSet) =>
        holds(JSON.stringify(asSet ? { keys: [jwk, jwk] } : jwk), 'utf-8'),
      ),
      { numRuns: 200 },
    );
  });

  it('handles PEM-looking text around random bytes and mutated real DER', async () => {
    await fc.assert(
      fc.asyncProperty(
        labels,
        fc.uint8Array({ maxLength: 400 }),
        fc.boolean(),
        (label, bytes, derish) => {
          const body = Buffer.from(derish ? [0x30, 0x82, 0x01, 0x0a, ...bytes] : bytes).toString(
            'base64',
          );
          return holds(`-----BEGIN ${label}-----\n${body}\n-----END ${label}-----`, 'utf-8');
        },
      ),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: spkiDer.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        labels,
        (at, flip, label) => {
          const der = Buffer.from(spkiDer);
          der[at] = der[at]! ^ flip;
          return holds(
            `-----BEGIN ${label}-----\n${der.toString('base64')}\n-----END ${label}-----`,
            'utf-8',
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});
