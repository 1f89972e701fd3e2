/**
 * The filters of `pantau query` as query parameters, defined once for every endpoint that takes them.
 */
import type { QueryParamDef } from './params.js';
import { DEFAULT_LIMIT, MAX_LIMIT, MAX_PARAM_LENGTH, MIN_TEXT_LENGTH, SORTS } from '../query/index.js';
import { MAX_OFFSET } from '../query/filters.js';
import { MEASURES } from '../types/record.js';

export const REGION: QueryParamDef = {
  name: 'region',
  description:
    'Region: Kemendagri code (`64.02`), name (`Kutai Kartanegara`, `Kabupaten Kutai Kartanegara`) or abbreviation (`Kukar`); an ambiguous name means every reading. Repeat for several. A province here means the province government\'s own commitments (see `province`).',
  schema: { type: 'string' },
  repeatable: true,
};
export const PROVINCE: QueryParamDef = {
  name: 'province',
  description: 'Province: code (`64`), name (`Kalimantan Timur`) or abbreviation (`Kaltim`).',
  schema: { type: 'string' },
};
export const MEASURE: QueryParamDef = {
  name: 'measure',
  description:
    'Measure taken; repeat or comma-separate for several (`measure=pledge&measure=sanction`, `measure=pledge,sanction`): a commitment matches when it has any of them.',
  schema: { type: 'string', enum: [...MEASURES] },
  repeatable: true,
};
export const OFFICIAL: QueryParamDef = {
  name: 'official',
  description: 'An official named in the commitment: case-insensitive substring of any spelling of the name.',
  schema: { type: 'string' },
};
export const SINCE: QueryParamDef = {
  name: 'since',
  description: 'On or after this day (YYYY-MM-DD): the event date, else the publication date.',
  schema: { type: 'string', format: 'date' },
};
export const UNTIL: QueryParamDef = {
  name: 'until',
  description: 'On or before this day (YYYY-MM-DD): the event date, else the publication date.',
  schema: { type: 'string', format: 'date' },
};
export const SOURCE: QueryParamDef = {
  name: 'source',
  description: 'Reported by this outlet: a source id (`kendaripos`) or a site host (`kendaripos.co.id`).',
  schema: { type: 'string' },
};
export const TEXT: QueryParamDef = {
  name: 'text',
  description: 'Case-insensitive substring (3 characters or more) of a reporting article\'s title or of an evidence quote.',
  schema: { type: 'string', minLength: MIN_TEXT_LENGTH, maxLength: MAX_PARAM_LENGTH },
};
export const SORT: QueryParamDef = {
  name: 'sort',
  description:
    'Order: `date` (newest event date first, the default), `-date` (oldest first), `sources` (most articles first), `region` (by region code), `updated` (most recently regrouped first).',
  schema: { type: 'string', enum: [...SORTS], default: 'date' },
};
export const LIMIT: QueryParamDef = {
  name: 'limit',
  description: `Page size (default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT}).`,
  schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
};
export const OFFSET: QueryParamDef = {
  name: 'offset',
  description: 'Items skipped (default 0).',
  schema: { type: 'integer', minimum: 0, maximum: MAX_OFFSET, default: 0 },
};

/** What selects commitments. */
export const FILTERS: readonly QueryParamDef[] = [REGION, PROVINCE, MEASURE, OFFICIAL, SINCE, UNTIL, SOURCE, TEXT];
/** Sorting and paging. */
export const PAGING: readonly QueryParamDef[] = [SORT, LIMIT, OFFSET];
