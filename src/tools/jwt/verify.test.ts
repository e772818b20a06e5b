// verifySignature and checkClaims: published vectors, fresh keys in every format, and each promise the tool makes.
import {
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign as nodeSign,
} from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  FlattenedSign,
  SignJWT,
  compactVerify,
  exportJWK,
  exportPKCS8,
  exportSPKI,
  generateKeyPair,
  importPKCS8,
  type CryptoKey,
  type JWK,
} from 'jose';
import { describe, expect, it } from 'vitest';
import {
  keysCarriedByToken,
  parseKeyInput,
  type KeyCandidate,
  type SecretEncoding,
} from './keys.ts';
import type { DecodedJws } from './types.ts';
import { checkClaims, verifySignature, type VerifyOutcome } from './verify.ts';

// Fixture keys and certificates: see the openssl commands in keys.test.ts.
function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

/** A DecodedJws built independently of decode.ts, with Node's Buffer. */
function decoded(token: string): DecodedJws {
  const [h = '', p = '', s = ''] = token.split('.');
  const b64url = /^[A-Za-z0-9_-]*$/;
  let header: Record<string, unknown> | null = null;
  let headerText: string | null = null;
  if (b64url.test(h)) {
    headerText = Buffer.from(h, 'base64url').toString('utf8');
    try {
      const value: unknown = JSON.parse(headerText);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        header = value as Record<string, unknown>;
      }
    } catch {
      header = null;
    }
  }
  return {
    kind: 'jws',
    token,
    segments: [h, p, s],
    signingInput: `${h}.${p}`,
    header,
    headerText,
    payload: { kind: 'text', text: Buffer.from(p, 'base64url').toString('utf8') },
    signature: b64url.test(s) ? new Uint8Array(Buffer.from(s, 'base64url')) : null,
    problems: [],
  };
}

function b64url(value: unknown): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString(
    'base64url',
  );
}

/** The UI contract: "verified" only when verified, "invalid" only when invalid. */
function expectContractWords(outcome: VerifyOutcome): void {
  expect(/verified/i.test(outcome.message)).toBe(outcome.status === 'verified');
  expect(/invalid/i.test(outcome.message)).toBe(outcome.status === 'invalid');
}

async function keys(
  text: string,
  encoding: SecretEncoding = 'utf-8',
): Promise<readonly KeyCandidate[]> {
  const parsed = await parseKeyInput(text, encoding);
  if (!parsed.ok) throw new Error(`${parsed.error.code}: ${parsed.error.message}`);
  expect(parsed.value.candidates.length).toBeGreaterThan(0);
  return parsed.value.candidates;
}

async function check(token: string, candidates: readonly KeyCandidate[]): Promise<VerifyOutcome> {
  const outcome = await verifySignature(decoded(token), candidates);
  expectContractWords(outcome);
  return outcome;
}

/** Changes one base64url character in the middle of the payload segment. */
function tamperPayload(token: string): string {
  const [h, p = '', s] = token.split('.');
  const i = Math.floor(p.length / 2);
  const swapped = p[i] === 'A' ? 'B' : 'A';
  return [h, p.slice(0, i) + swapped + p.slice(i + 1), s].join('.');
}

function truncateSignature(token: string): string {
  return token.slice(0, token.length - 8);
}

// ---------------------------------------------------------------------------------------------

const JOE_PAYLOAD =
  'eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ';
const FRODO_PAYLOAD =
  'SXTigJlzIGEgZGFuZ2Vyb3VzIGJ1c2luZXNzLCBGcm9kbywgZ29pbmcgb3V0IHlvdXIgZG9vci4gWW91IHN0ZXAgb250byB0aGUgcm9hZCwgYW5kIGlmIHlvdSBkb24ndCBrZWVwIHlvdXIgZmVldCwgdGhlcmXigJlzIG5vIGtub3dpbmcgd2hlcmUgeW91IG1pZ2h0IGJlIHN3ZXB0IG9mZiB0by4';

