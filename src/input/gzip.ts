import { gunzipSync } from 'node:zlib';
import { InputError } from './errors.js';

/** True when the bytes start with the gzip magic number (1F 8B). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** `20 MB`, `64 KB`, `1500 bytes`: sizes in the units users think in (binary multiples). */
export function formatBytes(n: number): string {
  const MB = 1024 * 1024;
  if (n >= MB) return `${Number((n / MB).toFixed(1))} MB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KB`;
  return `${n} bytes`;
}

/**
 * Decompresses gzip data (several members allowed), refusing more than `maxBytes` of output so a gzip bomb
 * cannot exhaust memory. Throws an InputError naming `input` when the data is corrupt or truncated.
 */
export function gunzipCapped(bytes: Uint8Array, input: string, maxBytes: number): Uint8Array {
  try {
    return gunzipSync(bytes, { maxOutputLength: Math.max(1, maxBytes) });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
      throw new InputError(input, `larger than ${formatBytes(maxBytes)} (uncompressed)`, { cause: err });
    }
    throw new InputError(input, 'gzip data is corrupt', { cause: err });
  }
}
