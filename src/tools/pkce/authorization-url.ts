// Builds the authorization request URL of the code flow with PKCE (RFC 6749 §4.1.1, RFC 7636 §4.3).
import { describePosition } from '../../lib/encoding/position.ts';
import { fail, ok, type Result } from '../../lib/result.ts';
import type { PkceMethod } from './pkce.ts';

export interface AuthorizationUrlInput {
  readonly authorizationEndpoint: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scope: string;
  readonly state: string;
  readonly codeChallenge: string;
  readonly method: PkceMethod;
  readonly nonce?: string;
  /** One `name=value` per line, taken literally (not percent-decoded). */
  readonly extraParameters?: string;
}

export interface AuthorizationUrl {
  readonly url: string;
  /** Sentences about things that work but should not be shipped that way, or were overridden. */
  readonly warnings: readonly string[];
}

export type EndpointErrorCode =
  'missing-endpoint' | 'invalid-endpoint' | 'endpoint-not-http' | 'endpoint-has-fragment';

export type AuthorizationUrlErrorCode =
  EndpointErrorCode | 'missing-code-challenge' | 'invalid-extra-parameter';

/** A parameter from the extra-parameters text, with its 1-based line number. */
interface ExtraParameter {
  readonly name: string;
  readonly value: string;
  readonly line: number;
}

const PERCENT_ESCAPE = /%[0-9A-Fa-f]{2}/;

/**
 * Parses an endpoint URL the way both OAuth endpoints need it: absolute, `http:` or `https:`,
 * and without a fragment (RFC 6749 §3.1 and §3.2 forbid one). Surrounding whitespace is ignored.
 * On `endpoint-has-fragment`, `at` is the index of the `#` in `text`.
 *
 * Does not require https (callers warn about http), resolve the host, or contact it.
 */
export function parseHttpEndpoint(
  text: string,
  name: string,
  section: string,
): Result<URL, EndpointErrorCode> {
  const trimmed = text.trim();
  if (trimmed === '') return fail('missing-endpoint', `Enter the ${name} URL.`);
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return fail(
      'invalid-endpoint',
      `The ${name} is not an absolute URL; write it in full, starting with https://.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return fail(
      'endpoint-not-http',
      `The ${name} starts with "${url.protocol}", not https:// or http://; write it in full, starting with https://.`,
    );
  }
  if (url.href.includes('#')) {
    const at = text.indexOf('#');
    return fail(
      'endpoint-has-fragment',
      `The ${name} has a fragment ("#…") at ${describePosition(text, at)}; ${section} does not allow one.`,
      at,
    );
  }
  return ok(url);
}

/**
 * Whether `hostname` (as `URL.hostname` gives it) is this machine: `localhost` and its
 * subdomains (RFC 6761 §6.3), 127.0.0.0/8, or `[::1]`.
 */
export function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname) ||
    hostname === '[::1]'
  );
}

/**
 * Builds the authorization request URL: the endpoint with its own query parameters kept, then
 * `response_type=code`, `client_id`, `redirect_uri`, `scope`, `state`, `code_challenge`,
 * `code_challenge_method` and `nonce`, then the extra parameters. Empty (or blank) client ID,
 * redirect URI, scope, state and nonce are left out; the others always go in.
 *
 * Encoding is application/x-www-form-urlencoded, as RFC 6749 §4.1.1 and Appendix B specify and
 * `URLSearchParams` writes it: a space becomes `+`, and everything but `A–Z a–z 0–9 * - . _` is
 * percent-encoded. The endpoint's own query is re-serialized the same way, so `a=b%20c` comes
 * out as `a=b+c` and a bare `flag` as `flag=`: the same parameters to any form decoder.
 *
 * Extra parameters are one `name=value` per line; blank lines are skipped, the name is trimmed,
 * the value is taken literally after the first `=` (it may be empty) and is NOT percent-decoded:
 * `%20` is sent as `%2520`, which gets a warning. A line without `=`, or with no name, is an
 * `invalid-extra-parameter` error naming the 1-based line, with `at` its index in
 * `extraParameters`.
 *
 * No name appears twice (RFC 6749 §3.1): a parameter the builder sets wins over an extra one,
 * which wins over one in the endpoint's query; among equals the later one wins. Each override
 * that drops a different value gets a warning. A name the builder leaves out because its field is
 * blank may still come from the endpoint's query or an extra line.
 *
 * Warns about an http endpoint or redirect URI off this machine, `plain`, a missing client ID
 * or state, and a redirect URI that is relative or has a fragment. Does not check the scope's
 * values, the challenge's format, or that the server accepts any of it.
 */
