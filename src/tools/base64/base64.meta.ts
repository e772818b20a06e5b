// The Base64 tool's metadata, read by the registry.
import type { ToolMeta } from '../tool-meta.ts';

export const BASE64_META = {
  id: 'base64',
  path: '/base64',
  title: 'Base64',
  summary:
    'Encode and decode Base64, Base64url and hex, for text and files, with byte-exact errors.',
  keywords: ['base64url', 'base16', 'hex', 'encode', 'decode', 'data url', 'mime', 'file'],
} as const satisfies ToolMeta;
