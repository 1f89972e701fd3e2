/**
 * Checks that a value has the documented ArticleRecord shape (src/types/record.ts); returns the problems found
 * (empty when the record is well-formed).
 */
import { MEASURES, type ArticleRecord, type Evidence } from '../../src/types/record.js';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const LEVELS = new Set(['province', 'regency', 'city']);
const CIRCULAR_KINDS = new Set(['surat_edaran', 'instruksi', 'keputusan', 'peraturan', 'other']);
const MEASURE_SET = new Set<string>(MEASURES);

function isValidDate(s: string): boolean {
  if (!DATE_RE.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number);
  const t = new Date(Date.UTC(2000, m - 1, d));
  t.setUTCFullYear(y);
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

export function recordProblems(r: unknown): string[] {
  const p: string[] = [];
  if (typeof r !== 'object' || r === null) return [`not an object: ${typeof r}`];
  const rec = r as ArticleRecord;
  const str = (k: keyof ArticleRecord) => {
    if (typeof rec[k] !== 'string') p.push(`${k} is ${typeof rec[k]}, expected string`);
  };
  const strOrNull = (k: keyof ArticleRecord) => {
    if (rec[k] !== null && typeof rec[k] !== 'string') p.push(`${k} is ${typeof rec[k]}, expected string|null`);
  };
  str('input');
  strOrNull('url');
  str('title');
  strOrNull('site');
  strOrNull('published_at');
  strOrNull('language');
  str('text');
  str('extractor_version');
  if (typeof rec.published_at === 'string' && !isValidDate(rec.published_at)) {
    p.push(`published_at ${JSON.stringify(rec.published_at)} is not a valid YYYY-MM-DD date`);
  }
  if (typeof rec.relevant !== 'boolean') p.push(`relevant is ${typeof rec.relevant}`);
  if (typeof rec.relevance !== 'number' || !Number.isFinite(rec.relevance) || rec.relevance < 0 || rec.relevance > 1) {
    p.push(`relevance ${rec.relevance} not in [0, 1]`);
  } else if (typeof rec.relevant === 'boolean' && rec.relevant !== rec.relevance >= 0.5) {
    p.push(`relevant=${rec.relevant} disagrees with relevance=${rec.relevance}`);
  }
  if (!Array.isArray(rec.commitments)) {
    p.push('commitments is not an array');
    return p;
  }
  if (!rec.relevant && rec.commitments.length > 0) p.push('a non-relevant record has commitments');
  const evidence = (e: Evidence, where: string) => {
    if (!e || (e.field !== 'title' && e.field !== 'text')) return p.push(`${where}: bad evidence field ${e?.field}`);
    const src = e.field === 'title' ? rec.title : rec.text;
    if (typeof src !== 'string') return;
    if (!Number.isInteger(e.start) || !Number.isInteger(e.end) || e.start < 0 || e.end < e.start || e.end > src.length) {
      return p.push(`${where}: evidence span ${e.start}..${e.end} outside ${e.field} (length ${src.length})`);
    }
    if (src.slice(e.start, e.end) !== e.quote) p.push(`${where}: evidence quote is not ${e.field}.slice(${e.start}, ${e.end})`);
  };
  rec.commitments.forEach((c, i) => {
    const w = `commitments[${i}]`;
    const reg = c?.region;
    if (!reg || typeof reg.code !== 'string' || typeof reg.name !== 'string' || !LEVELS.has(reg.level)) {
      p.push(`${w}.region malformed`);
    } else if (!reg.province || typeof reg.province.code !== 'string' || typeof reg.province.name !== 'string') {
      p.push(`${w}.region.province malformed`);
    }
    if (c.event_date !== null && (typeof c.event_date !== 'string' || !isValidDate(c.event_date))) {
      p.push(`${w}.event_date ${JSON.stringify(c.event_date)} invalid`);
    }
    if (!Array.isArray(c.officials) || !Array.isArray(c.circulars) || !Array.isArray(c.measures)) {
      p.push(`${w}: officials/circulars/measures not arrays`);
      return;
    }
    c.officials.forEach((o, k) => {
      if (typeof o.name !== 'string' || typeof o.position !== 'string') p.push(`${w}.officials[${k}] malformed`);
      evidence(o.evidence, `${w}.officials[${k}]`);
    });
    c.circulars.forEach((o, k) => {
      if (typeof o.number !== 'string' || !CIRCULAR_KINDS.has(o.kind)) p.push(`${w}.circulars[${k}] malformed`);
      evidence(o.evidence, `${w}.circulars[${k}]`);
    });
    c.measures.forEach((o, k) => {
      if (!MEASURE_SET.has(o.type)) p.push(`${w}.measures[${k}].type ${o.type} unknown`);
      evidence(o.evidence, `${w}.measures[${k}]`);
    });
  });
  return p;
}
