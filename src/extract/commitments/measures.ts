import type { MeasureType } from '../../types/record.js';
import type { Sentence } from '../text/sentences.js';

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
const PARTISAN =
  /\b(mendukung|dukungan|memenangkan|pemenangan)\s+(salah\s+satu\s+)?(capres|cawapres|calon|paslon|pasangan|kandidat|partai)|\bdugaan\b/i;

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
    cue: /\b(?:ikrar|berikrar|mengikrarkan|diikrarkan|deklarasi|mendeklarasikan|apel\s+(?:siaga\s+)?netralitas|sumpah\s+netralitas|janji\s+netralitas|komitmen\s+netralitas)\b/giu,
    unless: PARTISAN,
  },
  {
    type: 'mou',
    cue: /\b(?:mou|m\.o\.u|nota\s+kesepahaman|memorandum\s+of\s+understanding|kesepakatan\s+(?:kerja\s*sama|bersama)|perjanjian\s+kerja\s*sama|\bpks\b)/giu,
  },
  { type: 'grant', cue: /\b(?:hibah|nphd)\b/giu },
  {
    type: 'socialization',
    cue: /\b(?:sosialisasi|disosialisasikan|mensosialisasikan|menyosialisasikan|edukasi|bimtek|bimbingan\s+teknis|dialog|flyer|flayer|pamflet|leaflet|selebaran|brosur|spanduk|baliho)\b/giu,
    unless: ASKED_OF_OTHERS,
  },
  {
    type: 'oversight',
    cue: /\b(?:pembinaan\s+dan\s+pengawasan|pengawasan\s+(?:terhadap\s+)?(?:netralitas|asn|pegawai|jajaran)|mengawasi|memantau|pemantauan|monitoring|satgas|satuan\s+tugas|posko(?:\s+pengaduan)?|tim\s+(?:pengawas|pemantau|khusus|netralitas|pembina|penegakan)|timnya)\b/giu,
    unless: ASKED_OF_OTHERS,
  },
  {
    type: 'sanction',
    cue: /\b(?:sanksi|ditindak|menindak|tindak\s+tegas|kami\s+tindak|akan\s+ditindak|diproses|dipecat|pemecatan|pemberhentian|hukuman\s+disiplin)\b/giu,
  },
];

/** Finds measure cues sentence by sentence in the analysed text. */
export function findMeasures(sentences: Sentence[]): MeasureMention[] {
  const out: MeasureMention[] = [];
  sentences.forEach((s, i) => {
    for (const rule of RULES) {
      if (rule.unless?.test(s.text)) continue;
      rule.cue.lastIndex = 0;
      for (const m of s.text.matchAll(rule.cue)) {
        out.push({ type: rule.type, start: s.start + m.index, end: s.start + m.index + m[0].length, sentence: i });
      }
    }
  });
  return out;
}
