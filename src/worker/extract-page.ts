/**
 * One extraction: a stored page in, its record stored. The queue-free core of the extract worker, usable by
 * anything that has page ids (a CLI re-extracting pending pages, tests).
 */
import { extract } from '../extract/index.js';
import { PermanentJobError, TransientJobError, classifyError, describeError } from '../queue/index.js';
import { loadPage, markExtractFailed, saveArticleRecord } from '../store/index.js';
import { ExtractThreadError } from './extract-pool.js';
import type { SaveRecord } from './record-writer.js';
import type { ArticleRecord } from '../types/record.js';
import type { Store, StoredPage } from '../store/index.js';

export interface ExtractSummary {
  pageId: string;
  relevant: boolean;
  /** Commitments found (and stored). */
  commitments: number;
}

const HTML_TYPES = /^(?:text\/html|application\/xhtml\+xml)\b/i;
/** Formats a news site serves beside its pages that the extractor must not read as HTML. */
const BINARY_MAGIC: [string, Buffer][] = [
  ['PDF', Buffer.from('%PDF-')],
  ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47])],
  ['JPEG', Buffer.from([0xff, 0xd8, 0xff])],
  ['GIF', Buffer.from('GIF8')],
  ['gzip', Buffer.from([0x1f, 0x8b])],
  ['ZIP', Buffer.from('PK\x03\x04')],
];

/**
 * Why a page cannot be extracted as HTML, or undefined when it can. Trusts an HTML content type; without one (or
 * with a generic one) looks at the bytes, since servers often omit or mislabel the type.
 */
export function notHtmlReason(page: Pick<StoredPage, 'contentType' | 'body'>): string | undefined {
  const body = page.body;
  if (!body || body.length === 0) return 'empty body';
  const type = (page.contentType ?? '').split(';')[0].trim().toLowerCase();
  if (HTML_TYPES.test(type)) return undefined;
  const magic = BINARY_MAGIC.find(([, bytes]) => body.subarray(0, bytes.length).equals(bytes));
  if (magic) return `not HTML (${magic[0]} data${type ? `, content type ${type}` : ''})`;
  const generic = type === '' || type === 'text/plain' || type === 'application/octet-stream';
  if (!generic) return `not HTML (content type ${type})`;
  const head = body.subarray(0, 2048);
  if (head.includes(0)) return `not HTML (binary data${type ? `, content type ${type}` : ''})`;
  // A mislabelled page still looks like markup near its start.
  if (!/<(?:!doctype\s+html|html|head|body|article|meta|title|div|p)\b/i.test(head.toString('latin1'))) {
    return `not HTML (${type || 'no content type'}, no markup)`;
  }
  return undefined;
}

/** Records a permanent failure on the page, then throws it; a store that cannot record it is a transient problem. */
async function failPermanently(store: Store, pageId: string, reason: string, cause?: unknown): Promise<never> {
  try {
    await markExtractFailed(store, pageId, reason);
  } catch (err) {
    if (classifyError(err) === 'transient') {
      throw new TransientJobError(`page ${pageId}: could not record the failure (${describeError(err)})`, { cause: err });
    }
    // The page vanished meanwhile: nothing to record it on; the job fails permanently all the same.
  }
  throw new PermanentJobError(reason, { cause });
}

/**
 * Extracts a stored page and stores its record (replacing any earlier one, in one transaction): safe to run
 * twice. Throws `PermanentJobError` when retrying cannot help — no such page, no body, not HTML, the extractor
 * throws, the record is refused — after recording the reason on the page (`extract_state = failed`) when there
 * is one. Store connection problems are rethrown as they are (transient).
 */
export interface ExtractPageOptions {
  /** How the record is stored (default `saveArticleRecord`, one transaction per page; workers batch, see record-writer.ts). */
  save?: SaveRecord;
  /** Where `extract()` runs (default: here, synchronously; workers may pass an extraction pool's, ./extract-pool.ts). */
  extract?: (html: string, url: string | null, options: { input: string }) => ArticleRecord | Promise<ArticleRecord>;
}

export async function extractPage(store: Store, pageId: string, options: ExtractPageOptions = {}): Promise<ExtractSummary> {
  let page: StoredPage | undefined;
  try {
    page = await loadPage(store, pageId);
  } catch (err) {
    if (classifyError(err) === 'transient') throw err;
    // A stored body that no longer matches its hash: the row is damaged, a retry reads the same bytes.
    return failPermanently(store, pageId, `page ${pageId}: could not load it: ${describeError(err)}`, err);
  }
  if (!page) throw new PermanentJobError(`no stored page with id ${JSON.stringify(pageId)}`);
  if (page.body === null || page.html === null) {
    const why = page.error ? `: ${page.error}` : '';
    return failPermanently(store, pageId, `page ${pageId} (${page.url}) has no body (HTTP ${page.status}${why})`);
  }
  const notHtml = notHtmlReason(page);
  if (notHtml) return failPermanently(store, pageId, `page ${pageId} (${page.url}): ${notHtml}`);

  let record;
  try {
    record = await (options.extract ?? extract)(page.html, page.finalUrl ?? page.url, { input: page.url });
  } catch (err) {
    // The thread extracting it died (out of memory, say): not the page's fault as far as we know.
    if (err instanceof ExtractThreadError) throw new TransientJobError(`page ${pageId} (${page.url}): ${err.message}`, { cause: err });
    // The extractor is pure: the same page makes it throw again.
    return failPermanently(store, pageId, `page ${pageId} (${page.url}): extractor failed: ${describeError(err)}`, err);
  }

  try {
    await (options.save ?? ((id, r) => saveArticleRecord(store, id, r)))(pageId, record);
  } catch (err) {
    if (classifyError(err) === 'transient') throw err;
    return failPermanently(store, pageId, `page ${pageId} (${page.url}): record not stored: ${describeError(err)}`, err);
  }
  return { pageId, relevant: record.relevant, commitments: record.commitments.length };
}
