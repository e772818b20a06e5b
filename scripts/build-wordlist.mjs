// `npm run wordlist`: writes public/wordlists/jwt-secrets.txt, the JWT tool's bundled list of weak
// HMAC secrets: the project's JWT defaults first, then the most common passwords in popularity
// order. Same inputs give byte-identical output; the file is committed as a static asset.
import { Buffer } from 'node:buffer';
import { readFileSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import { pathToFileURL, URL } from 'node:url';

/**
 * How many of zxcvbn's ~49k passwords to take, most popular first. 25,000 keeps the asset under
 * 200 KB (about 100 KB gzipped), fetched by every worker, and takes the head of the list, where
 * real hits concentrate; the other 24k are the long tail and would add ~190 KB. Scan time is not
 * the limit: two workers try the whole list in well under 100 ms.
 */
export const PASSWORD_LIMIT = 25_000;

export const DEFAULTS_FILE = new URL('./jwt-default-secrets.txt', import.meta.url);
export const PASSWORDS_FILE = new URL(
  '../node_modules/@zxcvbn-ts/language-common/src/passwords.json',
  import.meta.url,
);
export const OUTPUT_FILE = new URL('../public/wordlists/jwt-secrets.txt', import.meta.url);

/**
 * The secrets of the defaults file: one per line, exactly as written; lines that are empty or
 * start with `#` are comments. CRLF is accepted.
 * @param {string} text
 * @returns {string[]}
 */
export function parseDefaults(text) {
  return text.split(/\r?\n/).filter((line) => line !== '' && !line.startsWith('#'));
}

/**
 * The list: `defaults` in order, then the first `limit` of `passwords` (popularity order),
 * without repeats (exact string), empty strings or anything a line cannot hold; one per line,
 * LF, ending with a newline.
 * @param {readonly string[]} defaults
 * @param {readonly string[]} passwords
 * @param {number} limit
 * @returns {string}
 */
export function buildWordlist(defaults, passwords, limit = PASSWORD_LIMIT) {
  /** @type {Set<string>} */
  const seen = new Set();
  const add = (/** @type {string} */ candidate) => {
    if (candidate === '' || /[\r\n]/.test(candidate)) return;
    seen.add(candidate);
  };
  defaults.forEach(add);
  passwords.slice(0, limit).forEach(add);
  return `${[...seen].join('\n')}\n`;
}

/**
 * Reads both inputs from disk and returns the list's text.
 * @returns {string}
 */
export function buildFromFiles() {
  /** @type {unknown} */
  const passwords = JSON.parse(readFileSync(PASSWORDS_FILE, 'utf8'));
  if (!Array.isArray(passwords) || !passwords.every((p) => typeof p === 'string')) {
    throw new TypeError(`${PASSWORDS_FILE.pathname} is not a JSON array of strings`);
  }
  return buildWordlist(parseDefaults(readFileSync(DEFAULTS_FILE, 'utf8')), passwords);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const text = buildFromFiles();
  writeFileSync(OUTPUT_FILE, text, 'utf8');
  const lines = text.split('\n').length - 1;
  process.stdout.write(
    `${OUTPUT_FILE.pathname}: ${lines} candidates, ${Buffer.byteLength(text)} bytes\n`,
  );
}
