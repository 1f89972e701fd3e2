/**
 * Deterministic hostile inputs for the robustness test: malformed, empty, binary, truncated, deeply nested and
 * very large pages. Every case is a pure function of the seed, so a failure names a case that can be rebuilt.
 */
import { Rng } from '../../scripts/lib/prng.js';
import { generatePage } from '../../scripts/lib/generate-pages.js';

export interface HostileCase {
  /** Stable name: category and index, enough to rebuild it. */
  name: string;
  category: Category;
  /** HTML for `extract`, or text for `extractText` when `kind` is 'text'. */
  kind: 'html' | 'text';
  content: string;
  url: string | null;
}

export type Category =
  | 'empty'
  | 'binary-latin1'
  | 'binary-utf8'
  | 'tag-soup'
  | 'truncated'
  | 'mutated'
  | 'nested'
  | 'unclosed'
  | 'huge-attribute'
  | 'many-head-tags'
  | 'json-ld'
  | 'bad-dates'
  | 'unicode'
  | 'entities'
  | 'text'
  | 'large';

const MB = 1024 * 1024;

function page(i: number): string {
  return generatePage(i, 7).html;
}

const URLS = [
  null,
  'https://example.go.id/berita/1',
  'http://[::1]:99999/x',
  'https://xn--80ak6aa92e.com/',
  'not a url',
  'https://a.b/' + 'x'.repeat(5000),
  'javascript:alert(1)',
  '',
];

/** Empty and near-empty documents. */
function* empty(): Generator<HostileCase> {
  const docs = [
    '', ' ', '\n', '\t\r\n  ', '\0', '\uFEFF', '<', '>', '<>', '</>', '<!', '<!-', '<!--', '-->', '<?', '<?xml',
    '<!DOCTYPE', '<!DOCTYPE html>', '<html>', '</html>', '<html><head></head><body></body></html>', '<body>',
    '<head><title></title></head>', '<title>', '<title></title>', '<p>', '<p></p>', '&', '&amp', '&#', '&#x;',
    '<script>', '<style>', '<template>', '<svg>', '<math>', '<frameset>', '<noscript>', '<plaintext>', '<xmp>',
    '<iframe>', '<textarea>', '<table>', '<select>', '<html><body>\0\0\0</body></html>', '\u0000'.repeat(1000),
    ' '.repeat(100_000), '\n'.repeat(100_000),
  ];
  let i = 0;
  for (const d of docs) {
    yield { name: `empty#${i}`, category: 'empty', kind: 'html', content: d, url: URLS[i % URLS.length] };
    i++;
  }
}

function* binary(n: number, seed: number, encoding: 'latin1' | 'utf8'): Generator<HostileCase> {
  const rng = new Rng(seed);
  for (let i = 0; i < n; i++) {
    const size = rng.chance(0.05) ? rng.int(100_000, 1_000_000) : rng.int(0, 20_000);
    const bytes = rng.bytes(size);
    // Some start with something page-like so parsers commit to HTML mode.
    const prefix = rng.chance(0.3) ? '<html><body><p>' : '';
    const content = prefix + Buffer.from(bytes).toString(encoding);
    yield {
      name: `binary-${encoding}#${i}`,
      category: encoding === 'latin1' ? 'binary-latin1' : 'binary-utf8',
      kind: 'html',
      content,
      url: rng.pick(URLS),
    };
  }
}

