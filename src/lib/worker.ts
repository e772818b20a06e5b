// Starts a module worker under the app's Trusted Types policy (CSP `require-trusted-types-for`).

interface TrustedTypesFactory {
  createPolicy(
    name: string,
    rules: { createScriptURL: (url: string) => string },
  ): { createScriptURL(url: string): unknown };
}

/** The one policy the CSP allows: vite.config.ts writes `trusted-types` with this name. */
export const WORKER_POLICY_NAME = 'app-worker';

let policy: { createScriptURL(url: string): unknown } | undefined;

/** Only this app's own files may become worker scripts: same origin, never data: or blob:. */
function sameOriginScriptUrl(url: string): string {
  const resolved = new URL(url, document.baseURI);
  if (resolved.origin !== location.origin) {
    throw new TypeError(`Refusing to start a worker from another origin: ${resolved.origin}`);
  }
  return resolved.href;
}

function trustedScriptUrl(url: string): unknown {
  const factory = (window as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!factory) return sameOriginScriptUrl(url);
  policy ??= factory.createPolicy(WORKER_POLICY_NAME, { createScriptURL: sameOriginScriptUrl });
  return policy.createScriptURL(url);
}

/**
 * `new Worker(url, { type: 'module' })` for a URL from a Vite `?worker&url` import. Does not
 * accept script from anywhere but this origin, whatever the caller passes.
 */
export function startModuleWorker(url: string): Worker {
  return new Worker(trustedScriptUrl(url) as string, { type: 'module' });
}