// RFC 7515 A.1 / RFC 7519 §3.1.
const A1_KEY = {
  kty: 'oct',
  k: 'AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow',
};
// RFC 7515 A.2 (the RSA key of RFC 7517 A.1, public part).
const A2_KEY = {
  kty: 'RSA',
  n: 'ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ',
  e: 'AQAB',
};
// RFC 7515 A.3, with its private member.
const A3_KEY = {
  kty: 'EC',
  crv: 'P-256',
  x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
  y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
  d: 'jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI',
};
// RFC 7515 A.4.
const A4_KEY = {
  kty: 'EC',
  crv: 'P-521',
  x: 'AekpBQ8ST8a8VcfVOTNl353vSrDCLLJXmPk06wTjxrrjcBpXp5EOnYG_NjFZ6OvLFV1jSfS9tsz4qUxcWceqwQGk',
  y: 'ADSmRA43Z1DSNx_RvcLI87cdL07l6jQyyBXMoxVg_l2Th-x3S1WDhjDly79ajL4Kkd0AZMaZmh9ubmf63e3kyMj2',
};
// RFC 7520 §3.4 (used in §4.1 and §4.2), the full private key.
const BILBO_RSA = {
  kty: 'RSA',
  kid: 'bilbo.baggins@hobbiton.example',
  use: 'sig',
  n: 'n4EPtAOCc9AlkeQHPzHStgAbgs7bTZLwUBZdR8_KuKPEHLd4rHVTeT-O-XV2jRojdNhxJWTDvNd7nqQ0VEiZQHz_AJmSCpMaJMRBSFKrKb2wqVwGU_NsYOYL-QtiWN2lbzcEe6XC0dApr5ydQLrHqkHHig3RBordaZ6Aj-oBHqFEHYpPe7Tpe-OfVfHd1E6cS6M1FZcD1NNLYD5lFHpPI9bTwJlsde3uhGqC0ZCuEHg8lhzwOHrtIQbS0FVbb9k3-tVTU4fg_3L_vniUFAKwuCLqKnS2BYwdq_mzSnbLY7h_qixoR7jig3__kRhuaxwUkRz5iaiQkqgc5gHdrNP5zw',
  e: 'AQAB',
  d: 'bWUC9B-EFRIo8kpGfh0ZuyGPvMNKvYWNtB_ikiH9k20eT-O1q_I78eiZkpXxXQ0UTEs2LsNRS-8uJbvQ-A1irkwMSMkK1J3XTGgdrhCku9gRldY7sNA_AKZGh-Q661_42rINLRCe8W-nZ34ui_qOfkLnK9QWDDqpaIsA-bMwWWSDFu2MUBYwkHTMEzLYGqOe04noqeq1hExBTHBOBdkMXiuFhUq1BU6l-DqEiWxqg82sXt2h-LMnT3046AOYJoRioz75tSUQfGCshWTBnP5uDjd18kKhyv07lhfSJdrPdM5Plyl21hsFf4L_mHCuoFau7gdsPfHPxxjVOcOpBrQzwQ',
  p: '3Slxg_DwTXJcb6095RoXygQCAZ5RnAvZlno1yhHtnUex_fp7AZ_9nRaO7HX_-SFfGQeutao2TDjDAWU4Vupk8rw9JR0AzZ0N2fvuIAmr_WCsmGpeNqQnev1T7IyEsnh8UMt-n5CafhkikzhEsrmndH6LxOrvRJlsPp6Zv8bUq0k',
  q: 'uKE2dh-cTf6ERF4k4e_jy78GfPYUIaUyoSSJuBzp3Cubk3OCqs6grT8bR_cu0Dm1MZwWmtdqDyI95HrUeq3MP15vMMON8lHTeZu2lmKvwqW7anV5UzhM1iZ7z4yMkuUwFWoBvyY898EXvRD-hdqRxHlSqAZ192zB3pVFJ0s7pFc',
  dp: 'B8PVvXkvJrj2L-GYQ7v3y9r6Kw5g9SahXBwsWUzp19TVlgI-YV85q1NIb1rxQtD-IsXXR3-TanevuRPRt5OBOdiMGQp8pbt26gljYfKU_E9xn-RULHz0-ed9E9gXLKD4VGngpz-PfQ_q29pk5xWHoJp009Qf1HvChixRX59ehik',
  dq: 'CLDmDGduhylc9o7r84rEUVn7pzQ6PF83Y-iBZx5NT-TpnOZKF1pErAMVeKzFEl41DlHHqqBLSM0W1sOFbwTxYWZDm6sI6og5iTbwQGIC3gnJKbi_7k_vJgGHwHxgPaX2PnvP-zyEkDERuf-ry4c_Z11Cq9AqC2yeL6kdKT1cYF8',
  qi: '3PiqvXQN0zwMeE-sBvZgi289XP9XCQF3VWqPzMKnIgQp7_Tugo6-NZBKCQsMf3HaEGBjTVJs_jcK8-TRXvaKe-7ZMaQj8VfBdYkssbu0NKDDhjJ-GtiseaDVWt7dcH0cfwxgFUHpQh7FoCrjFJ6h6ZEpMF6xmujs4qMpPz8aaI4',
};
// RFC 7520 §3.2 (used in §4.3).
const BILBO_EC = {
  kty: 'EC',
  kid: 'bilbo.baggins@hobbiton.example',
  use: 'sig',
  crv: 'P-521',
  x: 'AHKZLLOsCOzz5cY97ewNUajB957y-C-U88c3v13nmGZx6sYl_oJXu9A5RkTKqjqvjyekWF-7ytDyRXYgCF5cj0Kt',
  y: 'AdymlHvOiLxXkEhayXQnNCvDX4h9htZaCJN34kfmC6pV5OhQHiraVySsUdaQkAgDPrwQrJmbnX9cwlGfP-HqHZR1',
  d: 'AAhRON2r9cqXX1hg-RoI6R1tX5p2rUAYdmpHZoC1XNM56KtscrX6zbKipQrCW9CGZH3T4ubpnoTKLDYJ_fF3_rJt',
};
// RFC 7520 §3.5 (used in §4.4).
const HOBBITON_OCT = {
  kty: 'oct',
  kid: '018c0ae5-4d9b-471b-bfd6-eef314bc7037',
  use: 'sig',
  alg: 'HS256',
  k: 'hJtXIZ2uSN5kbQfbtTNWbpdmhkV8FJG-Onbc6mxCcYg',
};
// RFC 8037 A.1, public part.
const RFC8037_KEY = {
  kty: 'OKP',
  crv: 'Ed25519',
  x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo',
};

