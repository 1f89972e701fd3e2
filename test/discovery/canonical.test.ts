import { describe, expect, it } from 'vitest';
import { articleUrl, canonicalUrl, hostBelongsTo, sameSite, tryCanonicalUrl } from '../../src/crawl/url/index.js';

describe('canonicalUrl', () => {
  it('resolves relative URLs, lower-cases scheme and host, keeps www, drops fragments and default ports', () => {
    expect(canonicalUrl('../berita/1?x=1#komentar', 'https://Kabar.ID/a/b/')).toBe('https://kabar.id/a/berita/1?x=1');
    expect(canonicalUrl('HTTP://WWW.Contoh.ID:80/Berita/Satu')).toBe('http://www.contoh.id/Berita/Satu');
    expect(canonicalUrl('https://contoh.id:443/x')).toBe('https://contoh.id/x');
    expect(canonicalUrl('https://contoh.id:8443/x/')).toBe('https://contoh.id:8443/x');
    expect(canonicalUrl('https://contoh.id./x')).toBe('https://contoh.id/x');
  });

  it('normalises the trailing slash: removed everywhere but the root', () => {
    expect(canonicalUrl('https://contoh.id/2024/10/03/slug/')).toBe('https://contoh.id/2024/10/03/slug');
    expect(canonicalUrl('https://contoh.id/2024/10/03/slug')).toBe('https://contoh.id/2024/10/03/slug');
    expect(canonicalUrl('https://contoh.id')).toBe('https://contoh.id/');
    expect(canonicalUrl('https://contoh.id/')).toBe('https://contoh.id/');
    expect(canonicalUrl('https://palpos.contoh.co//read/17580/slug')).toBe('https://palpos.contoh.co/read/17580/slug');
  });

  it('drops tracking parameters, keeps the others sorted (page=all, p, repeated keys in order)', () => {
    expect(
      canonicalUrl('https://contoh.id/b?utm_source=fb&utm_medium=social&fbclid=AbC&gclid=1&z=2&a=1&ref=home&src=x&source=y&_ga=1.2&mc_cid=9&mc_eid=8&spm=a.b'),
    ).toBe('https://contoh.id/b?a=1&z=2');
    expect(canonicalUrl('https://contoh.id/berita/1?page=all&utm_campaign=x')).toBe('https://contoh.id/berita/1?page=all');
    expect(canonicalUrl('https://tangerangdaily.id/?p=23970')).toBe('https://tangerangdaily.id/?p=23970');
    expect(canonicalUrl('https://contoh.id/s?tag=b&tag=a&q=x')).toBe('https://contoh.id/s?q=x&tag=b&tag=a');
    expect(canonicalUrl('https://contoh.id/s?')).toBe('https://contoh.id/s');
    expect(canonicalUrl('https://contoh.id/s?UTM_Source=x&flag')).toBe('https://contoh.id/s?flag');
  });

  it('maps AMP variants to the page', () => {
    expect(canonicalUrl('https://sorong.tribunnews.com/amp/2023/11/16/dugaan-pj-bupati')).toBe('https://sorong.tribunnews.com/2023/11/16/dugaan-pj-bupati');
    expect(canonicalUrl('https://ambon.antaranews.com/amp/berita/211200/pemprov-malut')).toBe('https://ambon.antaranews.com/berita/211200/pemprov-malut');
    expect(canonicalUrl('https://iniberita.id/sosialisasi-netralisasi/amp')).toBe('https://iniberita.id/sosialisasi-netralisasi');
    expect(canonicalUrl('https://contoh.id/slug/amp/')).toBe('https://contoh.id/slug');
    expect(canonicalUrl('https://contoh.id/2024/09/slug.amp.html')).toBe('https://contoh.id/2024/09/slug.html');
    expect(canonicalUrl('https://contoh.id/2024/09/slug.html?amp=1')).toBe('https://contoh.id/2024/09/slug.html');
    expect(canonicalUrl('https://contoh.id/read/1?outputType=amp&b=2')).toBe('https://contoh.id/read/1?b=2');
    expect(canonicalUrl('https://contoh.id/read/1?outputType=print')).toBe('https://contoh.id/read/1?outputType=print');
    expect(canonicalUrl('https://amp.contoh.id/read/1')).toBe('https://contoh.id/read/1');
    expect(canonicalUrl('https://amp.contoh.id/read/1', undefined, { source: { home: 'https://www.contoh.id/' } })).toBe(
      'https://www.contoh.id/read/1',
    );
    // a word that merely contains "amp" is not an AMP marker
    expect(canonicalUrl('https://contoh.id/kampanye/amplop-serangan-fajar')).toBe('https://contoh.id/kampanye/amplop-serangan-fajar');
  });

  it('maps an m. host only when the source declares it', () => {
    const source = { home: 'https://harianmomentum.com/', extraHosts: ['m.harianmomentum.com'] };
    expect(canonicalUrl('https://m.harianmomentum.com/read/54682/x.html', undefined, { source })).toBe('https://harianmomentum.com/read/54682/x.html');
    expect(canonicalUrl('https://m.harianmomentum.com/read/54682/x.html')).toBe('https://m.harianmomentum.com/read/54682/x.html');
    expect(canonicalUrl('https://m.lain.com/x', undefined, { source: { home: 'https://lain.com/' } })).toBe('https://m.lain.com/x');
  });

  it('normalises percent escapes', () => {
    expect(canonicalUrl('https://fbeta.republika.co.id/berita/s4b6w1432/deklarasi-2024%c2%a0')).toBe(
      'https://fbeta.republika.co.id/berita/s4b6w1432/deklarasi-2024%C2%A0',
    );
    expect(canonicalUrl('https://contoh.id/%7Eredaksi/%61bc')).toBe('https://contoh.id/~redaksi/abc');
  });

  it('refuses what is not http(s)', () => {
    expect(() => canonicalUrl('mailto:redaksi@contoh.id')).toThrow(TypeError);
    expect(tryCanonicalUrl('javascript:void(0)')).toBeNull();
    expect(tryCanonicalUrl('http://[bad')).toBeNull();
  });
});