const SOUP_TAGS = [
  'html', 'head', 'body', 'title', 'meta', 'link', 'base', 'script', 'style', 'div', 'p', 'span', 'a', 'b', 'i',
  'table', 'tr', 'td', 'th', 'tbody', 'ul', 'ol', 'li', 'article', 'main', 'section', 'nav', 'header', 'footer',
  'aside', 'h1', 'h2', 'h3', 'br', 'hr', 'img', 'form', 'input', 'select', 'option', 'textarea', 'template', 'svg',
  'math', 'iframe', 'noscript', 'frameset', 'frame', 'pre', 'code', 'blockquote', 'figure', 'time', 'x-y', 'ns:tag',
  'a b', '', '-', '1',
];
const SOUP_ATTRS = [
  'class="entry-content"', 'id="main"', 'itemprop="articleBody"', 'property="og:title" content="Judul"',
  'name="description" content=', 'href="javascript:void(0)"', 'href="//x"', 'charset=utf-8', 'datetime="2024-13-45"',
  'lang="ar" dir="rtl"', 'hidden', 'style="display:none"', 'content="\'"', '=', '"', "'", 'a=b=c', 'x'.repeat(300),
  'onload=alert(1)', 'src=data:text/html;base64,PGI+', 'rel="canonical" href="https://e.x/a"',
];
const SOUP_TEXT = [
  'Bupati Poso menandatangani pakta integritas netralitas ASN', 'Surat Edaran Nomor 800/123/BKPSDM/2024',
  'Senin (30/10/23)', 'Pj Wali Kota Kendari', '&amp;', '&nbsp;', '&#x1F600;', '&#0;', '&bogus;', '<', '>', '&',
  '\u202Eterbalik\u202C', '😀', 'e\u0301\u0301\u0301', '\uD800', '\r\n', '\t', ']]>', '--!>', '<!--', '-->', '<![CDATA[',
  'lorem', '12345', 'ASN', 'Pilkada', '"', "'",
];

/** Random sequences of tags, attributes, text, comments and stray syntax. */
function* tagSoup(n: number, seed: number): Generator<HostileCase> {
  const rng = new Rng(seed);
  for (let i = 0; i < n; i++) {
    const tokens: string[] = [];
    const count = rng.int(1, rng.chance(0.1) ? 20_000 : 600);
    for (let t = 0; t < count; t++) {
      const r = rng.next();
      const tag = rng.pick(SOUP_TAGS);
      if (r < 0.35) {
        const attrs = rng.chance(0.5) ? ' ' + rng.sample(SOUP_ATTRS, rng.int(1, 3)).join(' ') : '';
        tokens.push(`<${tag}${attrs}${rng.chance(0.1) ? '/' : ''}${rng.chance(0.95) ? '>' : ''}`);
      } else if (r < 0.55) tokens.push(`</${tag}${rng.chance(0.95) ? '>' : ''}`);
      else if (r < 0.9) tokens.push(rng.pick(SOUP_TEXT));
      else if (r < 0.95) tokens.push(rng.pick(['<!--', '-->', '<![CDATA[', ']]>', '<?php', '?>', '<!DOCTYPE html>', '<!x>']));
      else tokens.push(String.fromCharCode(rng.int(0, 0xffff)));
      if (rng.chance(0.3)) tokens.push(rng.pick([' ', '\n', '', '\t']));
    }
    yield { name: `tag-soup#${i}`, category: 'tag-soup', kind: 'html', content: tokens.join(''), url: rng.pick(URLS) };
  }
}

/** Valid generated pages cut at random offsets (mid-tag, mid-attribute, mid-entity, mid-script). */
function* truncated(n: number, seed: number): Generator<HostileCase> {
  const rng = new Rng(seed);
  for (let i = 0; i < n; i++) {
    const html = page(i);
    const cut = rng.chance(0.2) ? rng.int(0, 400) : rng.int(0, html.length);
    yield { name: `truncated#${i}@${cut}`, category: 'truncated', kind: 'html', content: html.slice(0, cut), url: null };
  }
}

/** Valid pages with random byte-level damage: deleted, duplicated and swapped spans, injected markup. */
function* mutated(n: number, seed: number): Generator<HostileCase> {
  const rng = new Rng(seed);
  const junk = ['<', '>', '</div>', '<div>', '<script>', '<!--', '"', "'", '<table>', '</body>', '<html>', '\0', '&'];
  for (let i = 0; i < n; i++) {
    let html = page(1000 + i);
    const edits = rng.int(1, 40);
    for (let e = 0; e < edits; e++) {
      const at = rng.int(0, html.length);
      const len = rng.int(0, 200);
      const op = rng.int(0, 3);
      if (op === 0) html = html.slice(0, at) + html.slice(at + len);
      else if (op === 1) html = html.slice(0, at) + html.slice(at, at + len).repeat(rng.int(2, 20)) + html.slice(at);
      else if (op === 2) html = html.slice(0, at) + rng.pick(junk) + html.slice(at);
      else {
        const other = rng.int(0, html.length);
        html = html.slice(0, at) + html.slice(other, other + len) + html.slice(at);
      }
    }
    yield { name: `mutated#${i}`, category: 'mutated', kind: 'html', content: html, url: 'https://kabartimurraya.co.id/x' };
  }
}

