// The JWT tool: decode, verify with any key, claim checks, findings and the offline weak-secret scan.
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { Alert, Note } from '../../components/alert.tsx';
import { Checkbox } from '../../components/checkbox.tsx';
import { CopyButton } from '../../components/copy-button.tsx';
import { useNow } from '../../components/use-now.ts';
import { SelectField, type SelectChoice } from '../../components/select-field.tsx';
import { TextAreaField, TextInputField } from '../../components/text-field.tsx';
import { formatByteSize } from '../../lib/byte-size.ts';
import { formatHexDump } from '../../lib/encoding/hex-dump.ts';
import { formatDuration, listClaims, tokenLifetime } from './claims.ts';
import { decodeToken } from './decode.ts';
import { extractToken } from './extract.ts';
import { analyzeToken, DEFAULT_MAX_LIFETIME_SECONDS } from './findings.ts';
import { JWT_META } from './jwt.meta.ts';
import { keysCarriedByToken, parseKeyInput, type KeyCandidate } from './keys.ts';
import type { DecodedJws, DecodedToken, Finding, Severity } from './types.ts';
import { useWeakSecretScan } from './use-weak-secret-scan.ts';
import { checkClaims, verifySignature, type VerifyOutcome } from './verify.ts';
import { Panel } from '../../components/panel.tsx';
import { useAsyncResult } from '../../components/use-async-result.ts';

type SecretEncoding = 'utf-8' | 'base64' | 'base64url' | 'hex';
const SECRET_ENCODINGS: readonly SelectChoice<SecretEncoding>[] = [
  { value: 'utf-8', label: 'UTF-8' },
  { value: 'base64', label: 'Base64' },
  { value: 'base64url', label: 'Base64url' },
  { value: 'hex', label: 'Hex' },
];

/** Pretty JSON beyond this is collapsed behind a button: painting 1 MiB of it takes ~0.5 s. */
const PREVIEW_CHARS = 64 * 1024;
/** Each coloured segment shows at most this much of itself. */
const SEGMENT_PREVIEW_CHARS = 2048;

const SEVERITY_WORD: Readonly<Record<Severity, string>> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

const SEVERITY_STYLE: Readonly<Record<Severity, string>> = {
  critical: 'border-danger bg-danger-bg text-danger',
  high: 'border-danger bg-danger-bg text-danger',
  medium: 'border-warn bg-warn-bg text-warn',
  low: 'border-line bg-sunken text-ink',
  info: 'border-line bg-sunken text-muted',
};

