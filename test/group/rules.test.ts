/**
 * The grouping rules on invented reports: which commitments of a region are one event.
 */
import { describe, expect, it } from 'vitest';
import { WINDOW_DAYS, connectedGroups, linkReason, summarizeEvent } from '../../src/group/index.js';
import { AMBON, KAB_BIMA, KOTA_BIMA, MALTENG, member, partition, shuffled } from './fixtures.js';
import type { Report } from './fixtures.js';

/** Four outlets (one of them twice) on one pledge ceremony in Maluku Tengah, dates and spellings differing. */
const CEREMONY: Report[] = [
  {
    url: 'https://kabar-seram.test/2023/11/20/apel-netralitas',
    published: '2023-11-20',
    region: MALTENG,
    eventDate: '2023-11-20',
    measures: ['pledge', 'integrity_pact'],
    officials: [['Djalaludin Salampessy', 'Pj Bupati']],
  },
  {
    url: 'https://suara-masohi.test/berita/ikrar-asn',
    published: '2023-11-21',
    region: MALTENG,
    measures: ['pledge'],
    officials: [['Djalaluddin Salampessy', 'Penjabat Bupati']],
  },
  {
    url: 'https://maluku-hari-ini.test/p/4411',
    published: '2023-11-23',
    region: MALTENG,
    eventDate: '2023-11-21',
    measures: ['integrity_pact', 'socialization'],
    officials: [
      ['H. Djalaluddin Salampesy, S.Sos', 'Pj Bupati'],
      ['Rahman Tuasikal', 'Sekda'],
    ],
  },
  {
    url: 'https://maluku-hari-ini.test/p/4420',
    published: '2023-11-24',
    region: MALTENG,
    eventDate: '2023-11-20',
    measures: ['pledge'],
    officials: [['Djalaluddin Salampessy', 'Pj Bupati']],
  },
];

