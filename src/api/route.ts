/**
 * A route of the API as data: its path, parameters, responses and handler. The same definitions register the
 * fastify routes (src/api/app.ts) and write the OpenAPI document (src/api/openapi.ts).
 */
import type { Store } from '../store/index.js';
import type { QueryParamDef } from './params.js';
import type { JsonSchema } from './schemas.js';

/** What a handler gets: the query (checked against the route's definitions) and the path parameters. */
export interface HandlerInput {
  query: Record<string, string | string[]>;
  params: Record<string, string>;
}

/** Where a page of a list sits, for the `Link` header. */
export interface PageInfo {
  total: number;
  limit: number;
  offset: number;
  /** Whether items follow this page; when absent, `offset + limit < total`. */
  more?: boolean;
}

/** A handler's answer; fastify only sends it. */
export interface HandlerResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Set for paginated lists: the `Link` header (next, prev) is derived from it. */
  page?: PageInfo;
}

/** A handler: a pure function of the store and the request's parameters. Throws `ApiError` for bad input. */
export type Handler = (store: Store, input: HandlerInput) => Promise<HandlerResult>;

export interface PathParamDef {
  name: string;
  description: string;
  schema: JsonSchema;
}

export interface RouteDef {
  /** Fastify syntax: `/api/commitments/:id`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  query: readonly QueryParamDef[];
  pathParams?: readonly PathParamDef[];
  /** Schema of the 200 body. */
  response: JsonSchema;
  /** Statuses besides 200 the route answers with (400, 404), documented with the error schema. */
  errors: readonly number[];
  handler: Handler;
}
