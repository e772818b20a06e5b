// Writes the PKCE token request (RFC 6749 §4.1.3, RFC 7636 §4.5) as a curl command safe to paste into a POSIX shell.
import { fail, ok, type Result } from '../../lib/result.ts';
import { parseHttpEndpoint, type EndpointErrorCode } from './authorization-url.ts';

export interface TokenRequestInput {
  readonly tokenEndpoint: string;
  readonly code: string;
  readonly redirectUri: string;
  readonly clientId: string;
  readonly codeVerifier: string;
}

export type TokenRequestErrorCode = EndpointErrorCode | 'nul-character';

/** Stand-ins for fields not filled in yet, so the command's shape is visible from the start. */
export const TOKEN_REQUEST_PLACEHOLDERS = {
  code: '<authorization code>',
  clientId: '<client id>',
  codeVerifier: '<code verifier>',
} as const;

/**
 * Quotes `word` for a POSIX shell: inside single quotes nothing is special, and a `'` is
 * written as `'\''` (close, escaped quote, reopen). The shell gives back exactly `word`.
 *
 * Does not handle NUL, which no shell argument can hold, and does not quote for cmd.exe or
 * PowerShell.
 */
export function quoteShellWord(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/**
 * Writes the token request of the authorization code grant with PKCE as a multi-line `curl`
 * command: a POST of `grant_type=authorization_code`, `code`, `redirect_uri` (left out when
 * blank, as the authorization request leaves it out), `client_id` and `code_verifier`, each
 * through `--data-urlencode`, so curl does the form encoding. Every value is single-quoted
 * (see {@link quoteShellWord}); lines end in ` \`.
 *
 * A blank code, client ID or verifier becomes a placeholder such as `<authorization code>`
 * instead of an error. Values are otherwise used exactly as given: not trimmed, not validated.
 * The endpoint is checked like the authorization endpoint (RFC 6749 §3.2 also forbids a fragment).
 * A value holding NUL is a `nul-character` error, since no shell argument can carry it; the
 * message names the field and `at` is the NUL's index in that field's value. `--globoff` is
 * added when the URL holds `[ ] { }`, so curl does not read them as a glob.
 *
 * Does not send anything, add client authentication (a confidential client adds its own), or
 * quote for Windows shells.
 */
export function buildTokenRequestCurl(
  input: TokenRequestInput,
): Result<string, TokenRequestErrorCode> {
  const endpoint = parseHttpEndpoint(input.tokenEndpoint, 'token endpoint', 'RFC 6749 §3.2');
  if (!endpoint.ok) return endpoint;

  const fields: [string, string][] = [
    ['grant_type', 'authorization_code'],
    ['code', orPlaceholder(input.code, TOKEN_REQUEST_PLACEHOLDERS.code)],
  ];
  if (input.redirectUri.trim() !== '') fields.push(['redirect_uri', input.redirectUri]);
  fields.push(
    ['client_id', orPlaceholder(input.clientId, TOKEN_REQUEST_PLACEHOLDERS.clientId)],
    ['code_verifier', orPlaceholder(input.codeVerifier, TOKEN_REQUEST_PLACEHOLDERS.codeVerifier)],
  );
  for (const [name, value] of fields) {
    const at = value.indexOf('\0');
    if (at !== -1) {
      return fail(
        'nul-character',
        `The ${name} holds a NUL character (U+0000) at position ${at + 1}, which no shell command can pass on.`,
        at,
      );
    }
  }

  // The name part of --data-urlencode is sent as is; these names need no encoding, and none
  // holds "@", which would make curl read a file.
  // Brackets and braces are curl's URL globbing; a URL can hold them (an IPv6 host, a query).
  const url = endpoint.value.href;
  const lines = [
    `curl${/[[\]{}]/.test(url) ? ' --globoff' : ''} -X POST ${quoteShellWord(url)}`,
    `  -H ${quoteShellWord('Content-Type: application/x-www-form-urlencoded')}`,
    ...fields.map(([name, value]) => `  --data-urlencode ${quoteShellWord(`${name}=${value}`)}`),
  ];
  return ok(lines.join(' \\\n'));
}

function orPlaceholder(value: string, placeholder: string): string {
  return value.trim() === '' ? placeholder : value;
}
