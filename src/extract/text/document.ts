import type { Evidence } from '../../types/record.js';

/**
 * The title and body analysed as one string, `title + "\n\n" + text`, so that every rule runs once; offsets in
 * it map back to evidence in either field.
 */
export interface AnalysisDoc {
  title: string;
  text: string;
  /** `title + SEP + text`. */
  full: string;
  /** Offset in `full` where `text` starts. */
  textStart: number;
}

const SEP = '\n\n';

export function makeDoc(title: string, text: string): AnalysisDoc {
  const t = title ?? '';
  return { title: t, text, full: t + SEP + text, textStart: t.length + SEP.length };
}

/** Evidence for the span `[start, end)` of `doc.full`, clipped to the field it starts in. */
export function evidenceAt(doc: AnalysisDoc, start: number, end: number): Evidence {
  if (start < doc.title.length) {
    const e = Math.min(end, doc.title.length);
    return { field: 'title', start, end: e, quote: doc.title.slice(start, e) };
  }
  const s = Math.max(0, start - doc.textStart);
  const e = Math.max(s, Math.min(end - doc.textStart, doc.text.length));
  return { field: 'text', start: s, end: e, quote: doc.text.slice(s, e) };
}
