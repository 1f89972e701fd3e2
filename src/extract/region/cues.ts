/**
 * Words that introduce a region name and what they say about it: "Pemkab Sinjai" (government, regency),
 * "Pj Wali Kota Kendari" (head, city), "Provinsi Jawa Barat" (explicit, province), "Bawaslu Kota Kendari" (agency).
 */
import type { RegionLevel } from '../../types/record.js';

export type RegionCue = 'government' | 'head' | 'explicit' | 'agency' | 'bare';

export interface CueDef {
  cue: Exclude<RegionCue, 'bare'>;
  /** The level the cue implies, if any. */
  level?: RegionLevel;
}

const G = 'government' as const;
const H = 'head' as const;
const E = 'explicit' as const;
const A = 'agency' as const;

/**
 * Cue phrases, lowercase words separated by single spaces (matched word by word, case-insensitively, so
 * "Wali Kota", "WALI KOTA" and "wali-kota" all match `wali kota`).
 */
export const CUE_PHRASES: Record<string, CueDef> = {
  // ---- the regional government itself ----
  pemkab: { cue: G, level: 'regency' },
  pemkot: { cue: G, level: 'city' },
  pemprov: { cue: G, level: 'province' },
  pemda: { cue: G },
  pemdakab: { cue: G, level: 'regency' },
  pemkota: { cue: G, level: 'city' },
  pemerintah: { cue: G },
  'pemerintah kabupaten': { cue: G, level: 'regency' },
  'pemerintah kabupaten administrasi': { cue: G, level: 'regency' },
  'pemerintah kota': { cue: G, level: 'city' },
  'pemerintah kota administrasi': { cue: G, level: 'city' },
  'pemerintah provinsi': { cue: G, level: 'province' },
  'pemerintah propinsi': { cue: G, level: 'province' },
  'pemerintah daerah': { cue: G },
  'pemerintah daerah kabupaten': { cue: G, level: 'regency' },
  'pemerintah daerah kota': { cue: G, level: 'city' },
  'pemerintah daerah provinsi': { cue: G, level: 'province' },
  setda: { cue: G },
  setdakab: { cue: G, level: 'regency' },
  setdakot: { cue: G, level: 'city' },
  setdako: { cue: G, level: 'city' },
  setdaprov: { cue: G, level: 'province' },
  'sekretariat daerah': { cue: G },
  // Regional government departments (OPD) speak for the region.
  bkpsdm: { cue: G },
  bkpsdmd: { cue: G },
  bkdpsdm: { cue: G },
  bkd: { cue: G },
  bkpp: { cue: G },
  bkppd: { cue: G },
  bkdiklat: { cue: G },
  inspektorat: { cue: G },
  kesbangpol: { cue: G },
  bakesbangpol: { cue: G },
  'badan kesbangpol': { cue: G },
  diskominfo: { cue: G },
  'dinas kominfo': { cue: G },
  diskominfotik: { cue: G },
  diskominfosandi: { cue: G },
  'satpol pp': { cue: G },
  bappeda: { cue: G },

  // ---- heads and secretaries of the region ----
  bupati: { cue: H, level: 'regency' },
  wabup: { cue: H, level: 'regency' },
  'wali kota': { cue: H, level: 'city' },
  walikota: { cue: H, level: 'city' },
  wako: { cue: H, level: 'city' },
  wawako: { cue: H, level: 'city' },
  wawali: { cue: H, level: 'city' },
  walkot: { cue: H, level: 'city' },
  wawalkot: { cue: H, level: 'city' },
  gubernur: { cue: H, level: 'province' },
  wagub: { cue: H, level: 'province' },
  // "Sekda" is used for all three levels ("Sekda Kota Kendari", "Sekda Sultra"): no level filter.
  sekda: { cue: H },
  sekdakab: { cue: H, level: 'regency' },
  sekkab: { cue: H, level: 'regency' },
  sekdakot: { cue: H, level: 'city' },
  sekdako: { cue: H, level: 'city' },
  sekkot: { cue: H, level: 'city' },
  sekdaprov: { cue: H, level: 'province' },
  sekprov: { cue: H, level: 'province' },
  'sekretaris daerah': { cue: H },
  'sekretaris kabupaten': { cue: H, level: 'regency' },
  'sekretaris kota': { cue: H, level: 'city' },
  'sekretaris daerah kabupaten': { cue: H, level: 'regency' },
  'sekretaris daerah kota': { cue: H, level: 'city' },
  'sekretaris daerah provinsi': { cue: H, level: 'province' },

  // ---- explicit level words ----
  kabupaten: { cue: E, level: 'regency' },
  kab: { cue: E, level: 'regency' },
  'kabupaten administrasi': { cue: E, level: 'regency' },
  kota: { cue: E, level: 'city' },
  'kota administrasi': { cue: E, level: 'city' },
  kotamadya: { cue: E, level: 'city' },
  kodya: { cue: E, level: 'city' },
  provinsi: { cue: E, level: 'province' },
  prov: { cue: E, level: 'province' },
  propinsi: { cue: E, level: 'province' },

  // ---- other regional bodies (election bodies, legislature, police, prosecutors, ...) ----
  bawaslu: { cue: A },
  panwaslu: { cue: A },
  panwaslih: { cue: A },
  panwascam: { cue: A },
  kpu: { cue: A },
  kpud: { cue: A },
  kip: { cue: A },
  dprd: { cue: A },
  dprk: { cue: A },
  polres: { cue: A },
  'polres metro': { cue: A },
  polresta: { cue: A },
  polrestabes: { cue: A },
  polda: { cue: A },
  'polda metro': { cue: A },
  kapolres: { cue: A },
  kapolresta: { cue: A },
  kapolda: { cue: A },
  kodim: { cue: A },
  dandim: { cue: A },
  korem: { cue: A },
  danrem: { cue: A },
  kejari: { cue: A },
  kajari: { cue: A },
  kejati: { cue: A },
  kajati: { cue: A },
  'kejaksaan negeri': { cue: A },
  'kejaksaan tinggi': { cue: A },
  'pengadilan negeri': { cue: A },
  kemenag: { cue: A },
  'kementerian agama': { cue: A },
  bps: { cue: A },
};

