/**
 * Version of the extraction rules. Bump it whenever a change can alter a record, so stored records can be
 * re-extracted selectively.
 */
export const EXTRACTOR_VERSION = '0.1.1';
