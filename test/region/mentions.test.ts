import { describe, expect, it } from 'vitest';
import { findRegionMentions, getGazetteer, type RegionMention } from '../../src/extract/region/index.js';

/** Compact view: [surface, cue, codes]. */
function view(text: string): Array<[string, string, string[]]> {
  return findRegionMentions(text).map((m) => [m.surface, m.cue, m.candidates.map((c) => c.code)]);
}

function only(text: string): RegionMention {
  const ms = findRegionMentions(text);
  expect(ms, text).toHaveLength(1);
  return ms[0];
}

describe('cues', () => {
  it('government cues', () => {
    expect(view('Pemkab Sinjai menggelar apel pagi.')).toEqual([['Sinjai', 'government', ['73.07']]]);
    expect(view('Apel digelar Pemerintah Kabupaten Sinjai kemarin.')).toEqual([['Sinjai', 'government', ['73.07']]]);
    expect(view('Pemerintah Kabupaten (Pemkab) Sinjai mengimbau pegawainya.')).toEqual([
      ['Sinjai', 'government', ['73.07']],
    ]);
    expect(view('Pegawai Pemkot Kendari diminta netral.')).toEqual([['Kendari', 'government', ['74.71']]]);
    expect(view('Pemerintah Kota Kendari menerbitkan edaran.')).toEqual([['Kendari', 'government', ['74.71']]]);
    expect(view('Edaran dari Pemprov Sultra sudah beredar.')).toEqual([['Sultra', 'government', ['74']]]);
    expect(view('Pemerintah Provinsi Jawa Barat mengingatkan pegawai.')).toEqual([['Jawa Barat', 'government', ['32']]]);
    expect(view('Pemda Kukar juga menyiapkan posko.')).toEqual([['Kukar', 'government', ['64.02']]]);
    expect(view('Pemerintah Daerah Kabupaten Buru menggelar rapat.')).toEqual([['Buru', 'government', ['81.04']]]);
    expect(view('Pemerintah Aceh menerbitkan instruksi.')).toEqual([['Aceh', 'government', ['11']]]);
    expect(view('Kepala BKPSDM Sinjai hadir.')).toEqual([['Sinjai', 'government', ['73.07']]]);
  });

  it('head cues, with the position word fixing the level', () => {
    expect(view('Bupati Sinjai membuka acara.')).toEqual([['Sinjai', 'head', ['73.07']]]);
    expect(view('Kata Pj Bupati Buru dalam sambutannya.')).toEqual([['Buru', 'head', ['81.04']]]);
    expect(view('Pj Wali Kota Kendari dan Walikota Kendari.')).toEqual([
      ['Kendari', 'head', ['74.71']],
      ['Kendari', 'head', ['74.71']],
    ]);
    expect(view('Menurut Pj Wako Padang, semua siap.')).toEqual([['Padang', 'head', ['13.71']]]);
    expect(view('Gubernur Sulsel meminta semua pegawai netral.')).toEqual([['Sulsel', 'head', ['73']]]);
    expect(view('Hal itu disampaikan Pj Gubernur Kalbar.')).toEqual([['Kalbar', 'head', ['61']]]);
    expect(view('Wakil Bupati Bone hadir.')).toEqual([['Bone', 'head', ['73.08']]]);
    expect(view('Sekda Kukar, Sekdakab Sinjai, Sekkot Kendari dan Sekdaprov Sultra.')).toEqual([
      ['Kukar', 'head', ['64.02']],
      ['Sinjai', 'head', ['73.07']],
      ['Kendari', 'head', ['74.71']],
      ['Sultra', 'head', ['74']],
    ]);
    expect(view('Sekretaris Daerah Kota Kendari memimpin apel.')).toEqual([['Kendari', 'head', ['74.71']]]);
    expect(view('Gubernur Gorontalo dan Bupati Gorontalo serta Wali Kota Gorontalo.')).toEqual([
      ['Gorontalo', 'head', ['75']],
      ['Gorontalo', 'head', ['75.01']],
      ['Gorontalo', 'head', ['75.71']],
    ]);
  });

  it('explicit level words', () => {
    expect(view('Warga Kabupaten Bekasi dan Kota Bekasi.')).toEqual([
      ['Bekasi', 'explicit', ['32.16']],
      ['Bekasi', 'explicit', ['32.75']],
    ]);
    expect(view('Di Kab. Bekasi dan Prov. Jabar.')).toEqual([
      ['Bekasi', 'explicit', ['32.16']],
      ['Jabar', 'explicit', ['32']],
    ]);
    expect(view('Provinsi Jawa Barat menjadi tuan rumah.')).toEqual([['Jawa Barat', 'explicit', ['32']]]);
    expect(view('kantor di kota Kendari')).toEqual([['Kendari', 'explicit', ['74.71']]]);
  });

  it('agency cues, with an optional level word', () => {
    expect(view('Bawaslu Kota Kendari mengawasi.')).toEqual([['Kendari', 'agency', ['74.71']]]);
    expect(view('KPU Kukar menetapkan jadwal.')).toEqual([['Kukar', 'agency', ['64.02']]]);
    expect(view('Ketua DPRD Sinjai berpesan.')).toEqual([['Sinjai', 'agency', ['73.07']]]);
    expect(view('Personel Polres Buru berjaga.')).toEqual([['Buru', 'agency', ['81.04']]]);
    expect(view('Kejari Bekasi menyelidiki.')).toEqual([['Bekasi', 'agency', ['32.16', '32.75']]]);
    expect(view('Bawaslu Kabupaten Bekasi memanggil saksi.')).toEqual([['Bekasi', 'agency', ['32.16']]]);
    expect(view('Anggota Kodim 1408/Makassar ikut apel.')).toEqual([['Makassar', 'agency', ['73.71']]]);
  });

  it('bare names, returning every candidate when ambiguous', () => {
    expect(view('Warga Sinjai antusias.')).toEqual([['Sinjai', 'bare', ['73.07']]]);
    expect(view('Suasana di Kendari ramai.')).toEqual([['Kendari', 'bare', ['74.71']]]);
    expect(view('Pegawai di Kukar dan Jabar serta NTT.')).toEqual([
      ['Kukar', 'bare', ['64.02']],
      ['Jabar', 'bare', ['32']],
      ['NTT', 'bare', ['53']],
    ]);
    expect(view('Macet parah di Bekasi.')).toEqual([['Bekasi', 'bare', ['32.16', '32.75']]]);
    expect(view('Mereka datang dari Malang.')).toEqual([['Malang', 'bare', ['35.07', '35.73']]]);
    expect(view('Rapat digelar di Jakarta.')).toEqual([['Jakarta', 'bare', ['31']]]);
    expect(view('Libur ke Jogja.')).toEqual([['Jogja', 'bare', ['34']]]);
    expect(view('Warga Bone dan Soppeng.')).toEqual([
      ['Bone', 'bare', ['73.08']],
      ['Soppeng', 'bare', ['73.12']],
    ]);
  });

  it('a name in parentheses after a cued mention takes its cue', () => {
    expect(view('Pemkab Kutai Kartanegara (Kukar) bergerak.')).toEqual([
      ['Kutai Kartanegara', 'government', ['64.02']],
      ['Kukar', 'government', ['64.02']],
    ]);
  });

  it('reports the cue text and where it starts', () => {
    const text = 'Kemarin Pj Wali Kota Kendari hadir.';
    const m = only(text);
    expect(m.cueText).toBe('Wali Kota');
    expect(text.slice(m.cueStart, m.end)).toBe('Wali Kota Kendari');
    const b = only('Ada di Sinjai.');
    expect(b.cueText).toBeUndefined();
    expect(b.cueStart).toBe(b.start);
    expect(only('Bawaslu Kota Kendari').cueText).toBe('Bawaslu Kota');
  });
});

