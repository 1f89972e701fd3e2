/**
 * The read-only HTTP API (`pantau serve`): fastify routes over src/query, with an OpenAPI 3.1 document.
 *
 *   const app = buildApi({ store });
 *   await app.listen({ port: 8080, host: '127.0.0.1' });   // or app.inject({ url: '/api/commitments?region=Kukar' })
 */
export { buildApi } from './app.js';
export type { BuildApiOptions } from './app.js';
export { apiRoutes } from './routes.js';
export { openApiDocument } from './openapi.js';
export { ApiError } from './errors.js';
export type { ErrorBody } from './errors.js';
export type { Handler, HandlerInput, HandlerResult, RouteDef } from './route.js';
