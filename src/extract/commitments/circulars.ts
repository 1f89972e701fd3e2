import type { CircularKind } from '../../types/record.js';

/** A document number found in the text, before it is assigned to a region. */
export interface CircularMention {
  number: string;
  kind: CircularKind;
  /** Span of the whole phrase (document type .. number) in the analysed text. */
  start: number;
  end: number;
  /** The words between the document type and "Nomor": `Bupati`, `Gubernur Sulbar`, `Bersama`... */
  issuer: string;
}

// Document types regional governments issue, longest first so "Surat Instruksi" wins over "Instruksi".
const DOC_TYPE =
  String.raw`surat\s+edaran|surat\s+instruksi|instruksi|surat\s+keputusan|keputusan|peraturan|perbup|perwali|perwako|pergub|kepbup|kepwal|kepgub|inbup|ingub|SE`;

// A number like 700/2732/BKPSDM/-II, 800.1.10/979/BKPSDMD/IX/2024, or "8 Tahun 2024".
const NUMBER = String.raw`(?:\d{1,4}\s+[Tt]ahun\s+\d{4}|[0-9][0-9A-Za-z.\-]*(?:\s?/\s?[0-9A-Za-z.\-]+){1,8})`;

const CIRCULAR_RE = new RegExp(
  String.raw`\b(${DOC_TYPE})\b((?:\s+(?!nomor\b|no\b)[\p{L}\-().]+){0,6}?)\s*,?\s*(?:nomor|no\.?|nmr\.?)\s*[:.]?\s*(${NUMBER})`,
  'giu',
);

// Issuers whose documents are national or belong to election bodies, never a regional government's.
const NATIONAL_ISSUER =
  /\b(bersama|menteri|men(?:dagri|panrb|pan-?rb|pan)|kemendagri|kemenpan|kementerian|presiden|kasn|bkn|bawaslu|kpu|dkpp|kapolri|panglima|jaksa|mahkamah|lan|ri|pp|uu)\b|^\(?pemerintah\b(?!\s+(?:kabupaten|kota|provinsi|daerah|aceh))/i;

// Numbers whose preceding words name a national regulation: UU 20/2023, PP 94/2021, SKB.
const NATIONAL_CONTEXT =
  /\b(uu|undang-undang|pp|peraturan\s+pemerintah|perpres|permen\w*|skb|pkpu|perbawaslu|peraturan\s+(?:bawaslu|kpu|menteri|presiden|badan))\s*$/i;

/** Document kind from its type words. */
export function kindOf(docType: string): CircularKind {
  const t = docType.toLowerCase().replace(/\s+/g, ' ');
  if (t === 'se' || t.includes('edaran')) return 'surat_edaran';
  if (t.includes('instruksi') || t === 'inbup' || t === 'ingub') return 'instruksi';
  if (t.includes('keputusan') || t.startsWith('kep')) return 'keputusan';
  return 'peraturan';
}

/** Trims punctuation the number regex may have taken from the sentence. */
function cleanNumber(raw: string): string {
  return raw.replace(/\s*\/\s*/g, '/').replace(/[.\-,]+$/, '').replace(/\s+/g, ' ').trim();
}

/**
 * Finds numbered regional documents: "Surat Edaran Bupati Nomor 700/2732/BKPSDM/-II", "SE No. 800/1071/BKPSDM",
 * "Instruksi Gubernur Sulbar Nomor 100.3.4.1/4/IX/2024", "Surat Edaran Nomor 8 Tahun 2024". National regulations
 * (UU, PP, SKB, ministers', KASN's, Bawaslu's) are left out.
 */
export function findCirculars(text: string): CircularMention[] {
  const out: CircularMention[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(CIRCULAR_RE)) {
    const docType = m[1];
    if (docType === 'se' || docType === 'Se') continue; // "se" is a common prefix in running text
    const issuer = m[2].trim();
    if (NATIONAL_ISSUER.test(issuer)) continue;
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    if (NATIONAL_CONTEXT.test(before) || /\b(bersama|kasn|menteri|bawaslu|kpu)\s*$/i.test(before)) continue;
    const number = cleanNumber(m[3]);
    if (!/\d/.test(number)) continue;
    const key = number.toLowerCase().replace(/\s+/g, '');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ number, kind: kindOf(docType), start: m.index, end: m.index + m[0].length, issuer });
  }
  return out;
}
