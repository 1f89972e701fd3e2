/**
 * Finding mentions of provinces, regencies and cities in news text.
 *
 * One pass over the words of the text. At each word we first try a cue phrase ("Pemkab", "Pj Bupati" ->
 * "Bupati", "Wali Kota", "Kabupaten", "Bawaslu" ...) optionally followed by a level word ("Kota", "Provinsi")
 * and then a region name; otherwise a bare region name. Names are matched by their key (lowercase words joined
 * without separators) against the gazetteer, extending word by word while the key is a prefix of some name, and
 * the longest name wins ("Buru Selatan" over "Buru", "Aceh Barat Daya" over "Aceh Barat").
 */
import type { RegionLevel, RegionRef } from '../../types/record.js';
import { EXCLUSIONS } from './aliases.js';
import { CUE_PHRASES, LEVEL_WORDS, MAX_CUE_WORDS, MAX_LEVEL_WORDS, type CueDef, type RegionCue } from './cues.js';
import { getGazetteer, type AliasEntry, type GazetteerImpl } from './gazetteer.js';

export interface RegionMention {
  /** Offsets of the region name in the text: `text.slice(start, end) === surface`. */
  start: number;
  end: number;
  /** The region name as written ("Sinjai", "Kutai Kartanegara", "Sultra"), without the cue. */
  surface: string;
  /** The regions the name can denote given the cue; more than one when ambiguous ("Bekasi" bare). */
  candidates: RegionRef[];
  cue: RegionCue;
  /** The cue as written, including a level word ("Pemkab", "Wali Kota", "Bawaslu Kota"); absent for bare. */
  cueText?: string;
  /** Where the cue starts (equals `start` for a bare mention). */
  cueStart: number;
}

interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
}

const SPACE = '[ \\t\\u00a0]';
/** Between words of one name: spaces, or a hyphen ("Bau-Bau", "Tojo Una-Una"). */
const NAME_GAP = new RegExp(`^(?:${SPACE}{1,3}|${SPACE}{0,2}[-\\u2010\\u2011]${SPACE}{0,2})$`);
/** After a word of up to three letters a dot may separate words ("D.I. Yogyakarta", "Kep. Meranti"). */
const ABBR_GAP = new RegExp(`^\\.${SPACE}{0,2}$`);
/** Between words of a cue phrase ("Wali Kota", "wali-kota"). */
const CUE_WORD_GAP = new RegExp(`^(?:${SPACE}{1,3}|${SPACE}{0,2}-${SPACE}{0,2})$`);
/** After a cue: an optional abbreviation dot, spaces. */
const CUE_GAP = new RegExp(`\\.?${SPACE}{1,3}|\\.`, 'y');
/** After a cue: an optional parenthetical such as "(Pemkab)" or "(Pj)". */
const CUE_PAREN = new RegExp(`\\.?${SPACE}{0,3}\\([^()\\n]{1,30}\\)${SPACE}{1,3}`, 'y');
/** "Kodim 1408/Makassar": a unit number before the place. */
const UNIT_NUMBER_GAP = new RegExp(`^${SPACE}{0,2}/${SPACE}{0,2}$`);

const CAPITALISED = /^[\p{Lu}\p{N}]/u;

/** `CAPITALISED.test(text)`, with an ASCII first character decided without the regex. */
function capitalised(text: string): boolean {
  const c = text.charCodeAt(0);
  return c < 128 ? (c >= 65 && c <= 90) || (c >= 48 && c <= 57) : CAPITALISED.test(text);
}
const SENTENCE_BREAK = /[.!?:;\n"“”'‘’|—–]/;

const CUE_FIRST_WORDS = new Set(Object.keys(CUE_PHRASES).map((k) => k.split(' ')[0]));

/** One letter or digit (a code point), the characters of normalize.ts's WORD_RE, matched at `lastIndex`. */
const WORD_CHAR = /[\p{L}\p{N}]/uy;

/**
 * Length in code units of the letter or digit at `i`, else 0. ASCII is decided without the regex.
 */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  WORD_CHAR.lastIndex = i;
  return WORD_CHAR.test(text) ? WORD_CHAR.lastIndex - i : 0;
}

/**
 * The words of WORD_RE (maximal runs of letters and digits), scanned by hand: `exec` would build a match array
 * per word.
 */
function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let len = wordCharAt(text, i);
    if (!len) {
      // Not a word character: step over the whole code point, as the regex would.
      const c = text.charCodeAt(i);
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      continue;
    }
    const start = i;
    while (len) {
      i += len;
      len = i < n ? wordCharAt(text, i) : 0;
    }
    const word = text.slice(start, i);
    out.push({ start, end: i, text: word, lower: word.toLowerCase() });
  }
  return out;
}

interface NameMatch {
  entry: AliasEntry;
  /** Index of the last token of the name. */
  last: number;
}

class Finder {
  private readonly tokens: Token[];

  constructor(
    private readonly text: string,
    private readonly gaz: GazetteerImpl,
  ) {
    this.tokens = tokenize(text);
  }

