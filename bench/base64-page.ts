// The browser half of the Base64 bench: the app's own convert() (and decodeBase64 alone) on
// deterministic bytes, timed in the page so nothing large crosses the Playwright bridge.
import { convert, type ConvertRequest, type EncodeOptions } from '../src/tools/base64/convert.ts';
import { decodeBase64, encodeBase64 } from '../src/lib/encoding/base64.ts';
import {
  fillDeterministic,
  fnv1aBytes,
  PLANS,
  timeSample,
  type Operation,
  type Prepared,
  type Sample,
} from './shared.ts';

/** What the Base64 tool sends for "Base64, standard alphabet, padded, not wrapped". */
const OPTIONS: EncodeOptions = { urlSafe: false, padding: true, wrap: false };

interface NativeSupport {
  readonly toBase64: boolean;
  readonly fromBase64: boolean;
  readonly toHex: boolean;
  readonly fromHex: boolean;
}

declare global {
  interface Window {
    benchReady?: true;
    benchNative: () => NativeSupport;
    benchPrepare: (byteLength: number, seed: number) => Prepared;
    benchSample: (operation: Operation, byteLength: number, checksum: boolean) => Sample;
  }
}

let bytes = new Uint8Array(0);
let base64Text = '';
let hexText = '';

/** The encoded text as convert() hands it to the view: in pieces (joined only for checksums). */
function encodeText(request: ConvertRequest): readonly string[] {
  const result = convert(request);
  if (!result.ok) throw new Error(`convert failed: ${result.error.message}`);
  if (result.value.mode !== 'encode') throw new Error('convert(encode) did not encode');
  return result.value.pieces;
}

function decodeBytes(request: ConvertRequest): Uint8Array {
  const result = convert(request);
  if (!result.ok) throw new Error(`convert failed: ${result.error.message}`);
  if (result.value.mode !== 'decode') throw new Error('convert(decode) did not decode');
  return result.value.bytes;
}

function decodeLib(text: string): Uint8Array {
  const result = decodeBase64(text);
  if (!result.ok) throw new Error(`decodeBase64 failed: ${result.error.message}`);
  return result.value;
}

function call(operation: Operation): () => string | readonly string[] | Uint8Array {
  switch (operation) {
    case 'encode base64 (convert)':
      return () =>
        encodeText({
          mode: 'encode',
          format: 'base64',
          options: OPTIONS,
          input: { kind: 'bytes', bytes },
        });
    case 'encode base64 (lib encodeBase64)':
      return () => encodeBase64(bytes, { urlSafe: false, padding: true });
    case 'decode base64 (convert)':
      return () =>
        decodeBytes({
          mode: 'decode',
          format: 'base64',
          options: OPTIONS,
          input: { kind: 'text', text: base64Text },
        });
    case 'decode base64 (lib decodeBase64)':
      return () => decodeLib(base64Text);
    case 'encode hex (convert)':
      return () =>
        encodeText({
          mode: 'encode',
          format: 'hex',
          options: OPTIONS,
          input: { kind: 'bytes', bytes },
        });
    case 'decode hex (convert)':
      return () =>
        decodeBytes({
          mode: 'decode',
          format: 'hex',
          options: OPTIONS,
          input: { kind: 'text', text: hexText },
        });
  }
}

window.benchNative = () => {
  const proto = Uint8Array.prototype as unknown as Record<string, unknown>;
  const ctor = Uint8Array as unknown as Record<string, unknown>;
  return {
    toBase64: typeof proto.toBase64 === 'function',
    fromBase64: typeof ctor.fromBase64 === 'function',
    toHex: typeof proto.toHex === 'function',
    fromHex: typeof ctor.fromHex === 'function',
  };
};

window.benchPrepare = (byteLength, seed) => {
  bytes = new Uint8Array(0);
  base64Text = '';
  hexText = '';
  bytes = fillDeterministic(byteLength, seed);
  // The decode inputs are the app's own encode outputs, which the encode rows verify against Node.
  base64Text = encodeText({
    mode: 'encode',
    format: 'base64',
    options: OPTIONS,
    input: { kind: 'bytes', bytes },
  }).join('');
  hexText = encodeText({
    mode: 'encode',
    format: 'hex',
    options: OPTIONS,
    input: { kind: 'bytes', bytes },
  }).join('');
  return {
    inputHash: fnv1aBytes(bytes),
    base64Length: base64Text.length,
    hexLength: hexText.length,
  };
};

window.benchSample = (operation, byteLength, checksum) => {
  const plan = PLANS.find((p) => p.bytes === byteLength);
  if (!plan) throw new Error(`no plan for ${byteLength} bytes`);
  if (bytes.length !== byteLength) throw new Error('benchPrepare was not called for this size');
  return timeSample(plan, () => performance.now(), call(operation), checksum);
};

window.benchReady = true;
