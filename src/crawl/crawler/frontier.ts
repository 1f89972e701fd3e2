/**
 * The frontier: every article URL discovery found, once per canonical URL, with the latest date any discovery
 * resource gave it and the resources that listed it; then the selection of what this run fetches.
 */
import type { Source } from '../../types/source.js';
import { articleRegExp } from '../url/article.js';
import { tryCanonicalUrl } from '../url/canonical.js';
import { laterDate } from '../discovery/dates.js';
import type { OnSite } from './hosts.js';
import type { RobotsVerdict } from './robots-cache.js';
import type { StatsRecorder } from './stats.js';

export type EntryState =
  | 'new'
  | 'known'
  | 'old'
  | 'robots'
  | 'not-html'
  | 'limit'
  | 'queued'
  | 'saved'
  | 'failed'
  | 'unfinished';

/** States after which nothing is left to do for the URL (so the resources listing it may be marked read). */
const SETTLED: ReadonlySet<EntryState> = new Set(['known', 'old', 'robots', 'not-html', 'saved', 'failed']);

export interface FrontierEntry {
  /** Canonical URL: the key in the store. */
  key: string;
  /** What is requested: the canonical URL, with the trailing slash of the spelling found when it had one. */
  fetchUrl: string;
  /** Latest YYYY-MM-DD date a discovery resource gave it. */
  date?: string;
  /** Ids of the sitemaps and feeds that listed it. */
  resources: number[];
  /** Discovery order. */
  order: number;
  state: EntryState;
}

/** robots.txt's verdict on a URL. */
export type RobotsCheck = (url: string) => Promise<RobotsVerdict>;

/** File extensions that are never HTML pages: skipped without a request. */
const BINARY_EXT = /\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|zip|rar|7z|gz|tgz|jpe?g|png|gif|webp|svg|bmp|ico|mp[34]|m4a|mov|avi|mkv|webm|wav|ogg|apk|exe|dmg|iso)$/i;

export class Frontier {
  readonly entries = new Map<string, FrontierEntry>();
  /** Every spelling seen (fragment dropped), so that each is reported at most once. */
  private readonly spellings = new Set<string>();
  private unchecked: FrontierEntry[] = [];
  /** Entries added since the last `takeEarly` (checked against the store by then). */
  private untaken: FrontierEntry[] = [];
  /** Entries handed to the fetcher so far (`takeEarly` and `select`). */
  private queued = 0;
  /** Early hand-over is over for this run: more was found than `maxPages` allows. */
  private earlyOver = false;
  private readonly pattern: RegExp;

  constructor(
    private readonly source: Source,
    private readonly onSite: OnSite,
    private readonly recorder: StatsRecorder,
    private readonly since: string | undefined,
  ) {
    this.pattern = articleRegExp(source);
  }

  /**
   * Adds a URL found by discovery (absolute). Returns the entry when it is an article URL of the source, else
   * records why it is skipped (once per spelling) and returns undefined.
   */
  add(raw: string, date: string | undefined, resource?: number): FrontierEntry | undefined {
    let spelling: string;
    try {
      const u = new URL(raw);
      u.hash = '';
      spelling = u.href;
    } catch {
      return undefined;
    }
    const firstSight = !this.spellings.has(spelling);
    this.spellings.add(spelling);
    const key = tryCanonicalUrl(spelling, undefined, { source: this.source });
    if (!key || !this.onSite(key)) {
      if (firstSight) this.recorder.skip(spelling, 'offsite', "not on the source's hosts");
      return undefined;
    }
    if (!this.pattern.test(key)) {
      if (firstSight) this.recorder.skip(spelling, 'not-article', "does not match the source's article pattern");
      return undefined;
    }
    let entry = this.entries.get(key);
    if (entry) {
      if (firstSight && spelling !== entry.fetchUrl && spelling !== key) this.recorder.skip(spelling, 'duplicate', `same page as ${key}`);
    } else {
      const slash = new URL(spelling).pathname.endsWith('/') && !new URL(key).pathname.endsWith('/');
      entry = { key, fetchUrl: slash ? `${key.replace(/(\?|$)/, '/$1')}` : key, resources: [], order: this.entries.size, state: 'new' };
      this.entries.set(key, entry);
      this.unchecked.push(entry);
      this.untaken.push(entry);
      this.recorder.stats.discovered++;
    }
    entry.date = laterDate(entry.date, date);
    if (resource !== undefined && !entry.resources.includes(resource)) entry.resources.push(resource);
    return entry;
  }

