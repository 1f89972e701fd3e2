/**
 * Drops from the markup the attributes that neither this stage nor Readability ever reads, before linkedom parses it.
 * linkedom builds a node for every attribute (an object, a Map and a WeakMap entry each): on news pages a third or
 * more of all the nodes it builds are attributes such as `title`, `target`, `data-*`, `aria-label` or `onclick` that
 * nothing here looks at, and parsing is the larger part of extraction.
 *
 * The markup is read the way htmlparser2's tokenizer (the parser behind linkedom) reads it, state for state, so that
 * the document parsed from the result is the document parsed from the input less those attributes: same elements,
 * same text, same attributes kept in the same order (test/content/unread-attributes.test.ts checks that claim on
 * real, generated and malformed pages). An attribute is removed only where that is certain: its tag is complete (an
 * unterminated tag at the end of the input is left as it is), it starts in the state that follows whitespace or
 * another attribute's value, and the character after it is whitespace, `/` or `>`; anything else is kept.
 */

/** Attributes read by the content stage (metadata, furniture, base URL) or by Readability, lower-cased. */
const READ = [
  'class', 'id', 'style', 'role', 'hidden', 'aria-hidden', 'aria-modal', 'itemprop', 'href', 'rel', 'type',
  'content', 'property', 'name', 'http-equiv', 'datetime', 'pubdate', 'lang', 'xml:lang', 'dir', 'summary',
  'datatable', 'rowspan', 'colspan', 'src', 'srcset', 'poster',
];

/**
 * Elements whose every attribute Readability may read (image lazy-loading attributes, embedded video URLs), so
 * that theirs are all kept. Lower-case tag names as htmlparser2 gives them.
 */
const READ_ALL = ['img', 'picture', 'figure', 'object', 'embed', 'iframe', 'video', 'audio', 'source'];

const READ_SET = new Set(READ);
const READ_ALL_SET = new Set(READ_ALL);

/** Whether something reads attribute `name` (as written) of element `tag` (lower case): the rule applied here. */
export function isReadAttribute(tag: string, name: string): boolean {
  return READ_ALL_SET.has(tag) || READ_SET.has(name.toLowerCase());
}

/** Names grouped by length, to compare a span of the markup with them without slicing it. */
function byLength(names: string[]): string[][] {
  const table: string[][] = [];
  for (const name of names) (table[name.length] ??= []).push(name);
  return table;
}

const READ_BY_LENGTH = byLength(READ);
const READ_ALL_BY_LENGTH = byLength(READ_ALL);

/**
 * Whether `s[start, end)` is one of the names (lower case) of `table`, comparing `c | 0x20` as htmlparser2 does: a
 * letter matches in either case; a few control characters also pass for `-` or `:`, which only ever keeps more.
 */
function spanIsOneOf(table: string[][], s: string, start: number, end: number): boolean {
  const names = table[end - start];
  if (!names) return false;
  next: for (const name of names) {
    for (let k = 0; k < name.length; k++) if ((s.charCodeAt(start + k) | 0x20) !== name.charCodeAt(k)) continue next;
    return true;
  }
  return false;
}

/** htmlparser2's end sequences of its raw text elements (it matches them case-insensitively). */
const SCRIPT_END = '</script';
const STYLE_END = '</style';
const TITLE_END = '</title';
const TEXTAREA_END = '</textarea';
const XMP_END = '</xmp';

const GT = 62;
const SLASH = 47;
const EQ = 61;
const DQ = 34;
const SQ = 39;

function isWhitespace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 12 || c === 13;
}

function isEndOfTagSection(c: number): boolean {
  return c === SLASH || c === GT || isWhitespace(c);
}

