/**
 * The bundled demo site: several fictional Indonesian news outlets with about 300 articles (a few dozen report a
 * regional government's ASN-neutrality commitment), their robots.txt, sitemaps, feeds and listings, the traps
 * of real sites, and the ground truth. `generateDemoSite` is pure; `startDemoSite` serves it on 127.0.0.1.
 * See README.md in this folder.
 */
export {
  archivePage,
  DEFAULT_ARTICLES,
  DEFAULT_SEED,
  demoOutletIds,
  encodeWindows1252,
  generateDemoSite,
  type DemoArticle,
  type DemoOutlet,
  type DemoPage,
  type DemoSiteContent,
  type DemoTrap,
  type GenerateOptions,
  type PageKind,
  type TrapKind,
  type TruthArticle,
  type TruthCommitment,
  type StoryKind,
  type TemplateId,
} from './generate.js';
export { startDemoSite, type DemoSite, type DemoSiteOptions, type RequestLogEntry } from './server.js';
