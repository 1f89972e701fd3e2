/** Something the store refused or could not do. */
export class StoreError extends Error {
  override name = 'StoreError';
}

/** Input that does not have the expected shape; `field` is the path of the offending value (`commitments[0].region.code`). */
export class StoreValidationError extends StoreError {
  override name = 'StoreValidationError';
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`invalid ${field}: ${problem}`);
  }
}

/** A page id that is not in the store. */
export class PageNotFoundError extends StoreError {
  override name = 'PageNotFoundError';
  constructor(readonly pageId: string) {
    super(`no stored page with id ${JSON.stringify(pageId)}`);
  }
}
