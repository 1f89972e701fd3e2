/**
 * Keys that make spellings of one official, or of one circular number, agree.
 */
import { describe, expect, it } from 'vitest';
import { PersonDirectory, circularKey, officialKey, pickSpelling, samePerson } from '../../src/group/index.js';

describe('officialKey', () => {
  it('gives one key for the spelling variants of one name', () => {
    const variants = [
      'Djalaludin Salampessy',
      'Djalaluddin Salampessy',
      'Djalaluddin Salampesy',
      'Jalaludin Salampesi',
      'Dr. H. Djalaluddin Salampessy, S.Sos., M.Si',
      'DJALALUDDIN SALAMPESSY',
    ];
    expect(new Set(variants.map(officialKey))).toEqual(new Set(['jalaludinsalampesi']));
  });

  it('absorbs old spelling, vowel variants, Muhammad abbreviations, spaces and hyphens', () => {
    const same = (a: string, b: string) => expect(officialKey(a), `${a} ~ ${b}`).toBe(officialKey(b));
    same('Soeharto Tjahjadi', 'Suharto Cahjadi');
    same('Achmad Sulaeman', 'Akhmad Sulaiman');
    same('Muhammad Arief Irwanto', 'M. Arif Irwanto');
    same('Mochammad Rizky', 'Moh Rizki');
    same('Effendy Syamsuddin', 'Efendi Samsudin');
    same('Abdul-Rahman Tuasikal', 'Abdul Rahman Tuasikal');
    same('Abdulrahman Tuasikal', 'Abd. Rahman Tuasikal');
    same('Ramadhan Fathurrahman', 'Ramadan Faturahman');
    same('Kombes Pol Hendra Wijaya', 'Hendra Wijaya');
  });

  it('keeps different people apart', () => {
    const differ = (a: string, b: string) => expect(officialKey(a), `${a} vs ${b}`).not.toBe(officialKey(b));
    differ('Rina Wati', 'Rini Wati');
    differ('Hamzah Latuconsina', 'Hasan Latuconsina');
    differ('Budi Santoso', 'Budi Susanto');
    expect(officialKey('  ')).toBe('');
  });
});

describe('samePerson', () => {
  it('accepts a dropped given name, an initial or one typo in a long word', () => {
    expect(samePerson('Arief Irwanto', 'M. Arief Irwanto')).toBe(true);
    expect(samePerson('Hamzah Latuconsina', 'Hamza Latuconsina')).toBe(true);
    expect(samePerson('Djalaludin Salampessy', 'Djalaluddin Salampesy')).toBe(true);
  });

  it('never loosely matches a one-word name, nor short words that differ', () => {
    expect(samePerson('Hamzah', 'Hamza')).toBe(false);
    expect(samePerson('Hamzah', 'Hamzah Latuconsina')).toBe(false);
    expect(samePerson('Rina Wati', 'Rini Wati')).toBe(false);
    expect(samePerson('Budi Santoso', 'Andi Santoso')).toBe(false);
  });
});

describe('PersonDirectory', () => {
  it('resolves spellings of one person to the first key known, whatever the order', () => {
    const keys = (names: string[]) => {
      const d = new PersonDirectory([{ key: officialKey('Hamzah Latuconsina'), name: 'Hamzah Latuconsina' }]);
      return names.map((n) => d.resolve(n));
    };
    const names = ['Hamza Latuconsina', 'H. Hamzah Latuconsina', 'Hamzah Latuconsinna', 'Rina Wati'];
    const a = keys(names);
    const b = keys([...names].reverse()).reverse();
    expect(a).toEqual(b);
    expect(new Set(a.slice(0, 3))).toEqual(new Set(['hamzahlatuconsina']));
    expect(a[3]).toBe('rinawati');
  });

  it('makes an ambiguous name a person of its own', () => {
    const d = new PersonDirectory([
      { key: officialKey('M Arief Irwanto'), name: 'M Arief Irwanto' },
      { key: officialKey('Nur Arief Irwanto'), name: 'Nur Arief Irwanto' },
    ]);
    expect(d.resolve('Arief Irwanto')).toBe('arifirwanto');
  });
});

describe('pickSpelling', () => {
  it('prefers the most frequent spelling, then the longest, then code-point order', () => {
    expect(pickSpelling(new Map([['Djalaludin Salampessy', 1], ['Djalaluddin Salampessy', 2]]))).toBe('Djalaluddin Salampessy');
    expect(pickSpelling(new Map([['Djalaludin', 1], ['Djalaluddin Salampessy', 1]]))).toBe('Djalaluddin Salampessy');
    expect(pickSpelling(new Map([['Ab', 1], ['Aa', 1]]))).toBe('Aa');
  });
});

describe('circularKey', () => {
  it('ignores case, spacing, leading zeros and stray dashes', () => {
    expect(circularKey('800 / 0123 / BKPSDM / -XI / 2023', 'surat_edaran')).toBe('800/123/bkpsdm/xi/2023');
    expect(circularKey('800/123/bkpsdm/XI/2023.', 'instruksi')).toBe('800/123/bkpsdm/xi/2023');
    expect(circularKey('Nomor: 800.1.10/979/BKPSDMD/IX/2024', 'other')).toBe('800.1.10/979/bkpsdmd/ix/2024');
  });

  it('keeps the kind of a serial number within a year: SE 8/2024 is not Perbup 8/2024', () => {
    expect(circularKey('8 Tahun 2024', 'surat_edaran')).toBe('surat_edaran:8/2024');
    expect(circularKey('08 tahun 2024', 'surat_edaran')).toBe('surat_edaran:8/2024');
    expect(circularKey('8/2024', 'surat_edaran')).toBe('surat_edaran:8/2024');
    expect(circularKey('8 Tahun 2024', 'peraturan')).toBe('peraturan:8/2024');
  });

  it('refuses numbers too vague to name a document', () => {
    expect(circularKey('12', 'surat_edaran')).toBeNull();
    expect(circularKey('BKPSDM', 'surat_edaran')).toBeNull();
  });
});