export function buildAuthorizationUrl(
  input: AuthorizationUrlInput,
): Result<AuthorizationUrl, AuthorizationUrlErrorCode> {
  const endpoint = parseHttpEndpoint(
    input.authorizationEndpoint,
    'authorization endpoint',
    'RFC 6749 §3.1',
  );
  if (!endpoint.ok) return endpoint;
  if (isBlank(input.codeChallenge)) {
    return fail(
      'missing-code-challenge',
      'There is no code challenge: enter or generate a valid code verifier first.',
    );
  }
  const extras = parseExtraParameters(input.extraParameters ?? '');
  if (!extras.ok) return extras;

  const url = endpoint.value;
  const warnings: string[] = [];
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    warnings.push(
      'The authorization endpoint uses http://: RFC 6749 §3.1 requires TLS, so use https:// (plain http is only reasonable for localhost, 127.0.0.1 or [::1]).',
    );
  }

  const builder = new Map<string, string>([['response_type', 'code']]);
  if (!isBlank(input.clientId)) builder.set('client_id', input.clientId);
  if (!isBlank(input.redirectUri)) builder.set('redirect_uri', input.redirectUri);
  if (!isBlank(input.scope)) builder.set('scope', input.scope);
  if (isBlank(input.state)) {
    warnings.push(
      'There is no state, so it is left out: the callback cannot be tied to this request (RFC 6749 §10.12). Generate one.',
    );
  } else {
    builder.set('state', input.state);
  }
  builder.set('code_challenge', input.codeChallenge);
  builder.set('code_challenge_method', input.method);
  if (input.nonce !== undefined && !isBlank(input.nonce)) builder.set('nonce', input.nonce);

  if (input.method === 'plain') {
    warnings.push(
      'The method is plain: the challenge is the verifier itself, so whoever sees this URL can redeem the code. RFC 7636 §4.2 says a client that can use S256 MUST, and RFC 9700 §2.1.1 recommends S256 only.',
    );
  }

  // Extra parameters: the last line for each name, unless the builder sets that name.
  const extraByName = new Map<string, ExtraParameter>();
  for (const [name, group] of groupByName(extras.value)) {
    const last = group.at(-1)!;
    const lines = describeLines(group.map((extra) => extra.line));
    const builderValue = builder.get(name);
    if (builderValue !== undefined) {
      if (group.some((extra) => extra.value !== builderValue)) {
        warnings.push(
          `Extra parameter "${name}" (${lines}) is ignored: the builder sets ${name} itself.`,
        );
      }
      continue;
    }
    if (group.some((extra) => extra.value !== last.value)) {
      warnings.push(`Extra parameter "${name}" is set on ${lines}; line ${last.line} is used.`);
    }
    extraByName.set(name, last);
  }

  // The endpoint's own query: the last value for each name, unless set above.
  const endpointParameters = new Map<string, string>();
  const endpointEntries = [...url.searchParams].map(([name, value]) => ({ name, value }));
  for (const [name, group] of groupByName(endpointEntries)) {
    const last = group.at(-1)!.value;
    const builderValue = builder.get(name);
    const extra = extraByName.get(name);
    if (builderValue !== undefined) {
      if (group.some((entry) => entry.value !== builderValue)) {
        warnings.push(
          `The endpoint's query already has "${name}"; the builder's value replaces it.`,
        );
      }
    } else if (extra !== undefined) {
      if (group.some((entry) => entry.value !== extra.value)) {
        warnings.push(
          `The endpoint's query already has "${name}"; extra parameter line ${extra.line} replaces it.`,
        );
      }
    } else {
      if (group.some((entry) => entry.value !== last)) {
        warnings.push(`The endpoint's query has "${name}" more than once; its last value is used.`);
      }
      endpointParameters.set(name, last);
    }
  }

  for (const extra of extraByName.values()) {
    if (PERCENT_ESCAPE.test(extra.name) || PERCENT_ESCAPE.test(extra.value)) {
      warnings.push(
        `Extra parameter "${extra.name}" (line ${extra.line}) contains a %-escape; values are taken literally and encoded once more, so "%20" is sent as "%2520". Type the character itself.`,
      );
    }
    if (extra.value !== extra.value.trim()) {
      warnings.push(
        `The value of extra parameter "${extra.name}" (line ${extra.line}) starts or ends with whitespace, which is sent as part of it.`,
      );
    }
  }

  const parameters = new URLSearchParams([
    ...endpointParameters,
    ...builder,
    ...[...extraByName.values()].map((extra): [string, string] => [extra.name, extra.value]),
  ]);
  url.search = parameters.toString();

  const clientId = parameters.get('client_id');
  if (clientId === null || isBlank(clientId)) {
    warnings.push('There is no client ID: RFC 6749 §4.1.1 requires client_id.');
  }
  const redirectUri = parameters.get('redirect_uri');
  if (redirectUri !== null) warnings.push(...redirectUriWarnings(redirectUri));

  return ok({ url: url.href, warnings });
}

