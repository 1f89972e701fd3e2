/**
 * src/query's parameter errors as API errors: a `QueryParamError` becomes a 400 naming the parameter.
 */
import { QueryParamError, parseQueryFilters } from '../query/index.js';
import type { QueryFilters } from '../query/index.js';
import { ApiError, shown } from './errors.js';

/** Longest message sent back (src/query quotes values in its messages). */
const MESSAGE_MAX = 400;

export function toApiError(err: unknown): unknown {
  if (err instanceof QueryParamError) {
    const message = err.message.length > MESSAGE_MAX ? `${err.message.slice(0, MESSAGE_MAX)}…` : err.message;
    return new ApiError(400, message, shown(err.param));
  }
  return err;
}

/** `parseQueryFilters`, throwing `ApiError`s. */
export function parseFilters(input: Record<string, unknown>): QueryFilters {
  try {
    return parseQueryFilters(input);
  } catch (err) {
    throw toApiError(err);
  }
}
