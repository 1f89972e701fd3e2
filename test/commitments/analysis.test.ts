import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../src/extract/commitments/index.js';

function analyse(title: string, ...paragraphs: string[]) {
  return analyseArticle({ url: null, title, site: null, language: 'id', published_at: '2024-09-20', text: paragraphs.join('\n\n') });
}
const measures = (r: ReturnType<typeof analyse>, i = 0) => r.commitments[i]?.measures.map((m) => m.type).sort() ?? [];

describe('analyseArticle', () => {
  it('finds the committing regency, its head and its measures', () => {
    const r = analyse(
      'Pemkab Sinjai Terbitkan Surat Edaran Netralitas ASN',
      'SINJAI - Pemerintah Kabupaten Sinjai menerbitkan surat edaran tentang netralitas aparatur sipil negara menjelang Pilkada 2024.',
      'Pj Bupati Sinjai, Andi Mappasessu Rahman, mengatakan pegawai yang melanggar akan dikenai sanksi disiplin.',
    );
    expect(r.relevant).toBe(true);
    expect(r.commitments.map((c) => c.region.code)).toEqual(['73.07']);
    expect(r.commitments[0].officials.map((o) => [o.name, o.position])).toEqual([['Andi Mappasessu Rahman', 'Pj Bupati']]);
    expect(measures(r)).toEqual(['circular', 'sanction']);
  });

  it('does not credit the region with what Bawaslu does or asks of it', () => {
    const r = analyse(
      'Bawaslu Minta Pemkab Gowa Sosialisasikan Netralitas',
      'Ketua Bawaslu Gowa, Rahmat Hidayat, meminta Pemkab Gowa menggelar sosialisasi netralitas ASN dan membentuk satgas.',
      'Bawaslu juga akan melakukan pengawasan terhadap ASN selama kampanye Pilkada 2024.',
    );
    expect(r.relevant).toBe(false);
    expect(r.commitments).toEqual([]);
  });

  it('treats a pact signed for a candidate as a violation report, not an integrity pact', () => {
    const r = analyse(
      'Beredar Pakta Integritas Pj Bupati Dukung Calon Presiden',
      'Sebuah pakta integritas berisi dukungan Pj Bupati Maybrat kepada salah satu calon presiden beredar di media sosial.',
      'Bawaslu Papua Barat Daya menyatakan masih mendalami dugaan pelanggaran netralitas tersebut.',
    );
    expect(r.commitments.flatMap((c) => c.measures.map((m) => m.type))).not.toContain('integrity_pact');
    expect(r.relevant).toBe(false);
  });

  it('ignores "Baca juga" lines naming other regions', () => {
    const r = analyse(
      'Pemkot Palu Gelar Apel Netralitas ASN',
      'PALU - Pemerintah Kota Palu menggelar apel netralitas ASN di halaman balai kota, Senin (16/9/2024).',
      'Baca juga: Pemkab Donggala Teken Pakta Integritas dengan Bawaslu',
      'Wali Kota Palu, Hadianto Rasyid Lamarauna, menegaskan ASN dilarang ikut kampanye.',
    );
    expect(r.commitments.map((c) => c.region.code)).toEqual(['72.71']);
    expect(measures(r)).not.toContain('integrity_pact');
    expect(r.commitments[0].event_date).toBe('2024-09-16');
  });

  it('leaves out witnesses and former office holders', () => {
    const r = analyse(
      'ASN Pemkab Bone Ikrar Netral',
      'Ikrar netralitas ASN Pemkab Bone dipimpin Pj Bupati Bone, Andi Islamuddin Makkasau, dan disaksikan Kapolres Bone AKBP Erwin Syah serta Sekda Bone, Andi Saharuddin Amin.',
      'Ia menggantikan Pj Bupati Bone sebelumnya, Andi Fahsar Mahdin Padjalangi, sejak Mei lalu.',
    );
    expect(r.commitments[0].officials.map((o) => o.name)).toEqual(['Andi Islamuddin Makkasau']);
    expect(measures(r)).toEqual(['pledge']);
  });

  it('does not take the subject of a document title for a measure', () => {
    const r = analyse(
      'Pemprov Riau Keluarkan Surat Edaran Netralitas',
      'Pemerintah Provinsi Riau telah mengeluarkan Surat Edaran Gubernur tentang pembinaan dan pengawasan netralitas pegawai ASN.',
    );
    expect(r.commitments.map((c) => c.region.code)).toEqual(['14']);
    expect(measures(r)).toEqual(['circular']);
  });

  it('does not take the race for an office as the region that commits', () => {
    const r = analyse(
      'Wali Kota Jakarta Selatan Ingatkan ASN Netral',
      'Wali Kota Jakarta Selatan, Munjirin Hadi Saputra, meminta ASN netral selama Pilkada Gubernur dan Wakil Gubernur DKI Jakarta.',
    );
    expect(r.commitments.map((c) => c.region.code)).toEqual(['31.74']);
  });

  it('scores an article on another topic low', () => {
    const r = analyse('Pemkab Sleman Gelar Festival Kuliner', 'Pemerintah Kabupaten Sleman menggelar festival kuliner di alun-alun.');
    expect(r.relevant).toBe(false);
    expect(r.relevance).toBeLessThan(0.2);
  });

  it('returns an empty analysis for empty content', () => {
    expect(analyse('', '')).toEqual({ relevant: false, relevance: 0, commitments: [] });
  });
});

describe('words that are object property names', () => {
  it('are ordinary words to the lookups', () => {
    const r = analyseArticle({
      url: null,
      title: 'constructor toString',
      site: null,
      language: 'id',
      published_at: null,
      text: 'Bupati constructor hadir. Pj __proto__ valueOf menggelar apel netralitas ASN. Kota hasOwnProperty dan Pemkab constructor.',
    });
    expect(r.commitments).toEqual([]);
  });
});