const VECTORS: readonly { name: string; token: string; jwk: object; label: RegExp }[] = [
  {
    name: 'RFC 7515 A.1 (HS256)',
    token: `eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.${JOE_PAYLOAD}.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk`,
    jwk: A1_KEY,
    label: /HMAC secret, 64 bytes/,
  },
  {
    name: 'RFC 7515 A.2 (RS256)',
    token: `eyJhbGciOiJSUzI1NiJ9.${JOE_PAYLOAD}.cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw`,
    jwk: A2_KEY,
    label: /RSA 2048-bit public key/,
  },
  {
    name: 'RFC 7515 A.3 (ES256)',
    token: `eyJhbGciOiJFUzI1NiJ9.${JOE_PAYLOAD}.DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q`,
    jwk: A3_KEY,
    label: /EC P-256 public key/,
  },
  {
    name: 'RFC 7515 A.4 (ES512)',
    token:
      'eyJhbGciOiJFUzUxMiJ9.UGF5bG9hZA.AdwMgeerwtHoh-l192l60hp9wAHZFVJbLfD_UxMi70cwnZOYaRI1bKPWROc-mZZqwqT2SI-KGDKB34XO0aw_7XdtAG8GaSwFKdCAPZgoXD2YBJZCPEX3xKpRwcdOO8KpEHwJjyqOgzDO7iKvU8vcnwNrmxYbSW9ERBXukOXolLzeO_Jn',
    jwk: A4_KEY,
    label: /EC P-521 public key/,
  },
  {
    name: 'RFC 7519 §3.1 (HS256)',
    token: `eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.${JOE_PAYLOAD}.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk`,
    jwk: A1_KEY,
    label: /HMAC secret/,
  },
  {
    name: 'RFC 7520 §4.1 (RS256, RSA v1.5)',
    token: `eyJhbGciOiJSUzI1NiIsImtpZCI6ImJpbGJvLmJhZ2dpbnNAaG9iYml0b24uZXhhbXBsZSJ9.${FRODO_PAYLOAD}.MRjdkly7_-oTPTS3AXP41iQIGKa80A0ZmTuV5MEaHoxnW2e5CZ5NlKtainoFmKZopdHM1O2U4mwzJdQx996ivp83xuglII7PNDi84wnB-BDkoBwA78185hX-Es4JIwmDLJK3lfWRa-XtL0RnltuYv746iYTh_qHRD68BNt1uSNCrUCTJDt5aAE6x8wW1Kt9eRo4QPocSadnHXFxnt8Is9UzpERV0ePPQdLuW3IS_de3xyIrDaLGdjluPxUAhb6L2aXic1U12podGU0KLUQSE_oI-ZnmKJ3F4uOZDnd6QZWJushZ41Axf_fcIe8u9ipH84ogoree7vjbU5y18kDquDg`,
    jwk: BILBO_RSA,
    label: /RSA 2048-bit public key \(public part derived from a private JWK\), kid "bilbo/,
  },
  {
    name: 'RFC 7520 §4.2 (PS384)',
    token: `eyJhbGciOiJQUzM4NCIsImtpZCI6ImJpbGJvLmJhZ2dpbnNAaG9iYml0b24uZXhhbXBsZSJ9.${FRODO_PAYLOAD}.cu22eBqkYDKgIlTpzDXGvaFfz6WGoz7fUDcfT0kkOy42miAh2qyBzk1xEsnk2IpN6-tPid6VrklHkqsGqDqHCdP6O8TTB5dDDItllVo6_1OLPpcbUrhiUSMxbbXUvdvWXzg-UD8biiReQFlfz28zGWVsdiNAUf8ZnyPEgVFn442ZdNqiVJRmBqrYRXe8P_ijQ7p8Vdz0TTrxUeT3lm8d9shnr2lfJT8ImUjvAA2Xez2Mlp8cBE5awDzT0qI0n6uiP1aCN_2_jLAeQTlqRHtfa64QQSUmFAAjVKPbByi7xho0uTOcbH510a6GYmJUAfmWjwZ6oD4ifKo8DYM-X72Eaw`,
    jwk: { kty: BILBO_RSA.kty, kid: BILBO_RSA.kid, n: BILBO_RSA.n, e: BILBO_RSA.e },
    label: /RSA 2048-bit public key \(JWK\), kid "bilbo/,
  },
  {
    name: 'RFC 7520 §4.3 (ES512)',
    token: `eyJhbGciOiJFUzUxMiIsImtpZCI6ImJpbGJvLmJhZ2dpbnNAaG9iYml0b24uZXhhbXBsZSJ9.${FRODO_PAYLOAD}.AE_R_YZCChjn4791jSQCrdPZCNYqHXCTZH0-JZGYNlaAjP2kqaluUIIUnC9qvbu9Plon7KRTzoNEuT4Va2cmL1eJAQy3mtPBu_u_sDDyYjnAMDxXPn7XrT0lw-kvAD890jl8e2puQens_IEKBpHABlsbEPX6sFY8OcGDqoRuBomu9xQ2`,
    jwk: BILBO_EC,
    label: /EC P-521 public key/,
  },
  {
    name: 'RFC 7520 §4.4 (HS256)',
    token: `eyJhbGciOiJIUzI1NiIsImtpZCI6IjAxOGMwYWU1LTRkOWItNDcxYi1iZmQ2LWVlZjMxNGJjNzAzNyJ9.${FRODO_PAYLOAD}.s0h6KThzkfBBBkLspW1h84VsJZFTsPPqMDA7g1Md7p0`,
    jwk: HOBBITON_OCT,
    label: /HMAC secret, 32 bytes \(JWK\), kid "018c0ae5/,
  },
  {
    name: 'RFC 8037 A.4 (EdDSA, Ed25519)',
    token:
      'eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg',
    jwk: RFC8037_KEY,
    label: /Ed25519 public key/,
  },
];