export function JwtView() {
  const [tokenText, setTokenText] = useState('');
  const [keyText, setKeyText] = useState('');
  const [secretEncoding, setSecretEncoding] = useState<SecretEncoding>('utf-8');
  const [expectedIssuer, setExpectedIssuer] = useState('');
  const [expectedAudience, setExpectedAudience] = useState('');
  const [toleranceText, setToleranceText] = useState('60');
  const [nowText, setNowText] = useState('');
  const [lifetimeHoursText, setLifetimeHoursText] = useState(
    String(DEFAULT_MAX_LIFETIME_SECONDS / 3600),
  );
  const [testCarriedKey, setTestCarriedKey] = useState(false);
  const problemsId = useId();

  // Typing stays responsive on megabyte tokens: decoding and painting follow a deferred copy.
  const deferredToken = useDeferredValue(tokenText);
  const extraction = useMemo(() => extractToken(deferredToken), [deferredToken]);
  const decoded = useMemo(() => (extraction ? decodeToken(extraction.token) : null), [extraction]);

  const clock = useNow();
  const nowMs = parseNow(nowText) ?? clock;
  const nowSeconds = Math.floor(nowMs / 1000);
  const toleranceSeconds = parseNonNegative(toleranceText) ?? 0;
  const maxLifetimeSeconds = (parseNonNegative(lifetimeHoursText) ?? 24) * 3600;

  const jws = decoded?.kind === 'jws' ? decoded : null;
  const verification = useVerification(jws, keyText, secretEncoding, testCarriedKey);
  const scan = useWeakSecretScan(jws);

  const claimChecks = useMemo(
    () =>
      jws?.payload?.kind === 'json'
        ? checkClaims(jws.payload.value, {
            ...(expectedIssuer ? { expectedIssuer } : {}),
            ...(expectedAudience ? { expectedAudience } : {}),
            clockToleranceSeconds: toleranceSeconds,
            nowSeconds,
          })
        : [],
    [jws, expectedIssuer, expectedAudience, toleranceSeconds, nowSeconds],
  );

  const keyInfo = verification.outcome?.verifiedBy ?? verification.candidates[0];
  const findings = useMemo(
    () =>
      decoded
        ? analyzeToken(decoded, {
            nowSeconds,
            maxLifetimeSeconds,
            ...(keyInfo ? { key: keyInfo } : {}),
            algConfusion: verification.outcome?.algConfusion ?? false,
            weakSecret: scan.status === 'found' ? scan.secret : null,
          })
        : [],
    [decoded, nowSeconds, maxLifetimeSeconds, keyInfo, verification.outcome, scan],
  );

  const payloadValue = jws?.payload?.kind === 'json' ? jws.payload.value : undefined;
  const claims = useMemo(() => listClaims(payloadValue, nowMs), [payloadValue, nowMs]);
  const lifetime = tokenLifetime(payloadValue);
  const carried = decoded?.header && ('jwk' in decoded.header || 'x5c' in decoded.header);

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">{JWT_META.title}</h1>
        <p className="text-muted">{JWT_META.summary}</p>
      </div>

      <Panel title="Encoded token">
        <TextAreaField
          label="Token"
          value={tokenText}
          onChange={setTokenText}
          rows={5}
          placeholder="Paste a JWT, an Authorization header, or a URL with #id_token=…"
          invalid={(decoded?.problems.length ?? 0) > 0}
          describedBy={(decoded?.problems.length ?? 0) > 0 ? problemsId : undefined}
          hint="Decoded here, in this tab: the token is never sent anywhere and never stored."
        />
        {extraction && extraction.stripped.length > 0 && (
          <Note tone="info">Removed {extraction.stripped.join(', ')} to get the token.</Note>
        )}
        {decoded && decoded.problems.length > 0 && (
          <Alert id={problemsId}>
            <ul className="flex list-disc flex-col gap-1 pl-4">
              {decoded.problems.map((problem, index) => (
                <li key={`${problem.code}-${index}`}>{problem.message}</li>
              ))}
            </ul>
          </Alert>
        )}
        {decoded && <ColouredSegments decoded={decoded} />}
      </Panel>

      {decoded?.kind === 'jwe' && (
        <Note tone="info">
          This is an encrypted JWT (JWE, five parts): only its protected header can be read without
          the decryption key. Decryption is not part of this tool yet.
        </Note>
      )}

      {decoded && (
        <div className="grid gap-4 lg:grid-cols-2">
          <JsonRegion label="Header" text={decoded.headerText} value={decoded.header} />
          {decoded.kind === 'jws' && <PayloadRegion token={decoded} />}
        </div>
      )}

      {jws?.payload?.kind === 'json' && (
        <Panel title="Claims" landmark={false}>
          <ClaimsTable claims={claims} />
          {lifetime !== null && (
            <p className="text-sm">
              Lifetime (exp − iat): <strong>{formatDuration(lifetime)}</strong>
            </p>
          )}
        </Panel>
      )}

      <Panel title="Signature">
        <div className="grid gap-4 lg:grid-cols-[1fr_auto]">
          <TextAreaField
            label="Secret or key"
            value={keyText}
            onChange={setKeyText}
            rows={5}
            placeholder="An HMAC secret, a PEM public key, certificate or private key, a JWK or a JWKS"
            hint="The algorithms a key may verify come from the key, never from the token. Keys named by the token (jku, x5u) are never fetched."
          />
          <SelectField
            label="Secret encoding"
            value={secretEncoding}
            choices={SECRET_ENCODINGS}
            onChange={setSecretEncoding}
          />
        </div>
        {verification.error && <Alert>{verification.error}</Alert>}
        {verification.notes.map((note) => (
          <Note key={note} tone="info">
            {note}
          </Note>
        ))}
        <SignatureStatus outcome={verification.outcome} decoded={decoded} />
        {/* Outside the status: the specifics quote the token and the keys, which could say anything. */}
        {verification.outcome?.detail && (
          <p className="text-sm" data-testid="signature-detail">
            {verification.outcome.detail}
          </p>
        )}
        {verification.outcome && verification.outcome.tried.length > 0 && (
          <details className="text-sm">
            <summary className="cursor-pointer">
              Keys tried ({verification.outcome.tried.length})
            </summary>
            <ul className="mt-2 flex flex-col gap-1 pl-4">
              {verification.outcome.tried.map((attempt, index) => (
                <li key={index}>
                  {attempt.candidate.label}: {attempt.result} — {attempt.detail}
                </li>
              ))}
            </ul>
          </details>
        )}
        {carried && (
          <Checkbox
            label="Also test the key the token carries (jwk / x5c): a self-carried key proves nothing"
            checked={testCarriedKey}
            onChange={setTestCarriedKey}
          />
        )}
        <details className="rounded-md border border-line p-3">
          <summary className="cursor-pointer text-sm font-semibold">Claim checks</summary>
          <div className="mt-3 grid gap-4 md:grid-cols-2">
            <TextInputField
              label="Expected issuer"
              value={expectedIssuer}
              onChange={setExpectedIssuer}
            />
            <TextInputField
              label="Expected audience"
              value={expectedAudience}
              onChange={setExpectedAudience}
            />
            <TextInputField
              label="Clock tolerance (seconds)"
              value={toleranceText}
              onChange={setToleranceText}
            />
            <TextInputField
              label="Now (ISO 8601, empty for the current time)"
              value={nowText}
              onChange={setNowText}
              placeholder="2030-01-01T00:00:00Z"
              invalid={nowText !== '' && parseNow(nowText) === null}
            />
            <TextInputField
              label="Long-lifetime threshold (hours)"
              value={lifetimeHoursText}
              onChange={setLifetimeHoursText}
            />
          </div>
        </details>
        {claimChecks.length > 0 && (
          <ul aria-label="Claim checks" className="flex flex-col gap-1 text-sm">
            {claimChecks.map((check) => (
              <li key={check.check} className={check.ok ? 'text-ok' : 'text-danger'}>
                <span className="font-mono font-semibold">{check.check}</span>:{' '}
                {check.ok ? 'pass' : 'fail'} — {check.message}
              </li>
            ))}
          </ul>
        )}
      </Panel>

      {decoded && (
        <Panel title="Security findings">
          <WeakSecretStatus scan={scan} />
          <FindingsList findings={findings} />
        </Panel>
      )}
    </div>
  );
}

