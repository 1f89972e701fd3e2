import { describe, expect, it } from 'vitest';
import { eventDate } from '../../src/extract/commitments/event-date.js';
import { makeDoc } from '../../src/extract/text/document.js';

const date = (text: string, published: string | null = null, title = 'Judul') => eventDate(makeDoc(title, text), published);

describe('eventDate', () => {
  it('takes the dated weekday of the event', () => {
    expect(date('Bupati memimpin apel di halaman kantor, Senin (30/10/23).')).toBe('2023-10-30');
    expect(date('Acara digelar di aula, Rabu (17/1/2024), dihadiri camat.')).toBe('2024-01-17');
  });

  it('resolves a missing year from the publication date', () => {
    expect(date('kata Bupati di Sampit, Minggu (15/9).', '2024-09-16')).toBe('2024-09-15');
    expect(date('kata Bupati, Sabtu (30/12).', '2024-01-02')).toBe('2023-12-30');
  });

  it('without a publication date, takes the year named in the text on which the weekday falls', () => {
    expect(date('Menjelang Pemilu 2024, ikrar dibacakan di Sampit, Rabu (17/1).')).toBe('2024-01-17');
  });

  it('skips the dateline, election days, swearing-in days and schedule ranges', () => {
    expect(date('Selasa, 21 Mei 2024 19:21\n\nSurat edaran itu dikeluarkan tanggal 13 Mei 2024.', '2024-05-21')).toBe('2024-05-13');
    expect(
      date('ASN diminta netral pada pelaksanaan Pilkada pada Rabu, 27 November 2024. "Kami tegaskan," ujar Ali, Senin (25/11).', '2024-11-26'),
    ).toBe('2024-11-25');
    expect(date('Ia dilantik sebagai Pj Bupati oleh Pj Gubernur pada Jumat (11/10) di ibu kota provinsi.', '2024-10-14')).toBeNull();
    expect(date('Tahapan pendaftaran 27 - 29 Agustus 2024 berjalan lancar.')).toBeNull();
  });

  it('is null when the event is dated by a weekday alone', () => {
    expect(date('kata Sekda di Ternate, Senin. Tahapan dimulai 26 Januari 2024.')).toBeNull();
    expect(date('Tidak ada tanggal di sini.')).toBeNull();
  });

  it('reads "Senin kemarin (28/8/2023)" as a dated weekday', () => {
    expect(date('ikrar digelar di Namlea, Senin kemarin (28/8/2023).')).toBe('2023-08-28');
  });
});