/** Level words that may follow a non-explicit cue: "Bawaslu Kota Kendari", "Pemda Kabupaten Sinjai". */
export const LEVEL_WORDS: Record<string, RegionLevel> = {
  kabupaten: 'regency',
  kab: 'regency',
  'kabupaten administrasi': 'regency',
  kota: 'city',
  'kota administrasi': 'city',
  kotamadya: 'city',
  provinsi: 'province',
  prov: 'province',
  propinsi: 'province',
};

/** Longest cue phrase, in words. */
export const MAX_CUE_WORDS = Math.max(...Object.keys(CUE_PHRASES).map((k) => k.split(' ').length));
export const MAX_LEVEL_WORDS = Math.max(...Object.keys(LEVEL_WORDS).map((k) => k.split(' ').length));

const POSITION_LEVELS: Record<string, RegionLevel> = {
  bupati: 'regency',
  wabup: 'regency',
  'wali kota': 'city',
  walikota: 'city',
  wako: 'city',
  wawako: 'city',
  wawali: 'city',
  walkot: 'city',
  wawalkot: 'city',
  gubernur: 'province',
  wagub: 'province',
  sekda: 'regency',
  sekdakab: 'regency',
  sekkab: 'regency',
  'sekretaris daerah': 'regency',
  'sekretaris kabupaten': 'regency',
  sekkot: 'city',
  sekdakot: 'city',
  sekdako: 'city',
  'sekretaris kota': 'city',
  sekdaprov: 'province',
  sekprov: 'province',
};

const POSITION_PREFIX =
  /^(?:(?:pj|pjs|plt|plh|penjabat|pelaksana tugas|pelaksana harian|penjabat sementara|wakil)\s+)+/;

/**
 * The level of region a position heads: `Bupati` -> regency, `Wali Kota`/`Walikota`/`Wako` -> city,
 * `Gubernur` -> province, `Sekda`/`Sekdakab`/`Sekkab` -> regency, `Sekkot` -> city, `Sekdaprov`/`Sekprov` ->
 * province. Prefixes (Pj, Plt, Plh, Pjs, Wakil) are ignored; a trailing level word wins
 * ("Sekda Kota" -> city, "Sekretaris Daerah Provinsi" -> province). Unknown positions give `undefined`.
 */
export function levelForPosition(word: string): RegionLevel | undefined {
  let s = word
    .toLowerCase()
    .replace(/[.\-_/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  s = s.replace(POSITION_PREFIX, '');
  const trailing = /\s(kabupaten|kab|kota|provinsi|prov|propinsi)$/.exec(s);
  if (trailing && POSITION_LEVELS[s.slice(0, trailing.index)] !== undefined) {
    return LEVEL_WORDS[trailing[1]];
  }
  return POSITION_LEVELS[s];
}

// Looked up with words from the text: no prototype, so "constructor" or "__proto__" is never a key.
Object.setPrototypeOf(CUE_PHRASES, null);
Object.setPrototypeOf(LEVEL_WORDS, null);
Object.setPrototypeOf(POSITION_LEVELS, null);
