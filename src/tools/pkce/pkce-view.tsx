// The PKCE tool: verifier and challenge, state and nonce, authorization URL, token request, callback check.
import { useId, useState, type ReactNode } from 'react';
import { Alert, Note } from '../../components/alert.tsx';
import { Checkbox } from '../../components/checkbox.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextAreaField, TextInputField } from '../../components/text-field.tsx';
import { usePreferences, type PkceSettings } from '../../stores/preferences.ts';
import { buildAuthorizationUrl } from './authorization-url.ts';
import { parseCallback, type CallbackParameters } from './callback.ts';
import { PKCE_META } from './pkce.meta.ts';
import {
  createCodeChallenge,
  createCodeVerifier,
  createRandomToken,
  PKCE_METHODS,
  validateCodeVerifier,
  VERIFIER_MAX_LENGTH,
  VERIFIER_MIN_LENGTH,
  type PkceMethod,
} from './pkce.ts';
import { buildTokenRequestCurl } from './token-request.ts';
import { Panel } from '../../components/panel.tsx';
import { useAsyncResult } from '../../components/use-async-result.ts';

const DEFAULT_VERIFIER_LENGTH = 64;
const EMPTY_SETTINGS: PkceSettings = {
  authorizationEndpoint: '',
  tokenEndpoint: '',
  clientId: '',
  redirectUri: '',
  scope: 'openid',
};

