/** An invalid query parameter: the HTTP API answers 400 with it, the CLI exits 2 naming the option. */
export class QueryParamError extends Error {
  override name = 'QueryParamError';
  constructor(
    /** The parameter as named in the query (`region`, `measure`, `since`...). */
    readonly param: string,
    message: string,
  ) {
    super(`${param}: ${message}`);
  }
}
