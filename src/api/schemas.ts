/**
 * JSON Schemas (2020-12, as OpenAPI 3.1 uses them) of what the API answers: written once here, referenced by the
 * route definitions and gathered into the OpenAPI document's `components.schemas`.
 */
import { TOTAL_CAP } from '../query/index.js';
import { MEASURES } from '../types/record.js';

/** A JSON Schema object (loosely typed: the document is data). */
export type JsonSchema = { [key: string]: unknown };

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const str = (description?: string): JsonSchema => (description ? { type: 'string', description } : { type: 'string' });
const nullable = (schema: JsonSchema): JsonSchema => ({ ...schema, type: [schema.type as string, 'null'] });
const int = (description?: string): JsonSchema => (description ? { type: 'integer', description } : { type: 'integer' });
const day = (description: string): JsonSchema => ({ type: ['string', 'null'], format: 'date', description });
const arrayOf = (items: JsonSchema): JsonSchema => ({ type: 'array', items });

/** Every named schema, for `components.schemas`. */
export const SCHEMAS: Record<string, JsonSchema> = {
  Error: {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['message'],
        properties: {
          param: str('The query or path parameter at fault.'),
          message: str(),
        },
      },
    },
  },
  Measure: { type: 'string', enum: [...MEASURES] },
  Region: {
    type: 'object',
    required: ['code', 'name', 'level', 'province'],
    properties: {
      code: str('Kemendagri code: `64` (province) or `64.02` (regency or city).'),
      name: str('Official name, e.g. `Kabupaten Kutai Kartanegara`.'),
      level: { type: 'string', enum: ['province', 'regency', 'city'] },
      province: { type: 'object', required: ['code', 'name'], properties: { code: str(), name: str() } },
    },
  },
  CommitmentSummary: {
    type: 'object',
    description: 'One reported pledge (an event), however many articles report it.',
    required: ['id', 'region', 'event_date', 'measures', 'circulars', 'officials', 'commitments', 'articles', 'sites', 'sources'],
    properties: {
      id: str('`ev_` and 16 hex digits.'),
      region: ref('Region'),
      event_date: day('The date most reports give, else the first publication date.'),
      first_published: day('First publication reporting it.'),
      last_published: day('Last publication reporting it.'),
      measures: arrayOf(ref('Measure')),
      circulars: { ...arrayOf(str()), description: 'Circular numbers, most cited first.' },
      officials: { ...arrayOf(str()), description: 'Officials, most mentioned first.' },
      commitments: int('Commitments grouped (one per report).'),
      articles: int('Articles reporting it.'),
      sites: int('Distinct outlets reporting it.'),
      first_source_url: nullable(str('URL of the earliest published source.')),
      sources: arrayOf({
        type: 'object',
        required: ['url', 'site', 'published_at', 'title'],
        properties: { url: nullable(str()), site: nullable(str()), published_at: day('Publication date.'), title: str() },
      }),
      updated_at: str('When grouping last changed it (ISO timestamp).'),
    },
  },
  Evidence: {
    type: 'object',
    properties: { quote: str('The words of the article supporting the value.') },
  },
  CommitmentSource: {
    type: 'object',
    description: 'One article reporting the commitment, with the quotes supporting each value.',
    required: ['articleId', 'url', 'site', 'publishedAt', 'title', 'officials', 'circulars', 'measures'],
    properties: {
      commitmentId: str(),
      articleId: str(),
      url: nullable(str()),
      site: nullable(str()),
      publishedAt: day('Publication date.'),
      title: str(),
      eventDate: day('The date this article gives for the event.'),
      officials: arrayOf({
        type: 'object',
        required: ['name', 'position', 'quote'],
        properties: { name: str(), position: str(), quote: str() },
      }),
      circulars: arrayOf({
        type: 'object',
        required: ['number', 'kind', 'quote'],
        properties: { number: str(), kind: str(), quote: str() },
      }),
      measures: arrayOf({ type: 'object', required: ['type', 'quote'], properties: { type: ref('Measure'), quote: str() } }),
    },
  },
  Commitment: {
    type: 'object',
    description: 'A commitment (event) with its sources and their evidence quotes.',
    required: ['id', 'aliases', 'region', 'sources'],
    properties: {
      id: str('The id it is known by now (the survivor\'s when a merged id was asked for).'),
      aliases: arrayOf(str()),
      region: ref('Region'),
      eventDate: day('Event date.'),
      dateMin: day('Earliest date of its reports.'),
      dateMax: day('Latest date of its reports.'),
      firstPublished: day('First publication.'),
      lastPublished: day('Last publication.'),
      commitments: int('Commitments (one per report).'),
      articles: int(),
      sites: int(),
      measures: arrayOf(ref('Measure')),
      circulars: arrayOf({
        type: 'object',
        properties: { key: str(), number: str(), kind: str(), mentions: int() },
      }),
      officials: arrayOf({
        type: 'object',
        properties: { personKey: str(), name: str(), position: str(), mentions: int(), spellings: { type: 'object' } },
      }),
      sources: arrayOf(ref('CommitmentSource')),
    },
    additionalProperties: true,
  },
  CommitmentPage: {
    type: 'object',
    required: ['total', 'totalCapped', 'limit', 'offset', 'nextOffset', 'items'],
    properties: {
      total: int(
        `Commitments matching the filters (all pages), counted up to ${TOTAL_CAP.toLocaleString('en-US')}: exact when \`totalCapped\` is false; when more match, a lower bound (${TOTAL_CAP.toLocaleString('en-US')}, or the end of this page and one more when further). /api/stats counts exactly.`,
      ),
      totalCapped: {
        type: 'boolean',
        description: `True when more than ${TOTAL_CAP.toLocaleString('en-US')} commitments match and counting stopped: \`total\` is then a lower bound. \`nextOffset\` is exact either way.`,
      },
      limit: int(),
      offset: int(),
      nextOffset: { type: ['integer', 'null'], description: 'Offset of the next page; null on the last (known exactly, whatever `totalCapped`).' },
      items: arrayOf(ref('CommitmentSummary')),
    },
  },
  RegionCoverage: {
    type: 'object',
    required: ['region', 'events', 'latest'],
    properties: {
      region: ref('Region'),
      events: int('Commitments (events) in the region.'),
      latest: day('Latest event date there.'),
    },
  },
  RegionList: {
    type: 'object',
    required: ['total', 'items'],
    properties: { total: int(), items: arrayOf(ref('RegionCoverage')) },
  },
  RegionDetail: {
    type: 'object',
    required: ['region', 'commitments'],
    properties: {
      region: ref('Region'),
      regions: {
        type: 'array',
        description: 'For a province: its regencies and cities with their counts.',
        items: ref('RegionCoverage'),
      },
      commitments: ref('CommitmentPage'),
    },
  },
  Stats: {
    type: 'object',
    required: ['events', 'byProvince', 'byMeasure', 'byMonth', 'regionsCovered', 'regionsTotal', 'provincesCovered', 'provincesTotal'],
    properties: {
      events: int('Commitments (events) matching the filters.'),
      byProvince: arrayOf({
        type: 'object',
        properties: { code: str(), name: str(), events: int(), regionsCovered: int(), regionsTotal: int() },
      }),
      byMeasure: arrayOf({ type: 'object', properties: { measure: ref('Measure'), events: int() } }),
      byMonth: arrayOf({ type: 'object', properties: { month: str('YYYY-MM, or `unknown`.'), events: int() } }),
      regionsCovered: int('Regencies and cities with at least one.'),
      regionsTotal: int(),
      provincesCovered: int(),
      provincesTotal: int(),
    },
  },
  Source: {
    type: 'object',
    required: ['id', 'name', 'home', 'verified'],
    properties: {
      id: str(),
      name: str(),
      home: str(),
      region: str('Kemendagri code of the region the outlet covers.'),
      verified: { type: 'boolean' },
      discovery: arrayOf({ type: 'object', properties: { kind: str(), url: str() } }),
    },
    additionalProperties: true,
  },
  SourceList: { type: 'object', required: ['total', 'items'], properties: { total: int(), items: arrayOf(ref('Source')) } },
  OpenApi: { type: 'object', description: 'This document.' },
};

export { ref as schemaRef };