export function PkceView() {
  const saved = usePreferences((state) => state.pkceSettings);
  const setSaved = usePreferences((state) => state.setPkceSettings);
  const remember = saved !== null;

  const [length, setLength] = useState(String(DEFAULT_VERIFIER_LENGTH));
  const [verifier, setVerifier] = useState(() => createCodeVerifier(DEFAULT_VERIFIER_LENGTH));
  const [method, setMethod] = useState<PkceMethod>('S256');
  const [state, setState] = useState(() => createRandomToken());
  const [nonce, setNonce] = useState(() => createRandomToken());
  const [sendNonce, setSendNonce] = useState(true);
  const [settings, setSettings] = useState<PkceSettings>(() => saved ?? EMPTY_SETTINGS);
  const [extraParameters, setExtraParameters] = useState('');
  const [code, setCode] = useState('');
  const [callback, setCallback] = useState('');
  const [expectedIssuer, setExpectedIssuer] = useState('');

  const verifierCheck = validateCodeVerifier(verifier);
  const challenge = useCodeChallenge(verifierCheck.ok ? verifier : null, method);
  const lengthNumber = Number(length);
  const lengthValid =
    Number.isInteger(lengthNumber) &&
    lengthNumber >= VERIFIER_MIN_LENGTH &&
    lengthNumber <= VERIFIER_MAX_LENGTH;

  const updateSettings = (change: Partial<PkceSettings>) => {
    const next = { ...settings, ...change };
    setSettings(next);
    if (remember) setSaved(next);
  };

  const generate = () => {
    setVerifier(createCodeVerifier(lengthValid ? lengthNumber : DEFAULT_VERIFIER_LENGTH));
    setState(createRandomToken());
    setNonce(createRandomToken());
  };

  const authorization =
    challenge === null
      ? null
      : buildAuthorizationUrl({
          ...settings,
          state,
          codeChallenge: challenge,
          method,
          extraParameters,
          ...(sendNonce ? { nonce } : {}),
        });
  const tokenRequest = buildTokenRequestCurl({
    tokenEndpoint: settings.tokenEndpoint,
    code,
    redirectUri: settings.redirectUri,
    clientId: settings.clientId,
    codeVerifier: verifier,
  });
  const parsedCallback = parseCallback(callback, state, expectedIssuer);

  const ids = {
    verifier: useId(),
    length: useId(),
    authorization: useId(),
    token: useId(),
    callback: useId(),
  };

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">{PKCE_META.title}</h1>
        <p className="text-muted">{PKCE_META.summary}</p>
      </div>

      <Panel title="Code verifier and challenge">
        <div className="flex flex-wrap items-end gap-4">
          <label className="flex flex-col gap-1 text-sm font-semibold">
            Verifier length
            <input
              type="number"
              min={VERIFIER_MIN_LENGTH}
              max={VERIFIER_MAX_LENGTH}
              step={1}
              value={length}
              aria-invalid={!lengthValid || undefined}
              aria-describedby={lengthValid ? undefined : ids.length}
              onChange={(event) => {
                setLength(event.target.value);
              }}
              className="w-28 font-normal"
            />
          </label>
          <button type="button" className="btn btn-primary" onClick={generate}>
            Generate
          </button>
          <SelectField
            label="Method"
            value={method}
            choices={PKCE_METHODS.map((choice) => ({ value: choice, label: choice }))}
            onChange={setMethod}
          />
        </div>
        {!lengthValid && (
          <Alert id={ids.length}>
            The verifier length must be a whole number from {VERIFIER_MIN_LENGTH} to{' '}
            {VERIFIER_MAX_LENGTH} (RFC 7636 §4.1); Generate uses {DEFAULT_VERIFIER_LENGTH} until
            then.
          </Alert>
        )}
        <TextInputField
          label="Code verifier"
          value={verifier}
          onChange={setVerifier}
          copyable
          invalid={!verifierCheck.ok}
          describedBy={verifierCheck.ok ? undefined : ids.verifier}
          hint={`${verifier.length} characters from A–Z a–z 0–9 - . _ ~ · generated with crypto.getRandomValues · kept only in this tab`}
        />
        {!verifierCheck.ok && <Alert id={ids.verifier}>{verifierCheck.error.message}</Alert>}
        {method === 'plain' && (
          <Note>
            The plain method sends the verifier itself as the challenge, so anyone who sees the
            authorization request can redeem the code. OAuth 2.1 and RFC 9700 §2.1.1 forbid it; RFC
            7636 §4.2 allows it only when S256 is impossible. Use S256.
          </Note>
        )}
        <TextInputField
          label="Code challenge"
          value={challenge ?? ''}
          readOnly
          hint={
            method === 'S256'
              ? 'BASE64URL(SHA-256(verifier)), RFC 7636 §4.2'
              : 'plain: the verifier itself'
          }
        />
      </Panel>

      <Panel title="State and nonce">
        <p className="text-sm text-muted">
          256 random bits each, regenerated with the verifier. State protects the redirect against
          CSRF (RFC 6749 §10.12); the nonce binds an ID token to this request (OpenID Connect Core
          §3.1.2.1).
        </p>
        <div className="grid gap-4 md:grid-cols-2">
          <TextInputField label="State" value={state} onChange={setState} copyable />
          <TextInputField label="Nonce" value={nonce} onChange={setNonce} copyable />
        </div>
      </Panel>

      <Panel title="Authorization request">
        <div className="grid gap-4 md:grid-cols-2">
          <TextInputField
            label="Authorization endpoint"
            type="url"
            value={settings.authorizationEndpoint}
            placeholder="https://auth.example.com/oauth2/authorize"
            onChange={(value) => {
              updateSettings({ authorizationEndpoint: value });
            }}
          />
          <TextInputField
            label="Client ID"
            value={settings.clientId}
            onChange={(value) => {
              updateSettings({ clientId: value });
            }}
          />
          <TextInputField
            label="Redirect URI"
            type="url"
            value={settings.redirectUri}
            placeholder="https://app.example.com/callback"
            onChange={(value) => {
              updateSettings({ redirectUri: value });
            }}
          />
          <TextInputField
            label="Scope"
            value={settings.scope}
            onChange={(value) => {
              updateSettings({ scope: value });
            }}
            hint="Space-separated, e.g. openid profile email"
          />
        </div>
        <TextAreaField
          label="Extra parameters"
          value={extraParameters}
          onChange={setExtraParameters}
          rows={3}
          placeholder={'prompt=consent\naudience=https://api.example.com'}
          hint="One name=value per line, typed as is: the builder encodes them."
        />
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          <Checkbox
            label="Send nonce (OpenID Connect)"
            checked={sendNonce}
            onChange={setSendNonce}
          />
          <Checkbox
            label="Remember these settings on this device"
            checked={remember}
            onChange={(checked) => {
              setSaved(checked ? settings : null);
            }}
          />
        </div>
        <p className="text-xs text-muted">
          Remembering saves only the endpoints, client ID, redirect URI and scope in this browser’s
          storage, never the verifier, state, nonce or code.
        </p>
        <TextAreaField
          label="Authorization URL"
          value={authorization?.ok ? authorization.value.url : ''}
          readOnly
          rows={4}
          describedBy={
            authorization && !authorization.ok && authorization.error.code !== 'missing-endpoint'
              ? ids.authorization
              : undefined
          }
          actions={
            authorization?.ok ? (
              <a
                className="btn no-underline"
                href={authorization.value.url}
                target="_blank"
                rel="noreferrer noopener"
              >
                Open
              </a>
            ) : undefined
          }
          hint={
            authorization === null
              ? 'Fix the code verifier to build the URL.'
              : !authorization.ok && authorization.error.code === 'missing-endpoint'
                ? 'Enter the authorization endpoint to build the URL.'
                : undefined
          }
        />
        {authorization && !authorization.ok && authorization.error.code !== 'missing-endpoint' && (
          <Alert id={ids.authorization}>{authorization.error.message}</Alert>
        )}
        {authorization?.ok && authorization.value.warnings.length > 0 && (
          <Warnings
            warnings={authorization.value.warnings}
            label="Authorization request warnings"
          />
        )}
      </Panel>

      <Panel title="Callback">
        <p className="text-sm text-muted">
          Paste the URL the provider redirected to: its code, state, error and issuer are checked
          against this request.
        </p>
        <TextAreaField
          label="Callback URL"
          value={callback}
          onChange={(value) => {
            setCallback(value);
            const parsed = parseCallback(value, state, expectedIssuer);
            if (parsed.ok && parsed.value.code !== undefined) setCode(parsed.value.code);
          }}
          rows={3}
          placeholder="https://app.example.com/callback?code=…&state=…&iss=…"
          invalid={!parsedCallback.ok && parsedCallback.error.code !== 'empty'}
          describedBy={
            !parsedCallback.ok && parsedCallback.error.code !== 'empty' ? ids.callback : undefined
          }
        />
        <TextInputField
          label="Expected issuer"
          type="url"
          value={expectedIssuer}
          onChange={setExpectedIssuer}
          placeholder="https://auth.example.com"
          hint="Optional: the iss the callback must carry (RFC 9207), to catch mix-up attacks."
        />
        {!parsedCallback.ok && parsedCallback.error.code !== 'empty' && (
          <Alert id={ids.callback}>{parsedCallback.error.message}</Alert>
        )}
        {parsedCallback.ok && <CallbackResult result={parsedCallback.value} />}
      </Panel>

      <Panel title="Token request">
        <div className="grid gap-4 md:grid-cols-2">
          <TextInputField
            label="Token endpoint"
            type="url"
            value={settings.tokenEndpoint}
            placeholder="https://auth.example.com/oauth2/token"
            onChange={(value) => {
              updateSettings({ tokenEndpoint: value });
            }}
          />
          <TextInputField
            label="Authorization code"
            value={code}
            onChange={setCode}
            hint="Filled in from the callback when you paste it."
          />
        </div>
        <TextAreaField
          label="Token request"
          value={tokenRequest.ok ? tokenRequest.value : ''}
          readOnly
          rows={8}
          wrap="off"
          describedBy={
            !tokenRequest.ok && tokenRequest.error.code !== 'missing-endpoint'
              ? ids.token
              : undefined
          }
          hint={
            !tokenRequest.ok && tokenRequest.error.code === 'missing-endpoint'
              ? 'Enter the token endpoint to build the curl command.'
              : 'A curl command that exchanges the code for tokens with the verifier (RFC 7636 §4.5). Run it yourself: this page sends nothing.'
          }
        />
        {!tokenRequest.ok && tokenRequest.error.code !== 'missing-endpoint' && (
          <Alert id={ids.token}>{tokenRequest.error.message}</Alert>
        )}
      </Panel>
    </div>
  );
}

