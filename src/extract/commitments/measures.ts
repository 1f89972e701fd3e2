import type { MeasureType } from '../../types/record.js';
import type { Sentence } from '../text/sentences.js';
import { RELATED_LINK } from './lexicon.js';

/** A measure cue found in a sentence, before it is assigned to a region. */
export interface MeasureMention {
  type: MeasureType;
  start: number;
  end: number;
  sentence: number;
}

interface MeasureRule {
  type: MeasureType;
  /** The cue words (a global regex). */
  cue: RegExp;
  /**
   * Regex fragments (literal words, mostly) of which every match of `cue` contains at least one, matched with
   * the same `iu` flags: a sentence with none of them cannot match the rule. Keep them in step with `cue`.
   */
  keys: string[];
  /** When the sentence matches, the cue is not a measure of the region. */
  unless?: RegExp;
}

// Another body asks the region, or the region asks another body: what is asked is not the region's measure.
const ASKED_OF_OTHERS =
  /\b(berharap|harap|meminta|mengusulkan|mendorong|mengajak)\s+(agar\s+)?(bawaslu|kpu|kemendagri|kasn|pemerintah\s+pusat|penyelenggara)/i;

// A pledge, pact or declaration for a candidate is a violation being reported, not a neutrality measure.
const SUPPORTS_CANDIDATE =
  /\b(?:dukung|mendukung|dukungan|memenangkan|pemenangan)\b[^.;]{0,80}?\b(?:capres|cawapres|calon|paslon|pasangan|kandidat|partai)/i;
const PARTISAN = new RegExp(`${SUPPORTS_CANDIDATE.source}|\\bdugaan\\b`, 'i');

const RULES: MeasureRule[] = [
  {
    type: 'circular',
    keys: ['edaran', 'se\\s'],
    cue: /\bsurat\s+edaran\b|\bSE\s+(?:bupati|wali\s*kota|walikota|gubernur|sekda|nomor|no\b)/giu,
    unless: /\b(surat\s+edaran\s+(bersama|menteri|men\w+|kasn|kemendagri|kemenpan\w*|bkn|bawaslu|kpu))\b/i,
  },
  {
    type: 'instruction',
    keys: ['instruksi'],
    cue: /\b(?:surat\s+)?instruksi\s+(?:bupati|wali\s*kota|walikota|gubernur|khusus|resmi|sekda|kepala\s+daerah|pj)\b|\bmengeluarkan\s+instruksi\b|\binstruksi\s+nomor\b/giu,
    unless: /\binstruksi\s+(presiden|menteri|mendagri|bawaslu|kpu)\b/i,
  },
  { type: 'integrity_pact', cue: /\b[pf]akta\s+integritas\b/giu, keys: ['integritas'], unless: PARTISAN },
  {
    type: 'pledge',
    keys: ['ikrar', 'deklarasi', 'apel', 'janji', 'andatangan'],
    cue: /\b(?:ikrar|berikrar|mengikrarkan|diikrarkan|deklarasi|mendeklarasikan|apel\s+(?:siaga\s+)?netralitas|janji\s+netralitas|(?:menandatangani|penandatanganan)\s+(?:surat\s+)?(?:pernyataan|komitmen)\s+netralitas)\b/giu,
    unless: PARTISAN,
  },
  {
    type: 'mou',
    keys: ['mou', 'm\\.o\\.u', 'kesepahaman', 'memorandum', 'kesepakatan', 'perjanjian', 'pks'],
    cue: /\b(?:mou|m\.o\.u|nota\s+kesepahaman|memorandum\s+of\s+understanding|kesepakatan\s+(?:kerja\s*sama|bersama)|perjanjian\s+kerja\s*sama|\bpks\b)/giu,
  },
  { type: 'grant', cue: /\b(?:hibah|nphd)\b/giu, keys: ['hibah', 'nphd'] },
  {
    type: 'socialization',
    keys: ['osialisasi', 'edukasi', 'bimtek', 'bimbingan', 'dialog', 'flyer', 'flayer', 'pamflet', 'leaflet', 'selebaran', 'brosur'],
    cue: /\b(?:sosialisasi|disosialisasikan|mensosialisasikan|menyosialisasikan|edukasi|bimtek|bimbingan\s+teknis|dialog|flyer|flayer|pamflet|leaflet|selebaran|brosur)\b/giu,
    unless: ASKED_OF_OTHERS,
  },
  {
    type: 'oversight',
    keys: ['pengawasan', 'melapor', 'satgas', 'satuan', 'posko', 'tim\\s', 'timnya'],
    cue: /\b(?:pembinaan\s+dan\s+pengawasan|pengawasan\s+(?:(?:terhadap|terkait|atas|kepada)\s+)?(?:netralitas|asn|pegawai|aparatur|jajaran\w*|bawahan\w*)|melapor(?:kan)?\s+(?:ke|kepada)\s+(?:kami|pemkab|pemkot|pemprov|pemda|inspektorat|bkpsdm\w*|bkd)|satgas|satuan\s+tugas|posko(?:\s+pengaduan)?|tim\s+(?:pengawas|pemantau|khusus|netralitas|pembina|penegakan)|timnya)\b/giu,
    unless: ASKED_OF_OTHERS,
  },
  {
    // Monitoring counts only when it is of civil servants, not of the election's logistics.
    type: 'oversight',
    keys: ['mengawasi', 'memantau', 'pemantauan', 'monitoring'],
    cue: /\b(?:mengawasi|memantau|pemantauan|monitoring)\b/giu,
    unless: new RegExp(`${ASKED_OF_OTHERS.source}|^(?![\\s\\S]*\\b(?:asn|pegawai|aparatur|netral\\w*)\\b)`, 'i'),
  },
  {
    type: 'sanction',
    keys: ['sanksi', 'tindak', 'menindak', 'diproses', 'dipecat', 'pemecatan', 'pemberhentian', 'hukuman'],
    cue: /\b(?:sanksi|ditindak|menindak(?!\s*lanjut)|tindak\s+tegas|kami\s+tindak|akan\s+ditindak|diproses|dipecat|pemecatan|pemberhentian|hukuman\s+disiplin)\b/giu,
  },
];

