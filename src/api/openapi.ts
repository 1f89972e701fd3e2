/**
 * The OpenAPI 3.1 document, written from the route definitions (src/api/routes.ts) and the schemas
 * (src/api/schemas.ts): a route cannot exist undocumented.
 */
import { EXTRACTOR_VERSION } from '../extract/version.js';
import type { RouteDef } from './route.js';
import { SCHEMAS, schemaRef } from './schemas.js';

const STATUS_TEXT: Record<number, string> = {
  400: 'A bad parameter; the error names it.',
  404: 'No such commitment or region.',
  405: 'Any method but GET and HEAD: the API is read-only.',
};

/** `/api/commitments/:id` → `/api/commitments/{id}`. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

export function openApiDocument(routes: readonly RouteDef[]): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const route of routes) {
    const parameters = [
      ...(route.pathParams ?? []).map((p) => ({ name: p.name, in: 'path', required: true, description: p.description, schema: p.schema })),
      ...route.query.map((p) => ({
        name: p.name,
        in: 'query',
        required: false,
        description: p.description,
        ...(p.repeatable ? { schema: { type: 'array', items: p.schema }, style: 'form', explode: true } : { schema: p.schema }),
      })),
    ];
    const responses: Record<string, unknown> = {
      200: { description: 'OK', content: { 'application/json': { schema: route.response } } },
    };
    for (const status of [...route.errors, 405]) {
      responses[status] = { description: STATUS_TEXT[status] ?? 'Error', content: { 'application/json': { schema: schemaRef('Error') } } };
    }
    responses.default = { description: 'Unexpected error (500, without details)', content: { 'application/json': { schema: schemaRef('Error') } } };
    paths[openApiPath(route.path)] = {
      get: {
        operationId: route.operationId,
        summary: route.summary,
        ...(route.description ? { description: route.description } : {}),
        parameters,
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'pantau API',
      version: EXTRACTOR_VERSION,
      description:
        'Read-only API over the commitments (events) pantau found in Indonesian regional news. Unknown query parameters are refused with 400, as is any bad value; errors are `{ "error": { "param"?, "message" } }`.',
    },
    paths,
    components: { schemas: SCHEMAS },
  };
}
