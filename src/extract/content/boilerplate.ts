import type { DomElement } from './dom.js';
import type { Paragraph } from './html-to-text.js';

/*
 * Boilerplate that Readability keeps. Two passes: a DOM pass before Readability removes page furniture
 * recognisable by tag, role, class or id, and a text pass afterwards drops paragraphs recognisable by
 * their wording (Indonesian and English news templates).
 */

/** Elements that hold page furniture, never the article (unless they wrap most of the page's text). */
const FURNITURE_SELECTOR = [
  'nav', 'aside', 'footer', 'header', 'form', 'button', 'select', 'iframe', 'figcaption', 'figure', 'dialog',
  '[role="navigation"]', '[role="complementary"]', '[role="banner"]', '[role="contentinfo"]', '[role="dialog"]',
  '[aria-hidden="true"]', '[hidden]',
].join(',');

/** class/id words of share bars, related lists, captions, ads, tag lists, bylines and the like. */
const FURNITURE_NAME = new RegExp(
  '(?:^|[\\s_-])(?:' +
    [
      'share\\w*', 'sharing', 'social\\w*', 'sosmed', 'related\\w*', 'terkait', 'baca-?juga', 'bacajuga',
      'read-?more', 'readmore', 'also-?read', 'more-?stories', 'newsletter\\w*', 'subscri\\w*', 'signup',
      'promo\\w*', 'advert\\w*', 'ads', 'ad', 'adsbygoogle', 'dfp', 'iklan', 'banner', 'breadcrumbs?',
      'tags', 'tag-?list', 'tags-?links', 'tagcloud', 'topics?', 'comments?', 'komentar', 'disqus',
      'author-?(?:bio|box|info|card)', 'about-?author', 'byline', 'caption\\w*', 'credits?',
      'popular\\w*', 'terpopuler', 'trending', 'recommend\\w*', 'rekomendasi', 'sidebar', 'widget\\w*',
      'cookie\\w*', 'gdpr', 'consent', 'skip-?link', 'sr-only', 'screen-reader-text', 'visually-?hidden',
      'print-?only', 'modal', 'popup', 'toolbar', '(?:entry|post|article)-?(?:meta|footer|info)', 'footer',
      'nav\\w*', 'menu', 'jp-relatedposts', 'outbrain', 'taboola', 'mgid',
    ].join('|') +
    ')(?:$|[\\s_-])',
  'i',
);

/** Headings that introduce a list of links to other articles. */
const RELATED_HEADING =
  /^(?:berita|artikel|topik|video|foto)\s+(?:terkait|lainnya|terkini|pilihan|populer|terpopuler)|^(?:terpopuler|terkini|rekomendasi|rekomendasi untuk anda|pilihan redaksi|baca juga|simak juga|lihat juga|berita lainnya|related(?: (?:articles?|stories|posts|content|news|coverage))?|more (?:stories|from|on|news|great)\b.*|you (?:may|might) (?:also )?(?:like|enjoy)|read (?:more|next)|recommended(?: for you)?|most (?:read|popular|viewed)|popular(?: now| this week)?|latest(?: news| stories)?|recent (?:articles|posts|stories)|trending(?: now)?|don'?t miss|see also|also on\b.*|top stories|editor'?s picks?)\s*:?$/i;

const MAX_HEADING_CHARS = 60;

interface Doc {
  body: DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const COMMENTS_NAME = /(?:^|[\s_-])(?:comments?|komentar|disqus|replies|respond)(?:$|[\s_-])/i;

const INLINE_TAGS = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DFN', 'EM', 'FONT', 'I', 'KBD', 'MARK', 'Q', 'S', 'SMALL',
  'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'P',
]);

/**
 * The element holding most of the page's prose, Readability-style but cheap: each text run of some
 * length outside links credits its nearest non-inline ancestor, and half of that to the next one up.
 */
