// The JWT tool's metadata, read by the registry.
import type { ToolMeta } from '../tool-meta.ts';

export const JWT_META = {
  id: 'jwt',
  path: '/jwt',
  title: 'JWT',
  summary:
    'Decode, verify and audit JSON Web Tokens offline: any key format, alg-confusion safe, weak-secret scan.',
  keywords: [
    'json web token',
    'jws',
    'jwe',
    'decode',
    'verify',
    'signature',
    'jwk',
    'jwks',
    'pem',
    'hs256',
    'rs256',
    'claims',
    'bearer',
    'id token',
  ],
} as const satisfies ToolMeta;
