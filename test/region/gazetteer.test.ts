import { describe, expect, it } from 'vitest';
import { getGazetteer, levelForPosition } from '../../src/extract/region/index.js';
import { GazetteerImpl } from '../../src/extract/region/gazetteer.js';

const gaz = getGazetteer();
const codes = (name: string, hint?: Parameters<typeof gaz.lookup>[1]) => gaz.lookup(name, hint).map((r) => r.code);

describe('gazetteer data', () => {
  it('loads 38 provinces and 514 regencies/cities with codes', () => {
    const all = gaz.all();
    expect(all).toHaveLength(552);
    expect(all.filter((r) => r.level === 'province')).toHaveLength(38);
    expect(all.filter((r) => r.level !== 'province')).toHaveLength(514);
    expect(all.filter((r) => r.level === 'city')).toHaveLength(98);
    expect(all.filter((r) => r.level === 'regency')).toHaveLength(416);
    expect(new Set(all.map((r) => r.code)).size).toBe(552);
    for (const r of all) {
      if (r.level === 'province') {
        expect(r.code).toMatch(/^\d{2}$/);
        expect(r.province).toEqual({ code: r.code, name: r.name });
      } else {
        expect(r.code).toMatch(/^\d{2}\.\d{2}$/);
        expect(r.province.code).toBe(r.code.slice(0, 2));
        expect(r.province.name).toBe(gaz.byCode(r.province.code)?.name);
        expect(r.name).toMatch(r.level === 'city' ? /^Kota / : /^Kabupaten /);
      }
      // Title case: no all-caps word except DKI / DI, nothing fully lowercase except a connective.
      for (const w of r.name.split(' ')) {
        if (w === 'DKI' || w === 'DI') continue;
        expect(w[0]).toBe(w[0].toUpperCase());
        expect(w.slice(1)).toBe(w.slice(1).toLowerCase());
      }
    }
  });

  it('lists provinces first, then regencies and cities in code order', () => {
    const all = gaz.all();
    expect(all[0].code).toBe('11');
    expect(all[37].code).toBe('96');
    expect(all[38].code).toBe('11.01');
    expect(gaz.provinces()).toHaveLength(38);
    expect(gaz.regionsOf('74').map((r) => r.code)).toContain('74.71');
    expect(gaz.regionsOf('74')).toHaveLength(17);
  });

  it('names regions in title case as in the gold data', () => {
    expect(gaz.byCode('64.02')?.name).toBe('Kabupaten Kutai Kartanegara');
    expect(gaz.byCode('74.71')).toEqual({
      code: '74.71',
      name: 'Kota Kendari',
      level: 'city',
      province: { code: '74', name: 'Sulawesi Tenggara' },
    });
    expect(gaz.byCode('31.72')?.name).toBe('Kota Administrasi Jakarta Utara');
    expect(gaz.byCode('31.72')?.level).toBe('city');
    expect(gaz.byCode('31.01')?.name).toBe('Kabupaten Administrasi Kepulauan Seribu');
    expect(gaz.byCode('31.01')?.level).toBe('regency');
    expect(gaz.byCode('31')?.name).toBe('DKI Jakarta');
    expect(gaz.byCode('34')?.name).toBe('Daerah Istimewa Yogyakarta');
    expect(gaz.byCode('19')?.name).toBe('Kepulauan Bangka Belitung');
    expect(gaz.byCode('74')?.level).toBe('province');
    expect(gaz.byCode('96')?.name).toBe('Papua Barat Daya');
    expect(gaz.byCode('99')).toBeUndefined();
  });

  it('builds quickly', () => {
    const t0 = performance.now();
    const fresh = new GazetteerImpl();
    const ms = performance.now() - t0;
    expect(fresh.all()).toHaveLength(552);
    expect(ms).toBeLessThan(200); // ~10-30 ms in practice; generous for slow CI
    expect(getGazetteer()).toBe(gaz);
  });
});

