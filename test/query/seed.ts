/**
 * A seeded store for the query tests: invented articles saved through saveArticleRecord (which groups them), the
 * same events reported by several outlets. Names, numbers and outlets are made up.
 */
import { migrate, saveArticleRecord, savePage, upsertSource } from '../../src/store/index.js';
import type { Store } from '../../src/store/index.js';
import type { RegionRef } from '../../src/types/record.js';
import { record } from '../group/fixtures.js';
import type { Report } from '../group/fixtures.js';

const region = (code: string, name: string, level: RegionRef['level'], province: [string, string]): RegionRef => ({
  code,
  name,
  level,
  province: { code: province[0], name: province[1] },
});

export const KENDARI = region('74.71', 'Kota Kendari', 'city', ['74', 'Sulawesi Tenggara']);
export const SULTRA = region('74', 'Sulawesi Tenggara', 'province', ['74', 'Sulawesi Tenggara']);
export const KUKAR = region('64.02', 'Kabupaten Kutai Kartanegara', 'regency', ['64', 'Kalimantan Timur']);
export const KAB_BEKASI = region('32.16', 'Kabupaten Bekasi', 'regency', ['32', 'Jawa Barat']);
export const KOTA_BEKASI = region('32.75', 'Kota Bekasi', 'city', ['32', 'Jawa Barat']);

interface Article {
  reports: Report[];
  title: string;
  /** Registry source id of the page. */
  sourceId?: string;
}

const A = (title: string, reports: Report[], sourceId?: string): Article => ({ title, reports, sourceId });

/** The articles; the comment above each group says which event they make. */
export const ARTICLES: Article[] = [
  // E1: Kendari integrity pact, three outlets (one spelling the official differently), one of them twice.
  A('Pemkot Kendari Teken Pakta Integritas Netralitas', [
    { url: 'https://kendaripos.test/pakta', published: '2024-01-18', region: KENDARI, eventDate: '2024-01-18', measures: ['integrity_pact'], officials: [['Asmawa Tosepu', 'Pj Wali Kota']] },
  ], 'kendaripos'),
  A('ASN Kendari Diancam Sanksi', [
    { url: 'https://zonasultra.test/sanksi', published: '2024-01-19', region: KENDARI, eventDate: '2024-01-18', measures: ['integrity_pact', 'sanction'], officials: [['Asmawa Tosepu', 'Pj Wali Kota']] },
  ]),
  A('Pakta integritas di Balai Kota', [
    { url: 'https://antara.test/kendari-pakta', published: '2024-01-19', region: KENDARI, measures: ['integrity_pact'], officials: [['Asmawa Tosepuu', 'Penjabat Wali Kota']] },
  ]),
  A('Kendari: pakta integritas (pembaruan)', [
    { url: 'https://kendaripos.test/pakta-2', published: '2024-01-20', region: KENDARI, eventDate: '2024-01-18', measures: ['integrity_pact'] },
  ], 'kendaripos'),
  // E2: Kendari pledge in March, one outlet.
  A('Apel Ikrar Netralitas di Kendari', [
    { url: 'https://kendaripos.test/apel', published: '2024-03-05', region: KENDARI, eventDate: '2024-03-05', measures: ['pledge'] },
  ], 'kendaripos'),
  // E3: Kukar circular, cited again two months later by another outlet ("O'Brien" tests quotes in names).
  A('Bupati Kukar Terbitkan Surat Edaran Netralitas', [
    { url: 'https://kaltimpost.test/se', published: '2023-11-02', region: KUKAR, eventDate: '2023-11-01', measures: ['circular'], circulars: ['800/12/BKD/2023'], officials: [["Edi D'Amran", 'Bupati']] },
  ]),
  A('Evaluasi SE netralitas Kukar', [
    { url: 'https://tribun-kaltim.test/evaluasi', published: '2024-01-10', region: KUKAR, measures: ['oversight'], circulars: ['800/012/BKD/2023'] },
  ]),
  // E4 and E5: Kabupaten and Kota Bekasi the same day in one article: two events.
  A('Dua Pemda Bekasi Gelar Apel', [
    { url: 'https://bekasi-news.test/apel', published: '2024-02-01', region: KAB_BEKASI, eventDate: '2024-02-01', measures: ['pledge'] },
    { url: 'https://bekasi-news.test/apel', published: '2024-02-01', region: KOTA_BEKASI, eventDate: '2024-02-01', measures: ['pledge'] },
  ]),
  // E6: the province government of Sulawesi Tenggara, socialization at a unique place.
  A('Sosialisasi di Ruang Rapat Bahteramas', [
    { url: 'https://zonasultra.test/sosialisasi', published: '2024-02-10', region: SULTRA, eventDate: '2024-02-10', measures: ['socialization'], officials: [['Andap Budhi Revianto', 'Pj Gubernur']] },
  ]),
];

export const EVENT_COUNT = 6;

/** Migrates and saves every article (pages first, the kendaripos source registered). */
export async function seed(store: Store): Promise<void> {
  await migrate(store);
  await upsertSource(store, { id: 'kendaripos', name: 'Kendari Pos', home: 'https://kendaripos.test/', discovery: [], articlePattern: '.', verified: false });
  for (const a of ARTICLES) {
    const url = a.reports[0].url;
    const id = await savePage(store, {
      url,
      sourceId: a.sourceId ?? null,
      status: 200,
      body: `<html><body>${url}</body></html>`,
      contentType: 'text/html',
    } as Parameters<typeof savePage>[1]);
    await saveArticleRecord(store, id, { ...record(a.reports), title: a.title });
  }
}
