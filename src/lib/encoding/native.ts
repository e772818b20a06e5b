// Feature detection for the TC39 Uint8Array base64/hex methods (Chromium 140+, Firefox 133+, Safari 18.2+).
// TypeScript's lib does not describe them yet, so the shapes are declared here, once.

interface NativeUint8ArrayCodecs {
  toBase64(options?: { alphabet?: 'base64' | 'base64url'; omitPadding?: boolean }): string;
  toHex(): string;
  setFromBase64(
    text: string,
    options?: {
      alphabet?: 'base64' | 'base64url';
      lastChunkHandling?: 'loose' | 'strict' | 'stop-before-partial';
    },
  ): { read: number; written: number };
}

interface NativeUint8ArrayConstructorCodecs {
  fromBase64(
    text: string,
    options?: {
      alphabet?: 'base64' | 'base64url';
      lastChunkHandling?: 'loose' | 'strict' | 'stop-before-partial';
    },
  ): Uint8Array<ArrayBuffer>;
  fromHex(text: string): Uint8Array<ArrayBuffer>;
}

const prototype = Uint8Array.prototype as Partial<NativeUint8ArrayCodecs>;
const constructor = Uint8Array as Partial<NativeUint8ArrayConstructorCodecs>;

/** The native encoder, bound for calling as `nativeToBase64(bytes, options)`, or undefined. */
export const nativeToBase64 =
  typeof prototype.toBase64 === 'function'
    ? (bytes: Uint8Array, options: Parameters<NativeUint8ArrayCodecs['toBase64']>[0]) =>
        (bytes as unknown as NativeUint8ArrayCodecs).toBase64(options)
    : undefined;

export const nativeFromBase64 =
  typeof constructor.fromBase64 === 'function'
    ? constructor.fromBase64.bind(Uint8Array)
    : undefined;

/** Decodes into `target` and says how much it read and wrote: streaming without copies. */
export const nativeSetFromBase64 =
  typeof prototype.setFromBase64 === 'function'
    ? (
        target: Uint8Array,
        text: string,
        options: Parameters<NativeUint8ArrayCodecs['setFromBase64']>[1],
      ) => (target as unknown as NativeUint8ArrayCodecs).setFromBase64(text, options)
    : undefined;

export const nativeToHex =
  typeof prototype.toHex === 'function'
    ? (bytes: Uint8Array) => (bytes as unknown as NativeUint8ArrayCodecs).toHex()
    : undefined;

export const nativeFromHex =
  typeof constructor.fromHex === 'function' ? constructor.fromHex.bind(Uint8Array) : undefined;
