/**
 * The outlet registry: sources declared as data (src/types/source.ts), lookup and validation.
 */
export { SOURCES, getSource, closeIds, validateSources, assertValidSources } from './registry.js';
export { UNVERIFIED_NOTE } from './templates.js';
export type { Discovery, Source } from '../types/source.js';
