import { attr, ELEMENT_NODE, linkedList, TEXT_NODE, walk, walkDocument, type DomElement, type DomNode, type Linked, type LinkedKeys } from './dom.js';
import { nonSpaceLength, type Paragraph } from './html-to-text.js';

/*
 * Boilerplate that Readability keeps. Two passes: a DOM pass before Readability removes page furniture
 * recognisable by tag, role, class or id, and a text pass afterwards drops paragraphs recognisable by
 * their wording (Indonesian and English news templates).
 */

/**
 * Elements that hold page furniture, never the article (unless they wrap most of the page's text): these
 * tags, these roles, `aria-hidden="true"` and `hidden`. Tags as linkedom names them in HTML documents
 * (lowercase); attribute values compared exactly, as CSS attribute selectors would.
 */
const FURNITURE_TAGS = new Set([
  'nav', 'aside', 'footer', 'header', 'form', 'button', 'select', 'iframe', 'figcaption', 'figure', 'dialog',
]);
const FURNITURE_ROLES = new Set(['navigation', 'complementary', 'banner', 'contentinfo', 'dialog']);

const ATTRIBUTE_NODE = 2;

/** The attributes the survey reads of an element (the first of each name, as `getAttribute` finds it). */
interface SurveyAttributes {
  role: string | null;
  ariaHidden: string | null;
  hidden: boolean;
  className: string | null;
  id: string | null;
  style: string | null;
}

/**
 * Reads the survey's attributes of `el` into `out`: on linkedom in one pass over the element's attribute nodes
 * (each getAttribute call would scan them again), else with getAttributeNode.
 */
function readSurveyAttributes(el: DomElement, keys: LinkedKeys | null, out: SurveyAttributes): void {
  out.role = out.ariaHidden = out.className = out.id = out.style = null;
  out.hidden = false;
  if (!keys) {
    out.role = attr(el, 'role');
    out.ariaHidden = attr(el, 'aria-hidden');
    out.hidden = el.getAttributeNode('hidden') !== null;
    out.className = attr(el, 'class');
    out.id = attr(el, 'id');
    out.style = attr(el, 'style');
    return;
  }
  for (let a = (el as unknown as Linked)[keys.next]; a.nodeType === ATTRIBUTE_NODE; a = a[keys.next]) {
    const { name, value } = a as unknown as { name: string; value: string };
    switch (name) {
      case 'role':
        out.role ??= value;
        break;
      case 'aria-hidden':
        out.ariaHidden ??= value;
        break;
      case 'hidden':
        out.hidden = true;
        break;
      case 'class':
        out.className ??= value;
        break;
      case 'id':
        out.id ??= value;
        break;
      case 'style':
        out.style ??= value;
        break;
    }
  }
}

function isTaggedFurniture(name: string, attributed: boolean, attributes: SurveyAttributes): boolean {
  if (FURNITURE_TAGS.has(name)) return true;
  if (!attributed) return false;
  if (attributes.role !== null && FURNITURE_ROLES.has(attributes.role)) return true;
  return attributes.ariaHidden === 'true' || attributes.hidden;
}

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
  childNodes: ArrayLike<DomNode>;
  body: DomElement | null;
}

const COMMENTS_NAME = /(?:^|[\s_-])(?:comments?|komentar|disqus|replies|respond)(?:$|[\s_-])/i;

const INLINE_TAGS = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DFN', 'EM', 'FONT', 'I', 'KBD', 'MARK', 'Q', 'S', 'SMALL',
  'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'P',
]);

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/** Elements that may introduce a related-articles list. */
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'strong', 'b', 'span', 'div', 'section']);

/** An element below `<body>`, as the survey saw it. */
interface Surveyed {
  el: DomElement;
  /** Index of the parent in `Survey.below`, -1 for children of the body. */
  parent: number;
  /** Matched as furniture by tag, role, class/id or inline style. */
  furniture: boolean;
  /** Its own text never counts towards the main block: in a comment thread, or a link. */
  skip: boolean;
  /** Length of its own text runs of some length (see findMainBlock). */
  runs: number;
  /** A related-list heading candidate by tag. */
  heading: boolean;
}

/** Sees an element, its `localName` and its `hasAttributes()`. */
export type ElementVisitor = (el: DomElement, name: string, attributed: boolean) => void;

/** What removeFurniture needs from the document, gathered in one walk before anything is removed. */
export interface Survey {
  /** Elements in the document, as `querySelectorAll('*')` would count them. */
  elements: number;
  /** The element holding most of the prose (see findMainBlock). */
  main: DomElement | null;
  /** Tagged furniture anywhere in the document (below the body it is also flagged in `below`). */
  tagged: DomElement[];
  /** The elements below the body, in document order. */
  below: Surveyed[];
}