  /**
   * Index of the token starting exactly at `offset`, if any. A binary search (tokens are in text order):
   * only cues ask, so an index of every token built per text would cost more than it saves.
   */
  private tokenStartingAt(offset: number): number | undefined {
    const toks = this.tokens;
    let lo = 0;
    let hi = toks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const start = toks[mid].start;
      if (start === offset) return mid;
      if (start < offset) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  run(): RegionMention[] {
    const out: RegionMention[] = [];
    const toks = this.tokens;
    let i = 0;
    while (i < toks.length) {
      const m = this.cuedAt(i) ?? this.bareAt(i);
      if (m) {
        out.push(m.mention);
        i = m.next;
      } else {
        i++;
      }
    }
    inheritParentheticalCues(this.text, out);
    return out;
  }

  /** Possible name matches starting at token k, longest first. */
  private namesAt(k: number): NameMatch[] {
    const toks = this.tokens;
    const found: NameMatch[] = [];
    let key = '';
    for (let j = k; j < toks.length && j < k + 8; j++) {
      if (j > k) {
        const gap = this.text.slice(toks[j - 1].end, toks[j].start);
        if (!NAME_GAP.test(gap) && !(toks[j - 1].text.length <= 3 && ABBR_GAP.test(gap))) break;
      }
      key += toks[j].lower;
      if (!this.gaz.hasPrefix(key)) break;
      const entry = this.gaz.entry(key);
      if (entry) found.push({ entry, last: j });
    }
    return found.reverse();
  }

  private sentenceInitial(start: number): boolean {
    let p = start - 1;
    while (p >= 0 && (this.text[p] === ' ' || this.text[p] === '\t' || this.text[p] === '\u00a0')) p--;
    if (p < 0) return true;
    const c = this.text[p];
    if (c === '-') return p === 0 || /\s/.test(this.text[p - 1]);
    return SENTENCE_BREAK.test(c);
  }

  /** "buru-buru", "Padang-padang": a reduplicated word is not a name. */
  private reduplicated(k: number, last: number): boolean {
    const toks = this.tokens;
    const first = toks[k];
    const end = toks[last];
    if (k > 0 && /^[-\u2010\u2011]$/.test(this.text.slice(toks[k - 1].end, first.start)) && toks[k - 1].lower === first.lower) {
      return true;
    }
    if (
      last + 1 < toks.length &&
      /^[-\u2010\u2011]$/.test(this.text.slice(end.end, toks[last + 1].start)) &&
      toks[last + 1].lower === end.lower
    ) {
      return true;
    }
    return false;
  }

  private excluded(entry: AliasEntry, start: number, end: number, cued: boolean): boolean {
    const before = this.text.slice(Math.max(0, start - 40), start);
    const after = this.text.slice(end, end + 40);
    for (const ex of EXCLUSIONS) {
      if (cued && !ex.cued) continue;
      if (ex.keys && !ex.keys.includes(entry.key)) continue;
      if (ex.before && !ex.before.test(before)) continue;
      if (ex.after && !ex.after.test(after)) continue;
      return true;
    }
    return false;
  }

  private validBare(n: NameMatch, k: number): boolean {
    const toks = this.tokens;
    const { entry } = n;
    if (entry.mode === 'cue') return false;
    if (toks[k].lower === 'kota' && n.last > k) return false; // "Kota Baru" is a new town, not Kotabaru
    for (let j = k; j <= n.last; j++) {
      if (!capitalised(toks[j].text) && toks[j].lower !== 'dan') return false;
    }
    if (entry.acronym && toks[k].text !== toks[k].text.toUpperCase()) return false;
    if (entry.mode === 'wordlike' && this.sentenceInitial(toks[k].start)) return false;
    if (this.reduplicated(k, n.last)) return false;
    return !this.excluded(entry, toks[k].start, toks[n.last].end, false);
  }

  private validCued(n: NameMatch, k: number, level: RegionLevel | undefined): boolean {
    const toks = this.tokens;
    const { entry } = n;
    if (entry.mode !== 'bare' && !capitalised(toks[k].text)) return false;
    if (toks[k].lower === 'kota' && n.last > k && level !== 'regency') return false;
    if (this.reduplicated(k, n.last)) return false;
    return !this.excluded(entry, toks[k].start, toks[n.last].end, true);
  }

  private bareAt(k: number): { mention: RegionMention; next: number } | undefined {
    if (!capitalised(this.tokens[k].text)) return undefined;
    for (const n of this.namesAt(k)) {
      if (!this.validBare(n, k)) continue;
      return { mention: this.mention(n, k, 'bare', undefined, k), next: n.last + 1 };
    }
    return undefined;
  }

  /** Token indices where a name may start after the cue ending at token `j - 1`. */
  private afterCue(j: number, cue: CueDef): number[] {
    const toks = this.tokens;
    const from = toks[j - 1].end;
    const starts: number[] = [];
    for (const re of [CUE_GAP, CUE_PAREN]) {
      re.lastIndex = from;
      const m = re.exec(this.text);
      if (!m) continue;
      const idx = this.tokenStartingAt(from + m[0].length);
      if (idx !== undefined && !starts.includes(idx)) starts.push(idx);
    }
    // "Wali Kota Administrasi Jakarta Utara", "Bupati Administrasi Kepulauan Seribu"
    for (const s of [...starts]) {
      if (toks[s].lower === 'administrasi' && s + 1 < toks.length && CUE_WORD_GAP.test(this.text.slice(toks[s].end, toks[s + 1].start))) {
        starts.push(s + 1);
      }
    }
    if (cue.cue === 'agency') {
      // "Kodim 1408/Makassar", "Korem 143/Haluoleo"
      for (const s of [...starts]) {
        if (/^\d+$/.test(toks[s].text) && s + 1 < toks.length && UNIT_NUMBER_GAP.test(this.text.slice(toks[s].end, toks[s + 1].start))) {
          starts.push(s + 1);
        }
      }
    }
    return starts;
  }

  private cuedAt(i: number): { mention: RegionMention; next: number } | undefined {
    const toks = this.tokens;
    if (!CUE_FIRST_WORDS.has(toks[i].lower)) return undefined;
    let phrase = '';
    const phrases: Array<{ def: CueDef; last: number }> = [];
    for (let j = i; j < toks.length && j < i + MAX_CUE_WORDS; j++) {
      if (j > i && !CUE_WORD_GAP.test(this.text.slice(toks[j - 1].end, toks[j].start))) break;
      phrase = j > i ? `${phrase} ${toks[j].lower}` : toks[j].lower;
      const def = CUE_PHRASES[phrase];
      if (def) phrases.push({ def, last: j });
    }
    for (const { def, last } of phrases.reverse()) {
      if (last + 1 >= toks.length) continue;
      for (const s of this.afterCue(last + 1, def)) {
        // "<cue> <level word> <name>": "Bawaslu Kota Kendari", "Bupati Kabupaten Sinjai".
        if (def.cue !== 'explicit') {
          let lw = '';
          for (let m = s; m < toks.length && m < s + MAX_LEVEL_WORDS; m++) {
            if (m > s && !CUE_WORD_GAP.test(this.text.slice(toks[m - 1].end, toks[m].start))) break;
            lw = m > s ? `${lw} ${toks[m].lower}` : toks[m].lower;
            const level = LEVEL_WORDS[lw];
            if (!level || m + 1 >= toks.length) continue;
            for (const s2 of this.afterCue(m + 1, def)) {
              const r = this.nameAfterCue(s2, def, level, i, m);
              if (r) return r;
            }
          }
        }
        const r = this.nameAfterCue(s, def, def.level, i, last);
        if (r) return r;
      }
    }
    return undefined;
  }

  private nameAfterCue(
    k: number,
    def: CueDef,
    level: RegionLevel | undefined,
    cueFirst: number,
    cueLast: number,
  ): { mention: RegionMention; next: number } | undefined {
    for (const n of this.namesAt(k)) {
      if (!this.validCued(n, k, level)) continue;
      const toks = this.tokens;
      const mention = this.mention(n, k, def.cue, level, cueFirst);
      mention.cueText = this.text.slice(toks[cueFirst].start, toks[cueLast].end);
      return { mention, next: n.last + 1 };
    }
    return undefined;
  }

  private mention(n: NameMatch, k: number, cue: RegionCue, level: RegionLevel | undefined, cueFirst: number): RegionMention {
    const toks = this.tokens;
    const start = toks[k].start;
    const end = toks[n.last].end;
    return {
      start,
      end,
      surface: this.text.slice(start, end),
      candidates: this.gaz.resolve(n.entry, level),
      cue,
      cueStart: toks[cueFirst].start,
    };
  }
}

/**
 * "Kabupaten Kutai Kartanegara (Kukar)", "Pemprov Sulawesi Tenggara (Sultra)": a bare name in parentheses
 * right after a cued mention of the same region takes that mention's cue.
 */
function inheritParentheticalCues(text: string, mentions: RegionMention[]): void {
  for (let i = 1; i < mentions.length; i++) {
    const m = mentions[i];
    const p = mentions[i - 1];
    if (m.cue !== 'bare' || p.cue === 'bare') continue;
    if (!/^\s*\(\s*$/.test(text.slice(p.end, m.start)) || !/^\s*\)/.test(text.slice(m.end, m.end + 5))) continue;
    const codes = new Set(p.candidates.map((c) => c.code));
    const shared = m.candidates.filter((c) => codes.has(c.code));
    if (!shared.length) continue;
    m.candidates = shared;
    m.cue = p.cue;
    m.cueText = p.cueText;
  }
}

/**
 * All region mentions in `text`, in order, non-overlapping. See {@link RegionMention} and the module comment.
 */
export function findRegionMentions(text: string): RegionMention[] {
  if (!text) return [];
  return new Finder(text, getGazetteer()).run();
}
