/**
 * Byte-to-string decoding for pages and texts: BOM, HTTP `Content-Type` charset, `<meta charset>` /
 * `<meta http-equiv="Content-Type">`, else UTF-8 (falling back to windows-1252 when the bytes are not UTF-8).
 */

/** Where the encoding used came from. */
export type CharsetSource = 'bom' | 'header' | 'meta' | 'default' | 'fallback';

export interface Decoded {
  text: string;
  /** WHATWG encoding name actually used (`utf-8`, `windows-1252`, ...). */
  charset: string;
  source: CharsetSource;
}

/** Code points of windows-1252 bytes 0x80–0x9F (undefined bytes map to the C1 control of the same value). */
const CP1252_C1 = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d,
  0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d,
  0x017e, 0x0178,
];
const CP1252_C1_CHARS = CP1252_C1.map((c) => String.fromCharCode(c));

/**
 * Decodes windows-1252. Done by hand because Node 20's `TextDecoder('windows-1252')` decodes as ISO-8859-1
 * (bytes 0x80–0x9F come out as C1 controls instead of `€ “ ” – —`).
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (c) => CP1252_C1_CHARS[c.charCodeAt(0) - 0x80]);
}

/**
 * Resolves a charset label (`ISO-8859-1`, `utf8`, `Windows-1252`) to its WHATWG encoding name, or null when the
 * label is unknown or unsupported.
 */
export function normalizeCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const clean = label.trim().replace(/^["']|["']$/g, '').trim().toLowerCase();
  if (!clean) return null;
  if (clean === 'x-user-defined') return 'windows-1252';
  try {
    return new TextDecoder(clean).encoding;
  } catch {
    return null;
  }
}

/** Decodes with the given WHATWG encoding; `fatal` throws a TypeError on malformed input. */
export function decodeAs(bytes: Uint8Array, encoding: string, fatal = false): string {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  return new TextDecoder(encoding, { fatal }).decode(bytes);
}

/** The encoding announced by a byte order mark, if any. */
export function bomCharset(bytes: Uint8Array): string | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** The `charset` parameter of a `Content-Type` value (`text/html; charset="utf-8"` -> `utf-8`), or null. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType);
  return m ? m[2] : null;
}

/** How far into a page the `<meta>` charset declaration is looked for. */
const META_SCAN_BYTES = 64 * 1024;
const META_CHARSET_RE = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]+)/i;

/**
 * The charset declared in the page's first 64 KB by `<meta charset="...">` or
 * `<meta http-equiv="Content-Type" content="text/html; charset=...">`, as written (not normalised), or null.
 */
export function sniffMetaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, META_SCAN_BYTES)).toString(
    'latin1',
  );
  // Ignore declarations inside comments (a commented-out old template is common).
  const stripped = head.replace(/<!--[\s\S]*?-->/g, '');
  const m = META_CHARSET_RE.exec(stripped);
  return m ? m[1] : null;
}

function decodeDefault(bytes: Uint8Array): Decoded {
  try {
    return { text: decodeAs(bytes, 'utf-8', true), charset: 'utf-8', source: 'default' };
  } catch {
    // Not UTF-8 and nothing declared: windows-1252 maps every byte, and is what such pages nearly always are.
    return { text: decodeWindows1252(bytes), charset: 'windows-1252', source: 'fallback' };
  }
}

/**
 * Decodes an HTML page. Precedence (as in the HTML standard): BOM, then the HTTP header charset, then the
 * `<meta>` declaration (a declared UTF-16 is read as UTF-8, since the bytes got this far ASCII-compatible),
 * then UTF-8, then windows-1252 when the bytes are not valid UTF-8. Never throws.
 */
export function decodeHtml(bytes: Uint8Array, headerCharset?: string | null): Decoded {
  const bom = bomCharset(bytes);
  if (bom) return { text: decodeAs(bytes, bom), charset: bom, source: 'bom' };
  const fromHeader = normalizeCharset(headerCharset);
  if (fromHeader) return { text: decodeAs(bytes, fromHeader), charset: fromHeader, source: 'header' };
  let fromMeta = normalizeCharset(sniffMetaCharset(bytes));
  if (fromMeta === 'utf-16le' || fromMeta === 'utf-16be') fromMeta = 'utf-8';
  if (fromMeta) return { text: decodeAs(bytes, fromMeta), charset: fromMeta, source: 'meta' };
  return decodeDefault(bytes);
}

/** Decodes a plain-text file: BOM, else UTF-8, else windows-1252 when the bytes are not valid UTF-8. */
export function decodeText(bytes: Uint8Array, headerCharset?: string | null): Decoded {
  const bom = bomCharset(bytes);
  if (bom) return { text: decodeAs(bytes, bom), charset: bom, source: 'bom' };
  const fromHeader = normalizeCharset(headerCharset);
  if (fromHeader) return { text: decodeAs(bytes, fromHeader), charset: fromHeader, source: 'header' };
  return decodeDefault(bytes);
}