describe('published vectors', () => {
  it.each(VECTORS)('$name verifies with the RFC key', async ({ token, jwk, label }) => {
    const candidates = await keys(JSON.stringify(jwk));
    const outcome = await check(token, candidates);
    expect(outcome.status).toBe('verified');
    expect(outcome.selfCarried).toBe(false);
    expect(outcome.verifiedBy?.label).toMatch(label);
    expect(outcome.tried.map((t) => t.result)).toEqual(['verified']);
  });

  it.each(VECTORS)(
    '$name is invalid after one payload character changes',
    async ({ token, jwk }) => {
      const tampered = tamperPayload(token);
      expect(tampered).not.toBe(token);
      const outcome = await check(tampered, await keys(JSON.stringify(jwk)));
      expect(outcome.status).toBe('invalid');
      expect(outcome.tried.map((t) => t.result)).toEqual(['bad-signature']);
    },
  );

  it('verifies RFC 7515 A.1 with its key typed as a Base64url secret too', async () => {
    const outcome = await check(VECTORS[0]!.token, await keys(A1_KEY.k, 'base64url'));
    expect(outcome.status).toBe('verified');
  });

  it('checks the RFC 7519 §3.1 claims around its exp (1300819380, 2011-03-22T18:43:00Z)', () => {
    const payload = JSON.parse(Buffer.from(JOE_PAYLOAD, 'base64url').toString()) as unknown;
    const before = checkClaims(payload, { clockToleranceSeconds: 0, nowSeconds: 1300819379 });
    expect(before.map((c) => [c.check, c.ok])).toEqual([['exp', true]]);
    expect(before[0]?.message).toContain('2011-03-22T18:43:00Z');
    const at = checkClaims(payload, { clockToleranceSeconds: 0, nowSeconds: 1300819380 });
    expect(at[0]?.ok).toBe(false);
    expect(checkClaims(payload, { clockToleranceSeconds: 60, nowSeconds: 1300819380 })[0]?.ok).toBe(
      true,
    );
  });
});

// ---------------------------------------------------------------------------------------------

type AsymmetricAlg =
  'RS256' | 'RS384' | 'RS512' | 'PS256' | 'PS384' | 'PS512' | 'ES256' | 'ES384' | 'ES512' | 'EdDSA';

const ASYMMETRIC: readonly AsymmetricAlg[] = [
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
];

async function sign(
  alg: string,
  key: CryptoKey | Uint8Array,
  header: Record<string, unknown> = {},
): Promise<string> {
  return new SignJWT({ sub: 'alice', admin: false })
    .setProtectedHeader({ ...header, alg })
    .setIssuedAt(1_700_000_000)
    .sign(key);
}

/** Every textual form of a public key that parseKeyInput reads, built with jose or Node, not with keys.ts. */
async function publicForms(
  publicKey: CryptoKey,
  privateKey: CryptoKey,
): Promise<Record<string, string>> {
  const spki = await exportSPKI(publicKey);
  const forms: Record<string, string> = {
    'SPKI PEM': spki,
    'PKCS#8 PEM': await exportPKCS8(privateKey),
    'public JWK': JSON.stringify(await exportJWK(publicKey)),
    'private JWK': JSON.stringify(await exportJWK(privateKey)),
  };
  const nodePublic = createPublicKey(spki);
  const nodePrivate = createPrivateKey(forms['PKCS#8 PEM']!);
  if (nodePublic.asymmetricKeyType === 'rsa') {
    forms['PKCS#1 public PEM'] = nodePublic.export({ type: 'pkcs1', format: 'pem' }).toString();
    forms['PKCS#1 private PEM'] = nodePrivate.export({ type: 'pkcs1', format: 'pem' }).toString();
  }
  if (nodePublic.asymmetricKeyType === 'ec') {
    forms['SEC1 private PEM'] = nodePrivate.export({ type: 'sec1', format: 'pem' }).toString();
  }
  return forms;
}

