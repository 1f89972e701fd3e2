/**
 * Reading the inputs of `pantau extract FILE|URL...`: local files (`.html`, `.htm`, `.html.gz`, `.txt`, others
 * sniffed), `-` for standard input, and http(s) URLs fetched politely. The result is a decoded string handed to
 * the pure extraction entry points (`extract` for HTML, `extractText` for text).
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { decodeHtml, decodeText } from './charset.js';
import { InputError } from './errors.js';
import { formatBytes, gunzipCapped, isGzip } from './gzip.js';
import { defaultUserAgent, fetchBody, hostLimiter, type HostLimiter } from './http.js';

export { InputError, isInputError } from './errors.js';
export { decodeHtml, decodeText, decodeWindows1252, normalizeCharset, sniffMetaCharset } from './charset.js';
export { isGzip, gunzipCapped, formatBytes } from './gzip.js';
export { HostLimiter, hostLimiter, defaultUserAgent, packageVersion } from './http.js';

/** A decoded input: HTML for `extract`, plain text for `extractText`. */
export type RawInput =
  | { kind: 'html'; html: string; url: string | null }
  | { kind: 'text'; text: string; url: string | null };

/** Options of `readInput`; every field is optional. */
export interface ReadOptions {
  /** URLs: time allowed for the whole request (connection, redirects and body), in ms. Default 20000 (20 s). */
  timeoutMs?: number;
  /**
   * Largest page accepted, in bytes: a download (streamed, aborted beyond), a local file, and the output of
   * gunzip (so a gzip bomb is refused). Default 20 MiB (20 * 1024 * 1024), reported as "20 MB".
   */
  maxBytes?: number;
  /** URLs: redirects followed before giving up. Default 5. */
  maxRedirects?: number;
  /**
   * URLs: least time between the starts of two requests to the same host (host:port), in ms, across every
   * `readInput` call of the process sharing `limiter`. Default 1000 (1 s). Redirect hops are not delayed.
   */
  hostIntervalMs?: number;
  /** URLs: the User-Agent header. Default `pantau/<version> (+https://github.com/pantau; news research)`. */
  userAgent?: string;
  /** Cancels a pending read (the error is an InputError with reason `aborted`). Default: none. */
  signal?: AbortSignal;
  /** The per-host limiter. Default: one shared by the whole process (`hostLimiter`). */
  limiter?: HostLimiter;
  /** Where `-` reads from. Default `process.stdin`. */
  stdin?: AsyncIterable<Uint8Array | string>;
}

/** The defaults of `ReadOptions`. */
export const READ_DEFAULTS = {
  timeoutMs: 20_000,
  maxBytes: 20 * 1024 * 1024,
  maxRedirects: 5,
  hostIntervalMs: 1000,
} as const;

const HTML_EXT = /\.(html?|xhtml|shtml)$/i;
const TEXT_EXT = /\.(txt|text)$/i;

/** True when the argument is an http(s) URL rather than a path. */
export function isUrl(arg: string): boolean {
  return /^https?:\/\//i.test(arg);
}

/**
 * Reads one input argument: an `http://`/`https://` URL, `-` (standard input), a `file://` URL or a path.
 *
 * - Gzip data is recognised by its magic bytes whatever the name; `.gz` is stripped before looking at the
 *   extension.
 * - `.html`/`.htm` (and `.xhtml`, `.shtml`) are HTML, decoded by BOM, else `<meta charset>` /
 *   `http-equiv` Content-Type, else UTF-8 (windows-1252 when the bytes are not UTF-8).
 * - `.txt` is UTF-8 text; its `URL:`/`TITLE:`/`PUBLISHED:` header lines are left to `extractText`.
 * - Anything else is HTML when its first non-blank character is `<`, else text.
 * - URLs: see `ReadOptions`; the page's charset comes from the Content-Type header, else as for files; `url` is
 *   the final URL after redirects; `text/plain` pages come back as text; PDFs, images etc. are refused.
 *
 * @throws InputError naming the input and the reason; never any other error.
 */
export async function readInput(arg: string, opts: ReadOptions = {}): Promise<RawInput> {
  const maxBytes = opts.maxBytes ?? READ_DEFAULTS.maxBytes;
  try {
    if (isUrl(arg)) return await readUrl(arg, opts);
    if (arg === '-') return await readStdin(opts.stdin ?? process.stdin, maxBytes);
    let path = arg;
    if (/^file:\/\//i.test(arg)) {
      try {
        path = fileURLToPath(arg);
      } catch {
        throw new InputError(arg, 'invalid file URL');
      }
    }
    return await readFileInput(arg, path, maxBytes);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(arg, `unexpected error (${(err as Error)?.message ?? String(err)})`, { cause: err });
  }
}

function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'no such file (a parent is not a directory)';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'ENAMETOOLONG':
      return 'file name too long';
    default:
      return (err as Error).message ?? String(err);
  }
}

