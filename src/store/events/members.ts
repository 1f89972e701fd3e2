/**
 * Stored commitments as grouping members (src/group `GroupMember`), and members as stored in `event_members`.
 */
import { memberKey } from '../../group/index.js';
import type { GroupMember } from '../../group/index.js';
import { MEASURES } from '../../types/record.js';
import type { ArticleRecord, CircularKind, MeasureType, RegionLevel } from '../../types/record.js';
import type { Store, TransactionProgram } from '../open.js';
import { rowsOf } from './steps.js';

/** Which commitments to load: one article's, or one region's. */
export type MemberFilter = { articleId: string } | { regionCode: string };

/** The current commitments matching `filter`, as members, in article then ordinal order. */
export function* loadMembers(store: Store, filter: MemberFilter): TransactionProgram<GroupMember[]> {
  const db = store.db;
  const where = 'articleId' in filter ? (['article_id', filter.articleId] as const) : (['region_code', filter.regionCode] as const);
  const ids = db.selectFrom('commitments').select('id').where(where[0], '=', where[1]);
  const commitments = yield* rowsOf(
    db
      .selectFrom('commitments as c')
      .innerJoin('articles as a', 'a.page_id', 'c.article_id')
      .select([
        'c.id',
        'c.article_id',
        'c.region_code',
        'c.region_name',
        'c.region_level',
        'c.province_code',
        'c.province_name',
        'c.event_date',
        'a.url',
        'a.site',
        'a.published_at',
      ])
      .where(`c.${where[0]}`, '=', where[1])
      .orderBy('c.article_id')
      .orderBy('c.ordinal')
      .compile(),
  );
  if (commitments.length === 0) return [];
  const officials = yield* rowsOf(
    db
      .selectFrom('officials')
      .select(['commitment_id', 'name', 'position'])
      .where('commitment_id', 'in', ids)
      .orderBy('commitment_id')
      .orderBy('ordinal')
      .compile(),
  );
  const circulars = yield* rowsOf(
    db
      .selectFrom('circulars')
      .select(['commitment_id', 'number', 'kind'])
      .where('commitment_id', 'in', ids)
      .orderBy('commitment_id')
      .orderBy('ordinal')
      .compile(),
  );
  const measures = yield* rowsOf(
    db.selectFrom('measures').select(['commitment_id', 'type']).where('commitment_id', 'in', ids).compile(),
  );
  const group = <T extends { commitment_id: string }>(rows: T[]) => {
    const out = new Map<string, T[]>();
    for (const r of rows) {
      const list = out.get(r.commitment_id);
      if (list) list.push(r);
      else out.set(r.commitment_id, [r]);
    }
    return out;
  };
  const officialsOf = group(officials);
  const circularsOf = group(circulars);
  const measuresOf = group(measures);
  const repeats = new Map<string, number>();
  return commitments.map((c) =>
    toMember(repeats, {
      commitmentId: c.id,
      articleId: c.article_id,
      url: c.url,
      site: c.site,
      publishedAt: c.published_at,
      region: {
        code: c.region_code,
        name: c.region_name,
        level: c.region_level as RegionLevel,
        province: { code: c.province_code, name: c.province_name },
      },
      eventDate: c.event_date,
      measures: (measuresOf.get(c.id) ?? []).map((m) => m.type as MeasureType),
      circulars: (circularsOf.get(c.id) ?? []).map((x) => ({ number: x.number, kind: x.kind as CircularKind })),
      officials: (officialsOf.get(c.id) ?? []).map((o) => ({ name: o.name, position: o.position })),
    }),
  );
}

/**
 * A member from its parts: the key (a second commitment for the same region in one article — the extractor
 * gives one — gets its own), measures made distinct and put in vocabulary order.
 */
function toMember(repeats: Map<string, number>, m: Omit<GroupMember, 'key'>): GroupMember {
  const slot = `${m.articleId}|${m.region.code}`;
  const repeat = repeats.get(slot) ?? 0;
  repeats.set(slot, repeat + 1);
  const types = new Set(m.measures);
  return { key: memberKey(m.articleId, m.region.code, repeat), ...m, measures: MEASURES.filter((t) => types.has(t)) };
}

/**
 * The members of a record as `saveArticleRecord` stores it for `pageId` (a validated record: its strings are
 * what the database holds), equal to what `loadMembers` reads back — without reading it back.
 */
export function membersFromRecord(pageId: string, record: ArticleRecord): GroupMember[] {
  const repeats = new Map<string, number>();
  return record.commitments.map((c, i) =>
    toMember(repeats, {
      commitmentId: `${pageId}:${i}`,
      articleId: pageId,
      url: record.url,
      site: record.site,
      publishedAt: record.published_at,
      region: {
        code: c.region.code,
        name: c.region.name,
        level: c.region.level,
        province: { code: c.region.province.code, name: c.region.province.name },
      },
      eventDate: c.event_date,
      measures: c.measures.map((m) => m.type),
      circulars: c.circulars.map((x) => ({ number: x.number, kind: x.kind })),
      officials: c.officials.map((o) => ({ name: o.name, position: o.position })),
    }),
  );
}

/** What grouping reads from a member, as a string: equal strings mean regrouping has nothing to do. */
export function memberContent(m: GroupMember): string {
  return JSON.stringify([m.url, m.site, m.publishedAt, m.region, m.eventDate, m.measures, m.circulars, m.officials]);
}

export function serializeMember(m: GroupMember): string {
  return JSON.stringify(m);
}

export function parseMember(json: string): GroupMember {
  return JSON.parse(json) as GroupMember;
}