describe('lookup', () => {
  it('resolves official names with and without level words, in any case', () => {
    expect(codes('Sinjai')).toEqual(['73.07']);
    expect(codes('Kabupaten Sinjai')).toEqual(['73.07']);
    expect(codes('KABUPATEN ACEH SELATAN')).toEqual(['11.01']);
    expect(codes('kota kendari')).toEqual(['74.71']);
    expect(codes('Sulawesi Tenggara')).toEqual(['74']);
    expect(codes('Provinsi Sulawesi Tenggara')).toEqual(['74']);
    expect(codes('Kota Administrasi Jakarta Utara')).toEqual(['31.72']);
    expect(codes('Kepulauan Seribu')).toEqual(['31.01']);
    expect(codes('Tidak Ada')).toEqual([]);
    expect(codes('')).toEqual([]);
  });

  it('resolves province abbreviations', () => {
    const table: Record<string, string> = {
      Sultra: '74', Sulsel: '73', Sulbar: '76', Sulteng: '72', Sulut: '71', Sumut: '12', Sumbar: '13',
      Sumsel: '16', Kalbar: '61', Kalsel: '63', Kalteng: '62', Kaltim: '64', Kaltara: '65', Jabar: '32',
      Jateng: '33', Jatim: '35', NTT: '53', NTB: '52', DIY: '34', Jogja: '34', Yogyakarta: '34', DKI: '31',
      Jakarta: '31', 'DKI Jakarta': '31', Babel: '19', 'Bangka Belitung': '19', Kepri: '21', Malut: '82',
      PBD: '96', 'Papua Barat Daya': '96', 'Papua Pegunungan': '95', 'Papua Tengah': '94',
      'Papua Selatan': '93', Bengkulu: '17', Lampung: '18', Riau: '14', 'Kepulauan Riau': '21', Aceh: '11',
      NAD: '11', Banten: '36', Bali: '51', Maluku: '81', 'Maluku Utara': '82', 'Sumatra Utara': '12',
      'DI Yogyakarta': '34',
    };
    for (const [name, code] of Object.entries(table)) {
      expect(gaz.lookup(name, { level: 'province' }).map((r) => r.code), name).toEqual([code]);
    }
  });

  it('resolves regency and city abbreviations', () => {
    const table: Record<string, string> = {
      Kukar: '64.02', Kutim: '64.08', Kubar: '64.07', PPU: '64.09', Mahulu: '64.11', Kotim: '62.02',
      Kobar: '62.01', Barsel: '62.04', Bartim: '62.13', Barut: '62.05', Pulpis: '62.11', Gumas: '62.10',
      Muba: '16.06', Muratara: '16.13', OKU: '16.01', OKI: '16.02', 'OKU Timur': '16.08',
      'OKU Selatan': '16.09', PALI: '16.12', Mubar: '74.13', Konsel: '74.05', Konut: '74.09', Koltim: '74.11',
      Konkep: '74.12', Butur: '74.10', Buteng: '74.14', Busel: '74.15', Lutra: '73.22', Lutim: '73.24',
      Pangkep: '73.10', Sidrap: '73.14', Tator: '73.18', Torut: '73.26', Selayar: '73.01', Matim: '53.19',
      Mabar: '53.15', SBD: '53.18', TTS: '53.02', TTU: '53.03', Labura: '12.23', Labusel: '12.22',
      Madina: '12.13', Tapteng: '12.01', Taput: '12.02', Tapsel: '12.03', Humbahas: '12.16', Tobasa: '12.12',
      Sergai: '12.18', Abdya: '11.12', Agara: '11.02', '50 Kota': '13.07', 'Lima Puluh Kota': '13.07',
      Pasbar: '13.12', Pessel: '13.01', Darmasraya: '13.10', Inhu: '14.02', Inhil: '14.04', Kuansing: '14.09',
      Rohil: '14.07', Rohul: '14.06', Meranti: '14.10', Tanjabbar: '15.06', Tanjabtim: '15.07', Babar: '19.05',
      Bateng: '19.04', Basel: '19.03', Beltim: '19.06', Anambas: '21.05', Lamteng: '18.02', Lamsel: '18.01',
      Lamtim: '18.07', Lampura: '18.03', Tuba: '18.05', Tubaba: '18.12', Lambar: '18.04', Pesibar: '18.13',
      KBB: '32.17', Tangsel: '36.74', Jaksel: '31.74', Jakbar: '31.73', Jaktim: '31.75', Jakpus: '31.71',
      Jakut: '31.72', Solo: '33.72', Lobar: '52.01', Loteng: '52.02', Lotim: '52.03', KLU: '52.08',
      KSB: '52.07', KKU: '61.11', KKR: '61.12', HST: '63.07', HSS: '63.06', HSU: '63.08', Tala: '63.01',
      Tanbu: '63.10', Batola: '63.04', Bolmong: '71.01', Boltim: '71.10', Bolsel: '71.11', Bolmut: '71.08',
      Minsel: '71.05', Minut: '71.06', Mitra: '71.07', Sitaro: '71.09', Bonebol: '75.03', Gorut: '75.05',
      Parimo: '72.08', Touna: '72.09', Bangkep: '72.07', Morut: '72.12', Polman: '76.04', Mateng: '76.06',
      Halbar: '82.01', Halteng: '82.02', Haltim: '82.06', Halsel: '82.04', Halut: '82.03', Morotai: '82.07',
      Taliabu: '82.08', Sula: '82.05', Tidore: '82.72', Bursel: '81.09', Malteng: '81.01', Malra: '81.02',
      MBD: '81.08', KKT: '81.03', Tanimbar: '81.03', SBB: '81.06', SBT: '81.05', Aru: '81.07', Sorsel: '96.02',
      Mansel: '92.11', Pegaf: '92.12', Siantar: '12.72',
    };
    for (const [name, code] of Object.entries(table)) {
      expect(codes(name), name).toEqual([code]);
    }
  });

  it('resolves spelling variants and old names', () => {
    const table: Record<string, string> = {
      'Kutai Kertanegara': '64.02', 'Kotawaringin Timur': '62.02', 'Pangkajene dan Kepulauan': '73.10',
      'Toli-Toli': '72.04', Tolitoli: '72.04', 'Tojo Una Una': '72.09', 'Tojo Una-Una': '72.09',
      'Maluku Tenggara Barat': '81.03', Batubara: '12.19', 'Batu Bara': '12.19', 'Labuhan Batu': '12.10',
      Labuhanbatu: '12.10', 'Pakpak Bharat': '12.15', 'Tanjung Balai': '12.74', Tanjungbalai: '12.74',
      'Pematang Siantar': '12.72', Pematangsiantar: '12.72', 'Padang Sidempuan': '12.77',
      Padangsidimpuan: '12.77', 'Lubuk Linggau': '16.73', Lubuklinggau: '16.73', 'Pagar Alam': '16.72',
      Pagaralam: '16.72', 'Bau-Bau': '74.72', Baubau: '74.72', 'Bau Bau': '74.72', 'Pare-Pare': '73.72',
      Parepare: '73.72', 'Tidore Kepulauan': '82.72', 'Gunung Sitoli': '12.78', Gunungsitoli: '12.78',
      'Bukit Tinggi': '13.75', Bukittinggi: '13.75', 'Tanjung Pinang': '21.72', Tanjungpinang: '21.72',
      'Pangkal Pinang': '19.71', Pangkalpinang: '19.71', 'Palangka Raya': '62.71', Palangkaraya: '62.71',
      'Gunung Kidul': '34.03', Gunungkidul: '34.03', 'Kulon Progo': '34.01', Kulonprogo: '34.01',
      'Muko-Muko': '17.06', 'Fak-Fak': '92.03', Fakfak: '92.03', Dharmasraya: '13.10', Kotabaru: '63.02',
      'Mamuju Utara': '76.01', 'Toba Samosir': '12.12', 'Padang Pariaman': '13.05',
    };
    for (const [name, code] of Object.entries(table)) {
      expect(codes(name), name).toEqual([code]);
    }
  });

  it('returns every reading of an ambiguous name, and narrows with a level word, cue or hint', () => {
    expect(codes('Bekasi')).toEqual(['32.16', '32.75']);
    expect(codes('Kabupaten Bekasi')).toEqual(['32.16']);
    expect(codes('Kab. Bekasi')).toEqual(['32.16']);
    expect(codes('Kota Bekasi')).toEqual(['32.75']);
    expect(codes('Pemkot Bekasi')).toEqual(['32.75']);
    expect(codes('Wali Kota Bekasi')).toEqual(['32.75']);
    expect(codes('Bupati Bekasi')).toEqual(['32.16']);
    expect(codes('Bekasi', { level: 'city' })).toEqual(['32.75']);
    expect(codes('Gorontalo')).toEqual(['75', '75.01', '75.71']);
    expect(codes('Gorontalo', { level: 'province' })).toEqual(['75']);
    expect(codes('Gubernur Gorontalo')).toEqual(['75']);
    expect(codes('Banjar')).toEqual(['32.79', '63.03']);
    expect(codes('Banjar', { provinceCode: '63' })).toEqual(['63.03']);
    expect(codes('Kota Banjar')).toEqual(['32.79']);
    expect(codes('Jayapura', { level: 'regency' })).toEqual(['91.03']);
    expect(codes('Mura')).toEqual(['16.05', '62.12']);
    expect(codes('Toraja')).toEqual(['73.18', '73.26']);
    // Jogja / Yogyakarta alone is the province; a city cue reaches Kota Yogyakarta.
    expect(codes('Yogyakarta')).toEqual(['34']);
    expect(codes('Kota Yogyakarta')).toEqual(['34.71']);
    expect(codes('Pemkot Jogja')).toEqual(['34.71']);
    // A hint that fits no candidate is ignored rather than emptying the result.
    expect(codes('Kendari', { level: 'regency' })).toEqual(['74.71']);
    expect(codes('Sinjai', { provinceCode: '74' })).toEqual(['73.07']);
  });
});