  private isOld(e: FrontierEntry): boolean {
    return Boolean(this.since && e.date && e.date < this.since);
  }

  /** Entries that would be fetched if discovery stopped now (not stored, not too old). */
  fresh(): number {
    let n = 0;
    for (const e of this.entries.values()) if (e.state === 'new' && !this.isOld(e)) n++;
    return n;
  }

  /** Marks the entries added since the last call that the store already has. */
  async checkKnown(knownUrls: (urls: string[]) => Promise<Set<string>>): Promise<void> {
    const batch = this.unchecked;
    this.unchecked = [];
    if (batch.length === 0) return;
    const known = await knownUrls(batch.map((e) => e.key));
    for (const e of batch) {
      if (e.state === 'new' && known.has(e.key)) {
        e.state = 'known';
        this.recorder.skip(e.key, 'known', 'already stored');
      }
    }
  }

  /**
   * Why an entry is not to be fetched, marking it (`old` aside: a later resource may still date it within
   * `since`, so an old entry is only marked by `select`); undefined when it may be fetched.
   */
  private async verdict(e: FrontierEntry, robots: RobotsCheck): Promise<'old' | 'skip' | undefined> {
    if (this.isOld(e)) return 'old';
    if (BINARY_EXT.test(new URL(e.fetchUrl).pathname)) {
      e.state = 'not-html';
      this.recorder.skip(e.key, 'not-html', 'not an HTML page (file extension)');
      return 'skip';
    }
    const v = await robots(e.fetchUrl);
    if (!v.allowed) {
      e.state = 'robots';
      this.recorder.skip(e.key, 'robots', v.reason);
      return 'skip';
    }
    return undefined;
  }

  /**
   * While discovery goes on: the entries found since the last call (and checked against the store) that may be
   * fetched now, marked `queued` — as long as everything fetchable found so far fits in `maxPages`, in which
   * case `select` would choose all of it anyway. Once discovery has found more than that, returns nothing more
   * for the run: the choice of the newest waits for `select`, over what is left of the budget.
   */
  async takeEarly(maxPages: number, robots: RobotsCheck): Promise<FrontierEntry[]> {
    const batch = this.untaken;
    this.untaken = [];
    if (this.earlyOver) return [];
    const ready: FrontierEntry[] = [];
    for (const e of batch) {
      if (e.state !== 'new') continue;
      if ((await this.verdict(e, robots)) === undefined) ready.push(e);
    }
    if (this.queued + ready.length > maxPages) {
      this.earlyOver = true;
      return [];
    }
    for (const e of ready) e.state = 'queued';
    this.queued += ready.length;
    this.recorder.stats.queued = this.queued;
    return ready;
  }

  /**
   * Chooses what else to fetch once discovery is over: drops old and binary URLs and those robots.txt
   * disallows, then takes the newest of the rest for what `takeEarly` left of `maxPages` (dated URLs newest
   * first, then undated ones in discovery order); the rest is skipped as `limit`.
   */
  async select(maxPages: number, robots: RobotsCheck): Promise<FrontierEntry[]> {
    this.untaken = [];
    this.earlyOver = true;
    const candidates: FrontierEntry[] = [];
    for (const e of this.entries.values()) {
      if (e.state !== 'new') continue;
      const v = await this.verdict(e, robots);
      if (v === 'old') {
        e.state = 'old';
        this.recorder.skip(e.key, 'old', `dated ${e.date}, before ${this.since}`);
      } else if (v === undefined) candidates.push(e);
    }
    candidates.sort((a, b) => {
      const da = a.date ?? '';
      const db = b.date ?? '';
      return da !== db ? (da < db ? 1 : -1) : a.order - b.order;
    });
    const budget = Math.max(0, maxPages - this.queued);
    const chosen = candidates.slice(0, budget);
    for (const e of chosen) e.state = 'queued';
    for (const e of candidates.slice(budget)) {
      e.state = 'limit';
      this.recorder.skip(e.key, 'limit', `beyond maxPages (${maxPages})`);
    }
    this.queued += chosen.length;
    this.recorder.stats.queued = this.queued;
    return chosen;
  }

  /** Resources that listed an article URL not settled yet (fetch cut by maxPages or by a stop). */
  unsettledResources(): Set<number> {
    const out = new Set<number>();
    for (const e of this.entries.values()) if (!SETTLED.has(e.state)) for (const r of e.resources) out.add(r);
    return out;
  }
}