const ARTICLE_P =
  '<p>Pj Bupati Buru, Djalaludin Salampessy, menerbitkan Surat Edaran Nomor 800/1071/BKPSDM tentang netralitas ASN, Senin (30/10/23).</p>';

/** Deeply nested elements: 10k to 100k levels, closed, unclosed, misnested, in tables and inline. */
function* nested(): Generator<HostileCase> {
  const shapes: Array<[string, (d: number) => string]> = [
    ['div-closed', (d) => '<div>'.repeat(d) + ARTICLE_P + '</div>'.repeat(d)],
    ['div-unclosed', (d) => '<html><body>' + '<div class="c">'.repeat(d) + ARTICLE_P],
    ['span-text', (d) => '<body>' + '<span>x '.repeat(d) + '</span>'.repeat(d)],
    ['misnested-bi', (d) => '<body>' + '<b><i>'.repeat(d) + 'teks' + '</b></i>'.repeat(d)],
    ['table', (d) => '<body>' + '<table><tr><td>'.repeat(d) + ARTICLE_P],
    ['article-p', (d) => '<body>' + '<article><section>'.repeat(d) + ARTICLE_P.repeat(3)],
    ['list', (d) => '<body>' + '<ul><li>'.repeat(d) + 'butir'],
    ['a-in-a', (d) => '<body>' + '<a href="/x">'.repeat(d) + 'tautan'],
    ['font', (d) => '<body>' + '<font size=2>'.repeat(d) + ARTICLE_P],
    ['svg-g', (d) => '<body><svg>' + '<g>'.repeat(d) + '</svg>' + ARTICLE_P],
    ['blockquote', (d) => '<body>' + '<blockquote>'.repeat(d) + ARTICLE_P + '</blockquote>'.repeat(d)],
    ['div-p-mixed', (d) => '<body>' + '<div><p>teks '.repeat(d)],
  ];
  const depths = [10_000, 25_000, 50_000, 100_000];
  let i = 0;
  for (const [shape, make] of shapes) {
    // Every shape at 10k; the heavier depths on a rotating subset to keep the run short.
    for (const d of depths) {
      if (d > 10_000 && (i++ % 3 !== 0) && d !== 100_000) continue;
      if (d === 100_000 && !['div-closed', 'div-unclosed', 'span-text', 'table', 'article-p'].includes(shape)) continue;
      yield { name: `nested-${shape}-${d}`, category: 'nested', kind: 'html', content: make(d), url: null };
    }
  }
}

/** Unclosed comments, scripts, styles, CDATA, textarea, title; raw-text elements swallowing the page. */
function* unclosed(n: number, seed: number): Generator<HostileCase> {
  const rng = new Rng(seed);
  const openers = [
    '<!--', '<script>', '<script type="application/ld+json">', '<style>', '<![CDATA[', '<textarea>', '<title>',
    '<xmp>', '<noscript>', '<iframe>', '<noembed>', '<plaintext>', '<template>', '<svg><![CDATA[', '<math><mi>',
    '<!-- <!-- -->', '<script><!--', '<script><!--<script>', '<select>', '<option>', '<!DOCTYPE html [',
    '<?xml version="1.0"', '<a href="', "<img alt='", '<meta content="',
  ];
  for (let i = 0; i < n; i++) {
    const html = page(2000 + i);
    const at = rng.int(0, html.length);
    const opener = openers[i % openers.length];
    yield {
      name: `unclosed#${i}(${opener})`,
      category: 'unclosed',
      kind: 'html',
      content: html.slice(0, at) + opener + html.slice(at),
      url: 'https://wartasulawesi.com/a',
    };
  }
}