describe('levelForPosition', () => {
  it('maps head and secretary positions to levels', () => {
    expect(levelForPosition('Bupati')).toBe('regency');
    expect(levelForPosition('Pj Bupati')).toBe('regency');
    expect(levelForPosition('Wakil Bupati')).toBe('regency');
    expect(levelForPosition('Wali Kota')).toBe('city');
    expect(levelForPosition('Walikota')).toBe('city');
    expect(levelForPosition('Pj Wako')).toBe('city');
    expect(levelForPosition('Plt. Wali Kota')).toBe('city');
    expect(levelForPosition('Gubernur')).toBe('province');
    expect(levelForPosition('Pj Gubernur')).toBe('province');
    expect(levelForPosition('Sekda')).toBe('regency');
    expect(levelForPosition('Sekdakab')).toBe('regency');
    expect(levelForPosition('Sekkab')).toBe('regency');
    expect(levelForPosition('Sekkot')).toBe('city');
    expect(levelForPosition('Sekdaprov')).toBe('province');
    expect(levelForPosition('Sekprov')).toBe('province');
    expect(levelForPosition('Sekda Kota')).toBe('city');
    expect(levelForPosition('Sekretaris Daerah Provinsi')).toBe('province');
    expect(levelForPosition('Kepala BKPSDM')).toBeUndefined();
    expect(levelForPosition('Ketua Bawaslu')).toBeUndefined();
  });
});
