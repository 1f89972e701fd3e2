import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { normalizeTree, walk, walkDocument, type DomElement, type DomNode } from '../../src/extract/content/dom.js';
import { slimHtml } from '../../src/extract/content/parse-document.js';
import { dropUnreadAttributes, isReadAttribute } from '../../src/extract/content/unread-attributes.js';
import { Rng } from '../../scripts/lib/prng.js';
import { generatePage } from '../../scripts/lib/generate-pages.js';

interface Doc {
  childNodes: ArrayLike<DomNode>;
  toString(): string;
}

function parse(html: string): Doc {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Doc;
}

/** The elements of a document in document order, through `childNodes` alone. */
function elementsOf(doc: Doc): DomElement[] {
  const out: DomElement[] = [];
  const visit = (node: { childNodes: ArrayLike<DomNode> }) => {
    for (let i = 0; i < node.childNodes.length; i++) {
      const child = node.childNodes[i];
      if (child.nodeType === 1) {
        out.push(child as DomElement);
        visit(child);
      }
    }
  };
  visit(doc);
  return out;
}

/** The document serialised without the attributes nothing reads. */
function readView(html: string): string {
  const doc = parse(html);
  for (const el of elementsOf(doc)) {
    const names = (el as unknown as { getAttributeNames(): string[] }).getAttributeNames();
    for (const name of [...names]) if (!isReadAttribute(el.localName, name)) (el as unknown as { removeAttribute(n: string): void }).removeAttribute(name);
  }
  return doc.toString();
}

/** What the parser makes of the markup and of the markup without unread attributes must be the same. */
function expectSameDocument(html: string): void {
  const dropped = dropUnreadAttributes(html);
  expect(readView(dropped), html.slice(0, 500)).toBe(readView(html));
}

const TEXT = ['hello ', ' ', '\n', 'a &amp; b', '&', '&#x3c;', '&lt', '<', '<<', '< x', '\x1c', '\x0f', '"', "'", '=', '>', '/', 'x&y=z'];
const TAGS = [
  '<a', '<A', '<img', '<script', '<scripts', '<sc', '<title', '<TITLE', '<xitle', '<tmp', '<textarea', '<xetarea',
  '<xmp', '<style', '<math', '<template', '<p', '<div', '<meta', '<html', '<body', '<head', '<td', '<iframe', '<time',
  '<t', '<x', '<s',
];
const ATTRS = [
  ' title="x>y"', " title='a\"b'", ' title=x/', ' title', ' =x', 'title="1"class="c"', ' data-x = "v"', ' CLASS=A',
  ' href', '/', ' / ', ' onclick=a>b', ' __proto__="x"', ' 1="a"', ' class="k"', ' id=i', ' x="&amp;"', " y='&#34;'",
  ' z=&', ' alt=""', ' title=""', ' rel=nofollow', ' a b c', ' a= b', ' a =', '="q"', ' title="unterminated', " t='",
  ' style="display:none"', ' hidden', ' TITLE="T"', '\ttarget=_blank', ' data-a=1/', '"x"', "'y'",
];
const CLOSE = ['>', '/>', ' >', '/ >', '', '>>'];
const OTHER = [
  '<!-->', '<!--->', '<!-- x -->', '<!-- a -- b --->', '<!x>', '<!>', '<!->', '<!-x>', '<![CDATA[ a ]]>',
  '<![CDATA[ a ]]]>', '<![CDAT x>', '<?pi x?>', '</a>', '</ a>', '</>', '</!x>', '</script >', '</SCRIPT>', '</script',
  '</title\x0f>', '\x1c\x0ftitle>', '</title>', '</xmp>', '</textarea>', '</style>', '</b x="1">', '</p', '<!', '<',
];

function tagSoup(rng: Rng): string {
  let s = '';
  const parts = 3 + rng.int(0, 30);
  for (let i = 0; i < parts; i++) {
    const r = rng.next();
    if (r < 0.3) s += rng.pick(TEXT);
    else if (r < 0.75) {
      s += rng.pick(TAGS);
      const attributes = rng.int(0, 3);
      for (let j = 0; j < attributes; j++) s += rng.pick(ATTRS);
      s += rng.pick(CLOSE);
    } else s += rng.pick(OTHER);
  }
  return s;
}

