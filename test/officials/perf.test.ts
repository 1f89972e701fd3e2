import { describe, expect, it } from 'vitest';
import { findPersonMentions } from '../../src/extract/officials/index.js';

// Sentences in the style of regional news, plus inputs that would hurt a backtracking pattern: long runs of
// capitalised words, dots, commas, initials and parentheses with no name in sight.
const PIECES = [
  'Pj Bupati Kayong Utara, Fajar Sidik, meminta ASN menjaga netralitas. “Kami serius,” kata Fajar. ',
  'Kepala BKPSDM Kabupaten Buru Yusran Latuconsina menjelaskan sanksi disiplin bagi pegawai. ',
  'Ketua Bawaslu Kota Kendari Darwis Sahim menerima laporan warga pada Kamis (17/10/2024). ',
  'Dr. H. Baso Amiruddin, S.Sos, M.Si, Bupati Sinjai, membuka sosialisasi netralitas ASN. ',
  'Menurut Sidik, tim pengawas sudah dibentuk di setiap perangkat daerah. ',
  'Kapolres Buru AKBP Sutrisno Hadi dan Dandim 1408/Gowa Letkol Inf Bayu Aji turut hadir. ',
  'Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho Sigma Tau ',
  'A. B. C. D. E. F. G. H. I. J. K. L. M. N. O. P. Q. R. S. T. U. V. W. X. Y. Z. ',
  'S.Sos, M.Si, S.H., M.H., S.Pd, M.Pd, SE, MM, Ph.D, Lc, S.Kom, M.T., , , , . . . ',
  'Kepala Dinas Pemberdayaan Perempuan dan Perlindungan Anak dan Pendidikan dan Kesehatan dan Sosial dan ',
  '((((((( Pj Bupati ))))))) Pj Pj Pj Pj Pj Plt Plt Plt Penjabat (Pj) (Pj) (Pj) ',
  'Bupati Bupati Bupati Bupati Sekda Sekda Sekda Kepala Kepala Kepala Ketua Ketua Ketua ',
  '\n\nBaca juga: Wali Kota Kendari Arman Tamrin Lantik Pejabat\n\n',
];

function bigText(size: number): string {
  const parts: string[] = [];
  let len = 0;
  for (let i = 0; len < size; i++) {
    const p = PIECES[i % PIECES.length];
    parts.push(p);
    len += p.length;
  }
  return parts.join('');
}

describe('performance', () => {
  it('reads a 100 KB text quickly', () => {
    const text = bigText(100_000);
    findPersonMentions(text.slice(0, 2000)); // warm-up
    const t0 = performance.now();
    const ms = findPersonMentions(text, { isPlace: (p) => /^(kayong utara|kabupaten buru|buru|kota kendari|sinjai)$/i.test(p) });
    const elapsed = performance.now() - t0;
    expect(ms.length).toBeGreaterThan(100);
    expect(elapsed).toBeLessThan(5000);
  });

  it('a single 100 KB run of capitalised words', () => {
    const text = 'Pj Bupati ' + 'Abcde '.repeat(16_000);
    const t0 = performance.now();
    findPersonMentions(text);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