// A rule can match only in a sentence containing one of its keys. Literal alternations scan far faster than the
// cue regexes, so a sentence runs a rule's cue only after its keys are found, and skips every rule when none is.
const ANY_KEY = new RegExp(RULES.flatMap((r) => r.keys).join('|'), 'iu');
const KEYED_RULES = RULES.map((rule) => ({ rule, keys: new RegExp(rule.keys.join('|'), 'iu') }));

// "Surat Edaran ... tentang pembinaan dan pengawasan netralitas": a document's subject, not a measure.
const SUBJECT_OF_DOCUMENT = /\btentang\s+(?:pedoman\s+)?$/i;

/** Finds measure cues sentence by sentence in the analysed text. */
export function findMeasures(sentences: Sentence[]): MeasureMention[] {
  const out: MeasureMention[] = [];
  // Once an article reports a pact or declaration FOR a candidate, its other mentions refer to that pact.
  const partisan = new Set<MeasureType>();
  for (const s of sentences) {
    if (!SUPPORTS_CANDIDATE.test(s.text)) continue;
    if (/[pf]akta\s+integritas/i.test(s.text)) partisan.add('integrity_pact');
    if (/deklarasi/i.test(s.text)) partisan.add('pledge');
  }
  sentences.forEach((s, i) => {
    if (RELATED_LINK.test(s.text) || !ANY_KEY.test(s.text)) return;
    for (const { rule, keys } of KEYED_RULES) {
      if (!partisan.has(rule.type) && keys.test(s.text)) addCues(rule, s, i, out);
    }
  });
  return out;
}

/** Appends the matches of the rule's cue in sentence `s` (index `i`), unless the sentence is excluded. */
function addCues(rule: MeasureRule, s: Sentence, i: number, out: MeasureMention[]): void {
  // exec on the shared global regex: `matchAll` would clone the regex for every sentence and rule.
  const re = rule.cue;
  re.lastIndex = 0;
  let m = re.exec(s.text);
  // `unless` speaks of the whole sentence, so it is only worth testing once the cue is there.
  if (!m || rule.unless?.test(s.text)) return;
  for (; m; m = re.exec(s.text)) {
    if (rule.type !== 'circular' && SUBJECT_OF_DOCUMENT.test(s.text.slice(Math.max(0, m.index - 20), m.index))) continue;
    out.push({ type: rule.type, start: s.start + m.index, end: s.start + m.index + m[0].length, sentence: i });
  }
}