function parseNow(text: string): number | null {
  if (text.trim() === '') return null;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : null;
}

function parseNonNegative(text: string): number | null {
  const value = Number(text);
  return text.trim() !== '' && Number.isFinite(value) && value >= 0 ? value : null;
}

interface VerificationState {
  readonly candidates: readonly KeyCandidate[];
  readonly notes: readonly string[];
  readonly error: string | null;
  readonly outcome: VerifyOutcome | null;
}

const NO_VERIFICATION: VerificationState = {
  candidates: [],
  notes: [],
  error: null,
  outcome: null,
};

/** Parses the key and verifies, asynchronously (Web Crypto); never shows a result for older input. */
function useVerification(
  token: DecodedJws | null,
  keyText: string,
  encoding: SecretEncoding,
  testCarriedKey: boolean,
): VerificationState {
  const result = useAsyncResult([token, keyText, encoding, testCarriedKey], async () => {
    const parsed = await parseKeyInput(keyText, encoding);
    const carried = testCarriedKey && token?.header ? await keysCarriedByToken(token.header) : null;
    const candidates = [
      ...(parsed.ok ? parsed.value.candidates : []),
      ...(carried?.candidates ?? []),
    ];
    const notes = [...(parsed.ok ? parsed.value.notes : []), ...(carried?.notes ?? [])];
    const outcome = token ? await verifySignature(token, candidates) : null;
    return { candidates, notes, error: parsed.ok ? null : parsed.error.message, outcome };
  });
  return result ?? NO_VERIFICATION;
}