function cannotRead(arg: string, reason: string, cause?: unknown): InputError {
  return new InputError(arg, reason, { message: `cannot read ${arg}: ${reason}`, cause });
}

async function readFileInput(arg: string, path: string, maxBytes: number): Promise<RawInput> {
  let regular: boolean;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw cannotRead(arg, 'is a directory');
    // Regular files: refuse before reading.
    if (st.isFile() && st.size > maxBytes) throw new InputError(arg, `larger than ${formatBytes(maxBytes)}`);
    regular = st.isFile();
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw cannotRead(arg, fsReason(err), err);
  }
  let bytes: Uint8Array;
  if (regular) {
    try {
      bytes = await readFile(path);
    } catch (err) {
      throw cannotRead(arg, fsReason(err), err);
    }
    if (bytes.byteLength > maxBytes) throw new InputError(arg, `larger than ${formatBytes(maxBytes)}`);
  } else {
    // FIFOs, devices, process substitution (`<(curl ...)`): streamed with the cap, so /dev/zero cannot hang us.
    const stream = createReadStream(path);
    try {
      bytes = await readCapped(stream, arg, maxBytes);
    } finally {
      stream.destroy();
    }
  }

  let name = path;
  if (isGzip(bytes)) {
    bytes = gunzipCapped(bytes, arg, maxBytes);
    name = name.replace(/\.gz$/i, '');
  } else if (/\.gz$/i.test(name)) {
    throw new InputError(arg, 'gzip data is corrupt (no gzip header)');
  }

  const kind = HTML_EXT.test(name) ? 'html' : TEXT_EXT.test(name) ? 'text' : sniffKind(bytes);
  if (kind === 'html') {
    const html = decodeHtml(bytes).text;
    return { kind: 'html', html, url: savedFromUrl(html) };
  }
  return { kind: 'text', text: decodeText(bytes).text, url: null };
}

/** `html` when the first non-blank character (after any BOM) is `<`, else `text`. */
export function sniffKind(bytes: Uint8Array): 'html' | 'text' {
  const head = decodeText(bytes.subarray(0, 1024)).text;
  return head.trimStart().startsWith('<') ? 'html' : 'text';
}

/**
 * The original URL of a page saved by a browser (`<!-- saved from url=(0042)https://... -->` in the first
 * kilobyte), else null.
 */
export function savedFromUrl(html: string): string | null {
  const m = /<!--\s*saved from url=\(\d+\)(https?:\/\/[^\s>]+?)\s*-->/i.exec(html.slice(0, 1024));
  return m ? m[1] : null;
}

async function readCapped(stream: AsyncIterable<Uint8Array | string>, arg: string, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
      total += buf.byteLength;
      if (total > maxBytes) throw new InputError(arg, `larger than ${formatBytes(maxBytes)}`);
      chunks.push(buf);
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw cannotRead(arg, fsReason(err), err);
  }
  return Buffer.concat(chunks, total);
}

async function readStdin(stream: AsyncIterable<Uint8Array | string>, maxBytes: number): Promise<RawInput> {
  let bytes: Uint8Array = await readCapped(stream, '-', maxBytes);
  if (isGzip(bytes)) bytes = gunzipCapped(bytes, '-', maxBytes);
  if (sniffKind(bytes) === 'html') return { kind: 'html', html: decodeHtml(bytes).text, url: null };
  return { kind: 'text', text: decodeText(bytes).text, url: null };
}

async function readUrl(arg: string, opts: ReadOptions): Promise<RawInput> {
  let url: URL;
  try {
    url = new URL(arg);
  } catch {
    throw new InputError(arg, 'invalid URL');
  }
  const maxBytes = opts.maxBytes ?? READ_DEFAULTS.maxBytes;
  const body = await fetchBody(arg, url, {
    timeoutMs: opts.timeoutMs ?? READ_DEFAULTS.timeoutMs,
    maxBytes,
    maxRedirects: opts.maxRedirects ?? READ_DEFAULTS.maxRedirects,
    hostIntervalMs: opts.hostIntervalMs ?? READ_DEFAULTS.hostIntervalMs,
    userAgent: opts.userAgent ?? defaultUserAgent(),
    signal: opts.signal,
    limiter: opts.limiter ?? hostLimiter,
  });
  let bytes = body.bytes;
  let charset = body.charset;
  if (isGzip(bytes)) {
    bytes = gunzipCapped(bytes, arg, maxBytes);
    charset = null;
  }
  let kind: 'html' | 'text';
  if (body.mediaType === 'text/html' || body.mediaType === 'application/xhtml+xml') kind = 'html';
  else if (body.mediaType === 'text/plain') kind = sniffKind(bytes) === 'html' ? 'html' : 'text';
  else if (sniffKind(bytes) === 'html') kind = 'html';
  else throw new InputError(arg, `not an HTML page (${body.mediaType || 'no content type'})`);

  if (kind === 'html') return { kind, html: decodeHtml(bytes, charset).text, url: body.url };
  return { kind, text: decodeText(bytes, charset).text, url: body.url };
}