function isAsciiAlpha(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/**
 * Whether `s` at `i` holds `seq` from its character `from` on (lower case), case-insensitively, as htmlparser2
 * compares (`c | 0x20`).
 */
function matchesAt(s: string, i: number, seq: string, from = 0): boolean {
  const len = seq.length - from;
  if (i + len > s.length) return false;
  for (let k = 0; k < len; k++) if ((s.charCodeAt(i + k) | 0x20) !== seq.charCodeAt(from + k)) return false;
  return true;
}

/** Index after the first `>` at or after `from`, or -1. */
function afterGt(s: string, from: number): number {
  const gt = s.indexOf('>', from);
  return gt < 0 ? -1 : gt + 1;
}

/** Set by readStartTag: the end sequence of the raw text element the tag opens (script, title...), else null. */
let special: string | null = null;

// Attribute states of readStartTag (htmlparser2's names).
const BEFORE_NAME = 0;
const SELF_CLOSING = 1;
const IN_NAME = 2;
const AFTER_NAME = 3;
const BEFORE_VALUE = 4;

/**
 * Reads a start tag whose name begins at `i` (`s[i]` is an ASCII letter), htmlparser2's states from BeforeTagName
 * to the tag's end, and returns the index after its `>`, or -1 when the input ends inside the tag (then `spans` is
 * as it was). Appends to `spans` the [start, end) pairs of the attributes that may be removed; sets `special`.
 */
function readStartTag(s: string, i: number, spans: number[]): number {
  const n = s.length;
  // Special elements, exactly as htmlparser2 detects them: `<s` then `c`/`t`, `<t` or `<x` then `i`/`e`/`m` choose
  // an end sequence; the tag is special when the name goes on with the rest of that sequence (from its fifth
  // character), then ends. `<xitle>` thus ends with `</title`, and `<tmp>` with `</xmp`.
  special = null;
  let sequence: string | null = null;
  if (i + 1 < n) {
    const first = s.charCodeAt(i) | 0x20;
    const second = s.charCodeAt(i + 1) | 0x20;
    if (first === 115 /* s */) {
      if (second === 99 /* c */) sequence = SCRIPT_END;
      else if (second === 116 /* t */) sequence = STYLE_END;
    } else if (first === 116 /* t */ || first === 120 /* x */) {
      if (second === 105 /* i */) sequence = TITLE_END;
      else if (second === 101 /* e */) sequence = TEXTAREA_END;
      else if (second === 109 /* m */) sequence = XMP_END;
    }
  }
  let isSpecial = false;
  if (sequence !== null) {
    const rest = sequence.length - 4;
    const after = i + 2 + rest;
    isSpecial = after < n && matchesAt(s, i + 2, sequence, 4) && isEndOfTagSection(s.charCodeAt(after));
  }
  // InTagName: up to whitespace, `/` or `>`.
  let k = i + 1;
  while (k < n && !isEndOfTagSection(s.charCodeAt(k))) k++;
  const keepAll = spanIsOneOf(READ_ALL_BY_LENGTH, s, i, k);
  const firstSpan = spans.length;
  let state = BEFORE_NAME;
  // `clean`: BeforeAttributeName was not entered by reconsuming after `/`. An attribute may be removed only when it
  // starts in a clean BeforeAttributeName (`removableStart` >= 0): then the state after it is the one before it.
  let clean = true;
  let removableStart = -1;
  let nameStart = -1;
  let nameEnd = -1;
  while (k < n) {
    const c = s.charCodeAt(k);
    if (state === BEFORE_NAME) {
      if (c === GT) {
        if (isSpecial) special = sequence;
        return k + 1;
      }
      if (c === SLASH) state = SELF_CLOSING;
      else if (!isWhitespace(c)) {
        state = IN_NAME;
        nameStart = k;
        removableStart = clean ? k : -1;
      }
      clean = true;
      k++;
    } else if (state === IN_NAME) {
      if (c === EQ || isEndOfTagSection(c)) {
        nameEnd = k;
        state = AFTER_NAME;
      } else {
        k++;
      }
    } else if (state === AFTER_NAME) {
      if (c === EQ) {
        state = BEFORE_VALUE;
        k++;
      } else if (c === SLASH || c === GT) {
        // A value-less attribute ends; the character is reconsumed in BeforeAttributeName.
        if (removableStart >= 0) mayRemove(s, removableStart, nameStart, nameEnd, nameEnd, keepAll, spans);
        state = BEFORE_NAME;
        clean = true;
      } else if (!isWhitespace(c)) {
        // A value-less attribute ends and another starts here, after AfterAttributeName: that one stays.
        if (removableStart >= 0) mayRemove(s, removableStart, nameStart, nameEnd, nameEnd, keepAll, spans);
        state = IN_NAME;
        nameStart = k;
        removableStart = -1;
        k++;
      } else {
        k++;
      }
    } else if (state === BEFORE_VALUE) {
      if (c === DQ || c === SQ) {
        // Quoted: up to the same quote (an entity never holds one).
        const close = s.indexOf(c === DQ ? '"' : "'", k + 1);
        if (close < 0) break;
        if (removableStart >= 0) mayRemove(s, removableStart, nameStart, nameEnd, close + 1, keepAll, spans);
        state = BEFORE_NAME;
        clean = true;
        k = close + 1;
      } else if (!isWhitespace(c)) {
        // Unquoted: up to whitespace or `>`, which BeforeAttributeName then reconsumes.
        let e = k;
        while (e < n) {
          const d = s.charCodeAt(e);
          if (isWhitespace(d) || d === GT) break;
          e++;
        }
        if (e >= n) break;
        if (removableStart >= 0) mayRemove(s, removableStart, nameStart, nameEnd, e, keepAll, spans);
        state = BEFORE_NAME;
        clean = true;
        k = e;
      } else {
        k++;
      }
    } else {
      // SelfClosing: `>` ends the tag (self-closed, which also ends a raw text element); anything but
      // whitespace is reconsumed in BeforeAttributeName.
      if (c === GT) return k + 1;
      if (!isWhitespace(c)) {
        state = BEFORE_NAME;
        clean = false;
      } else {
        k++;
      }
    }
  }
  // The input ends inside the tag, which htmlparser2 then drops: nothing in it is touched.
  spans.length = firstSpan;
  return -1;
}

/**
 * Records attribute [start, end) (its name at [nameStart, nameEnd)) as removable when its element's attributes
 * are not all read, its name is not read, and the character after it is whitespace, `/` or `>`.
 */
function mayRemove(
  s: string,
  start: number,
  nameStart: number,
  nameEnd: number,
  end: number,
  keepAll: boolean,
  spans: number[],
): void {
  if (keepAll || end >= s.length) return;
  const c = s.charCodeAt(end);
  if (!(isWhitespace(c) || c === SLASH || c === GT)) return;
  if (spanIsOneOf(READ_BY_LENGTH, s, nameStart, nameEnd)) return;
  spans.push(start, end);
}

/**
 * Index after a raw text element's content and closing tag, following htmlparser2's InSpecialTag state character for
 * character: it matches the end sequence (`</title`...) case-insensitively (`c | 0x20`), outside `<title>` skipping
 * ahead to the next `<` whenever no match is under way, and closes on whitespace or `>` right after the sequence, the
 * tag then running to the next `>`. -1 when the input ends first.
 */
function afterSpecial(s: string, from: number, sequence: string): number {
  const n = s.length;
  const len = sequence.length;
  const skipAhead = sequence !== TITLE_END;
  let matched = 0;
  let k = from;
  while (k < n) {
    const c = s.charCodeAt(k);
    if (matched === len) {
      if (c === GT) return k + 1;
      if (isWhitespace(c)) return afterGt(s, k + 1);
      matched = 0;
    }
    if ((c | 0x20) === sequence.charCodeAt(matched)) {
      matched++;
    } else if (matched === 0) {
      // In <title> every character is looked at (entities are decoded there, but none holds a `<`).
      if (skipAhead) {
        const lt = s.indexOf('<', k + 1);
        if (lt < 0) return -1;
        matched = 1;
        k = lt;
      }
    } else {
      matched = c === 60 /* < */ ? 1 : 0;
    }
    k++;
  }
  return -1;
}

/**
 * The markup without the attributes nothing reads (see the module comment). Returns `html` itself when there is
 * nothing to remove.
 */
export function dropUnreadAttributes(html: string): string {
  const n = html.length;
  // [start, end) pairs of the attributes to remove, in order.
  const spans: number[] = [];
  let i = 0;
  while (i < n) {
    // Text: entities never span a `<`, so the next markup starts at the next `<`.
    const lt = html.indexOf('<', i);
    if (lt < 0 || lt + 1 >= n) break;
    const c = html.charCodeAt(lt + 1);
    let next: number;
    if (c === 33 /* ! */) {
      next = afterDeclaration(html, lt);
    } else if (c === 63 /* ? */ || c === SLASH) {
      // Processing instructions, closing tags, `</>` and `</!...>`-style bogus comments end at the next `>`.
      next = afterGt(html, lt + 2);
    } else if (isAsciiAlpha(c)) {
      next = readStartTag(html, lt + 1, spans);
      if (next >= 0 && special !== null) next = afterSpecial(html, next, special);
    } else {
      // Not markup: the character is text again (and may itself be a `<`).
      next = lt + 1;
    }
    if (next < 0) break;
    i = next;
  }
  if (spans.length === 0) return html;
  let out = '';
  let copied = 0;
  for (let r = 0; r < spans.length; r += 2) {
    out += html.slice(copied, spans[r]);
    copied = spans[r + 1];
  }
  return out + html.slice(copied);
}

/**
 * Index after a `<!` construct at `lt`, htmlparser2's way: `<![CDATA[...]]>`, `<!--...-->` (whose closing dashes may
 * be the opening ones: `<!-->`), else a declaration up to the next `>` (not counting the character right after
 * `<!`, or after `<!-`). -1 when the input ends first.
 */
function afterDeclaration(s: string, lt: number): number {
  const c = s.charCodeAt(lt + 2);
  if (c === 91 /* [ */) {
    // CDATASequence: `CDATA[` compared exactly; at the first difference, a declaration from that character.
    const seq = 'CDATA[';
    let k = 0;
    while (k < seq.length && lt + 3 + k < s.length && s.charCodeAt(lt + 3 + k) === seq.charCodeAt(k)) k++;
    if (k === seq.length) {
      const end = s.indexOf(']]>', lt + 3 + seq.length);
      return end < 0 ? -1 : end + 3;
    }
    return afterGt(s, lt + 3 + k);
  }
  if (c === 45 /* - */) {
    if (s.charCodeAt(lt + 3) === 45) {
      const end = s.indexOf('-->', lt + 2);
      return end < 0 ? -1 : end + 3;
    }
    return afterGt(s, lt + 4);
  }
  return afterGt(s, lt + 3);
}