/** Whether `String.prototype.trim` removes the character (ECMAScript WhiteSpace and LineTerminator). */
function trimmedAway(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** What a text node adds to its element's prose: its trimmed length when that is 20 or more (no trimmed copy made). */
function runLength(text: string): number {
  let start = 0;
  let end = text.length;
  while (start < end && trimmedAway(text.charCodeAt(start))) start++;
  while (end > start && trimmedAway(text.charCodeAt(end - 1))) end--;
  return end - start >= 20 ? end - start : 0;
}

/**
 * True when the text below `el` has more than `max` characters that `\s` does not match (so its
 * whitespace-collapsed text is longer than `max`). Stops as soon as it knows: cheap on big elements,
 * unlike `textContent`.
 */
function textExceeds(el: DomElement, max: number): boolean {
  let n = 0;
  // Counts the characters of one text node; true once past `max`.
  const exceeds = (text: string): boolean => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c <= 32 || c === 0xa0 || c === 0xfeff || c === 0x1680 || c === 0x3000) continue;
      if (c >= 0x2000 && (c <= 0x200a || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f)) continue;
      if (++n > max) return true;
    }
    return false;
  };
  const keys = linkedList(el);
  if (keys) {
    // Along linkedom's node list: the text nodes between the element and its end marker, in document order.
    const stop = (el as unknown as Linked)[keys.end];
    for (let node = (el as unknown as Linked)[keys.next]; node !== stop; node = node[keys.next]) {
      if (node.nodeType === TEXT_NODE && exceeds(node.nodeValue ?? '')) return true;
    }
    return false;
  }
  let node = el.firstChild;
  while (node) {
    if (node.nodeType === TEXT_NODE) {
      if (exceeds(node.nodeValue ?? '')) return true;
    } else if (node.nodeType === ELEMENT_NODE) {
      const child = node.firstChild;
      if (child) {
        node = child;
        continue;
      }
    }
    let next = node.nextSibling;
    while (!next) {
      const parent: DomNode | null = node.parentNode;
      if (!parent || parent === el) return false;
      node = parent;
      next = node.nextSibling;
    }
    node = next;
  }
  return false;
}

