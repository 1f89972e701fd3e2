/**
 * An invented news corpus for the API tests, saved through `saveArticleRecord` (which groups it into events):
 * one pledge in Kutai Kartanegara reported by three outlets, and four other events in three regions. Names,
 * numbers and outlets are made up.
 */
import { migrate, savePage, saveArticleRecord, upsertSource } from '../../src/store/index.js';
import type { Store } from '../../src/store/index.js';
import type { ArticleRecord, Commitment, Evidence, MeasureType, RegionRef } from '../../src/types/record.js';

const region = (code: string, name: string, level: RegionRef['level'], province: [string, string]): RegionRef => ({
  code,
  name,
  level,
  province: { code: province[0], name: province[1] },
});

export const KUKAR = region('64.02', 'Kabupaten Kutai Kartanegara', 'regency', ['64', 'Kalimantan Timur']);
export const SAMARINDA = region('64.72', 'Kota Samarinda', 'city', ['64', 'Kalimantan Timur']);
export const KENDARI = region('74.71', 'Kota Kendari', 'city', ['74', 'Sulawesi Tenggara']);
export const SULTRA = region('74', 'Sulawesi Tenggara', 'province', ['74', 'Sulawesi Tenggara']);

interface Report {
  url: string;
  sourceId?: string;
  published: string;
  region: RegionRef;
  eventDate: string | null;
  measures: MeasureType[];
  circulars?: string[];
  officials?: [name: string, position: string][];
}

const MEASURE_WORDS: Record<MeasureType, string> = {
  circular: 'menerbitkan surat edaran',
  instruction: 'mengeluarkan instruksi',
  integrity_pact: 'menandatangani pakta integritas',
  pledge: 'menggelar apel ikrar netralitas',
  mou: 'menandatangani nota kesepahaman',
  grant: 'menyerahkan hibah',
  socialization: 'menggelar sosialisasi netralitas',
  oversight: 'membentuk satgas pengawasan',
  sanction: 'mengancam sanksi tegas',
};

const PLEDGE = { region: KUKAR, eventDate: '2024-03-05', measures: ['circular', 'pledge'] as MeasureType[], circulars: ['800/123/BKPSDM/2024'], officials: [['Raden Sutrisno', 'Bupati']] as [string, string][] };

/** The reports: the first three are one pledge (same region, date and circular). */
export const REPORTS: Report[] = [
  { url: 'https://kaltimpost.example/berita/ikrar-netralitas-kukar', sourceId: 'kaltimpost', published: '2024-03-05', ...PLEDGE },
  { url: 'https://tribunkaltim.example/2024/03/06/asn-kukar-ikrar', published: '2024-03-06', ...PLEDGE },
  { url: 'https://antara-kaltim.example/news/kukar-netral', published: '2024-03-07', ...PLEDGE },
  {
    url: 'https://tribunkaltim.example/2024/09/02/sosialisasi-kukar',
    published: '2024-09-02',
    region: KUKAR,
    eventDate: '2024-09-01',
    measures: ['socialization'],
    officials: [['Raden Sutrisno', 'Bupati']],
  },
  {
    url: 'https://kendaripos.example/sanksi-asn-kendari',
    sourceId: 'kendaripos',
    published: '2024-05-11',
    region: KENDARI,
    eventDate: '2024-05-10',
    measures: ['sanction'],
    officials: [['Siti Aminah', 'Pj Wali Kota']],
  },
  {
    url: 'https://kendaripos.example/pakta-integritas-sultra',
    sourceId: 'kendaripos',
    published: '2024-01-21',
    region: SULTRA,
    eventDate: '2024-01-20',
    measures: ['integrity_pact'],
    officials: [['Andi Mappanyukki', 'Sekda']],
  },
  {
    url: 'https://kaltimpost.example/berita/satgas-samarinda',
    sourceId: 'kaltimpost',
    published: '2024-07-01',
    region: SAMARINDA,
    eventDate: null,
    measures: ['oversight'],
  },
];

/** The events the reports make: the pledge (3 articles) and four single reports. */
export const EVENT_COUNT = 5;

/** An article record with one commitment and evidence quoting its text. */
export function recordOf(r: Report): ArticleRecord {
  const who = (r.officials ?? []).map(([name, position]) => `${position} ${name}`).join(' dan ');
  const what = r.measures.map((t) => MEASURE_WORDS[t]).join(', ');
  const docs = (r.circulars ?? []).map((n) => `Surat Edaran Nomor ${n}`).join(' dan ');
  const text = `Pemerintah ${r.region.name} menegaskan netralitas ASN. ${who ? `${who} hadir. ` : ''}Pemerintah ${what}. ${docs ? `${docs} berlaku.` : ''}`;
  const quote = (phrase: string): Evidence => {
    const start = text.indexOf(phrase);
    if (start < 0) throw new Error(`fixture text lacks ${phrase}`);
    return { field: 'text', start, end: start + phrase.length, quote: phrase };
  };
  const commitment: Commitment = {
    region: r.region,
    officials: (r.officials ?? []).map(([name, position]) => ({ name, position, evidence: quote(`${position} ${name}`) })),
    event_date: r.eventDate,
    circulars: (r.circulars ?? []).map((number) => ({ number, kind: 'surat_edaran' as const, evidence: quote(`Surat Edaran Nomor ${number}`) })),
    measures: r.measures.map((type) => ({ type, evidence: quote(MEASURE_WORDS[type]) })),
  };
  return {
    input: r.url,
    url: r.url,
    title: `Netralitas ASN di ${r.region.name}`,
    site: new URL(r.url).host,
    published_at: r.published,
    language: 'id',
    text,
    relevant: true,
    relevance: 0.9,
    commitments: [commitment],
    extractor_version: 'test-api',
  };
}

/** Migrates the store and saves the outlets and reports. */
export async function seed(store: Store): Promise<void> {
  await migrate(store);
  for (const [id, host] of [
    ['kaltimpost', 'kaltimpost.example'],
    ['kendaripos', 'kendaripos.example'],
  ]) {
    await upsertSource(store, {
      id,
      name: id === 'kaltimpost' ? 'Kaltim Post' : 'Kendari Pos',
      home: `https://${host}/`,
      region: id === 'kaltimpost' ? '64' : '74',
      discovery: [{ kind: 'sitemap', url: `https://${host}/sitemap.xml` }],
      articlePattern: '^https://',
      verified: false,
    });
  }
  for (const r of REPORTS) {
    const pageId = await savePage(store, { url: r.url, sourceId: r.sourceId ?? null, status: 200, body: '<html></html>', contentType: 'text/html' });
    await saveArticleRecord(store, pageId, recordOf(r));
  }
}

const TABLES = [
  'sources',
  'pages',
  'articles',
  'commitments',
  'officials',
  'circulars',
  'measures',
  'evidence',
  'events',
  'event_aliases',
  'event_members',
  'event_measures',
  'event_circulars',
  'event_officials',
  'persons',
] as const;

/** Row count of every table, to check that requests change nothing. */
export async function tableCounts(store: Store): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) {
    const row = await store.db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[t] = Number(row.n);
  }
  return out;
}