function redirectUriWarnings(redirectUri: string): string[] {
  let url: URL;
  try {
    url = new URL(redirectUri.trim());
  } catch {
    return ['The redirect URI is not an absolute URL, which RFC 6749 §3.1.2 requires.'];
  }
  const warnings: string[] = [];
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    warnings.push(
      'The redirect URI uses http:// off this machine: the code would travel unencrypted (RFC 6749 §3.1.2.1). Use https://, or http only for a loopback address (RFC 8252 §7.3).',
    );
  }
  if (url.href.includes('#')) {
    warnings.push('The redirect URI has a fragment, which RFC 6749 §3.1.2 does not allow.');
  }
  return warnings;
}

function parseExtraParameters(text: string): Result<ExtraParameter[], 'invalid-extra-parameter'> {
  const parameters: ExtraParameter[] = [];
  let lineStart = 0;
  const lines = text.split('\n');
  for (const [index, rawLine] of lines.entries()) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    const lineNumber = index + 1;
    if (line.trim() !== '') {
      const equals = line.indexOf('=');
      const name = equals === -1 ? '' : line.slice(0, equals).trim();
      if (equals === -1) {
        return fail(
          'invalid-extra-parameter',
          `Extra parameter line ${lineNumber} has no "=": write one name=value per line.`,
          lineStart + line.length - line.trimStart().length,
        );
      }
      if (name === '') {
        return fail(
          'invalid-extra-parameter',
          `Extra parameter line ${lineNumber} has no name before "=": write one name=value per line.`,
          lineStart + equals,
        );
      }
      parameters.push({ name, value: line.slice(equals + 1), line: lineNumber });
    }
    lineStart += rawLine.length + 1;
  }
  return ok(parameters);
}

/** Groups entries by name, in order of each name's first appearance. */
function groupByName<T extends { readonly name: string }>(entries: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const entry of entries) {
    const group = groups.get(entry.name);
    if (group === undefined) groups.set(entry.name, [entry]);
    else group.push(entry);
  }
  return groups;
}

/** "line 3", "lines 2 and 5", "lines 1, 2 and 4". */
function describeLines(lines: readonly number[]): string {
  if (lines.length === 1) return `line ${lines[0]!}`;
  return `lines ${lines.slice(0, -1).join(', ')} and ${lines.at(-1)!}`;
}

function isBlank(text: string): boolean {
  return text.trim() === '';
}