describe('longest match', () => {
  it('prefers the longer name', () => {
    expect(view('Bupati Buru Selatan dan Bupati Buru.')).toEqual([
      ['Buru Selatan', 'head', ['81.09']],
      ['Buru', 'head', ['81.04']],
    ]);
    expect(view('Pemkab Kutai Kartanegara')).toEqual([['Kutai Kartanegara', 'government', ['64.02']]]);
    expect(view('Ada di Bangka Barat, bukan Bangka.')).toEqual([
      ['Bangka Barat', 'bare', ['19.05']],
      ['Bangka', 'bare', ['19.01']],
    ]);
    expect(view('Aceh Barat Daya berbeda dengan Aceh Barat.')).toEqual([
      ['Aceh Barat Daya', 'bare', ['11.12']],
      ['Aceh Barat', 'bare', ['11.05']],
    ]);
    expect(view('Provinsi Papua Barat Daya dan Provinsi Papua Barat.')).toEqual([
      ['Papua Barat Daya', 'explicit', ['96']],
      ['Papua Barat', 'explicit', ['92']],
    ]);
    expect(view('Warga Jakarta Utara dan Tangerang Selatan.')).toEqual([
      ['Jakarta Utara', 'bare', ['31.72']],
      ['Tangerang Selatan', 'bare', ['36.74']],
    ]);
    expect(view('Kabupaten Bandung Barat dan Kota Bandung.')).toEqual([
      ['Bandung Barat', 'explicit', ['32.17']],
      ['Bandung', 'explicit', ['32.73']],
    ]);
    expect(view('Pemprov Kepulauan Riau dan Pemprov Riau.')).toEqual([
      ['Kepulauan Riau', 'government', ['21']],
      ['Riau', 'government', ['14']],
    ]);
  });
});