describe('fresh keys in every format', () => {
  it.each(ASYMMETRIC)('%s verifies through every key format and rejects tampering', async (alg) => {
    const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
    const token = await sign(alg, privateKey);
    const forms = await publicForms(publicKey, privateKey);
    expect(Object.keys(forms).length).toBeGreaterThanOrEqual(4);
    for (const [form, text] of Object.entries(forms)) {
      const candidates = await keys(text);
      const good = await check(token, candidates);
      expect(good.status, form).toBe('verified');
      expect(good.verifiedBy?.kind, form).toBe('public');
      expect((await check(tamperPayload(token), candidates)).status, form).toBe('invalid');
      expect((await check(truncateSignature(token), candidates)).status, form).toBe('invalid');
    }
    const other = await generateKeyPair(alg, { extractable: true });
    const wrong = await check(token, await keys(await exportSPKI(other.publicKey)));
    expect(wrong.status).toBe('invalid');
    expect(wrong.message).toMatch(/does not match/);
  });

  it.each(['HS256', 'HS384', 'HS512'])(
    '%s verifies with the secret in every encoding',
    async (alg) => {
      const text = 'a shared secret, long enough: ✓ ünïcode included';
      const bytes = Buffer.from(text, 'utf8');
      const token = await sign(alg, new Uint8Array(bytes));
      const forms: [string, SecretEncoding][] = [
        [text, 'utf-8'],
        [bytes.toString('base64'), 'base64'],
        [bytes.toString('base64url'), 'base64url'],
        [bytes.toString('hex'), 'hex'],
        [JSON.stringify({ kty: 'oct', k: bytes.toString('base64url') }), 'utf-8'],
      ];
      for (const [secret, encoding] of forms) {
        const candidates = await keys(secret, encoding);
        expect((await check(token, candidates)).status, encoding).toBe('verified');
        expect((await check(tamperPayload(token), candidates)).status, encoding).toBe('invalid');
      }
      const wrong = await check(token, await keys(`${text}!`));
      expect(wrong.status).toBe('invalid');
    },
  );

  it('verifies tokens signed by the fixture keys through their X.509 certificates', async () => {
    for (const [alg, key, cert] of [
      ['RS256', 'rsa-2048-pkcs8.pem', 'rsa-2048-cert.pem'],
      ['PS512', 'rsa-2048-pkcs8.pem', 'rsa-2048-cert.pem'],
      ['ES256', 'ec-p256-pkcs8.pem', 'ec-p256-cert.pem'],
    ] as const) {
      const token = await sign(alg, await importPKCS8(fixture(key), alg));
      const candidates = await keys(fixture(cert));
      const outcome = await check(token, candidates);
      expect(outcome.status, alg).toBe('verified');
      expect(outcome.verifiedBy?.label, alg).toMatch(/X\.509 certificate/);
      expect((await check(tamperPayload(token), candidates)).status, alg).toBe('invalid');
    }
    // The RSA fixture's certificate does not verify an EC fixture token.
    const ecToken = await sign('ES256', await importPKCS8(fixture('ec-p256-pkcs8.pem'), 'ES256'));
    expect((await check(ecToken, await keys(fixture('rsa-2048-cert.pem')))).status).toBe(
      'no-compatible-key',
    );
  });

  it('picks the JWKS key by kid, and says which one verified', async () => {
    const pairs = await Promise.all(['RS256', 'ES256', 'RS256'].map((alg) => generateKeyPair(alg)));
    const jwks = {
      keys: await Promise.all(
        pairs.map(async ({ publicKey }, i) => ({
          ...(await exportJWK(publicKey)),
          kid: `key-${i}`,
        })),
      ),
    };
    const candidates = await keys(JSON.stringify(jwks));
    const token = await sign('RS256', pairs[2]!.privateKey, { kid: 'key-2' });
    const outcome = await check(token, candidates);
    expect(outcome.status).toBe('verified');
    expect(outcome.verifiedBy?.kid).toBe('key-2');
    expect(outcome.tried.map((t) => t.candidate.kid)).toEqual(['key-2']);
    // The same signature under another kid's name: only that key is tried, and it does not match.
    const misnamed = await sign('RS256', pairs[2]!.privateKey, { kid: 'key-0' });
    const wrong = await check(misnamed, candidates);
    expect(wrong.status).toBe('invalid');
    expect(wrong.tried.map((t) => t.candidate.kid)).toEqual(['key-0']);
  });

  it('tries every JWKS key when the token has no kid', async () => {
    const pairs = await Promise.all(
      ['ES256', 'RS256', 'ES256', 'EdDSA'].map((alg) => generateKeyPair(alg)),
    );
    const jwks = { keys: await Promise.all(pairs.map(({ publicKey }) => exportJWK(publicKey))) };
    const candidates = await keys(JSON.stringify(jwks));
    const token = await sign('ES256', pairs[2]!.privateKey);
    const outcome = await check(token, candidates);
    expect(outcome.status).toBe('verified');
    expect(outcome.verifiedBy).toBe(candidates[2]);
    expect(outcome.tried.map((t) => t.result)).toEqual([
      'bad-signature',
      'alg-not-allowed',
      'verified',
    ]);
  });

  it('reports a kid that no JWKS key has, without trying the others', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const candidates = await keys(
      JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'real' }] }),
    );
    const outcome = await check(await sign('ES256', privateKey, { kid: 'missing' }), candidates);
    expect(outcome.status).toBe('no-compatible-key');
    expect(outcome.detail).toMatch(/"missing"/);
    expect(outcome.tried).toEqual([]);
  });

  it('still tries a pasted key without kid when the token has a kid', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const outcome = await check(
      await sign('ES256', privateKey, { kid: 'any' }),
      await keys(await exportSPKI(publicKey)),
    );
    expect(outcome.status).toBe('verified');
  });
});