function ColouredSegments({ decoded }: { decoded: DecodedToken }) {
  const names =
    decoded.kind === 'jws'
      ? ['header', 'payload', 'signature']
      : ['header', 'encrypted key', 'IV', 'ciphertext', 'tag'];
  const colours = [
    'text-rose-700 dark:text-rose-300',
    'text-violet-700 dark:text-violet-300',
    'text-sky-700 dark:text-sky-300',
    'text-emerald-700 dark:text-emerald-300',
    'text-amber-700 dark:text-amber-300',
  ];
  return (
    <div className="flex flex-col gap-1">
      <p className="rounded-md bg-sunken p-3 font-mono text-sm break-all">
        {decoded.segments.map((segment, index) => (
          <span key={index}>
            {index > 0 && <span className="text-muted">.</span>}
            <span className={colours[index]}>
              {segment.length > SEGMENT_PREVIEW_CHARS
                ? `${segment.slice(0, SEGMENT_PREVIEW_CHARS)}… (${(segment.length - SEGMENT_PREVIEW_CHARS).toLocaleString('en-US')} more characters)`
                : segment}
            </span>
          </span>
        ))}
      </p>
      <p className="flex flex-wrap gap-x-4 text-xs">
        {names.map((name, index) => (
          <span key={name} className={colours[index]}>
            ■ {name}
          </span>
        ))}
        <span className="text-muted">{formatByteSize(decoded.token.length)}</span>
      </p>
    </div>
  );
}

function JsonRegion({
  label,
  text,
  value,
}: {
  label: string;
  text: string | null;
  value: unknown;
}) {
  const pretty = useMemo(
    () => (value === null || value === undefined ? null : JSON.stringify(value, null, 2)),
    [value],
  );
  return (
    <ContentRegion
      label={label}
      pretty={pretty}
      raw={text}
      empty={`The ${label.toLowerCase()} could not be decoded.`}
    />
  );
}

function PayloadRegion({ token }: { token: DecodedJws }) {
  const payload = token.payload;
  const pretty = useMemo(() => {
    if (!payload) return null;
    if (payload.kind === 'json') return JSON.stringify(payload.value, null, 2);
    if (payload.kind === 'text') return payload.text;
    return formatHexDump(payload.bytes, 4096);
  }, [payload]);
  const raw = payload?.kind === 'json' ? payload.text : null;
  const note =
    payload?.kind === 'text'
      ? 'The payload is text, not JSON.'
      : payload?.kind === 'bytes'
        ? `The payload is ${formatByteSize(payload.bytes.length)} of binary data, shown as a hex dump.`
        : null;
  return (
    <ContentRegion
      label="Payload"
      pretty={pretty}
      raw={raw}
      note={note}
      empty="The payload could not be decoded."
    />
  );
}

function ContentRegion({
  label,
  pretty,
  raw,
  note,
  empty,
}: {
  label: string;
  pretty: string | null;
  raw: string | null;
  note?: string | null;
  empty: string;
}) {
  const [showRaw, setShowRaw] = useState(false);
  const [expanded, setExpanded] = useState(false);
  const shown = showRaw && raw !== null ? raw : pretty;
  const long = shown !== null && shown.length > PREVIEW_CHARS && !expanded;
  return (
    <section aria-label={label} className="card flex min-w-0 flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">{label}</h2>
        <div className="flex items-center gap-2">
          {raw !== null && <Checkbox label="Raw" checked={showRaw} onChange={setShowRaw} />}
          <CopyButton value={shown ?? ''} label={label.toLowerCase()} disabled={shown === null} />
        </div>
      </div>
      {note && <p className="text-sm text-muted">{note}</p>}
      {shown === null ? (
        <p className="text-sm text-muted">{empty}</p>
      ) : (
        <pre className="max-h-[32rem] overflow-auto rounded-md bg-sunken p-3 font-mono text-sm break-all whitespace-pre-wrap">
          {long ? shown.slice(0, PREVIEW_CHARS) : shown}
        </pre>
      )}
      {long && (
        <button
          type="button"
          className="btn self-start"
          onClick={() => {
            setExpanded(true);
          }}
        >
          Show all {formatByteSize(shown.length)} (slow to paint)
        </button>
      )}
    </section>
  );
}