/** The S256 challenge is a Web Crypto digest, so asynchronous; never shows one for an older verifier. */
function useCodeChallenge(verifier: string | null, method: PkceMethod): string | null {
  return useAsyncResult([verifier, method], () =>
    verifier === null ? Promise.resolve(null) : createCodeChallenge(verifier, method),
  );
}

function Warnings({ warnings, label }: { warnings: readonly string[]; label: string }) {
  return (
    <ul aria-label={label} className="flex flex-col gap-2">
      {warnings.map((warning) => (
        <li
          key={warning}
          className="rounded-md border-l-4 border-warn bg-warn-bg px-3 py-2 text-sm text-warn"
        >
          {warning}
        </li>
      ))}
    </ul>
  );
}

function CallbackResult({ result }: { result: CallbackParameters }) {
  const rows: [string, ReactNode][] = [];
  if (result.code !== undefined) rows.push(['code', result.code]);
  if (result.state !== undefined || result.stateMatches !== undefined)
    rows.push(['state', result.state ?? '(missing)']);
  if (result.error !== undefined) rows.push(['error', result.error]);
  if (result.errorDescription !== undefined)
    rows.push(['error_description', result.errorDescription]);
  if (result.errorUri !== undefined) rows.push(['error_uri', result.errorUri]);
  if (result.iss !== undefined) rows.push(['iss', result.iss]);
  for (const [name, value] of result.otherParameters) rows.push([name, value]);
  return (
    <div className="flex flex-col gap-3">
      {result.stateMatches !== undefined && (
        <Verdict
          name="State check"
          pass={result.stateMatches}
          passText="State match: the callback answers this request."
          failText="State mismatch: this callback does not belong to the request above. Do not redeem its code (possible CSRF or a stale tab)."
        />
      )}
      {result.issuerMatches !== undefined && (
        <Verdict
          name="Issuer check"
          pass={result.issuerMatches}
          passText="Issuer match."
          failText="Issuer mismatch: possible mix-up attack (RFC 9207). Do not redeem the code."
        />
      )}
      <table className="w-full border-collapse text-left text-sm">
        <caption className="text-left text-sm font-semibold">
          Callback parameters ({result.responseMode})
        </caption>
        <tbody>
          {rows.map(([name, value], index) => (
            <tr key={`${name}-${index}`} className="border-b border-line">
              <th scope="row" className="py-1 pr-4 font-mono font-normal text-muted">
                {name}
              </th>
              <td className="py-1 font-mono break-all">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.warnings.length > 0 && (
        <Warnings warnings={result.warnings} label="Callback warnings" />
      )}
    </div>
  );
}

/** A named pass/fail status line, announced politely when it changes. */
function Verdict({
  name,
  pass,
  passText,
  failText,
}: {
  name: string;
  pass: boolean;
  passText: string;
  failText: string;
}) {
  const colours = pass ? 'border-ok bg-ok-bg text-ok' : 'border-danger bg-danger-bg text-danger';
  return (
    <p
      role="status"
      aria-label={name}
      className={`rounded-md border-l-4 px-3 py-2 text-sm font-semibold ${colours}`}
    >
      {pass ? passText : failText}
    </p>
  );
}
