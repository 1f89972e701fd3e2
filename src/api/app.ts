/**
 * The fastify application: it only routes. Each route of src/api/routes.ts is registered for GET (HEAD comes
 * with it); every other method gets 405, an unknown path 404, and errors the JSON error shape.
 */
import Fastify from 'fastify';
import type { FastifyBaseLogger, FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { Store } from '../store/index.js';
import { ApiError, errorBody, shown } from './errors.js';
import { checkQuery } from './params.js';
import { linkHeader } from './pagination.js';
import { startReaderPool } from './readers.js';
import { apiRoutes } from './routes.js';

export interface BuildApiOptions {
  /** The store the API reads (it never writes). The caller opens, migrates and closes it. */
  store: Store;
  /**
   * Fastify logger: a pino-compatible logger, `true` for fastify's own (JSON lines on stdout), or `false` for
   * none. Default `false`.
   */
  logger?: FastifyBaseLogger | boolean;
  /**
   * SQLite only: run the handlers on this many reader threads, each with its own read-only connection to the
   * store's file (see ./readers.ts), instead of on the main thread. Default 0 (main thread).
   */
  readers?: number;
  /** SQLite reader threads: each connection's page cache, in MiB (default 256, see `ReadTuning`). */
  readerCacheMb?: number;
}

/** Methods answered; every other one gets 405 with `Allow: GET, HEAD`. */
const ALLOWED_METHODS = new Set(['GET', 'HEAD']);

/** Longest path parameter routed (longer ones are not event ids or region codes: 404). */
const MAX_PARAM_LENGTH = 200;

/** Builds the read-only HTTP API over `store` (not listening: call `listen` or `inject`). */
export function buildApi(options: BuildApiOptions): FastifyInstance {
  const { store } = options;
  const logger = options.logger ?? false;
  const app = Fastify({
    ...(typeof logger === 'boolean' ? { logger } : { loggerInstance: logger }),
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH, ignoreTrailingSlash: true },
    // Nothing the API reads comes in a body.
    bodyLimit: 1024,
    // Errors of routing itself, before any route runs: a malformed URL, an over-long path parameter.
    frameworkErrors: (err, _request, reply) => {
      const message =
        err.code === 'FST_ERR_MAX_PARAM_LENGTH'
          ? `path parameter longer than ${MAX_PARAM_LENGTH} characters`
          : err.code === 'FST_ERR_BAD_URL'
            ? 'malformed URL (bad percent-encoding)'
            : 'bad request';
      (reply as FastifyReply).code(400).send(errorBody(message));
    },
  });

  app.addHook('onRequest', async (request, reply) => {
    if (!ALLOWED_METHODS.has(request.method)) {
      reply.code(405).header('allow', 'GET, HEAD');
      return reply.send(errorBody(`method ${shown(request.method)} not allowed: this API is read-only (GET, HEAD)`));
    }
  });

  const readers =
    (options.readers ?? 0) > 0 && store.dialect === 'sqlite' && store.location !== ':memory:'
      ? startReaderPool({ sqlitePath: store.location, size: options.readers, cacheMb: options.readerCacheMb })
      : undefined;
  if (readers) app.addHook('onClose', async () => readers.close());

  for (const route of apiRoutes()) {
    // The OpenAPI document is built once, in this thread.
    const offload = readers !== undefined && route.path !== '/api/openapi.json';
    app.get(route.path, async (request, reply) => {
      const query = checkQuery(request.query, route.query);
      const input = { query, params: request.params as Record<string, string> };
      const result = offload ? await readers.run(route.path, input) : await route.handler(store, input);
      reply.code(result.status);
      if (result.headers) reply.headers(result.headers);
      if (result.page) {
        const link = linkHeader(request.url, result.page);
        if (link) reply.header('link', link);
      }
      if ('json' in result) return reply.type('application/json; charset=utf-8').send(result.json);
      return result.body;
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    reply.code(404).send(errorBody(`no such endpoint: ${shown(path)} (see /api/openapi.json)`));
  });

  app.setErrorHandler((err: FastifyError | ApiError, request, reply) => {
    if (err instanceof ApiError) {
      if (err.status === 405) reply.header('allow', 'GET, HEAD');
      return reply.code(err.status).send(err.body);
    }
    const status = (err as FastifyError).statusCode;
    // Fastify's own client errors (a malformed URL, a body where none belongs): their messages are its own.
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return reply.code(status).send(errorBody(shown(err.message)));
    }
    request.log.error({ err }, 'request failed');
    return reply.code(500).send(errorBody('internal error'));
  });

  return app;
}