function ClaimsTable({ claims }: { claims: ReturnType<typeof listClaims> }) {
  if (claims.length === 0) return <p className="text-sm text-muted">The payload has no claims.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Claims</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="py-1 pr-3">
              Claim
            </th>
            <th scope="col" className="py-1 pr-3">
              Value
            </th>
            <th scope="col" className="py-1">
              Meaning
            </th>
          </tr>
        </thead>
        <tbody>
          {claims.map((claim) => (
            <tr key={claim.name} className="border-b border-line align-top">
              <th scope="row" className="py-1 pr-3 font-mono font-semibold">
                {claim.name}
              </th>
              <td className="py-1 pr-3 font-mono break-all">
                {claim.valueText.length > 2000
                  ? `${claim.valueText.slice(0, 2000)}…`
                  : claim.valueText}
                {claim.time && 'iso' in claim.time && (
                  <span className="block font-sans text-muted">
                    {claim.time.iso} · {claim.time.local} · {claim.time.relative}
                  </span>
                )}
                {claim.time && 'problem' in claim.time && (
                  <span className="block font-sans text-danger">{claim.time.problem}</span>
                )}
              </td>
              <td className="py-1 text-muted">
                {claim.description ?? ''}
                {claim.reference && <span className="block text-xs">{claim.reference}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SignatureStatus({
  outcome,
  decoded,
}: {
  outcome: VerifyOutcome | null;
  decoded: DecodedToken | null;
}) {
  const tone =
    outcome?.status === 'verified'
      ? outcome.selfCarried
        ? 'border-warn bg-warn-bg text-warn'
        : 'border-ok bg-ok-bg text-ok'
      : outcome?.status === 'invalid'
        ? 'border-danger bg-danger-bg text-danger'
        : 'border-line bg-sunken text-muted';
  const text = !decoded
    ? 'Paste a token to check its signature.'
    : decoded.kind === 'jwe'
      ? 'An encrypted token has no signature to check here.'
      : (outcome?.message ?? 'Checking…');
  return (
    <div
      role="status"
      aria-label="Signature status"
      className={`rounded-md border-l-4 px-3 py-2 text-sm font-semibold ${tone}`}
    >
      {text}
      {outcome?.verifiedBy && (
        <span className="block font-normal">Key: {outcome.verifiedBy.label}</span>
      )}
    </div>
  );
}

function WeakSecretStatus({ scan }: { scan: ReturnType<typeof useWeakSecretScan> }) {
  if (scan.status === 'not-applicable') return null;
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <span role="status" aria-label="Weak-secret scan">
        {scan.status === 'waiting' &&
          `This token is large (${formatByteSize(scan.signingInputLength)} to sign): the weak-secret scan re-hashes all of it for every candidate, so it waits for you.`}
        {scan.status === 'scanning' &&
          `Checking ${scan.tried.toLocaleString('en-US')} of ${scan.total ? scan.total.toLocaleString('en-US') : '…'} known secrets…`}
        {scan.status === 'found' &&
          `The secret is in the wordlist: “${scan.secret}” (${scan.tried.toLocaleString('en-US')} tried).`}
        {scan.status === 'not-found' &&
          `Checked ${scan.tried.toLocaleString('en-US')} known and default secrets (${scan.source}): none matched.`}
        {scan.status === 'cancelled' &&
          `Scan cancelled after ${scan.tried.toLocaleString('en-US')} candidates.`}
        {scan.status === 'failed' && `The weak-secret scan failed: ${scan.message}`}
      </span>
      {scan.status === 'scanning' && (
        <button type="button" className="btn" onClick={scan.cancel}>
          Cancel scan
        </button>
      )}
      {scan.status === 'waiting' && (
        <button type="button" className="btn" onClick={scan.start}>
          Scan anyway
        </button>
      )}
      <label
        className="btn cursor-pointer focus-within:outline-3 focus-within:outline-accent"
        onDragOver={(event) => {
          event.preventDefault();
        }}
        onDrop={(event) => {
          event.preventDefault();
          const file = event.dataTransfer.files[0];
          if (file) scan.scanFile(file);
        }}
      >
        Scan with a wordlist file (or drop one here)
        <input
          type="file"
          aria-label="Wordlist file"
          className="sr-only"
          accept=".txt,.lst,.dic,text/plain"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) scan.scanFile(file);
          }}
        />
      </label>
    </div>
  );
}

function FindingsList({ findings }: { findings: readonly Finding[] }) {
  return (
    <>
      {findings.length === 0 && <p className="text-sm text-muted">No findings for this token.</p>}
      <ul aria-label="Findings" className="flex flex-col gap-2">
        {findings.map((finding) => (
          <li
            key={finding.code}
            className={`rounded-md border-l-4 px-3 py-2 text-sm ${SEVERITY_STYLE[finding.severity]}`}
          >
            <span className="font-semibold">{SEVERITY_WORD[finding.severity]}</span>{' '}
            <code className="font-mono">{finding.code}</code>: {finding.message}{' '}
            <span className="text-xs">({finding.reference})</span>
          </li>
        ))}
      </ul>
    </>
  );
}
