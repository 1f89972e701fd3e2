export {
  canonicalUrl, tryCanonicalUrl, sameSite, hostBelongsTo, hostOf,
  type CanonicalOptions, type SiteHosts,
} from './canonical.js';
export { articleRegExp, articleUrl } from './article.js';
