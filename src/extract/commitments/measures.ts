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
  /** The cue words. */
  cue: RegExp;
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
    cue: /\bsurat\s+edaran\b|\bSE\s+(?:bupati|wali\s*kota|walikota|gubernur|sekda|nomor|no\b)/giu,
    unless: /\b(surat\s+edaran\s+(bersama|menteri|men\w+|kasn|kemendagri|kemenpan\w*|bkn|bawaslu|kpu))\b/i,
  },
  {
    type: 'instruction',
    cue: /\b(?:surat\s+)?instruksi\s+(?:bupati|wali\s*kota|walikota|gubernur|khusus|resmi|sekda|kepala\s+daerah|pj)\b|\bmengeluarkan\s+instruksi\b|\binstruksi\s+nomor\b/giu,
    unless: /\binstruksi\s+(presiden|menteri|mendagri|bawaslu|kpu)\b/i,
  },
  { type: 'integrity_pact', cue: /\b[pf]akta\s+integritas\b/giu, unless: PARTISAN },
  {
    type: 'pledge',
    cue: /\b(?:ikrar|berikrar|mengikrarkan|diikrarkan|deklarasi|mendeklarasikan|apel\s+(?:siaga\s+)?netralitas|janji\s+netralitas|(?:menandatangani|penandatanganan)\s+(?:surat\s+)?(?:pernyataan|komitmen)\s+netralitas)\b/giu,
    unless: PARTISAN,
  },
  {
    type: 'mou',
    cue: /\b(?:mou|m\.o\.u|nota\s+kesepahaman|memorandum\s+of\s+understanding|kesepakatan\s+(?:kerja\s*sama|bersama)|perjanjian\s+kerja\s*sama|\bpks\b)/giu,
  },
  { type: 'grant', cue: /\b(?:hibah|nphd)\b/giu },
  {
    type: 'socialization',
    cue: /\b(?:sosialisasi|disosialisasikan|mensosialisasikan|menyosialisasikan|edukasi|bimtek|bimbingan\s+teknis|dialog|flyer|flayer|pamflet|leaflet|selebaran|brosur)\b/giu,
    unless: ASKED_OF_OTHERS,
  },
  {
    type: 'oversight',
    cue: /\b(?:pembinaan\s+dan\s+pengawasan|pengawasan\s+(?:(?:terhadap|terkait|atas|kepada)\s+)?(?:netralitas|asn|pegawai|aparatur|jajaran\w*|bawahan\w*)|melapor(?:kan)?\s+(?:ke|kepada)\s+(?:kami|pemkab|pemkot|pemprov|pemda|inspektorat|bkpsdm\w*|bkd)|satgas|satuan\s+tugas|posko(?:\s+pengaduan)?|tim\s+(?:pengawas|pemantau|khusus|netralitas|pembina|penegakan)|timnya)\b/giu,
    unless: ASKED_OF_OTHERS,
  },
  {
    // Monitoring counts only when it is of civil servants, not of the election's logistics.
    type: 'oversight',
    cue: /\b(?:mengawasi|memantau|pemantauan|monitoring)\b/giu,
    unless: new RegExp(`${ASKED_OF_OTHERS.source}|^(?![\\s\\S]*\\b(?:asn|pegawai|aparatur|netral\\w*)\\b)`, 'i'),
  },
  {
    type: 'sanction',
    cue: /\b(?:sanksi|ditindak|menindak(?!\s*lanjut)|tindak\s+tegas|kami\s+tindak|akan\s+ditindak|diproses|dipecat|pemecatan|pemberhentian|hukuman\s+disiplin)\b/giu,
  },
];

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
    if (RELATED_LINK.test(s.text)) return;
    for (const rule of RULES) {
      if (partisan.has(rule.type) || rule.unless?.test(s.text)) continue;
      rule.cue.lastIndex = 0;
      for (const m of s.text.matchAll(rule.cue)) {
        // "Surat Edaran ... tentang pembinaan dan pengawasan netralitas": a document's subject, not a measure.
        if (rule.type !== 'circular' && /\btentang\s+(?:pedoman\s+)?$/i.test(s.text.slice(Math.max(0, m.index - 20), m.index))) continue;
        out.push({ type: rule.type, start: s.start + m.index, end: s.start + m.index + m[0].length, sentence: i });
      }
    }
  });
  return out;
}
