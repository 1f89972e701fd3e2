/**
 * Circular numbers as grouping keys: two spellings of one document number give one key.
 */
import type { CircularKind } from '../types/record.js';

/** "8 Tahun 2024", "08 th. 2024", "8/2024": a serial number within a year, which every document type restarts. */
const SERIAL_OF_YEAR = /^0*(\d{1,4})(?:tahun|th\.?|\/)((?:19|20)\d{2})$/;

/**
 * The grouping key of a circular number, or null when the number is too vague to identify a document (no
 * digit, fewer than 3 characters).
 *
 * Case, spaces, leading zeros of number groups and stray `-`/`.` around the slashes are ignored:
 * `700 / 02732 / BKPSDM / -II` and `700/2732/bkpsdm/II` give `700/2732/bkpsdm/ii`. A serial number within a year
 * (`8 Tahun 2024`, `8/2024`) carries its kind (`surat_edaran:8/2024`), since a regency's Surat Edaran 8/2024 and
 * its Peraturan Bupati 8/2024 are different documents; agenda numbers (`800/1234/BKPSDM/2023`) are unique
 * within a government whatever the document is called, so their kind is left out (outlets disagree on it).
 */
export function circularKey(number: string, kind: CircularKind): string | null {
  const compact = number
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^(?:nomor|nmr|no)\b\.?\s*:?\s*/, '')
    .replace(/\s+/g, '');
  const serial = SERIAL_OF_YEAR.exec(compact);
  if (serial) return `${kind}:${Number(serial[1])}/${serial[2]}`;
  const key = compact
    .replace(/[\\|]/g, '/')
    .split('/')
    .map((part) => part.replace(/^[-.]+|[-.]+$/g, '').replace(/(^|[^0-9])0+(?=\d)/g, '$1'))
    .filter((part) => part !== '')
    .join('/');
  return key.length >= 3 && /\d/.test(key) ? key : null;
}
