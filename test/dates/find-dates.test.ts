import { describe, expect, it } from 'vitest';
import { findDates, normalizeDateValue, parseDateline, resolveYear } from '../../src/extract/dates/index.js';

const one = (text: string, reference?: string | null) => {
  const found = findDates(text, { reference });
  expect(found, text).toHaveLength(1);
  return found[0];
};

describe('findDates: written months', () => {
  it('reads weekday, day, month and year', () => {
    const m = one('Acara digelar Senin, 30 Oktober 2023 di aula.');
    expect(m).toMatchObject({ date: '2023-10-30', hasYear: true, weekday: 'Senin', kind: 'full' });
    expect('Acara digelar Senin, 30 Oktober 2023 di aula.'.slice(m.start, m.end)).toBe('Senin, 30 Oktober 2023');
  });

  it('reads day-month-year without weekday, and month-first order', () => {
    expect(one('pada 30 Oktober 2023').date).toBe('2023-10-30');
    expect(one('Oktober 30, 2023').date).toBe('2023-10-30');
    expect(one('Monday, November 18, 2019').date).toBe('2019-11-18');
    expect(one('Monday, November 18, 2019').weekday).toBe('Senin');
  });

  it('reads abbreviated and English months', () => {
    const cases: Array<[string, string]> = [
      ['1 Jan 2024', '2024-01-01'], ['2 Feb 2024', '2024-02-02'], ['3 Mar 2024', '2024-03-03'],
      ['4 Apr 2024', '2024-04-04'], ['5 Mei 2024', '2024-05-05'], ['6 Jun 2024', '2024-06-06'],
      ['7 Jul 2024', '2024-07-07'], ['8 Agu 2024', '2024-08-08'], ['9 Agt 2024', '2024-08-09'],
      ['10 Ags 2024', '2024-08-10'], ['11 Sep 2024', '2024-09-11'], ['12 Sept 2024', '2024-09-12'],
      ['13 Okt 2024', '2024-10-13'], ['14 Nov 2024', '2024-11-14'], ['15 Des 2024', '2024-12-15'],
      ['16 Okt. 2024', '2024-10-16'], ['17 August 2024', '2024-08-17'], ['18 December 2024', '2024-12-18'],
      ['19 MARET 2024', '2024-03-19'], ['20 Nopember 2024', '2024-11-20'],
    ];
    for (const [text, date] of cases) expect(one(text).date, text).toBe(date);
  });

  it('does not read month names inside words or without a day', () => {
    expect(findDates('Meikarta dan Desember 2023 serta Maret', {})).toEqual([]);
  });
});

describe('findDates: numeric forms', () => {
  it('reads the weekday-parenthesis style', () => {
    expect(one('Rabu (17/1/2024)')).toMatchObject({ date: '2024-01-17', hasYear: true, weekday: 'Rabu', kind: 'numeric' });
    expect(one('kata dia (30/10/23).')).toMatchObject({ date: '2023-10-30', hasYear: true, weekday: null });
  });

  it('gives a year from the reference to weekday-parenthesis dates without one', () => {
    expect(one('Minggu (15/9)', '2024-09-20')).toMatchObject({ date: '2024-09-15', hasYear: false, weekday: 'Minggu' });
    expect(one('Minggu (15/9)')).toMatchObject({ date: '', hasYear: false, weekday: 'Minggu', kind: 'numeric' });
  });

  it('does not take a bare (15/9) for a date', () => {
    expect(findDates('skor akhir (15/9) untuk tim tamu', { reference: '2024-09-20' })).toEqual([]);
  });

  it('reads ISO and day-first numeric dates', () => {
    expect(one('2024-05-21').date).toBe('2024-05-21');
    expect(one('2024-05-21T23:30:00+07:00').date).toBe('2024-05-21');
    expect(one('21-05-2024').date).toBe('2024-05-21');
    expect(one('21/05/2024').date).toBe('2024-05-21');
    expect(one('21.05.2024').date).toBe('2024-05-21');
    expect(one('tanggal 1/2/24').date).toBe('2024-02-01');
  });

  it('rejects impossible days and months', () => {
    expect(findDates('31/2/2024, 30 Februari 2024, 2024-13-01, 32 Mei 2024, 29/2/2023', {})).toEqual([]);
    expect(one('29/2/2024').date).toBe('2024-02-29');
  });

  it('expands two-digit years to 20xx', () => {
    expect(one("(1/1/99)").date).toBe('2099-01-01');
    expect(one("5 Mei '24").date).toBe('2024-05-05');
  });
});

