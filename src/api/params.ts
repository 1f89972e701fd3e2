/**
 * Query parameters: their definitions (used to check requests and to write the OpenAPI document) and the check
 * every request goes through before its values are parsed: no unknown parameter, no repeated scalar, no
 * parameter name or value longer than the API reads.
 */
import { badParam } from './errors.js';
import type { JsonSchema } from './schemas.js';

export interface QueryParamDef {
  name: string;
  description: string;
  /** Schema of one value (as the query string carries it). */
  schema: JsonSchema;
  /** May be given several times (`measure=pledge&measure=sanction`); the others must appear at most once. */
  repeatable?: boolean;
}

/** What reaches a handler: the query as fastify parses it (a repeated name gives an array). */
export type RawQuery = Record<string, string | string[] | undefined>;

/** Longest value read; a longer one is a 400 (a text search of 10 KB is an attack, not a question). */
export const MAX_VALUE_LENGTH = 1000;
/** Most values of one repeatable parameter. */
export const MAX_REPEATS = 20;

/**
 * Checks names and multiplicity against `defs` and returns the query with scalars as strings and repeatable
 * parameters as arrays. Throws a 400 `ApiError` naming the parameter.
 */
export function checkQuery(query: unknown, defs: readonly QueryParamDef[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (query === null || typeof query !== 'object') return out;
  const byName = new Map(defs.map((d) => [d.name, d]));
  for (const [name, raw] of Object.entries(query as Record<string, unknown>)) {
    const def = byName.get(name);
    if (!def) {
      const known = defs.map((d) => d.name).join(', ');
      throw badParam(name, `unknown parameter${known ? ` (this endpoint takes ${known})` : ' (this endpoint takes none)'}`);
    }
    const values = Array.isArray(raw) ? raw : [raw];
    if (values.length > 1 && !def.repeatable) throw badParam(name, 'given more than once; it takes one value');
    if (values.length > MAX_REPEATS) throw badParam(name, `given more than ${MAX_REPEATS} times`);
    for (const v of values) {
      if (typeof v !== 'string') throw badParam(name, 'expected a string value');
      if (v.length > MAX_VALUE_LENGTH) throw badParam(name, `longer than ${MAX_VALUE_LENGTH} characters`);
    }
    out[name] = def.repeatable ? (values as string[]) : (values[0] as string);
  }
  return out;
}