describe('variants and normalisation', () => {
  it('collapses spaces, hyphens and case', () => {
    for (const s of ['Bau-Bau', 'Baubau', 'Bau Bau', 'BAUBAU']) {
      expect(view(`Wali Kota ${s} hadir.`), s).toEqual([[s, 'head', ['74.72']]]);
    }
    expect(view('Pemkab Toli-Toli dan Pemkab Tolitoli.').map((v) => v[2])).toEqual([['72.04'], ['72.04']]);
    expect(view('pemkab kutai kartanegara')).toEqual([['kutai kartanegara', 'government', ['64.02']]]);
    expect(view('Kab. Kutai Kertanegara')).toEqual([['Kutai Kertanegara', 'explicit', ['64.02']]]);
    expect(view('Pemerintah D.I. Yogyakarta')).toEqual([['D.I. Yogyakarta', 'government', ['34']]]);
    expect(view('Pemkot Pematang Siantar')).toEqual([['Pematang Siantar', 'government', ['12.72']]]);
    expect(view('Bupati Lima Puluh Kota dan Bupati 50 Kota')).toEqual([
      ['Lima Puluh Kota', 'head', ['13.07']],
      ['50 Kota', 'head', ['13.07']],
    ]);
    expect(view('Pemkab Kotawaringin Timur (Kotim)').map((v) => v[2])).toEqual([['62.02'], ['62.02']]);
    expect(view('Wali Kota Solo').map((v) => v[2])).toEqual([['33.72']]);
    expect(view('Pemkab Kep. Meranti')).toEqual([['Kep. Meranti', 'government', ['14.10']]]);
    expect(view('Wali Kota Administrasi Jakarta Utara')).toEqual([['Jakarta Utara', 'head', ['31.72']]]);
    expect(view('Kota Administrasi Jakarta Timur')).toEqual([['Jakarta Timur', 'explicit', ['31.75']]]);
    expect(view('Pemprov Sulsel-Sulbar')).toEqual([
      ['Sulsel', 'government', ['73']],
      ['Sulbar', 'bare', ['76']],
    ]);
    expect(view('Pemkot Jogja dan Pemprov DIY').map((v) => v[2])).toEqual([['34.71'], ['34']]);
  });

  it('a dateline in capitals counts', () => {
    expect(view('KENDARI – Sejumlah pegawai berkumpul.')).toEqual([['KENDARI', 'bare', ['74.71']]]);
    expect(view('KABUPATEN TANGERANG | Pegawai diminta netral.')).toEqual([['TANGERANG', 'explicit', ['36.03']]]);
  });
});

describe('no match in ordinary words', () => {
  it('ignores lone level and direction words', () => {
    expect(findRegionMentions('Pegawai di kota dan kabupaten bagian barat maupun timur.')).toEqual([]);
    expect(findRegionMentions('Kota tua itu ramai. Barat dan Timur bertemu.')).toEqual([]);
    expect(findRegionMentions('Bupati dan Wali Kota se-Indonesia diminta hadir di ibu kota.')).toEqual([]);
  });

  it('ignores a sentence with no region', () => {
    expect(
      findRegionMentions(
        'Seluruh aparatur sipil negara wajib menjaga netralitas selama tahapan pemilihan berlangsung, kata dia.',
      ),
    ).toEqual([]);
    expect(findRegionMentions('')).toEqual([]);
  });

  it('words after Kabupaten/Kota that are not regions do not match', () => {
    expect(findRegionMentions('Kota Tua, Kota Lama, Kabupaten Baru dan Kota Santri.')).toEqual([]);
    expect(findRegionMentions('Di Kota Martapura, pegawai berkumpul.')).toEqual([]);
  });

  it('needs a cue for names that are common words', () => {
    expect(findRegionMentions('Ia batu sandungan; Batu itu besar.')).toEqual([]);
    expect(view('Wali Kota Batu hadir.')).toEqual([['Batu', 'head', ['35.79']]]);
    expect(findRegionMentions('Agam datang terlambat.')).toEqual([]);
    expect(view('Pemkab Agam bersiap.')).toEqual([['Agam', 'government', ['13.06']]]);
    expect(findRegionMentions('Mitra kerja dan Benteng tua.')).toEqual([]);
    expect(findRegionMentions('Polda Metro Jaya berjaga.')).toEqual([]);
    expect(findRegionMentions('Pegawai buru-buru pulang. Buru-buru dia pergi.')).toEqual([]);
    expect(findRegionMentions('Pemerintah buru-buru membuat aturan.')).toEqual([]);
  });

  it('needs capitals for bare names, and no sentence start for word-like ones', () => {
    expect(findRegionMentions('nasib malang menimpa; dia di medan laga.')).toEqual([]);
    expect(findRegionMentions('Malang nian nasibnya.')).toEqual([]);
    expect(findRegionMentions('Serang balik lawan.')).toEqual([]);
    expect(findRegionMentions('Pati dari masalah ini sederhana.')).toEqual([]);
    expect(view('Warga Pati berkumpul.')).toEqual([['Pati', 'bare', ['33.18']]]);
    expect(findRegionMentions('harga batu bara naik')).toEqual([]);
    expect(findRegionMentions('Acara dibuka ntt dan oku.')).toEqual([]);
    expect(findRegionMentions('Di Kota Baru, warga berkumpul.')).toEqual([]);
  });

  it('ignores streets, media names and idioms', () => {
    expect(findRegionMentions('Kantornya di Jalan Sinjai nomor 5.')).toEqual([]);
    expect(findRegionMentions('Disiarkan TVRI Sultra dan dikutip Tribun Jabar.')).toEqual([]);
    expect(findRegionMentions('Dikutip dari Kendari Pos kemarin.')).toEqual([]);
    expect(findRegionMentions('Persatuan dari Sabang sampai Merauke.')).toEqual([]);
    expect(findRegionMentions('Wisata ke Danau Toba.')).toEqual([]);
  });
});

