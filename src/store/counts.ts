import { MEASURES } from '../types/record.js';
import type { MeasureType } from '../types/record.js';
import type { Store } from './open.js';

export interface StoreCounts {
  pages: { total: number; pending: number; done: number; failed: number };
  articles: number;
  relevant: number;
  commitments: number;
  /** Commitments per province, most first. */
  byProvince: { code: string; name: string; commitments: number }[];
  /** Commitments having each measure, most first (a commitment with two measures counts once for each). */
  byMeasure: { type: MeasureType; commitments: number }[];
}

/** What the store holds: pages by state, articles, relevant ones, commitments by province and by measure. */
export async function counts(store: Store): Promise<StoreCounts> {
  const db = store.db;
  const [states, articles, commitments, byProvince, byMeasure] = await Promise.all([
    db
      .selectFrom('pages')
      .select(['extract_state', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('extract_state')
      .execute(),
    db
      .selectFrom('articles')
      .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number | null>('relevant').as('relevant')])
      .executeTakeFirstOrThrow(),
    db.selectFrom('commitments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db
      .selectFrom('commitments')
      .select(['province_code', (eb) => eb.fn.max('province_name').as('name'), (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('province_code')
      .execute(),
    db
      .selectFrom('measures')
      .select(['type', (eb) => eb.fn.count<number>('commitment_id').distinct().as('n')])
      .groupBy('type')
      .execute(),
  ]);
  const pages = { total: 0, pending: 0, done: 0, failed: 0 };
  for (const s of states) {
    pages[s.extract_state] = Number(s.n);
    pages.total += Number(s.n);
  }
  return {
    pages,
    articles: Number(articles.n),
    relevant: Number(articles.relevant ?? 0),
    commitments: Number(commitments.n),
    byProvince: byProvince
      .map((p) => ({ code: p.province_code, name: String(p.name), commitments: Number(p.n) }))
      .sort((a, b) => b.commitments - a.commitments || a.code.localeCompare(b.code)),
    byMeasure: byMeasure
      .map((m) => ({ type: m.type as MeasureType, commitments: Number(m.n) }))
      .sort((a, b) => b.commitments - a.commitments || MEASURES.indexOf(a.type) - MEASURES.indexOf(b.type)),
  };
}