describe('findDates: dates without a year', () => {
  it('take the reference year when on or before the reference', () => {
    expect(one('17 Januari', '2024-03-01')).toMatchObject({ date: '2024-01-17', hasYear: false, kind: 'dayMonth' });
  });

  it('allow a week into the future, else take the previous year', () => {
    expect(one('10 Januari', '2024-01-05').date).toBe('2024-01-10');
    expect(one('20 Januari', '2024-01-05').date).toBe('2023-01-20');
  });

  it('put December mentions in a January article in the year before', () => {
    expect(one('28 Desember', '2024-01-03').date).toBe('2023-12-28');
    expect(one('Minggu (31/12)', '2024-01-02').date).toBe('2023-12-31');
  });

  it('cross the year end forward within the slack', () => {
    expect(resolveYear(2, 1, '2023-12-30')).toBe(2024);
    expect(one('2 Januari', '2023-12-30').date).toBe('2024-01-02');
    expect(one('20 Januari', '2023-12-30').date).toBe('2023-01-20');
  });

  it('leave date empty without a reference', () => {
    expect(one('17 Januari')).toMatchObject({ date: '', hasYear: false, kind: 'dayMonth' });
    expect(one('17 Januari', null).date).toBe('');
  });

  it('skip 29 February in a non-leap reference year', () => {
    expect(resolveYear(29, 2, '2023-03-10')).toBeNull();
    expect(one('29 Februari', '2023-03-10').date).toBe('');
  });
});

describe('findDates: weekdays alone', () => {
  it('reports bare weekdays with an empty date', () => {
    const found = findDates('Rapat digelar pada Kamis dan dilanjutkan Jumat pagi.', {});
    expect(found.map((m) => [m.kind, m.weekday, m.date])).toEqual([
      ['weekdayOnly', 'Kamis', ''],
      ['weekdayOnly', 'Jumat', ''],
    ]);
  });

  it('does not read "minggu" meaning week as Sunday', () => {
    expect(findDates('dua minggu lalu, Minggu lalu, minggu depan', {})).toEqual([]);
    expect(one('pada Minggu pagi').weekday).toBe('Minggu');
  });

  it('returns mentions in text order without overlaps', () => {
    const text = 'Senin (15/1/2024) rapat, lalu Selasa, 16 Januari 2024 apel, dan Rabu.';
    const found = findDates(text, {});
    expect(found.map((m) => text.slice(m.start, m.end))).toEqual(['Senin (15/1/2024)', 'Selasa, 16 Januari 2024', 'Rabu']);
  });
});

describe('parseDateline', () => {
  it('finds the dateline near the start of a body', () => {
    expect(parseDateline('Selasa, 21 Mei 2024 19:21 0 201 Patricia\n\nKABUPATEN TANGERANG — isi')).toBe('2024-05-21');
    expect(parseDateline('KENDARI, KOMPAS - Penjabat gubernur, Rabu (17/1/2024), meminta...')).toBe('2024-01-17');
  });

  it('accepts a date after a CITY, OUTLET lead-in', () => {
    expect(parseDateline('PALU, Kabar Sulteng - 3 Juni 2024 - Bupati meminta...')).toBe('2024-06-03');
  });

  it('ignores dates inside sentences, dates without a year and dates far into the body', () => {
    expect(parseDateline('MAMUJU - Menjelang pilkada yang digelar pada 27 November 2024, bupati...')).toBeNull();
    expect(parseDateline('Pada Minggu (15/9) warga berkumpul.')).toBeNull();
    expect(parseDateline(`${'kata '.repeat(80)}12 Mei 2024`)).toBeNull();
  });
});

describe('normalizeDateValue', () => {
  it('keeps the local date of timestamps and reads other metadata shapes', () => {
    expect(normalizeDateValue('2024-05-21T23:30:00+07:00')).toBe('2024-05-21');
    expect(normalizeDateValue('2024-05-21 00:10:00')).toBe('2024-05-21');
    expect(normalizeDateValue('2024/03/12 14:05:33')).toBe('2024-03-12');
    expect(normalizeDateValue('20240102')).toBe('2024-01-02');
    expect(normalizeDateValue('Selasa, 21 Mei 2024 | 19:21 WIB')).toBe('2024-05-21');
    expect(normalizeDateValue('kemarin')).toBeNull();
    expect(normalizeDateValue('2024-02-30')).toBeNull();
  });
});
