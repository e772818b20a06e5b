// Vite config: React, TanStack file routes, Tailwind v4, and the build-time Content-Security-Policy.
import { tanstackRouter } from '@tanstack/router-plugin/vite';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { WORKER_POLICY_NAME } from './src/lib/worker.ts';

/**
 * The policy the built app runs under. Nothing may load from or talk to another origin
 * (ARCHITECTURE rule 4), and Trusted Types forbid string-to-DOM sinks outright, so even a
 * bug that reached `innerHTML` would throw instead of rendering markup. The only policy allowed
 * is the one that starts this app's own workers from its own origin.
 * Dev mode does not get it: Vite's client and React Refresh inject inline scripts.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "require-trusted-types-for 'script'",
  // The one policy: src/lib/worker.ts turns this origin's worker URLs into TrustedScriptURLs.
  `trusted-types ${WORKER_POLICY_NAME}`,
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      // Right after <meta charset>, before anything the policy must govern.
      handler: (html) => {
        const charset = '<meta charset="UTF-8" />';
        if (!html.includes(charset))
          throw new Error('index.html lost its <meta charset>: CSP not injected');
        return html.replace(
          charset,
          `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
        );
      },
    },
  };
}

export default defineConfig({
  // Relative asset URLs: dist/ works from any static host, at the root or under any sub-path.
  base: './',
  plugins: [
    // The router plugin must run before the React plugin (TanStack Router docs).
    tanstackRouter({ target: 'react', autoCodeSplitting: true }),
    react(),
    tailwindcss(),
    contentSecurityPolicy(),
  ],
  build: {
    target: 'es2023',
    // Vite's modulepreload polyfill injects an inline-free script, but we target browsers that
    // support modulepreload natively, so leave it out and keep the bundle smaller.
    modulePreload: { polyfill: false },
  },
  worker: { format: 'es' },
  server: { port: 5173 },
  preview: { port: 4173 },
});
