import { collapseWhitespace } from './html-to-text.js';

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', copy: '©', middot: '·',
};

/** Decodes the common named entities and all numeric ones. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : ' ';
    }
    return NAMED_ENTITIES[code.toLowerCase()] ?? whole;
  });
}

const BLOCK_TAG = /^\/?(?:p|div|br|li|h[1-6]|tr|td|th|blockquote|section|article|ul|ol|table|header|footer|nav|aside|figure|figcaption|pre|hr|dd|dt)\b/i;
const FURNITURE_TAG = /^(?:nav|header|footer|aside|figcaption|form|button|select)\b/i;

/**
 * Text from HTML by tag stripping, for input the DOM path cannot take (parser failure, absurd
 * nesting): block tags end paragraphs, navigation/header/footer elements are dropped when they
 * close, everything else is removed. Linear scans only.
 */
export function stripTagsToParagraphs(html: string): string[] {
  let text = '';
  let pos = 0;
  let skipDepth = 0;
  while (pos < html.length) {
    const lt = html.indexOf('<', pos);
    if (lt < 0) {
      if (!skipDepth) text += html.slice(pos);
      break;
    }
    if (!skipDepth) text += html.slice(pos, lt);
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) break;
    const tag = html.slice(lt + 1, Math.min(gt, lt + 40));
    if (FURNITURE_TAG.test(tag)) skipDepth++;
    else if (tag[0] === '/' && FURNITURE_TAG.test(tag.slice(1)) && skipDepth > 0) skipDepth--;
    if (BLOCK_TAG.test(tag)) text += '\n\n';
    else text += ' ';
    pos = gt + 1;
  }
  return decodeEntities(text)
    .split(/\n\s*\n/)
    .map(collapseWhitespace)
    .filter((p) => p.length > 0);
}

/** The `<title>` of raw HTML, found without a parser. */
export function rawTitle(html: string): string {
  const lower = html.slice(0, 200_000).toLowerCase();
  const start = lower.indexOf('<title');
  if (start < 0) return '';
  const open = lower.indexOf('>', start);
  const end = open < 0 ? -1 : lower.indexOf('</title', open);
  return end < 0 ? '' : collapseWhitespace(decodeEntities(html.slice(open + 1, end)));
}