describe('the link rules', () => {
  it('several outlets reporting one pledge with slightly different dates and spellings are one event', () => {
    const members = CEREMONY.map((r) => member(r));
    const groups = connectedGroups(members);
    expect(groups).toHaveLength(1);
    const s = summarizeEvent(groups[0]);
    expect(s.commitments).toBe(4);
    expect(s.articles).toBe(4);
    expect(s.sites).toBe(3);
    expect(s.eventDate).toBe('2023-11-20');
    expect([s.dateMin, s.dateMax]).toEqual(['2023-11-20', '2023-11-21']);
    expect([s.firstPublished, s.lastPublished]).toEqual(['2023-11-20', '2023-11-24']);
    expect(s.measures).toEqual(['integrity_pact', 'pledge', 'socialization']);
    expect(s.officials.map((o) => [o.name, o.mentions])).toEqual([
      ['Djalaluddin Salampessy', 4],
      ['Rahman Tuasikal', 1],
    ]);
    expect(s.officials[0].position).toBe('Pj Bupati');
  });

  it('the same circular number links reports months apart', () => {
    const issued = member({
      url: 'https://kabar-seram.test/se-netralitas',
      published: '2023-10-02',
      region: MALTENG,
      eventDate: '2023-10-02',
      measures: ['circular'],
      circulars: ['800/0123/BKPSDM/X/2023'],
    });
    const cited = member({
      url: 'https://suara-masohi.test/evaluasi-se',
      published: '2024-01-15',
      region: MALTENG,
      eventDate: '2024-01-15',
      measures: ['oversight'],
      circulars: ['800 / 123 / BKPSDM / X / 2023'],
    });
    expect(linkReason(issued, cited)).toBe('circular');
    expect(connectedGroups([issued, cited])).toHaveLength(1);
  });

  it('two pledges a week apart in one region stay two events, with several reports each', () => {
    const reports: Report[] = [
      { url: 'https://a.test/1', published: '2023-11-06', region: AMBON, eventDate: '2023-11-06', measures: ['pledge'] },
      { url: 'https://b.test/1', published: '2023-11-07', region: AMBON, measures: ['pledge'] },
      { url: 'https://c.test/1', published: '2023-11-09', region: AMBON, eventDate: '2023-11-06', measures: ['pledge', 'sanction'] },
      { url: 'https://a.test/2', published: '2023-11-13', region: AMBON, eventDate: '2023-11-13', measures: ['pledge'] },
      { url: 'https://b.test/2', published: '2023-11-14', region: AMBON, measures: ['pledge'] },
      { url: 'https://c.test/2', published: '2023-11-15', region: AMBON, eventDate: '2023-11-13', measures: ['pledge'] },
    ];
    expect(partition(connectedGroups(reports.map((r) => member(r))))).toEqual([
      ['https://a.test/1', 'https://b.test/1', 'https://c.test/1'],
      ['https://a.test/2', 'https://b.test/2', 'https://c.test/2'],
    ]);
  });

  it(`measures must overlap, and dates be at most ${WINDOW_DAYS} days apart`, () => {
    const base: Report = { url: 'https://a.test/x', published: '2023-11-06', region: AMBON, eventDate: '2023-11-06', measures: ['pledge'] };
    const at = (day: string, measures: Report['measures'] = ['pledge']) =>
      member({ ...base, url: `https://b.test/${day}`, eventDate: day, published: day, measures });
    expect(linkReason(member(base), at('2023-11-09'))).toBe('measures');
    expect(linkReason(member(base), at('2023-11-03'))).toBe('measures');
    expect(linkReason(member(base), at('2023-11-10'))).toBeNull();
    expect(linkReason(member(base), at('2023-11-06', ['mou']))).toBeNull();
    expect(linkReason(member(base), member({ ...base, url: 'https://c.test/u', published: null, eventDate: null }))).toBeNull();
  });

  it('a Kabupaten and the Kota of the same name never merge', () => {
    const same = { published: '2024-01-08', eventDate: '2024-01-08', measures: ['pledge' as const], circulars: ['800/1/2024'] };
    const kab = member({ url: 'https://bima-news.test/kab', region: KAB_BIMA, ...same, officials: [['Ahmad Yani', 'Bupati']] });
    const kota = member({ url: 'https://bima-news.test/kota', region: KOTA_BIMA, ...same, officials: [['Ahmad Yani', 'Wali Kota']] });
    expect(linkReason(kab, kota)).toBeNull();
    expect(connectedGroups([kab, kota])).toHaveLength(2);
  });

  it('a bare statement joins only on the same date and a shared official', () => {
    const pledge = member({
      url: 'https://a.test/apel',
      published: '2023-11-20',
      region: MALTENG,
      eventDate: '2023-11-20',
      measures: ['pledge'],
      officials: [['Djalaludin Salampessy', 'Pj Bupati']],
    });
    const bare = (url: string, day: string, name: string) =>
      member({ url, published: day, region: MALTENG, eventDate: day, officials: [[name, 'Pj Bupati']] });
    expect(linkReason(pledge, bare('https://b.test/1', '2023-11-20', 'Djalaluddin Salampesy'))).toBe('official');
    expect(linkReason(pledge, bare('https://b.test/2', '2023-11-21', 'Djalaluddin Salampesy'))).toBeNull();
    expect(linkReason(pledge, bare('https://b.test/3', '2023-11-20', 'Rahman Tuasikal'))).toBeNull();
    // Two bare statements: the same rule.
    const sekda = (url: string) => bare(url, '2023-11-20', 'Rahman Tuasikal');
    expect(linkReason(sekda('https://b.test/4'), sekda('https://b.test/5'))).toBe('official');
    // Neither bare: a shared official and date without a shared measure is not enough.
    const mou = member({
      url: 'https://c.test/mou',
      published: '2023-11-20',
      region: MALTENG,
      eventDate: '2023-11-20',
      measures: ['mou'],
      officials: [['Djalaludin Salampessy', 'Pj Bupati']],
    });
    expect(linkReason(pledge, mou)).toBeNull();
  });

  it('the grouping does not depend on the order reports arrive in', () => {
    const reports: Report[] = [
      ...CEREMONY,
      { url: 'https://x.test/se', published: '2023-10-02', region: MALTENG, eventDate: '2023-10-02', measures: ['circular'], circulars: ['800/123/BKPSDM/X/2023'] },
      { url: 'https://y.test/se', published: '2024-01-15', region: MALTENG, measures: ['oversight'], circulars: ['800/123/bkpsdm/x/2023'] },
      { url: 'https://y.test/bridge', published: '2023-11-25', region: MALTENG, eventDate: '2023-11-24', measures: ['pledge'], circulars: ['800/123/BKPSDM/X/2023'] },
      { url: 'https://z.test/ambon', published: '2023-11-20', region: AMBON, eventDate: '2023-11-20', measures: ['pledge'] },
      { url: 'https://z.test/late', published: '2023-12-20', region: MALTENG, eventDate: '2023-12-20', measures: ['pledge'] },
    ];
    const members = reports.map((r) => member(r));
    const expected = partition(connectedGroups(members));
    expect(expected).toHaveLength(3);
    for (let seed = 1; seed <= 25; seed++) expect(partition(connectedGroups(shuffled(members, seed)))).toEqual(expected);
  });
});
