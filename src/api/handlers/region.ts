/**
 * `GET /api/regions/:code`: one region (code, name or abbreviation) with its commitments, filtered and paged
 * like `/api/commitments`; a province also lists its regencies and cities with their counts.
 */
import { MAX_PARAM_LENGTH, regionCoverage, resolveRegion } from '../../query/index.js';
import type { RegionRef } from '../../types/record.js';
import { ApiError, badParam, notFound, shown } from '../errors.js';
import { parseFilters } from '../query-errors.js';
import type { Handler } from '../route.js';
import { commitmentPage } from './commitments.js';

/** Control characters (as src/query refuses in query parameters). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

function regionOf(value: string): RegionRef {
  if (CONTROL.test(value) || value.length > MAX_PARAM_LENGTH) throw badParam('code', 'expected a region code, name or abbreviation');
  let found: RegionRef[];
  try {
    found = resolveRegion('code', value.trim());
  } catch {
    throw notFound(`no region ${JSON.stringify(shown(value))} (use a Kemendagri code such as 64.02, a name or an abbreviation such as Kukar)`);
  }
  if (found.length > 1) {
    const readings = found.map((r) => `${r.code} ${r.name}`).join(', ');
    throw new ApiError(400, `code: ${JSON.stringify(shown(value))} is ambiguous: ${readings}`, 'code');
  }
  return found[0];
}

export const getRegion: Handler = async (store, { params, query }) => {
  const region = regionOf(params.code ?? '');
  const province = region.level === 'province';
  const filters = parseFilters(province ? { ...query, province: region.code } : { ...query, region: region.code });
  const [{ page, body }, regions] = await Promise.all([
    commitmentPage(store, filters),
    province ? regionCoverage(store, { province: region }) : Promise.resolve(undefined),
  ]);
  return { status: 200, body: { region, ...(regions ? { regions } : {}), commitments: body }, page };
};
