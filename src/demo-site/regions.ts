/**
 * Regions for the demo site: real Kemendagri regions from the gazetteer, with the ways news writes them
 * (official name, short name, abbreviation, Pemkab/Pemkot/Pemprov, Bupati/Wali Kota/Gubernur).
 */
import { getGazetteer, nameKey } from '../extract/region/index.js';
import { CUE_ONLY, EXTRA_ALIASES, WORDLIKE } from '../extract/region/aliases.js';
import type { RegionLevel } from '../types/record.js';

export interface DemoRegion {
  code: string;
  /** Official name: `Kabupaten Kutai Kartanegara`, `Kota Kendari`, `Sulawesi Tenggara`. */
  name: string;
  level: RegionLevel;
  /** Name without the level word: `Kutai Kartanegara`, `Kendari`. */
  short: string;
  /** Abbreviation local media use (`Kukar`, `Sultra`), when there is an unambiguous one. */
  abbr?: string;
  /** `Pemkab`, `Pemkot` or `Pemprov`. */
  gov: string;
  /** `Bupati`, `Wali Kota` or `Gubernur`. */
  head: string;
  provinceCode: string;
  provinceName: string;
}

let cache: DemoRegion[] | null = null;

/** Every region usable in generated text, in code order. */
export function demoRegions(): DemoRegion[] {
  if (cache) return cache;
  const gaz = getGazetteer();
  const out: DemoRegion[] = [];
  for (const r of gaz.all()) {
    // Jakarta's administrative cities have no elected government; DIY's governor is not elected.
    if (r.code.startsWith('31.') || r.code === '34' || r.name.includes('Administrasi')) continue;
    const short = r.name.replace(/^(Kabupaten|Kota)\s+/, '');
    const key = nameKey(short);
    if (CUE_ONLY.has(key) || WORDLIKE.has(key)) continue;
    if (short.split(' ').length > 3 || /[^A-Za-z\s]/.test(short)) continue;
    // The short name must denote this region alone at its level, and the official name too.
    const atLevel = gaz.lookup(short, { level: r.level });
    if (atLevel.length !== 1 || atLevel[0].code !== r.code) continue;
    const official = gaz.lookup(r.name);
    if (official.length !== 1 || official[0].code !== r.code) continue;
    let abbr: string | undefined;
    for (const a of EXTRA_ALIASES[r.code] ?? []) {
      if (!/^[A-Z][a-z]{3,7}$/.test(a)) continue;
      const hits = gaz.lookup(a);
      if (hits.length === 1 && hits[0].code === r.code) {
        abbr = a;
        break;
      }
    }
    // Later mentions use the abbreviation or the short name with no level word: it must not be ambiguous.
    const later = gaz.lookup(abbr ?? short);
    if (later.length !== 1 || later[0].code !== r.code) continue;
    out.push({
      code: r.code,
      name: r.name,
      level: r.level,
      short,
      abbr,
      gov: r.level === 'province' ? 'Pemprov' : r.level === 'city' ? 'Pemkot' : 'Pemkab',
      head: r.level === 'province' ? 'Gubernur' : r.level === 'city' ? 'Wali Kota' : 'Bupati',
      provinceCode: r.province.code,
      provinceName: r.province.name,
    });
  }
  cache = out;
  return out;
}

export function regionByCode(code: string): DemoRegion {
  const r = demoRegions().find((x) => x.code === code);
  if (!r) throw new Error(`demo-site: region ${code} is not usable`);
  return r;
}

/** The regions of a province (its regencies and cities), usable ones only. */
export function regionsIn(provinceCode: string): DemoRegion[] {
  return demoRegions().filter((r) => r.level !== 'province' && r.provinceCode === provinceCode);
}

/** How the text refers to the region on a later mention: its abbreviation or short name. */
export function shortRef(r: DemoRegion): string {
  return r.abbr ?? r.short;
}