export function findMainBlock(body: DomElement): DomElement | null {
  const scores = new Map<DomElement, number>();
  // Long comment threads can outweigh the article; their text must not attract the protection.
  const inComments = new Set<DomElement>();
  const all = body.querySelectorAll('*');
  for (let i = 0; i < all.length; i++) {
    const el = all[i];
    const parent = el.parentElement;
    if ((parent && inComments.has(parent)) || COMMENTS_NAME.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`)) {
      inComments.add(el);
      continue;
    }
    if (el.tagName.toUpperCase() === 'A') continue;
    let len = 0;
    const kids = el.childNodes;
    for (let k = 0; k < kids.length; k++) {
      const kid = kids[k];
      if (kid.nodeType === 3) {
        const t = (kid.nodeValue ?? '').trim();
        if (t.length >= 20) len += t.length;
      }
    }
    if (!len) continue;
    let block: DomElement | null = el;
    while (block && INLINE_TAGS.has(block.tagName.toUpperCase())) block = block.parentElement;
    if (!block) continue;
    scores.set(block, (scores.get(block) ?? 0) + len);
    const up = block.parentElement;
    if (up) scores.set(up, (scores.get(up) ?? 0) + len / 2);
  }
  let best: DomElement | null = null;
  let bestScore = 0;
  for (const [el, score] of scores) {
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Removes page furniture from the document in place. The element holding most of the prose and its
 * ancestors are kept whatever their names: some sites wrap the whole article in a `<form>` or a
 * `<div class="widget">`.
 */
export function removeFurniture(doc: Doc): void {
  const body = doc.body;
  if (!body) return;
  const protectedEls = new Set<DomElement>();
  for (let el = findMainBlock(body); el; el = el.parentElement) protectedEls.add(el);
  const keep = (el: DomElement) => {
    const tag = el.tagName.toUpperCase();
    return tag === 'BODY' || tag === 'HTML' || protectedEls.has(el);
  };
  const remove = (el: DomElement) => {
    if (el.parentNode && !keep(el)) el.remove();
  };

  const tagged = Array.from(doc.querySelectorAll(FURNITURE_SELECTOR));
  for (const el of tagged) remove(el);

  const all = Array.from(body.querySelectorAll('*'));
  for (const el of all) {
    if (!el.parentNode) continue;
    const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.trim();
    if (name && FURNITURE_NAME.test(name)) {
      remove(el);
      continue;
    }
    const style = el.getAttribute('style');
    if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) remove(el);
  }

  removeRelatedLists(body, keep);
}

function linkDensity(el: DomElement): number {
  const text = (el.textContent ?? '').replace(/\s+/g, '').length;
  if (!text || el.tagName.toUpperCase() === 'A') return 1;
  let links = 0;
  const anchors = el.querySelectorAll('a');
  for (let i = 0; i < anchors.length; i++) links += (anchors[i].textContent ?? '').replace(/\s+/g, '').length;
  return links / text;
}

const INLINE_RELATED = /^(?:baca|simak|lihat|cek)\s+(?:juga|pula)|^(?:read|see)\s+(?:also|more)|^related\s*:?$/i;
const MAX_INLINE_RELATED_CHARS = 300;
const BLOCKS = new Set(['P', 'DIV', 'LI', 'TD', 'TABLE', 'BLOCKQUOTE', 'SECTION', 'ASIDE', 'DL']);

/**
 * Removes "Berita Terkait" / "Related" headings together with the link lists that follow them, and
 * "Baca juga:" paragraphs.
 */
function removeRelatedLists(body: DomElement, keep: (el: DomElement) => boolean): void {
  const candidates = Array.from(body.querySelectorAll('h1,h2,h3,h4,h5,h6,p,strong,b,span,div,section'));
  for (const el of candidates) {
    if (!el.parentNode) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text || text.length > MAX_HEADING_CHARS || !RELATED_HEADING.test(text)) continue;
    // A heading wrapped alone in an inline or block parent: work on the outermost such wrapper.
    let head: DomElement = el;
    while (
      head.parentElement &&
      head.parentElement !== body &&
      (head.parentElement.textContent ?? '').replace(/\s+/g, ' ').trim() === text
    ) {
      head = head.parentElement;
    }
    if (INLINE_RELATED.test(text)) {
      // "Baca juga: <a>…</a>" sits inside the body: drop its whole (short) paragraph.
      let block: DomElement | null = head.parentElement;
      while (block && block !== body && !BLOCKS.has(block.tagName.toUpperCase())) block = block.parentElement;
      if (block && block !== body && (block.textContent ?? '').length <= MAX_INLINE_RELATED_CHARS && !keep(block)) {
        block.remove();
        continue;
      }
    }
    let next = head.nextElementSibling;
    head.remove();
    while (next) {
      const after = next.nextElementSibling;
      const tag = next.tagName.toUpperCase();
      const isList = tag === 'UL' || tag === 'OL';
      if (!(isList || linkDensity(next) > 0.6)) break;
      next.remove();
      next = after;
    }
  }
}

/** Paragraphs that are never article text, whatever their markup (anchored, so no backtracking risk). */
const BOILERPLATE_LINE = new RegExp(
  [
    // Inline links to other stories.
    '^\\[?(?:baca|simak|lihat|cek|tonton|saksikan)\\s+(?:juga|pula|selengkapnya|berita|video|artikel)\\b',
    '^\\[?(?:read|see|watch)\\s+(?:more|also|next)\\b\\s*:?',
    '^\\[?(?:related|also|more|also on|also read|see more|related post|related article|recommended)\\s*:',
    // Captions and credits.
    '^(?:foto|photo|gambar|ilustrasi|image|video|sumber foto|dok(?:umentasi)?|file photo)\\s*:',
    '^(?:image (?:copyright|caption|credit|source)|credit\\.\\.\\.|photo credit|\\(?image:)',
    // Taxonomy and meta lines.
    '^(?:tags?|topik|kata kunci|keywords?|filed under|posted in|categor(?:y|ies)|kategori|label)\\s*:',
    '^(?:editor|penulis|reporter|pewarta|redaktur|penyunting|fotografer|kontributor|editing|writer|author)\\s*:',
    '^\\(?(?:reporting|additional reporting|writing|editing|compiled) by\\b',
    '^(?:first )?(?:published|updated|posted|diperbarui|dipublikasikan|diterbitkan)\\s*(?:on|at|pada)?\\s*:?\\s*[\\w ,.:/|-]{0,60}\\d',
    // Promotions, ads, navigation.
    '^(?:dapatkan|ikuti|follow|simak|gabung|join|subscribe|sign up|berlangganan|download|unduh)\\b.{0,160}(?:google news|whatsapp|telegram|channel|update|newsletter|twitter|facebook|instagram|youtube|inbox|aplikasi|app)',
    '^(?:advertisement|advertisment|advert|iklan|space iklan|ads|sponsored|scroll (?:to|untuk) (?:continue|lanjut)\\w*(?: with content| membaca)?|gulir untuk melanjutkan|lanjutkan membaca|continue reading( below)?|skip to (?:content|main content)|share|bagikan|tweet|comments?|komentar|print|cetak|loading\\.*|memuat\\.*)\\s*[:.!]?$',
    '^(?:copyright|hak cipta|©|\\(c\\))\\s',
    '^all rights reserved',
    '^this (?:website|site) uses cookies',
    '^(?:like this story|have a tip|want more stories)\\b',
  ].join('|'),
  'i',
);

/** Lines that are boilerplate only when short (a long paragraph starting the same way is prose). */
const MAX_BOILERPLATE_CHARS = 220;

const BYLINE = /^(?:by|oleh|laporan(?: wartawan)?)\s+[\p{Lu}][\p{L}.'’-]*(?:\s+(?:[\p{Lu}][\p{L}.'’-]*|and|dan|&|,))*\s*$/u;

/** True when a paragraph, judged on its own text, is boilerplate. */
export function isBoilerplateLine(text: string): boolean {
  if (text.length <= MAX_BOILERPLATE_CHARS && BOILERPLATE_LINE.test(text)) return true;
  if (text.length <= 80 && BYLINE.test(text)) return true;
  return false;
}

/**
 * Drops boilerplate paragraphs: lines matched by wording, and runs of two or more short list items or
 * paragraphs that are nothing but links (related-article lists that escaped the DOM pass).
 */
export function filterParagraphs(paragraphs: Paragraph[]): Paragraph[] {
  const linky = (p: Paragraph) => p.linkRatio >= 0.8 && p.text.length < 160;
  const out: Paragraph[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    if (isBoilerplateLine(p.text)) continue;
    if (linky(p)) {
      const prev = paragraphs[i - 1];
      const next = paragraphs[i + 1];
      if ((prev && linky(prev)) || (next && linky(next))) continue;
    }
    out.push(p);
  }
  return out;
}
