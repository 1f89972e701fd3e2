/**
 * URL discovery: pure parsers for sitemaps, feeds, listing pages and robots.txt (text in, links out), the
 * polite fetcher for discovery resources, and the live check of a source.
 */
export { parseSitemap, sitemapEntryDate, type ParsedSitemap, type SitemapEntry } from './sitemap.js';
export { parseFeed, type FeedEntry, type ParsedFeed } from './feed.js';
export { parseListing, type ListingLink, type ListingOptions, type ParsedListing } from './listing.js';
export { parseRobots, allowAllRobots, productToken, type Robots, type RobotsRule } from './robots.js';
export { decodeMaybeGzip, decodeXmlBytes, isGzipBytes, MAX_DISCOVERY_BYTES } from './bytes.js';
export { parseLooseDate, laterDate } from './dates.js';
export { DiscoveryFormatError } from './xml.js';
export {
  fetchDiscovery, describeFetch, discoveryLimiter,
  type DiscoveryFetchOptions, type DiscoveryFetchResult, type FetchErrorKind,
} from './fetch.js';
export { checkSource, checkSources, type CheckOptions, type SourceCheck, type UrlCheck } from './check.js';