/** Attributes of 1–8 MB, and many attributes on one element. */
function* hugeAttributes(): Generator<HostileCase> {
  const sizes = [1 * MB, 3 * MB, 8 * MB];
  const base = page(3000);
  let i = 0;
  for (const size of sizes) {
    const v = 'a'.repeat(size);
    yield { name: `huge-attr-class-${size}`, category: 'huge-attribute', kind: 'html', content: base.replace('<body', `<body class="${v}"`), url: null };
    yield { name: `huge-attr-meta-${size}`, category: 'huge-attribute', kind: 'html', content: base.replace('<head>', `<head><meta property="og:title" content="${v}">`), url: null };
    yield { name: `huge-attr-unclosed-${size}`, category: 'huge-attribute', kind: 'html', content: `<html><body><p title="${v}`, url: null };
    i++;
  }
  const many = Array.from({ length: 50_000 }, (_, k) => `data-a${k}="${k}"`).join(' ');
  yield { name: 'many-attributes', category: 'huge-attribute', kind: 'html', content: `<html><body><div ${many}>${ARTICLE_P}</div></body></html>`, url: null };
  yield { name: 'huge-href-canonical', category: 'huge-attribute', kind: 'html', content: base.replace('<head>', `<head><link rel="canonical" href="https://x.id/${'b'.repeat(2 * MB)}">`), url: null };
  yield { name: 'huge-jsonld-string', category: 'huge-attribute', kind: 'html', content: base.replace('<head>', `<head><script type="application/ld+json">{"headline":"${'c'.repeat(2 * MB)}"}</script>`), url: null };
}

/** Thousands of base, meta, link and title tags (conflicting canonical URLs, dates, languages, charsets). */
function* manyHeadTags(): Generator<HostileCase> {
  const counts = [100, 1000, 10_000, 50_000];
  const kinds: Array<[string, (k: number) => string]> = [
    ['base', (k) => `<base href="https://b${k}.example/${k}/">`],
    ['meta-og', (k) => `<meta property="og:title" content="Judul ${k}"><meta property="article:published_time" content="20${k % 100}-0${k % 9}-1${k % 9}">`],
    ['canonical', (k) => `<link rel="canonical" href="${k % 2 ? '/rel' + k : 'https://c.example/' + k}">`],
    ['title', (k) => `<title>Judul ${k}</title>`],
    ['charset', (k) => `<meta charset="${['utf-8', 'x', 'koi8-r', ''][k % 4]}"><html lang="${['id', 'en', 'xx-YY', ''][k % 4]}">`],
  ];
  for (const [kind, make] of kinds) {
    for (const c of counts) {
      // 50k only for the tags the spec names (<base>, <meta>), to keep the run short.
      if (c > 10_000 && kind !== 'base' && kind !== 'meta-og') continue;
      const tags = Array.from({ length: c }, (_, k) => make(k)).join('\n');
      yield {
        name: `many-${kind}-${c}`,
        category: 'many-head-tags',
        kind: 'html',
        content: `<!DOCTYPE html><html><head>${tags}</head><body><article>${ARTICLE_P}</article></body></html>`,
        url: 'https://kabartimurraya.co.id/a',
      };
      // Also in the body, where they do not belong.
      yield {
        name: `many-${kind}-${c}-in-body`,
        category: 'many-head-tags',
        kind: 'html',
        content: `<html><body>${ARTICLE_P}${tags}${ARTICLE_P}</body></html>`,
        url: null,
      };
    }
  }
}

