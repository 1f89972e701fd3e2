/** `GET /api/regions`: the regencies and cities of the gazetteer (of a province, or all 514) with their counts. */
import { regionCoverage, resolveProvince } from '../../query/index.js';
import { badParam } from '../errors.js';
import { toApiError } from '../query-errors.js';
import type { Handler } from '../route.js';

/** `true`/`1`/`yes` and `false`/`0`/`no`; absent or empty: false. */
export function parseBoolean(param: string, value: string | string[] | undefined): boolean {
  if (value === undefined || value === '') return false;
  const v = String(value).trim().toLowerCase();
  if (v === 'true' || v === '1' || v === 'yes') return true;
  if (v === 'false' || v === '0' || v === 'no') return false;
  throw badParam(param, 'expected true or false');
}

export const listRegions: Handler = async (store, { query }) => {
  let province;
  try {
    const value = typeof query.province === 'string' ? query.province.trim() : '';
    province = value === '' ? undefined : resolveProvince('province', value);
  } catch (err) {
    throw toApiError(err);
  }
  const withoutCommitments = parseBoolean('withoutCommitments', query.withoutCommitments);
  const items = await regionCoverage(store, { province, withoutCommitments });
  return { status: 200, body: { total: items.length, items } };
};