/** The best-scored element: each run credits its nearest non-inline ancestor, and half to the next one up. */
function bestBlock(below: Surveyed[]): DomElement | null {
  const scores = new Map<DomElement, number>();
  for (const { el, skip, runs } of below) {
    if (skip || !runs) continue;
    let block: DomElement | null = el;
    while (block && INLINE_TAGS.has(block.tagName.toUpperCase())) block = block.parentElement;
    if (!block) continue;
    scores.set(block, (scores.get(block) ?? 0) + runs);
    const up = block.parentElement;
    if (up) scores.set(up, (scores.get(up) ?? 0) + runs / 2);
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
 * Surveys `root`'s subtree (the whole document, or just the body) in one walk: furniture candidates
 * (tagged ones anywhere, by class/id or inline style below `body`), the main block, and the elements
 * below `body` with what removeFurniture needs of each. `visit`, if given, sees every element of the document in document order
 * (other passes can share the walk). Template contents are not visited, as selector queries would not.
 */
function survey(root: DomElement | Doc, body: DomElement, visit?: ElementVisitor): Survey {
  const result: Survey = { elements: 0, main: null, tagged: [], below: [] };
  const below = result.below;
  // The survey record of each open element, -1 for the body and elements outside it.
  const open: number[] = [];
  let inBody = root === body;
  let comments: DomElement | null = null;
  const keys = linkedList(body);
  const attributes: SurveyAttributes = { role: null, ariaHidden: null, hidden: false, className: null, id: null, style: null };
  const enterElement = (el: DomElement): boolean => {
    // On linkedom every property read here is megamorphic (dozens of element classes): read each once.
    const name = el.localName;
    const attributed = el.hasAttributes();
    result.elements++;
    visit?.(el, name, attributed);
    if (attributed) readSurveyAttributes(el, keys, attributes);
    const tagged = isTaggedFurniture(name, attributed, attributes);
    if (tagged) result.tagged.push(el);
    const descend = name !== 'template';
    if (!inBody) {
      if (el === body) inBody = true;
      open.push(-1);
      return descend;
    }
    let furniture = tagged;
    let skip = comments !== null;
    if (attributed) {
      // Both patterns treat the ends of the string like separators: no need to trim.
      const names = `${attributes.className ?? ''} ${attributes.id ?? ''}`;
      if (!skip && COMMENTS_NAME.test(names)) {
        comments = el;
        skip = true;
      }
      if (!furniture) {
        if (FURNITURE_NAME.test(names)) furniture = true;
        else {
          const style = attributes.style;
          furniture = !!style && HIDDEN_STYLE.test(style);
        }
      }
    }
    const index = below.length;
    const record: Surveyed = {
      el,
      parent: open.length ? open[open.length - 1] : -1,
      furniture,
      skip: skip || name === 'a',
      runs: 0,
      heading: HEADING_TAGS.has(name),
    };
    below.push(record);
    open.push(index);
    if (!descend && !record.skip) {
      // Selector queries do not look inside templates, but the template's own text counts.
      const kids = el.childNodes;
      for (let k = 0; k < kids.length; k++) if (kids[k].nodeType === TEXT_NODE) record.runs += runLength(kids[k].nodeValue ?? '');
    }
    return descend;
  };
  const enter = (node: DomNode): boolean | void => {
    if (node.nodeType === ELEMENT_NODE) return enterElement(node as DomElement);
    if (node.nodeType === TEXT_NODE && open.length) {
      const index = open[open.length - 1];
      if (index >= 0 && !below[index].skip) below[index].runs += runLength(node.nodeValue ?? '');
    }
  };
  const leave = (el: DomElement): void => {
    open.pop();
    if (el === comments) comments = null;
    if (el === body && root !== body) inBody = false;
  };
  if (root === body) walk(body, enter, leave);
  else walkDocument(root, enter, leave);
  result.main = bestBlock(below);
  return result;
}

/**
 * Surveys a document for removeFurniture before anything changes it; `visit` sees every element (except
 * template contents) in document order, with its local name and whether it has attributes, so that
 * other readers of the intact document can share the walk.
 */
export function surveyDocument(doc: Doc, visit?: ElementVisitor): Survey | null {
  const body = doc.body;
  if (!body) return null;
  // From the document node, not its root element: a broken page can leave elements beside the root.
  return survey(doc, body, visit);
}

/**
 * The element holding most of the page's prose, Readability-style but cheap: each text run of some
 * length outside links credits its nearest non-inline ancestor, and half of that to the next one up.
 * Long comment threads can outweigh the article; their text does not count.
 */
export function findMainBlock(body: DomElement): DomElement | null {
  return survey(body, body).main;
}

/**
 * Removes page furniture from the document in place. The element holding most of the prose and its
 * ancestors are kept whatever their names: some sites wrap the whole article in a `<form>` or a
 * `<div class="widget">`. `surveyed`: the document's survey, taken before anything changed it.
 */
export function removeFurniture(doc: Doc, surveyed: Survey | null = surveyDocument(doc)): void {
  const body = doc.body;
  if (!body || !surveyed) return;
  const protectedEls = new Set<DomElement>();
  for (let el = surveyed.main; el; el = el.parentElement) protectedEls.add(el);
  const keep = (el: DomElement) => {
    const tag = el.tagName.toUpperCase();
    return tag === 'BODY' || tag === 'HTML' || protectedEls.has(el);
  };
  for (const el of surveyed.tagged) if (el.parentNode && !keep(el)) el.remove();

  // Below the body; what sits in a removed subtree is gone too.
  const below = surveyed.below;
  const removed = new Uint8Array(below.length);
  const candidates: DomElement[] = [];
  for (let i = 0; i < below.length; i++) {
    const { el, parent, furniture, heading } = below[i];
    const inRemoved = parent >= 0 && removed[parent] === 1;
    if (inRemoved || (furniture && !keep(el))) {
      removed[i] = 1;
      // Only the root of a removed subtree leaves the document: its descendants go with it.
      if (!inRemoved && el.parentNode) el.remove();
    } else if (heading) {
      candidates.push(el);
    }
  }
  removeRelatedLists(body, keep, candidates);
}

function linkDensity(el: DomElement): number {
  const text = nonSpaceLength(el.textContent ?? '');
  if (!text || el.tagName.toUpperCase() === 'A') return 1;
  let links = 0;
  const anchors = el.querySelectorAll('a');
  for (let i = 0; i < anchors.length; i++) links += nonSpaceLength(anchors[i].textContent ?? '');
  return links / text;
}

const INLINE_RELATED = /^(?:baca|simak|lihat|cek)\s+(?:juga|pula)|^(?:read|see)\s+(?:also|more)|^related\s*:?$/i;
const MAX_INLINE_RELATED_CHARS = 300;
const BLOCKS = new Set(['P', 'DIV', 'LI', 'TD', 'TABLE', 'BLOCKQUOTE', 'SECTION', 'ASIDE', 'DL']);

/**
 * Removes "Berita Terkait" / "Related" headings together with the link lists that follow them, and
 * "Baca juga:" paragraphs. `candidates`: the body's h1-h6, p, strong, b, span, div and section elements
 * in document order.
 */
function removeRelatedLists(body: DomElement, keep: (el: DomElement) => boolean, candidates: DomElement[]): void {
  for (const el of candidates) {
    // Longer text cannot be a heading; textContent would cost a walk over the whole element.
    if (!el.parentNode || textExceeds(el, MAX_HEADING_CHARS)) continue;
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