describe('sameSite', () => {
  const source = { home: 'https://www.republika.co.id/', extraHosts: ['*.republika.co.id'] };
  it('accepts the home host with or without www, declared extra hosts and declared subdomains', () => {
    expect(sameSite('https://republika.co.id/berita/x', source)).toBe(true);
    expect(sameSite('https://fbeta.republika.co.id/berita/x', source)).toBe(true);
    expect(sameSite('https://republika.co.id.evil.com/x', source)).toBe(false);
    expect(sameSite('https://notrepublika.co.id/x', source)).toBe(false);
    expect(sameSite('ftp://republika.co.id/x', source)).toBe(false);
  });
  it('does not accept subdomains that are not declared', () => {
    const antara = { home: 'https://kalsel.antaranews.com/' };
    expect(sameSite('https://kalsel.antaranews.com/berita/1/x', antara)).toBe(true);
    expect(sameSite('https://sultra.antaranews.com/berita/1/x', antara)).toBe(false);
    expect(sameSite('https://www.antaranews.com/berita/1/x', antara)).toBe(false);
    expect(hostBelongsTo('M.HarianMomentum.com', { home: 'https://harianmomentum.com', extraHosts: ['m.harianmomentum.com'] })).toBe(true);
  });
});

describe('articleUrl', () => {
  const source = { home: 'https://kalsel.antaranews.com/', articlePattern: '^https?://[^/?#]+/berita/\\d+/[a-z0-9-]+$' };
  it('canonicalises, checks the host and the pattern', () => {
    expect(articleUrl('/amp/berita/438365/pemkab-banjar?utm_source=x#top', source, 'https://kalsel.antaranews.com/terkini')).toBe(
      'https://kalsel.antaranews.com/berita/438365/pemkab-banjar',
    );
    expect(articleUrl('https://kalsel.antaranews.com/tag/netralitas-asn', source)).toBeNull();
    expect(articleUrl('https://sultra.antaranews.com/berita/1/x', source)).toBeNull();
  });
});
