// The ordered list of tools. Adding a tool: a folder with a *.meta.ts, a route file, and a line here.
import { BASE64_META } from './base64/base64.meta.ts';
import { JWT_META } from './jwt/jwt.meta.ts';
import { PKCE_META } from './pkce/pkce.meta.ts';
import type { ToolMeta } from './tool-meta.ts';

/** In the order the nav, the home page and the palette show them. Only tools that exist. */
export const TOOLS: readonly ToolMeta[] = [JWT_META, BASE64_META, PKCE_META];
