// The PKCE tool's metadata, read by the registry.
import type { ToolMeta } from '../tool-meta.ts';

export const PKCE_META = {
  id: 'pkce',
  path: '/pkce',
  title: 'PKCE',
  summary:
    'Generate OAuth PKCE verifiers and challenges, build the authorization URL, check the callback.',
  keywords: [
    'oauth',
    'oidc',
    'code verifier',
    'code challenge',
    's256',
    'state',
    'nonce',
    'authorization url',
    'rfc 7636',
  ],
} as const satisfies ToolMeta;
