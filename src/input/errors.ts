/**
 * The error every input reader throws: the message names the input and the reason, ready to be printed or
 * stored as an `ErrorRecord` (`{input, error: err.message}`).
 */
export class InputError extends Error {
  /** The input as given (path, URL or `-`). */
  readonly input: string;
  /** The reason alone, without the input: `HTTP 404 Not Found`, `gzip data is corrupt`. */
  readonly reason: string;

  /**
   * @param input  the input as given
   * @param reason why it failed (lower case, no trailing period)
   * @param message the full message; defaults to `${input}: ${reason}`
   */
  constructor(input: string, reason: string, options: { message?: string; cause?: unknown } = {}) {
    super(options.message ?? `${input}: ${reason}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'InputError';
    this.input = input;
    this.reason = reason;
  }
}

export function isInputError(err: unknown): err is InputError {
  return err instanceof InputError;
}