describe('offsets', () => {
  it('surface equals the text slice', () => {
    const text = [
      'KENDARI – Pj Wali Kota Kendari bersama Pemprov Sultra, Bawaslu Kota Kendari dan KPU Kukar.',
      'Pemerintah Kabupaten (Pemkab) Sinjai, Kab. Bekasi, Bau-Bau, Provinsi Papua Barat Daya (PBD).',
      'Sekda Kota Kendari dan Bupati Buru Selatan serta D.I. Yogyakarta.',
    ].join('\n\n');
    const ms = findRegionMentions(text);
    expect(ms.length).toBeGreaterThanOrEqual(12);
    let last = -1;
    for (const m of ms) {
      expect(text.slice(m.start, m.end)).toBe(m.surface);
      expect(m.cueStart).toBeLessThanOrEqual(m.start);
      expect(m.start).toBeGreaterThan(last);
      expect(m.candidates.length).toBeGreaterThan(0);
      last = m.end;
    }
  });
});

describe('performance', () => {
  it('scans 100 KB of text quickly', () => {
    const para =
      'Pj Bupati Sinjai bersama Pemkot Kendari dan Bawaslu Kota Kendari menggelar apel netralitas ASN. ' +
      'Seluruh pegawai di lingkungan pemerintah daerah diminta tidak memihak pasangan calon mana pun, ' +
      'termasuk di Kukar, Bekasi, Jawa Barat dan Papua Barat Daya, kata Sekda dalam sambutannya. ';
    let text = '';
    while (text.length < 100_000) text += para;
    findRegionMentions(text.slice(0, 1000)); // warm up (gazetteer build)
    const t0 = performance.now();
    const ms = findRegionMentions(text);
    const elapsed = performance.now() - t0;
    expect(ms.length).toBeGreaterThan(1000);
    expect(elapsed).toBeLessThan(1000); // ~20-60 ms in practice
  });
});

describe('every region', () => {
  it('is found after its own cue', () => {
    const gaz = getGazetteer();
    for (const r of gaz.all()) {
      const core = gaz.coreName(r.code)!;
      const cue = r.level === 'province' ? 'Pemprov' : r.level === 'regency' ? 'Pemkab' : 'Pemkot';
      const text = `Pegawai ${cue} ${core} diminta netral.`;
      const ms = findRegionMentions(text);
      expect(ms.length, text).toBe(1);
      expect(ms[0].candidates.map((c) => c.code), text).toEqual([r.code]);
      expect(ms[0].surface).toBe(core);
      // and after its explicit level word, by its full official name
      const full = r.level === 'province' ? `Provinsi ${r.name}` : r.name;
      const ms2 = findRegionMentions(`Warga ${full} berkumpul.`);
      expect(ms2.map((m) => m.candidates.map((c) => c.code)), full).toEqual([[r.code]]);
    }
  });

  it('is found bare unless its name needs a cue', () => {
    const gaz = getGazetteer();
    const needCue = new Set(['13.06', '33.25', '35.79', '18.72', '94.05', '53.21']); // Agam, Batang, Batu, Metro, Puncak, Malaka
    for (const r of gaz.all()) {
      const core = gaz.coreName(r.code)!;
      const ms = findRegionMentions(`Ada kabar dari ${core} hari ini.`);
      if (needCue.has(r.code)) {
        expect(ms, core).toEqual([]);
      } else {
        expect(ms.length, core).toBe(1);
        expect(ms[0].cue).toBe('bare');
        // Yogyakarta alone is read as the province (Kota Yogyakarta needs a city cue).
        expect(ms[0].candidates.map((c) => c.code), core).toContain(r.code === '34.71' ? '34' : r.code);
      }
    }
  });
});
