// The shapes the JWT tool's modules hand each other: a decoded token, key candidates, findings.

export type Segment =
  'header' | 'payload' | 'signature' | 'encrypted-key' | 'iv' | 'ciphertext' | 'tag';

/** A problem with the pasted token. Never thrown: collected, so whatever decodes is still shown. */
export interface TokenProblem {
  readonly code:
    | 'empty'
    | 'segment-count'
    | 'invalid-base64url'
    | 'header-not-json'
    | 'header-not-object'
    | 'duplicate-member'
    | 'payload-not-json'
    | 'unsupported-format';
  readonly message: string;
  /** Which part of the token, when the problem is in one. */
  readonly segment?: Segment;
  /** Zero-based index into the token (as extracted), when there is one place to point at. */
  readonly at?: number;
}

export type DecodedPayload =
  | { readonly kind: 'json'; readonly value: unknown; readonly text: string }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array };

export interface DecodedJws {
  readonly kind: 'jws';
  /** The compact token, after extraction from surrounding text. */
  readonly token: string;
  readonly segments: readonly [string, string, string];
  /** ASCII(BASE64URL(header) || '.' || BASE64URL(payload)), RFC 7515 §5.1. */
  readonly signingInput: string;
  /** The header object, or null when it could not be decoded as a JSON object. */
  readonly header: Readonly<Record<string, unknown>> | null;
  /** The header exactly as decoded (UTF-8 text), for the raw view; null when not decodable. */
  readonly headerText: string | null;
  /** Null when the payload segment is not valid base64url. */
  readonly payload: DecodedPayload | null;
  /** Null when the signature segment is not valid base64url; empty for an unsecured token. */
  readonly signature: Uint8Array | null;
  readonly problems: readonly TokenProblem[];
}

export interface DecodedJwe {
  readonly kind: 'jwe';
  readonly token: string;
  readonly segments: readonly [string, string, string, string, string];
  readonly header: Readonly<Record<string, unknown>> | null;
  readonly headerText: string | null;
  readonly problems: readonly TokenProblem[];
}

export type DecodedToken = DecodedJws | DecodedJwe;

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** One result of the security analysis. `code` is stable lowercase kebab-case (the UI contract). */
export interface Finding {
  readonly code: string;
  readonly severity: Severity;
  /** One sentence on the risk, specific to this token where it can be. */
  readonly message: string;
  /** Where it comes from: "RFC 8725 §3.1", "CVE-2016-10555", "OWASP JWT Cheat Sheet", … */
  readonly reference: string;
}
