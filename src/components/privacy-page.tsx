// Explains, and shows live, how "nothing leaves the browser" is enforced rather than promised.
import { PERSISTED_FIELDS, PREFERENCES_STORAGE_KEY } from '../stores/preferences.ts';

const FIELD_DESCRIPTIONS: { readonly [K in keyof typeof PERSISTED_FIELDS]: string } = {
  theme: 'Light, dark or system theme.',
  pkceSettings:
    'PKCE client settings (endpoints, client ID, redirect URI, scope), only after you tick “Remember these settings”. Never the verifier, state or nonce.',
};

function currentPolicy(): string | null {
  const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
  return meta?.getAttribute('content') ?? null;
}

export function PrivacyPage() {
  const policy = currentPolicy();
  return (
    <article className="flex max-w-3xl flex-col gap-4">
      <h1 className="text-2xl font-bold">Privacy: how “nothing is sent anywhere” is enforced</h1>
      <p>
        Every tool here runs in this tab. Tokens, keys, secrets, PKCE verifiers and pasted headers
        stay in the page’s memory and are gone when you close or reload it.
      </p>
      <h2 className="text-xl font-semibold">The browser enforces it</h2>
      <p>
        The page carries a Content-Security-Policy that forbids connections to any other origin (
        <code>connect-src &apos;self&apos;</code>), scripts, styles, fonts and images from anywhere
        else, forms, and, with Trusted Types, any string-to-HTML injection. Even a bug in this app
        could not send your data out: the browser would block the request.
      </p>
      <h3 className="font-semibold">The policy this page runs under</h3>
      {policy ? (
        <pre className="overflow-x-auto rounded-md bg-sunken p-3 font-mono text-xs whitespace-pre-wrap">
          {policy.split(/;\s*/).join(';\n')}
        </pre>
      ) : (
        <p className="text-muted">
          None in this development build (Vite’s dev server needs inline scripts); every production
          build carries it.
        </p>
      )}
      <p>
        The page also sends no referrer (<code>no-referrer</code>), loads no fonts, icons or scripts
        from a CDN, and has no analytics.
      </p>
      <h2 className="text-xl font-semibold">What is stored on this device</h2>
      <p>
        Only preferences, in this browser’s local storage under{' '}
        <code>{PREFERENCES_STORAGE_KEY}</code>:
      </p>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Stored fields</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="py-1 pr-3">
              Field
            </th>
            <th scope="col" className="py-1 pr-3">
              Saved
            </th>
            <th scope="col" className="py-1">
              What it is
            </th>
          </tr>
        </thead>
        <tbody>
          {(Object.keys(PERSISTED_FIELDS) as (keyof typeof PERSISTED_FIELDS)[]).map((field) => (
            <tr key={field} className="border-b border-line">
              <td className="py-1 pr-3 font-mono">{field}</td>
              <td className="py-1 pr-3">{PERSISTED_FIELDS[field] ? 'Yes' : 'No'}</td>
              <td className="py-1">{FIELD_DESCRIPTIONS[field]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="text-xl font-semibold">Check it yourself</h2>
      <p>
        Open your browser’s developer tools, Network tab, and use any tool: after the page’s own
        files load, no request appears. The project’s end-to-end tests do the same on every change:
        they fail on any request to another origin and on any secret found in storage.
      </p>
    </article>
  );
}