describe('dropUnreadAttributes', () => {
  it('removes unread attributes and keeps the read ones', () => {
    const html = '<a href="/x" title="Judul" target=_blank class="more" data-id=3>Baca</a><img src="a.jpg" alt="x" data-src="b.jpg">';
    expect(dropUnreadAttributes(html)).toBe('<a href="/x"   class="more" >Baca</a><img src="a.jpg" alt="x" data-src="b.jpg">');
  });

  it('leaves markup it cannot vouch for as it is', () => {
    // Unterminated; after `/`; after a value-less attribute; followed by another attribute without a space.
    for (const html of ['<a title="x"', '<a/title="x">', '<a href title="x">', '<a title="x"href="y">']) {
      expect(dropUnreadAttributes(html)).toBe(html);
    }
    // Inside raw text elements nothing is a tag.
    expect(dropUnreadAttributes('<title><a title="x"></title>')).toBe('<title><a title="x"></title>');
    expect(dropUnreadAttributes('<textarea><a title="x"></textarea ><a title="y">')).toBe('<textarea><a title="x"></textarea ><a >');
  });

  it('gives the same document, less unread attributes, on generated pages', () => {
    for (let i = 0; i < 40; i++) {
      const { html } = generatePage(i, 7);
      expectSameDocument(html);
      expectSameDocument(slimHtml(html));
    }
  });

  it('gives the same document, less unread attributes, on the article-extraction benchmark pages', () => {
    const dir = join(import.meta.dirname, '..', '..', '..', 'shared', 'bench', 'article-extraction', 'html');
    let files: string[];
    try {
      files = readdirSync(dir).filter((f) => /\.html(\.gz)?$/.test(f));
    } catch {
      return; // the benchmark is not there
    }
    expect(files.length).toBeGreaterThan(0);
    for (const f of files.slice(0, 40)) {
      const raw = readFileSync(join(dir, f));
      expectSameDocument((f.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8'));
    }
  });

  it('gives the same document, less unread attributes, on tag soup', () => {
    const rng = new Rng(20241123);
    for (let i = 0; i < 3000; i++) {
      const soup = tagSoup(rng);
      expectSameDocument(soup);
      expectSameDocument(`<html><body>${soup}</body></html>`);
    }
  });
});

describe('linkedom node lists', () => {
  /** Reference order: the standard getters, like walk() without linkedom's list. */
  function reference(root: DomNode): string[] {
    const out: string[] = [];
    const visit = (node: DomNode) => {
      for (let i = 0; i < node.childNodes.length; i++) {
        const child = node.childNodes[i];
        if (child.nodeType === 1) {
          const el = child as DomElement;
          out.push(`<${el.localName}>`);
          if (el.localName !== 'template') visit(el);
          out.push(`</${el.localName}>`);
        } else out.push(`#${child.nodeType}:${child.nodeValue ?? ''}`);
      }
    };
    visit(root);
    return out;
  }

  function walked(run: (enter: (n: DomNode) => boolean | void, leave: (el: DomElement) => void) => void): string[] {
    const out: string[] = [];
    run(
      (n) => {
        if (n.nodeType === 1) {
          out.push(`<${(n as DomElement).localName}>`);
          return (n as DomElement).localName !== 'template';
        }
        out.push(`#${n.nodeType}:${n.nodeValue ?? ''}`);
      },
      (el) => {
        out.push(`</${el.localName}>`);
      },
    );
    return out;
  }

  it('normalizes as linkedom does: adjacent text nodes merged, empty ones dropped', () => {
    const rng = new Rng(11);
    const pages = [
      '<html><body><p>a &amp; b &lt; c</p>x<?pi?>y</q>z<p>&#60;&#62;</p></body></html>',
      ...Array.from({ length: 300 }, () => `<html><body>${tagSoup(rng)} &amp; ${tagSoup(rng)}</body></html>`),
    ];
    for (const html of pages) {
      const ours = parse(html) as unknown as { documentElement: DomElement; toString(): string; childNodes: ArrayLike<DomNode> };
      const theirs = parse(html) as unknown as { documentElement: DomElement & { normalize(): void }; toString(): string };
      normalizeTree(ours.documentElement);
      theirs.documentElement.normalize();
      expect(ours.toString()).toBe(theirs.toString());
      // Same text node boundaries, not only the same serialisation.
      const texts = (doc: { childNodes: ArrayLike<DomNode> }) => reference(doc as unknown as DomNode).filter((x) => x.startsWith('#3:'));
      expect(texts(ours)).toEqual(texts(theirs as unknown as { childNodes: ArrayLike<DomNode> }));
    }
  });

  it('visits what childNodes hold, in the same order, with templates skipped', () => {
    const rng = new Rng(7);
    const pages = [
      '<!DOCTYPE html><html lang="id"><head><title>t</title></head><body><p class="a">x <b>y</b><br>z</p><template><i>no</i></template><!-- c --><img src=a></body></html>',
      ...Array.from({ length: 200 }, () => `<html><body>${tagSoup(rng)}</body></html>`),
      generatePage(3, 1).html,
    ];
    for (const html of pages) {
      const doc = parse(html) as unknown as { childNodes: ArrayLike<DomNode>; body: DomElement };
      expect(walked((enter, leave) => walkDocument(doc, enter, leave))).toEqual(reference(doc as unknown as DomNode));
      if (doc.body) expect(walked((enter, leave) => walk(doc.body, enter, leave))).toEqual(reference(doc.body));
    }
  });
});
