/**
 * Every route of the API, as data (see src/api/route.ts): what fastify registers and what the OpenAPI document
 * describes.
 */
import { FILTERS, PAGING, PROVINCE } from './filter-params.js';
import { getCommitment } from './handlers/commitment.js';
import { listCommitments } from './handlers/commitments.js';
import { getRegion } from './handlers/region.js';
import { listRegions } from './handlers/regions.js';
import { listSourcesHandler } from './handlers/sources.js';
import { getStats } from './handlers/stats.js';
import { openApiDocument } from './openapi.js';
import type { RouteDef } from './route.js';
import { schemaRef } from './schemas.js';

const WITHOUT_COMMITMENTS = {
  name: 'withoutCommitments',
  description: 'Only the regions with no commitment (`true`), the coverage gap. Default `false`.',
  schema: { type: 'boolean', default: false },
};

const API_ROUTES: RouteDef[] = [
  {
    path: '/api/commitments',
    operationId: 'listCommitments',
    summary: 'Commitments matching the filters, sorted and paged',
    description:
      'One item per reported pledge (an event grouping every article reporting it), with its sources. `total` counts the matches up to 1,000: beyond, `totalCapped` is true and `total` a lower bound (use /api/stats for exact counts); `nextOffset` and the `Link` header (rel next, prev) lead to the other pages either way.',
    query: [...FILTERS, ...PAGING],
    response: schemaRef('CommitmentPage'),
    errors: [400],
    handler: listCommitments,
  },
  {
    path: '/api/commitments/:id',
    operationId: 'getCommitment',
    summary: 'One commitment with its sources and their evidence quotes',
    description: 'An id merged into another event answers with that event (its id in the body and in `Content-Location`).',
    query: [],
    pathParams: [{ name: 'id', description: 'Event id: `ev_` and 16 hex digits.', schema: { type: 'string', pattern: '^ev_[0-9a-f]{16}$' } }],
    response: schemaRef('Commitment'),
    errors: [400, 404],
    handler: getCommitment,
  },
  {
    path: '/api/regions',
    operationId: 'listRegions',
    summary: 'Regencies and cities of the gazetteer (all 514, or a province\'s) with their commitment counts',
    query: [PROVINCE, WITHOUT_COMMITMENTS],
    response: schemaRef('RegionList'),
    errors: [400],
    handler: listRegions,
  },
  {
    path: '/api/regions/:code',
    operationId: 'getRegion',
    summary: 'One region with its commitments (filtered, sorted and paged like /api/commitments)',
    description: 'A province also lists its regencies and cities with their counts (`regions`).',
    query: [...FILTERS.filter((p) => p.name !== 'region' && p.name !== 'province'), ...PAGING],
    pathParams: [
      {
        name: 'code',
        description: 'Kemendagri code (`64.02`, `64`), name (`Kutai Kartanegara`) or abbreviation (`Kukar`).',
        schema: { type: 'string' },
      },
    ],
    response: schemaRef('RegionDetail'),
    errors: [400, 404],
    handler: getRegion,
  },
  {
    path: '/api/stats',
    operationId: 'getStats',
    summary: 'Counts of the commitments matching the filters: by province, measure and month, and coverage',
    query: FILTERS,
    response: schemaRef('Stats'),
    errors: [400],
    handler: getStats,
  },
  {
    path: '/api/sources',
    operationId: 'listSources',
    summary: 'The outlets stored in the database',
    query: [],
    response: schemaRef('SourceList'),
    errors: [400],
    handler: listSourcesHandler,
  },
];

const OPENAPI_ROUTE: RouteDef = {
  path: '/api/openapi.json',
  operationId: 'getOpenApi',
  summary: 'This OpenAPI 3.1 document',
  query: [],
  response: schemaRef('OpenApi'),
  errors: [400],
  handler: async () => ({ status: 200, body: document() }),
};

let cached: unknown;
function document(): unknown {
  cached ??= openApiDocument(apiRoutes());
  return cached;
}

/** Every route, the OpenAPI document's own included. */
export function apiRoutes(): RouteDef[] {
  return [...API_ROUTES, OPENAPI_ROUTE];
}