/** JSON-LD that is broken, deep, huge or of the wrong types. */
function* jsonLd(n: number, seed: number): Generator<HostileCase> {
  const rng = new Rng(seed);
  const bodies = [
    '{', '}', '[', '{"@type":', '{"@type":"NewsArticle","headline":', 'null', 'true', '0', '"string"', '[]', '{}',
    '{"@type":"NewsArticle","headline":{"x":1},"datePublished":12345,"author":[null,1,"x",{"name":{}}]}',
    '{"@type":["NewsArticle",1,null],"headline":["a","b"],"datePublished":["2024-01-01","x"]}',
    '{"@graph":[null,{"@type":"NewsArticle","datePublished":"2024-99-99"},{"@graph":{"@graph":[]}}]}',
    '{"@type":"NewsArticle","datePublished":"9999999999999999999999"}',
    '{"@type":"NewsArticle","datePublished":"2024-02-30T25:61:61+99:99"}',
    '{"@type":"NewsArticle","publisher":{"name":null},"headline":null,"inLanguage":42}',
    '<!-- {"@type":"NewsArticle"} -->', '{"a":"\\ud800"}', '{"a":"\\u0000"}', '{"__proto__":{"polluted":1},"headline":"x"}',
    '{"constructor":{"prototype":{"x":1}}}', '{"headline":"a"}{"headline":"b"}', "{'single':'quotes'}",
    '{"headline":"x",}', '/* comment */ {"headline":"x"}', '\uFEFF{"headline":"x"}', 'NaN', '1e999999',
  ];
  for (let i = 0; i < n; i++) {
    let body: string;
    if (i < bodies.length) body = bodies[i];
    else if (i % 5 === 0) body = '['.repeat(rng.int(1000, 100_000)) + ']'.repeat(rng.int(0, 10));
    else if (i % 5 === 1) body = '{"a":'.repeat(rng.int(1000, 50_000)) + '1' + '}'.repeat(rng.int(0, 50_000));
    else if (i % 5 === 2) {
      const full = JSON.stringify({ '@type': 'NewsArticle', headline: 'Netralitas ASN', datePublished: '2024-09-15', articleBody: ARTICLE_P.repeat(50) });
      body = full.slice(0, rng.int(0, full.length));
    } else if (i % 5 === 3) body = JSON.stringify(Array.from({ length: rng.int(100, 20_000) }, (_, k) => ({ '@type': 'NewsArticle', headline: `h${k}`, datePublished: `2024-01-${k % 40}` })));
    else body = Buffer.from(new Rng(seed + i).bytes(rng.int(10, 5000))).toString('latin1');
    const scripts = `<script type="application/ld+json">${body}</script>`.repeat(rng.chance(0.2) ? rng.int(2, 50) : 1);
    yield {
      name: `json-ld#${i}`,
      category: 'json-ld',
      kind: 'html',
      content: page(4000 + i).replace('</head>', `${scripts}</head>`),
      url: 'https://suaradaerah.id/a/1',
    };
  }
}

