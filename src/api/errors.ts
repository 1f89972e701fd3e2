/**
 * Errors the API answers with, and their JSON shape: `{ "error": { "param"?: string, "message": string } }`.
 * Input problems are `ApiError`s (400 naming the parameter, 404, 405); anything else becomes a 500 whose message
 * says nothing about the database.
 */

/** The body of every error response. */
export interface ErrorBody {
  error: {
    /** The query or path parameter at fault, when one is. */
    param?: string;
    message: string;
  };
}

/** An error meant for the client: its status and message are sent as they are. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    message: string,
    readonly param?: string,
  ) {
    super(message);
  }

  get body(): ErrorBody {
    return errorBody(this.message, this.param);
  }
}

/** A 400 naming the parameter. */
export function badParam(param: string, message: string): ApiError {
  return new ApiError(400, `${shown(param)}: ${message}`, shown(param));
}

export function notFound(message: string): ApiError {
  return new ApiError(404, message);
}

export function errorBody(message: string, param?: string): ErrorBody {
  return { error: param === undefined ? { message } : { param, message } };
}

/** Longest parameter name or value echoed back in a message. */
const ECHO_MAX = 64;

/** A client-supplied string as it may appear in a message: cut short, control characters escaped. */
export function shown(s: string): string {
  const cut = s.length > ECHO_MAX ? `${s.slice(0, ECHO_MAX)}…` : s;
  return cut.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
