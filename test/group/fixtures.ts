/**
 * Invented reports for the grouping tests: one commitment per report, turned into a grouping member (pure tests)
 * or into an article record with consistent evidence (store tests). Names, numbers and outlets are made up.
 */
import { MEASURES } from '../../src/types/record.js';
import type { ArticleRecord, Commitment, Evidence, MeasureType, RegionRef } from '../../src/types/record.js';
import { memberKey } from '../../src/group/index.js';
import type { GroupMember } from '../../src/group/index.js';

const region = (code: string, name: string, level: RegionRef['level'], province: [string, string]): RegionRef => ({
  code,
  name,
  level,
  province: { code: province[0], name: province[1] },
});

export const MALTENG = region('81.01', 'Kabupaten Maluku Tengah', 'regency', ['81', 'Maluku']);
export const AMBON = region('81.71', 'Kota Ambon', 'city', ['81', 'Maluku']);
export const KAB_BIMA = region('52.06', 'Kabupaten Bima', 'regency', ['52', 'Nusa Tenggara Barat']);
export const KOTA_BIMA = region('52.72', 'Kota Bima', 'city', ['52', 'Nusa Tenggara Barat']);

export interface Report {
  url: string;
  site?: string;
  /** YYYY-MM-DD */
  published: string | null;
  region: RegionRef;
  eventDate?: string | null;
  measures?: MeasureType[];
  circulars?: string[];
  officials?: [name: string, position: string][];
}

/** A report as a grouping member; the article id is the URL unless given. */
export function member(r: Report, articleId = r.url): GroupMember {
  const types = new Set(r.measures ?? []);
  return {
    key: memberKey(articleId, r.region.code),
    commitmentId: `${articleId}:0`,
    articleId,
    url: r.url,
    site: r.site ?? new URL(r.url).host,
    publishedAt: r.published,
    region: r.region,
    eventDate: r.eventDate ?? null,
    measures: MEASURES.filter((t) => types.has(t)),
    circulars: (r.circulars ?? []).map((number) => ({ number, kind: 'surat_edaran' as const })),
    officials: (r.officials ?? []).map(([name, position]) => ({ name, position })),
  };
}

const MEASURE_WORDS: Record<MeasureType, string> = {
  circular: 'menerbitkan surat edaran',
  instruction: 'mengeluarkan instruksi',
  integrity_pact: 'menandatangani pakta integritas',
  pledge: 'mengikuti apel ikrar netralitas',
  mou: 'menandatangani nota kesepahaman',
  grant: 'menyerahkan hibah',
  socialization: 'menggelar sosialisasi',
  oversight: 'membentuk satgas pengawasan',
  sanction: 'mengancam sanksi',
};

/** An article record reporting one or more commitments (one per report), with evidence quoting its text. */
export function record(reports: Report | Report[], extractorVersion = 'test-1'): ArticleRecord {
  const list = Array.isArray(reports) ? reports : [reports];
  const first = list[0];
  let text = '';
  const quoteOf = (phrase: string): Evidence => {
    const start = text.indexOf(phrase);
    if (start < 0) throw new Error(`fixture text lacks ${phrase}`);
    return { field: 'text', start, end: start + phrase.length, quote: phrase };
  };
  for (const r of list) {
    const who = (r.officials ?? []).map(([name, position]) => `${position} ${name}`).join(' dan ');
    const what = (r.measures ?? []).map((t) => MEASURE_WORDS[t]).join(', ');
    const docs = (r.circulars ?? []).map((n) => `Surat Edaran Nomor ${n}`).join(' dan ');
    text += `Pemerintah ${r.region.name} menegaskan netralitas ASN. ${who ? `${who} hadir. ` : ''}${what ? `Pemerintah ${what}. ` : ''}${docs ? `${docs} berlaku. ` : ''}\n\n`;
  }
  const commitments = list.map(
    (r): Commitment => ({
      region: r.region,
      officials: (r.officials ?? []).map(([name, position]) => ({ name, position, evidence: quoteOf(`${position} ${name}`) })),
      event_date: r.eventDate ?? null,
      circulars: (r.circulars ?? []).map((number) => ({
        number,
        kind: 'surat_edaran' as const,
        evidence: quoteOf(`Surat Edaran Nomor ${number}`),
      })),
      measures: (r.measures ?? []).map((type) => ({ type, evidence: quoteOf(MEASURE_WORDS[type]) })),
    }),
  );
  return {
    input: first.url,
    url: first.url,
    title: `Netralitas ASN di ${first.region.name}`,
    site: first.site ?? new URL(first.url).host,
    published_at: first.published,
    language: 'id',
    text,
    relevant: true,
    relevance: 0.9,
    commitments,
    extractor_version: extractorVersion,
  };
}

/** The partition of members into groups as sorted lists of their URLs (or keys), for order-free comparison. */
export function partition(groups: { members: { url: string | null; key: string }[] }[] | { url: string | null; key: string }[][]): string[][] {
  return groups
    .map((g) => (Array.isArray(g) ? g : g.members).map((m) => m.url ?? m.key).sort())
    .sort((a, b) => a[0].localeCompare(b[0]));
}

/** A deterministic shuffle (seeded), for arrival-order tests. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
