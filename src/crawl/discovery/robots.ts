/**
 * robots.txt (RFC 9309): groups by user agent, Allow / Disallow with `*` and `$`, the longest matching rule wins
 * (Allow on a tie), `Crawl-delay`, `Sitemap:` lines.
 */

export interface RobotsRule {
  allow: boolean;
  /** The path pattern as written. */
  pattern: string;
  re: RegExp;
  /** Specificity: the pattern's length (without a trailing `$`... as RFC 9309 counts octets of the rule). */
  length: number;
}

export interface Robots {
  /** Whether the URL (absolute, or a path with its query) may be fetched. `/robots.txt` always may. */
  isAllowed(url: string): boolean;
  /** The rule deciding a URL, or undefined when none matches (allowed). */
  matchingRule(url: string): RobotsRule | undefined;
  /** Seconds, from the group that applies, when given. */
  crawlDelay?: number;
  /** `Sitemap:` URLs (absolute when a base URL was given), in file order. */
  sitemaps: string[];
  /** The user-agent line of the group that applies (`*` for the default group), or undefined when none does. */
  group?: string;
  rules: RobotsRule[];
}

/** Upper-cases percent escapes and encodes characters that are not URL-safe, so rule and path compare alike. */
function normalizePath(s: string): string {
  let out = '';
  for (const ch of s) {
    if (/[\x21-\x7e]/.test(ch)) out += ch;
    else out += encodeURIComponent(ch);
  }
  return out.replace(/%([0-9a-f]{2})/gi, (_m, h: string) => {
    const c = String.fromCharCode(parseInt(h, 16));
    // Decode escapes of unreserved characters; keep the others escaped, upper-case.
    return /[A-Za-z0-9\-._~]/.test(c) ? c : `%${h.toUpperCase()}`;
  });
}

function compile(pattern: string): RegExp {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const src = body
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${src}${anchored ? '$' : ''}`);
}

/** The product token of a User-Agent string: `pantau/0.1.0 (+https://...)` -> `pantau`. */
export function productToken(userAgent: string): string {
  return (userAgent.trim().split(/[\s/]/)[0] ?? '').toLowerCase();
}

interface Group {
  agents: string[];
  rules: Array<{ allow: boolean; pattern: string }>;
  crawlDelay?: number;
}

/**
 * Parses robots.txt for `userAgent` (a full User-Agent string or a product token). The group whose agent is
 * the longest one contained in the product token applies (every group naming it, merged); else the `*`
 * group(s); else nothing is disallowed. Unknown lines and lines without a colon are ignored; an empty
 * `Disallow:` disallows nothing. `baseUrl` resolves relative `Sitemap:` URLs.
 */
export function parseRobots(text: string, userAgent: string, baseUrl?: string): Robots {
  const groups: Group[] = [];
  const sitemaps: string[] = [];
  let current: Group | undefined;
  let lastWasAgent = false;
  for (const rawLine of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase().replace(/[\s_]/g, '-');
    const value = line.slice(colon + 1).trim();
    if (key === 'user-agent' || key === 'useragent') {
      if (!current || !lastWasAgent) groups.push((current = { agents: [], rules: [] }));
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    if (key === 'sitemap' || key === 'site-map') {
      if (value) {
        try {
          sitemaps.push(baseUrl ? new URL(value, baseUrl).href : value);
        } catch {
          /* skip */
        }
      }
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if (key === 'allow' || key === 'disallow') {
      if (value) current.rules.push({ allow: key === 'allow', pattern: value });
    } else if (key === 'crawl-delay') {
      const n = Number(value.replace(',', '.'));
      if (Number.isFinite(n) && n >= 0) current.crawlDelay = n;
    }
  }

  const token = productToken(userAgent);
  let best = -1;
  let chosen: Group[] = [];
  for (const g of groups) {
    for (const a of g.agents) {
      const agent = productToken(a);
      const score = agent === '*' ? 0 : agent && token.includes(agent) ? agent.length : -1;
      if (score > best) {
        best = score;
        chosen = [g];
      } else if (score === best && score >= 0 && !chosen.includes(g)) {
        chosen.push(g);
      }
    }
  }
  const rules: RobotsRule[] = chosen.flatMap((g) =>
    g.rules.map((r) => {
      const pattern = normalizePath(r.pattern.startsWith('/') || r.pattern.startsWith('*') ? r.pattern : `/${r.pattern}`);
      return { allow: r.allow, pattern: r.pattern, re: compile(pattern), length: pattern.length };
    }),
  );
  const delays = chosen.map((g) => g.crawlDelay).filter((d): d is number => d !== undefined);

  const matchingRule = (url: string): RobotsRule | undefined => {
    let path: string;
    try {
      const u = new URL(url, 'http://robots.invalid/');
      path = normalizePath(`${u.pathname}${u.search}`);
    } catch {
      path = normalizePath(url);
    }
    let winner: RobotsRule | undefined;
    for (const r of rules) {
      if (!r.re.test(path)) continue;
      if (!winner || r.length > winner.length || (r.length === winner.length && r.allow && !winner.allow)) winner = r;
    }
    return winner;
  };

  return {
    isAllowed(url: string): boolean {
      try {
        if (new URL(url, 'http://robots.invalid/').pathname === '/robots.txt') return true;
      } catch {
        /* a path */
      }
      const r = matchingRule(url);
      return !r || r.allow;
    },
    matchingRule,
    ...(delays.length ? { crawlDelay: Math.max(...delays) } : {}),
    sitemaps,
    ...(chosen.length ? { group: chosen[0].agents.find((a) => a === '*' || token.includes(productToken(a))) } : {}),
    rules,
  };
}

/** The robots.txt of a site that has none (404, 410): everything allowed. */
export function allowAllRobots(): Robots {
  return parseRobots('', '*');
}
