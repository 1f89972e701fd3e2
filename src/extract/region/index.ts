/**
 * Regions: the gazetteer of Indonesian provinces, regencies and cities (Kemendagri codes from idn-area-data)
 * and the finder of their mentions in news text.
 */
export { getGazetteer, type Gazetteer, type LookupHint } from './gazetteer.js';
export { findRegionMentions, type RegionMention } from './mentions.js';
export { levelForPosition, type RegionCue } from './cues.js';
export { nameKey } from './normalize.js';