// ---------------------------------------------------------------------------------------------

describe('what must never verify', () => {
  it('an HS256 token forged with the RSA public key PEM as HMAC secret (CVE-2016-10555)', async () => {
    const { publicKey } = await generateKeyPair('RS256', { extractable: true });
    const pem = await exportSPKI(publicKey);
    const forged = await sign('HS256', new Uint8Array(Buffer.from(pem)));
    // The forgery is real: a verifier that let the token pick the algorithm would accept it.
    await expect(compactVerify(forged, new Uint8Array(Buffer.from(pem)))).resolves.toBeDefined();
    const nodePublic = createPublicKey(pem);
    for (const text of [
      pem,
      nodePublic.export({ type: 'pkcs1', format: 'pem' }).toString(),
      JSON.stringify(await exportJWK(publicKey)),
    ]) {
      const outcome = await check(forged, await keys(text));
      expect(outcome.status).toBe('invalid');
      expect(outcome.algConfusion).toBe(true);
      expect(outcome.verifiedBy).toBeUndefined();
      expect(outcome.message).toMatch(/CVE-2016-10555/);
      expect(outcome.tried.map((t) => t.result)).toEqual(['alg-not-allowed']);
    }
  });

  it('an HS256 token checked with an EC or Ed25519 key, from any source', async () => {
    for (const alg of ['ES256', 'EdDSA'] as const) {
      const { publicKey } = await generateKeyPair(alg, { extractable: true });
      const jwk = await exportJWK(publicKey);
      const forged = await sign('HS256', new Uint8Array(Buffer.from(JSON.stringify(jwk))), { jwk });
      const pasted = await check(forged, await keys(JSON.stringify(jwk)));
      expect(pasted).toMatchObject({ status: 'invalid', algConfusion: true });
      const carried = await keysCarriedByToken(decoded(forged).header!);
      expect(carried.candidates).toHaveLength(1);
      expect(await check(forged, carried.candidates)).toMatchObject({
        status: 'invalid',
        algConfusion: true,
      });
    }
  });

  it('an RS256 token checked with an HMAC secret', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const token = await sign('RS256', privateKey);
    const outcome = await check(token, await keys(await exportSPKI(publicKey)));
    expect(outcome.status).toBe('verified');
    const secret = await check(token, await keys('some secret'));
    expect(secret.status).toBe('no-compatible-key');
    expect(secret.algConfusion).toBe(false);
    expect(secret.message).toMatch(/HMAC secret cannot check/);
    expect(secret.tried.map((t) => t.result)).toEqual(['alg-not-allowed']);
  });

  it.each(['none', 'None', 'NONE', 'nOnE'])(
    'alg %j, even with a key that matches its bytes',
    async (alg) => {
      const token = `${b64url({ alg })}.${b64url({ sub: 'admin' })}.`;
      for (const candidates of [[], await keys('secret')]) {
        const outcome = await check(token, candidates);
        expect(outcome.status).toBe('unsecured');
        expect(outcome.tried).toEqual([]);
        expect(outcome.message).toMatch(/unsecured/);
      }
    },
  );

  it('alg none with an HMAC signature attached', async () => {
    const hs = await sign('HS256', new Uint8Array(Buffer.from('secret')));
    const [, payload, signature] = hs.split('.');
    const outcome = await check(
      `${b64url({ alg: 'none' })}.${payload}.${signature}`,
      await keys('secret'),
    );
    expect(outcome.status).toBe('unsecured');
  });

  it.each([
    ['XX999', 'unsupported-alg', /"XX999"/],
    ['hs256', 'unsupported-alg', /case-sensitive.*"HS256"/],
    ['RSA-OAEP', 'unsupported-alg', /"RSA-OAEP"/],
    [256, 'malformed', /number 256/],
    [null, 'malformed', /null/],
    [['HS256'], 'malformed', /array/],
    ['', 'malformed', /empty string/],
    [undefined, 'malformed', /no "alg"/],
  ])('alg %j → %s', async (alg, status, message) => {
    const header = alg === undefined ? { typ: 'JWT' } : { alg };
    const token = `${b64url(header)}.${b64url({ sub: 'x' })}.c2ln`;
    const outcome = await check(token, await keys('secret'));
    expect(outcome.status).toBe(status);
    expect(`${outcome.message} ${outcome.detail ?? ''}`).toMatch(message);
  });

  it('a header that is not a JSON object, and a signature that is not base64url', async () => {
    for (const token of ['bm90IGpzb24.e30.c2ln', `${b64url('[1]')}.e30.c2ln`, '!!.e30.c2ln']) {
      expect((await check(token, await keys('secret'))).status).toBe('malformed');
    }
    const outcome = await check(`${b64url({ alg: 'HS256' })}.e30.sig+nature`, await keys('secret'));
    expect(outcome.status).toBe('malformed');
  });

  it('a token with no key to check it with', async () => {
    const outcome = await check(await sign('HS256', new Uint8Array(32)), []);
    expect(outcome.status).toBe('no-key');
  });

  it('an RSA key shorter than 2048 bits (jose refuses it)', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    // jose will not sign with it either: Node signs (RSASSA-PKCS1-v1_5, SHA-256).
    const input = `${b64url({ alg: 'RS256' })}.${b64url({ sub: 'x' })}`;
    const token = `${input}.${nodeSign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
    const outcome = await check(
      token,
      await keys(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
    );
    expect(outcome.status).toBe('no-compatible-key');
    expect(outcome.message).toMatch(/2048/);
    expect(outcome.tried[0]?.result).toBe('error');
  });
});

describe('keys the token carries', () => {
  it('a self-signed token with its own jwk verifies, flagged as proving nothing', async () => {
    const attacker = await generateKeyPair('ES256', { extractable: true });
    const jwk: JWK = await exportJWK(attacker.publicKey);
    const token = await sign('ES256', attacker.privateKey, { jwk });
    const carried = await keysCarriedByToken(decoded(token).header!);
    const outcome = await check(token, carried.candidates);
    expect(outcome).toMatchObject({ status: 'verified', selfCarried: true });
    expect(outcome.message).toMatch(/carries itself.*proves nothing/);
    expect(outcome.verifiedBy?.source).toBe('token-jwk');
  });

  it('a token with an x5c certificate verifies with it, flagged as proving nothing', async () => {
    const der = fixture('rsa-2048-cert.pem').replace(/-----[^-]+-----|\s/g, '');
    const token = await sign('RS256', await importPKCS8(fixture('rsa-2048-pkcs8.pem'), 'RS256'), {
      x5c: [der],
    });
    const carried = await keysCarriedByToken(decoded(token).header!);
    const outcome = await check(token, carried.candidates);
    expect(outcome).toMatchObject({ status: 'verified', selfCarried: true });
    expect(outcome.verifiedBy?.source).toBe('token-x5c');
  });

  it('a pasted key is tried first and wins over the carried one', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk = await exportJWK(publicKey);
    const token = await sign('ES256', privateKey, { jwk });
    const carried = (await keysCarriedByToken(decoded(token).header!)).candidates;
    const pasted = await keys(await exportSPKI(publicKey));
    const outcome = await check(token, [...carried, ...pasted]);
    expect(outcome).toMatchObject({ status: 'verified', selfCarried: false });
    expect(outcome.verifiedBy?.source).toBe('pasted');
  });
});

describe('status wording cannot be spoofed by the token or the keys', () => {
  it.each([
    ['an alg', { alg: 'verified' }],
    ['a non-string alg', { alg: ['verified'] }],
    ['a kid no key has', { alg: 'HS256', kid: 'verified' }],
    ['a crit name', { alg: 'HS256', crit: ['verified'], verified: 1 }],
    ['a case variant of an alg', { alg: 'Verified' }],
  ])('%s that says "verified" stays out of the message', async (_, header) => {
    const jwks = JSON.stringify({ keys: [{ kty: 'oct', k: 'c2VjcmV0', kid: 'verified-invalid' }] });
    for (const keyText of ['secret', jwks]) {
      const outcome = await check(
        `${b64url(header)}.${b64url({ sub: 'x' })}.c2ln`,
        await keys(keyText),
      );
      expect(outcome.status).not.toBe('verified');
      expectContractWords(outcome);
    }
  });

  it('a key label that says "verified" stays out of an invalid message', async () => {
    const jwks = JSON.stringify({ keys: [{ kty: 'oct', k: 'c2VjcmV0', kid: 'verified' }] });
    const token = `${b64url({ alg: 'HS256', kid: 'verified' })}.${b64url({ sub: 'x' })}.c2ln`;
    const outcome = await check(token, await keys(jwks));
    expect(outcome.status).toBe('invalid');
    expectContractWords(outcome);
    expect(outcome.detail).toContain('verified');
  });
});

describe('crit and b64 (RFC 7515 §4.1.11, RFC 7797)', () => {
  it('rejects a crit extension it does not understand, whatever the key', async () => {
    // jose refuses to sign with an unknown crit, so the MAC is made by hand.
    const input = `${b64url({ alg: 'HS256', crit: ['exp'], exp: 1 })}.${b64url({})}`;
    const token = `${input}.${createHmac('sha256', 'secret').update(input).digest('base64url')}`;
    const outcome = await check(token, await keys('secret'));
    expect(outcome.status).toBe('invalid');
    expect(outcome.detail).toMatch(/crit.*"exp"/);
    const empty = await check(
      `${b64url({ alg: 'HS256', crit: [] })}.e30.c2ln`,
      await keys('secret'),
    );
    expect(empty.status).toBe('malformed');
  });

  it('verifies an unencoded payload (b64: false) and rejects it when tampered', async () => {
    const secret = new Uint8Array(Buffer.from('secret'));
    // The RFC 7797 §4 example's payload ("$.02") has a "." and so cannot be compact; this one is plain ASCII.
    const jws = await new FlattenedSign(new TextEncoder().encode('hello'))
      .setProtectedHeader({ alg: 'HS256', b64: false, crit: ['b64'] })
      .sign(secret);
    // jose leaves an unencoded payload out (detached); the compact form puts it back as is.
    const plain = `${jws.protected ?? ''}.hello.${jws.signature}`;
    expect((await check(plain, await keys('secret'))).status).toBe('verified');
    expect((await check(plain.replace('.hello.', '.jello.'), await keys('secret'))).status).toBe(
      'invalid',
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe('checkClaims', () => {
  const now = 1_700_000_000;
  const base = { clockToleranceSeconds: 0, nowSeconds: now };

  it.each([
    ['exp in the future', { exp: now + 1 }, base, [['exp', true]]],
    ['exp now', { exp: now }, base, [['exp', false]]],
    [
      'exp just past, within tolerance',
      { exp: now - 5 },
      { ...base, clockToleranceSeconds: 10 },
      [['exp', true]],
    ],
    ['nbf now', { nbf: now }, base, [['nbf', true]]],
    ['nbf ahead', { nbf: now + 30 }, base, [['nbf', false]]],
    [
      'nbf ahead within tolerance',
      { nbf: now + 30 },
      { ...base, clockToleranceSeconds: 30 },
      [['nbf', true]],
    ],
    ['iat past', { iat: now - 100 }, base, [['iat', true]]],
    ['iat future', { iat: now + 100 }, base, [['iat', false]]],
    ['exp as a string', { exp: '1700000001' }, base, [['exp', false]]],
    ['nbf null', { nbf: null }, base, [['nbf', false]]],
    ['iat NaN-like', { iat: 'soon' }, base, [['iat', false]]],
    ['nothing', {}, base, []],
    ['iss match', { iss: 'a' }, { ...base, expectedIssuer: 'a' }, [['iss', true]]],
    ['iss mismatch', { iss: 'b' }, { ...base, expectedIssuer: 'a' }, [['iss', false]]],
    ['iss missing', {}, { ...base, expectedIssuer: 'a' }, [['iss', false]]],
    ['iss not a string', { iss: 1 }, { ...base, expectedIssuer: 'a' }, [['iss', false]]],
    ['iss unchecked when expectation empty', { iss: 'b' }, { ...base, expectedIssuer: '' }, []],
    ['aud string match', { aud: 'api' }, { ...base, expectedAudience: 'api' }, [['aud', true]]],
    [
      'aud array match',
      { aud: ['x', 'api'] },
      { ...base, expectedAudience: 'api' },
      [['aud', true]],
    ],
    ['aud array mismatch', { aud: ['x'] }, { ...base, expectedAudience: 'api' }, [['aud', false]]],
    ['aud wrong type', { aud: 7 }, { ...base, expectedAudience: 'api' }, [['aud', false]]],
    ['aud array of numbers', { aud: [7] }, { ...base, expectedAudience: '7' }, [['aud', false]]],
    [
      'all at once, in order',
      { iss: 'a', aud: 'api', exp: now + 10, nbf: now, iat: now },
      { ...base, expectedIssuer: 'a', expectedAudience: 'api' },
      [
        ['exp', true],
        ['nbf', true],
        ['iat', true],
        ['iss', true],
        ['aud', true],
      ],
    ],
  ] as const)('%s', (_name, payload, options, expected) => {
    const checks = checkClaims(payload, options);
    expect(checks.map((c) => [c.check, c.ok])).toEqual(expected);
    for (const c of checks) expect(c.message.length).toBeGreaterThan(5);
  });

  it('says why a value is wrong and when a time was', () => {
    expect(checkClaims({ exp: 'tomorrow' }, base)[0]?.message).toMatch(/NumericDate.*"tomorrow"/);
    expect(checkClaims({ exp: now - 60 }, base)[0]?.message).toContain(
      new Date((now - 60) * 1000).toISOString().replace('.000', ''),
    );
    const far = checkClaims({ exp: 1e300 }, base)[0];
    expect(far?.ok).toBe(true);
    expect(far?.message).toMatch(/out of the date range/);
  });

  it('gives no time checks for a payload that is not an object', () => {
    for (const payload of [null, 'text', 42, [1, 2]]) {
      expect(checkClaims(payload, base)).toEqual([]);
      expect(checkClaims(payload, { ...base, expectedAudience: 'x' }).map((c) => c.ok)).toEqual([
        false,
      ]);
    }
  });
});
