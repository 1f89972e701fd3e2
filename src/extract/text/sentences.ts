/** A sentence of the analysed text with its offsets. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
  /** Index of the paragraph the sentence belongs to. */
  paragraph: number;
}

// Abbreviations after which a full stop does not end a sentence in Indonesian news.
const ABBREVIATIONS = new Set(
  [
    'no', 'nomor', 'dr', 'drs', 'dra', 'ir', 'h', 'hj', 'prof', 'st', 'kab', 'prov', 'kec', 'jl', 'jln', 'tgl',
    'm', 's', 'sos', 'si', 'sh', 'se', 'pd', 'ip', 'kom', 'ag', 'mm', 'ak', 'kh', 'a', 'b', 'c', 'd', 'e', 'f',
    'g', 'i', 'j', 'k', 'l', 'n', 'o', 'p', 'r', 't', 'u', 'w', 'y', 'z', 'bpk', 'ibu', 'sdr', 'dll', 'dsb', 'rp',
    'hlm', 'vol', 'tel', 'telp', 'ket', 'ps', 'bid', 'kel', 'ds', 'ptt', 'plt', 'pj', 'pjs', 'mr', 'mrs', 'dkk',
  ],
);

/**
 * Splits text into sentences: at blank lines and single newlines, and after `.`, `!`, `?` followed by space and
 * an upper-case letter, a digit or a quote, unless the word before the stop is a known abbreviation or initial.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  const lineRe = /[^\n]+/g;
  let prevLineEnd = 0;
  for (let m = lineRe.exec(text); m; m = lineRe.exec(text)) {
    if (/\n\s*\n/.test(text.slice(prevLineEnd, m.index))) paragraph++;
    prevLineEnd = m.index + m[0].length;
    splitLine(m[0], m.index, paragraph, out);
  }
  return out;
}

function splitLine(line: string, base: number, paragraph: number, out: Sentence[]): void {
  let start = 0;
  const stopRe = /[.!?]+["”’)]*(?=\s+["“‘(]?[\p{Lu}\d])/gu;
  for (let m = stopRe.exec(line); m; m = stopRe.exec(line)) {
    const before = /([\p{L}]+)\.*$/u.exec(line.slice(Math.max(0, m.index - 12), m.index + 1));
    if (m[0].startsWith('.') && before && ABBREVIATIONS.has(before[1].toLowerCase())) continue;
    const end = m.index + m[0].length;
    push(line, base, start, end, paragraph, out);
    start = end;
  }
  push(line, base, start, line.length, paragraph, out);
}

function push(line: string, base: number, s: number, e: number, paragraph: number, out: Sentence[]): void {
  while (s < e && /\s/.test(line[s])) s++;
  while (e > s && /\s/.test(line[e - 1])) e--;
  if (e > s) out.push({ start: base + s, end: base + e, text: line.slice(s, e), paragraph });
}

/**
 * Index of the sentence containing `offset` (`start <= offset < end`), or -1 if it falls between sentences.
 * Sentences are in text order and do not overlap, so a binary search finds the one candidate.
 */
export function sentenceAt(sentences: Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].start <= offset) lo = mid + 1;
    else hi = mid - 1;
  }
  // `hi` is the last sentence starting at or before the offset.
  return hi >= 0 && offset < sentences[hi].end ? hi : -1;
}
