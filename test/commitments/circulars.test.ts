import { describe, expect, it } from 'vitest';
import { findCirculars } from '../../src/extract/commitments/circulars.js';

const numbers = (text: string) => findCirculars(text).map((c) => [c.number, c.kind]);

describe('findCirculars', () => {
  it('reads numbers after the document type, with or without issuer words', () => {
    expect(numbers('Bupati menerbitkan Surat Edaran Bupati Nomor 700/2732/BKPSDM/-II tentang netralitas.')).toEqual([
      ['700/2732/BKPSDM/-II', 'surat_edaran'],
    ]);
    expect(numbers('Hal itu tertuang dalam SE No. 800/1071/BKPSDM, yang ditandatangani kemarin.')).toEqual([
      ['800/1071/BKPSDM', 'surat_edaran'],
    ]);
    expect(numbers('Surat Instruksi Gubernur Sulbar Nomor 100.3.4.1/4/IX/2024 berlaku sejak pekan lalu.')).toEqual([
      ['100.3.4.1/4/IX/2024', 'instruksi'],
    ]);
    expect(numbers('Surat Edaran Nomor 8 Tahun 2024 resmi dikeluarkan.')).toEqual([['8 Tahun 2024', 'surat_edaran']]);
    expect(numbers('Keputusan Bupati Nomor: 188.45/321/2023 tentang tim pengawas.')).toEqual([['188.45/321/2023', 'keputusan']]);
  });

  it('leaves out national regulations and other bodies’ letters', () => {
    expect(numbers('sesuai Peraturan Pemerintah (PP) Nomor 94 Tahun 2021 tentang disiplin PNS')).toEqual([]);
    expect(numbers('berdasarkan UU Nomor 20 Tahun 2023 tentang ASN')).toEqual([]);
    expect(numbers('Surat Keputusan Bersama Nomor 2 Tahun 2022 tentang pedoman')).toEqual([]);
    expect(numbers('Surat Edaran Menteri PANRB Nomor 18 Tahun 2023')).toEqual([]);
    expect(numbers('instruksi Bawaslu Nomor 189.2/PM.00.01/K.MU/07/2024 kepada jajarannya')).toEqual([]);
    expect(numbers('Surat Edaran KASN Nomor 12 Tahun 2023')).toEqual([]);
  });

  it('reports each number once and trims trailing punctuation', () => {
    const text = 'SE Nomor 800/5/BKD/2024. Dalam SE Nomor 800/5/BKD/2024, pegawai dilarang berkampanye.';
    expect(numbers(text)).toEqual([['800/5/BKD/2024', 'surat_edaran']]);
  });

  it('gives spans inside the text', () => {
    const text = 'Pemkab mengeluarkan Surat Edaran Nomor 003/12/Setda/2024 kemarin.';
    const [c] = findCirculars(text);
    expect(text.slice(c.start, c.end)).toBe('Surat Edaran Nomor 003/12/Setda/2024');
  });
});
