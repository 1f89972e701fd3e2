/**
 * Bytes of a discovery resource to text: gzip detection (sitemaps are often served as `.xml.gz`) and XML
 * character-set detection.
 */
import { gunzipSync } from 'node:zlib';
import { bomCharset, decodeAs, decodeText, normalizeCharset } from '../../input/charset.js';

/** 20 MB: the most a discovery resource may weigh, compressed or not. */
export const MAX_DISCOVERY_BYTES = 20 * 1024 * 1024;

/** True when the bytes start with the gzip magic number (1F 8B). */
export function isGzipBytes(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * The bytes gunzipped when they are gzip data (by magic number, whatever the file name or Content-Type says),
 * else unchanged. Refuses more than `maxBytes` of output (gzip bombs). Throws an Error when the gzip data is
 * corrupt or too large.
 */
export function decodeMaybeGzip(buf: Uint8Array, maxBytes = MAX_DISCOVERY_BYTES): Buffer {
  const b = Buffer.isBuffer(buf) ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (!isGzipBytes(b)) return b;
  try {
    return gunzipSync(b, { maxOutputLength: Math.max(1, maxBytes) });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
      throw new Error(`gzip data larger than ${Math.round(maxBytes / 1024 / 1024)} MB uncompressed`, { cause: err });
    }
    throw new Error('gzip data is corrupt', { cause: err });
  }
}

/**
 * Decodes an XML (or plain-text) document: BOM, then the HTTP charset, then the `<?xml encoding="...">`
 * declaration, else UTF-8 (windows-1252 when the bytes are not valid UTF-8). Never throws.
 */
export function decodeXmlBytes(bytes: Uint8Array, headerCharset?: string | null): string {
  const bom = bomCharset(bytes);
  if (bom) return decodeAs(bytes, bom).replace(/^\uFEFF/, '');
  const fromHeader = normalizeCharset(headerCharset);
  if (fromHeader) return decodeAs(bytes, fromHeader);
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 200)).toString('latin1');
  const decl = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  const declared = normalizeCharset(decl?.[1]);
  if (declared && declared !== 'utf-16le' && declared !== 'utf-16be') return decodeAs(bytes, declared);
  return decodeText(bytes).text;
}
