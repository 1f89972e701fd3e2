/**
 * Resolving region and province parameters through the gazetteer: a Kemendagri code (`64.02`), an official name
 * with or without its level word (`Kabupaten Kutai Kartanegara`, `Kutai Kartanegara`), an abbreviation (`Kukar`,
 * `Sultra`) or a variant. An ambiguous name (`Bekasi`: Kabupaten and Kota) resolves to every reading; the level
 * word (`Kota Bekasi`) or the code picks one.
 */
import { getGazetteer } from '../extract/region/index.js';
import type { RegionRef } from '../types/record.js';
import { QueryParamError } from './errors.js';

const CODE_RE = /^\d{2}(\.\d{2})?$/;

/** The regions a `region` value denotes (several for an ambiguous name); throws when none. */
export function resolveRegion(param: string, value: string): RegionRef[] {
  const g = getGazetteer();
  if (CODE_RE.test(value)) {
    const r = g.byCode(value);
    if (!r) throw new QueryParamError(param, `unknown region code ${JSON.stringify(value)}`);
    return [r];
  }
  const found = g.lookup(value);
  if (found.length === 0) throw new QueryParamError(param, `unknown region ${JSON.stringify(value)} (use a Kemendagri code, a name or an abbreviation such as Kukar)`);
  return found;
}

/** The province a `province` value denotes (code, name, abbreviation such as Sultra); throws unless exactly one. */
export function resolveProvince(param: string, value: string): RegionRef {
  const g = getGazetteer();
  if (/^\d{2}$/.test(value)) {
    const r = g.byCode(value);
    if (!r) throw new QueryParamError(param, `unknown province code ${JSON.stringify(value)}`);
    return r;
  }
  const found = g.lookup(value, { level: 'province' }).filter((r) => r.level === 'province');
  if (found.length === 1) return found[0];
  if (found.length > 1) {
    throw new QueryParamError(param, `ambiguous province ${JSON.stringify(value)}: ${found.map((r) => `${r.code} ${r.name}`).join(', ')}`);
  }
  throw new QueryParamError(param, `unknown province ${JSON.stringify(value)} (use a code such as 74, a name or an abbreviation such as Sultra)`);
}

/** Regencies and cities in the gazetteer (514), or those of one province. */
export function regenciesAndCities(provinceCode?: string): RegionRef[] {
  const g = getGazetteer();
  if (provinceCode !== undefined) return g.regionsOf(provinceCode);
  return g.all().filter((r) => r.level !== 'province');
}