/** Invalid and absurd dates in the usual meta tags, time elements and visible text. */
function* badDates(n: number, seed: number): Generator<HostileCase> {
  const rng = new Rng(seed);
  const dates = [
    '', ' ', '2024-13-45', '0000-00-00', '2024-02-30', '2023-02-29', '99999-01-01', '-0001-01-01', '1970-01-01',
    '2024-00-10', 'yesterday', 'Senin', 'NaN', 'Infinity', '1e100', '2024-09-15T99:99:99Z', '2024/09/15',
    '15/09/2024', '31/31/31', '9/9', '2024-9-5', '20240915', '1726358400', '1726358400000', '<script>', '2024-09-15'.repeat(1000),
    'Minggu (32/13)', 'Senin (30/02/24)', '31 Februari 2024', '0 Januari 0', '12 Blabla 2024', '\u0661\u0662/\u0660\u0669/\u0662\u0660\u0662\u0664',
    '2024-W38-1', '+275760-09-13', '2024-09-15T00:00:00+25:00', 'Sabtu, 45 Oktober 2099',
  ];
  for (let i = 0; i < n; i++) {
    const d = dates[i % dates.length];
    const e = d.replace(/"/g, '&quot;');
    const metas = [
      `<meta property="article:published_time" content="${e}">`,
      `<meta name="pubdate" content="${e}">`,
      `<meta itemprop="datePublished" content="${e}">`,
      `<meta name="date" content="${e}">`,
      `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', datePublished: d, dateModified: d })}</script>`,
    ];
    const head = rng.sample(metas, rng.int(1, metas.length)).join('');
    const body = `<article><h1>Netralitas ASN</h1><time datetime="${e}">${d.slice(0, 200)}</time><p>Pj Bupati Sinjai menegaskan netralitas ASN pada ${d.slice(0, 200)} dalam apel di halaman kantor bupati.</p>${ARTICLE_P}</article>`;
    yield { name: `bad-dates#${i}(${d.slice(0, 20)})`, category: 'bad-dates', kind: 'html', content: `<html><head>${head}</head><body>${body}</body></html>`, url: 'https://borneoposdigital.net/x' };
  }
}

/** Right-to-left text, bidi controls, emoji sequences, combining marks, lone surrogates, NULs, odd spaces. */
function* unicode(n: number, seed: number): Generator<HostileCase> {
  const rng = new Rng(seed);
  const pieces = [
    'مرحبا بالعالم', 'שלום עולם', '\u202E\u202Dteks\u202C', '\u2066\u2067\u2068\u2069', '\u200F\u200E', '👨‍👩‍👧‍👦', '🏳️‍🌈',
    '🇮🇩', '😀'.repeat(50), 'e' + '\u0301'.repeat(500), 'Z̴̡̧̛͓̰̳̈́͒a̷̧̛͉̦͎̓l̶̢̈́g̵̛͙o̸͖̔', '\uD800', '\uDFFF', '\uD83D', '\uFFFE\uFFFF',
    '\u0000', '\u00A0\u2000\u2001\u2002\u3000', '\u2028\u2029', '\u00AD', '\u200B\u200C\u200D', 'ｆｕｌｌｗｉｄｔｈ', 'İıŞşĞğ',
    'ﷺ', '\u0E01\u0E34\u0E4A', '𝓑𝓾𝓹𝓪𝓽𝓲', 'Ⅻ', '½', 'ß', 'ﬁ', '\uFEFF', 'Pj Bupati Poso', 'netralitas ASN',
  ];
  for (let i = 0; i < n; i++) {
    const count = rng.int(1, rng.chance(0.1) ? 50_000 : 300);
    const parts: string[] = [];
    for (let k = 0; k < count; k++) parts.push(rng.pick(pieces), rng.chance(0.2) ? ' ' : '');
    const text = parts.join('');
    const where = i % 4;
    const content =
      where === 0
        ? `<html dir="rtl" lang="ar"><head><title>${text.slice(0, 500)}</title></head><body><article><p>${text}</p>${ARTICLE_P}</article></body></html>`
        : where === 1
          ? page(5000 + i).replace('<h1', `<h1 dir="rtl">${text.slice(0, 2000)}</h1><h1`)
          : where === 2
            ? `<p>${text}</p>`.repeat(rng.int(1, 20))
            : page(5000 + i).replace(/<p>/g, () => `<p>${rng.pick(pieces)}`);
    yield { name: `unicode#${i}`, category: 'unicode', kind: 'html', content, url: rng.chance(0.5) ? `https://例え.テスト/${text.slice(0, 10)}` : null };
  }
}

/** Entity floods and invalid character references. */
function* entities(): Generator<HostileCase> {
  const refs = ['&amp;', '&nbsp;', '&#0;', '&#x110000;', '&#xD800;', '&#99999999999;', '&#x;', '&;', '&notanentity;', '&amp', '&#65', '&lt;script&gt;', '&NotNestedLessLess;', '&#128512;'];
  let i = 0;
  for (const r of refs) {
    yield { name: `entities-${i++}`, category: 'entities', kind: 'html', content: `<html><head><title>${r.repeat(1000)}</title></head><body><p>${r.repeat(100_000)}</p>${ARTICLE_P}</body></html>`, url: null };
  }
  yield { name: 'entities-attr', category: 'entities', kind: 'html', content: `<html><head><meta property="og:title" content="${'&amp;'.repeat(200_000)}"></head><body>${ARTICLE_P}</body></html>`, url: null };
}

/** Plain-text inputs for `extractText`: header lines broken, binary, huge, empty. */
function* texts(n: number, seed: number): Generator<HostileCase> {
  const rng = new Rng(seed);
  const headers = [
    '', 'URL: \nTITLE: \nPUBLISHED: \n\n', 'URL: not a url\nTITLE: x\nPUBLISHED: 2024-13-45\n\n', 'PUBLISHED: unknown\n\n',
    'URL: https://e.x/a\n', 'TITLE: ' + 'x'.repeat(100_000) + '\n\n', 'URL:https://a.b\r\nTITLE:T\r\nPUBLISHED:2024-09-15\r\n\r\n',
    'URL: https://e.x/a\nURL: https://e.x/b\nTITLE: a\nTITLE: b\n\n', '\uFEFFURL: https://e.x\n\n', 'PUBLISHED: 99999-99-99\n\n',
  ];
  for (let i = 0; i < n; i++) {
    const h = headers[i % headers.length];
    const kind = i % 4;
    const body =
      kind === 0
        ? generatePage(6000 + i, 7).paragraphs.join('\n\n')
        : kind === 1
          ? Buffer.from(rng.bytes(rng.int(0, 50_000))).toString('latin1')
          : kind === 2
            ? '\n'.repeat(rng.int(0, 50_000)) + 'ASN'
            : generatePage(6000 + i, 7).paragraphs.join(' ').repeat(rng.int(1, 200));
    yield { name: `text#${i}`, category: 'text', kind: 'text', content: h + body, url: null };
  }
}

/** Counts per category of the standard (small) set; the 20 MB cases are separate, see `largeCases`. */
export const COUNTS = {
  binaryLatin1: 120,
  binaryUtf8: 100,
  tagSoup: 200,
  truncated: 150,
  mutated: 100,
  unclosed: 75,
  jsonLd: 60,
  badDates: 72,
  unicode: 60,
  texts: 40,
};

/** Every case of the standard set, generated lazily in a fixed order. */
export function* hostileCases(seed = 20240915): Generator<HostileCase> {
  yield* empty();
  yield* binary(COUNTS.binaryLatin1, seed + 1, 'latin1');
  yield* binary(COUNTS.binaryUtf8, seed + 2, 'utf8');
  yield* tagSoup(COUNTS.tagSoup, seed + 3);
  yield* truncated(COUNTS.truncated, seed + 4);
  yield* mutated(COUNTS.mutated, seed + 5);
  yield* nested();
  yield* unclosed(COUNTS.unclosed, seed + 6);
  yield* hugeAttributes();
  yield* manyHeadTags();
  yield* jsonLd(COUNTS.jsonLd, seed + 7);
  yield* badDates(COUNTS.badDates, seed + 8);
  yield* unicode(COUNTS.unicode, seed + 9);
  yield* entities();
  yield* texts(COUNTS.texts, seed + 10);
}

/** The 20 MB inputs: a long realistic article, one line without whitespace, and a page of many small elements. */
export function* largeCases(): Generator<HostileCase> {
  const size = 20 * MB;
  const base = page(7000);
  // 1. A page whose article body is ~20 MB of paragraphs.
  const paras: string[] = [];
  let len = base.length;
  for (let k = 0; len < size; k++) {
    const p = `<p>${generatePage(7000 + (k % 50), 7).paragraphs.join(' ')}</p>\n`;
    paras.push(p);
    len += p.length;
  }
  const big = base.replace('</h1>', `</h1>${paras.join('')}`);
  yield { name: 'large-article-20MB', category: 'large', kind: 'html', content: big.slice(0, size), url: 'https://kabartimurraya.co.id/x' };
  paras.length = 0;
  // 2. One line of 20 MB with no whitespace at all.
  const head = '<html><head><title>x</title></head><body><p>';
  yield { name: 'large-no-whitespace-20MB', category: 'large', kind: 'html', content: head + 'a'.repeat(size - head.length), url: null };
  // 3. ~20 MB of small elements (a link farm): many nodes rather than long text.
  const item = '<li><a href="/t/x">Tautan</a> <span>ASN</span></li>';
  const count = Math.floor((size - 100) / item.length);
  yield { name: 'large-many-elements-20MB', category: 'large', kind: 'html', content: `<html><body><ul>${item.repeat(count)}</ul>${ARTICLE_P}</body></html>`, url: null };
}
