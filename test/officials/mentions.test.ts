import { describe, expect, it } from 'vitest';
import { findPersonMentions } from '../../src/extract/officials/index.js';
import type { PersonMention } from '../../src/extract/officials/index.js';

// A small fake gazetteer standing in for the region lookup the pipeline passes.
const PLACES = new Set(
  [
    'Sinjai', 'Kayong Utara', 'Kota Kendari', 'Kendari', 'Kabupaten Buru', 'Buru', 'Buru Selatan', 'Sulsel',
    'Kukar', 'Tangerang', 'Kota Mataram', 'Mataram', 'Bangka', 'Provinsi Riau', 'Riau', 'Kalteng', 'Papua Barat',
    'Sulawesi Tengah', 'Sulteng', 'Medan', 'Langkat', 'Kotim', 'Jakarta Utara', 'Banjar', 'Maluku Utara',
    'Malut', 'Gowa', 'Kabupaten Gowa', 'Kota Palu', 'Palu', 'Tabanan', 'Cilacap', 'Sulawesi Barat', 'Sulbar',
    'Kota Ternate', 'Ternate', 'Jawa Barat', 'Jabar', 'Gorontalo',
  ].map((p) => p.toLowerCase()),
);
const isPlace = (phrase: string): boolean => PLACES.has(phrase.toLowerCase().replace(/\s+/g, ' '));

const find = (text: string): PersonMention[] => findPersonMentions(text, { isPlace });
const one = (text: string): PersonMention => {
  const ms = find(text);
  expect(ms.map((m) => m.surface)).toHaveLength(1);
  return ms[0];
};
const names = (text: string): string[] => [...new Set(find(text).map((m) => m.name))];

describe('position followed by name', () => {
  it('reads "Penjabat (Pj) Bupati X Nama" with offsets', () => {
    const text = 'Penjabat (Pj) Bupati Tangerang Rudi Hartawan menerbitkan surat edaran baru.';
    const m = one(text);
    expect(m).toMatchObject({
      name: 'Rudi Hartawan',
      position: 'Pj Bupati',
      place: 'Tangerang',
      role: 'head',
      acting: 'pj',
      source: 'position',
      inherited: false,
    });
    expect(text.slice(m.nameStart, m.nameEnd)).toBe('Rudi Hartawan');
    expect(text.slice(m.positionStart, m.positionEnd)).toBe('Penjabat (Pj) Bupati Tangerang');
  });

  it('reads the name after a comma: "Pj Bupati Kayong Utara, Nama,"', () => {
    const text = 'Pj Bupati Kayong Utara, Fajar Sidik, meminta ASN menjaga sikap netral.';
    const m = one(text);
    expect(m).toMatchObject({ name: 'Fajar Sidik', position: 'Pj Bupati', place: 'Kayong Utara', acting: 'pj' });
    expect(text.slice(m.positionStart, m.positionEnd)).toBe('Pj Bupati Kayong Utara');
  });

  it('strips titles and degrees: "Bupati X, H. Nama, S.Sos, M.Si"', () => {
    const text = 'Bupati Sinjai, Dr. H. Baso Amiruddin, S.Sos, M.Si, membuka kegiatan itu.';
    const m = one(text);
    expect(m).toMatchObject({ name: 'Baso Amiruddin', position: 'Bupati', place: 'Sinjai', role: 'head', acting: null });
    expect(text.slice(m.nameStart, m.nameEnd)).toBe('Baso Amiruddin');
  });

  it('reads Wali Kota, Pj Wali Kota, Pjs and Plt heads', () => {
    expect(one('Wali Kota Mataram H. Hadi Surya menyerahkan piagam.')).toMatchObject({
      name: 'Hadi Surya',
      position: 'Wali Kota',
      place: 'Mataram',
      role: 'head',
    });
    expect(one('Pj Wali Kota Kendari, Arman Tamrin mengingatkan pegawai.')).toMatchObject({
      name: 'Arman Tamrin',
      position: 'Pj Wali Kota',
      place: 'Kendari',
      acting: 'pj',
    });
    expect(one('Pjs Bupati Kukar Wahyu Santosa memimpin apel pagi.')).toMatchObject({
      name: 'Wahyu Santosa',
      position: 'Pjs Bupati',
      acting: 'pjs',
      place: 'Kukar',
    });
    expect(one('Pelaksana Tugas (Plt) Bupati Tabanan I Ketut Arsana menegur camat.')).toMatchObject({
      name: 'I Ketut Arsana',
      position: 'Plt Bupati',
      acting: 'plt',
      role: 'head',
    });
    expect(one('Plt.Bupati Langkat Rahmat Syah hadir sebagai saksi.')).toMatchObject({
      name: 'Rahmat Syah',
      position: 'Plt Bupati',
      acting: 'plt',
    });
    expect(one('Penjabat Gubernur Papua Barat Yakob Wanggai menyampaikan arahan.')).toMatchObject({
      name: 'Yakob Wanggai',
      position: 'Pj Gubernur',
      place: 'Papua Barat',
    });
  });

  it('reads deputies', () => {
    expect(one('Wakil Bupati Gowa Sitti Aminah menghadiri apel.')).toMatchObject({ role: 'deputy_head', position: 'Wakil Bupati' });
    expect(one('Wawali Kendari Siska Dewi ikut menandatangani.')).toMatchObject({ role: 'deputy_head', name: 'Siska Dewi' });
    expect(one('Wabup Sinjai Andi Rusman turut hadir.')).toMatchObject({ role: 'deputy_head', name: 'Andi Rusman' });
    expect(one('Wakil Wali Kota Palu Irwan Lamaga memberi sambutan.')).toMatchObject({
      role: 'deputy_head',
      position: 'Wakil Wali Kota',
    });
  });

  it('reads secretaries in all their spellings', () => {
    expect(one('Sekda Kukar Harsono Adi membacakan ikrar.')).toMatchObject({ role: 'secretary', position: 'Sekda', name: 'Harsono Adi' });
    expect(one('Sekretaris Daerah (Sekda) Kabupaten Buru Hamid Lessy menegaskan hal itu.')).toMatchObject({
      role: 'secretary',
      position: 'Sekda',
      place: 'Kabupaten Buru',
      name: 'Hamid Lessy',
    });
    expect(one('Sekdakab Langkat Dedi Harahap memimpin rapat.')).toMatchObject({ role: 'secretary', position: 'Sekdakab' });
    expect(one('Sekdaprov Sulbar Zulkifli Ahmad membuka sosialisasi.')).toMatchObject({ role: 'secretary', position: 'Sekdaprov' });
    expect(one('Sekprov Malut, Ridwan Kadir di Ternate, mengingatkan ASN.')).toMatchObject({
      role: 'secretary',
      position: 'Sekprov',
      name: 'Ridwan Kadir',
    });
    expect(one('Sekretaris Kota Ternate Hasbi Marsaoly juga hadir.')).toMatchObject({
      role: 'secretary',
      position: 'Sekretaris Kota',
      place: 'Ternate',
    });
    expect(one('Pj Sekda Kotim Rahman Hadi ikut berikrar.')).toMatchObject({ role: 'secretary', position: 'Pj Sekda', acting: 'pj' });
  });

  it('reads regional officials with their units', () => {
    expect(one('Kepala BKPSDM Kabupaten Buru Yusran Latuconsina menjelaskan aturan itu.')).toMatchObject({
      name: 'Yusran Latuconsina',
      position: 'Kepala BKPSDM',
      place: 'Kabupaten Buru',
      role: 'regional_official',
    });
    expect(one('Kadis Kominfo Kota Kendari Rosmiati mengirim edaran.')).toMatchObject({
      name: 'Rosmiati',
      position: 'Kadis Kominfo',
      place: 'Kota Kendari',
      role: 'regional_official',
    });
    expect(
      one('Kepala Badan Kesatuan Bangsa dan Politik (Kesbangpol) Kalteng Rusdi T. Bahar mengatakan hal itu.'),
    ).toMatchObject({ name: 'Rusdi T. Bahar', position: 'Kepala Kesbangpol', place: 'Kalteng', role: 'regional_official' });
    expect(one('Kepala Dinas Kesehatan Sulastri Wibowo menandatangani pakta.')).toMatchObject({
      name: 'Sulastri Wibowo',
      position: 'Kepala Dinas Kesehatan',
    });
    expect(one('Asisten I Setda Kabupaten Gowa Nurdin Palli hadir.')).toMatchObject({
      name: 'Nurdin Palli',
      role: 'regional_official',
    });
    expect(one('Asisten I Setda Kabupaten Gowa Nurdin Palli hadir.').position).toBe('Asisten I');
    expect(one('Kepala Bagian Umum dan Perlengkapan Setdakab Langkat Dimas Nasution hadir.').position).toBe(
      'Kepala Bagian Umum dan Perlengkapan',
    );
    expect(one('Kepala Dinas Pemberdayaan Masyarakat dan Desa (DPMD) Anak Agung Putra hadir.')).toMatchObject({
      position: 'Kepala DPMD',
      name: 'Anak Agung Putra',
    });
    expect(one('Inspektur Daerah M Yamin Sahid membuka acara.')).toMatchObject({
      name: 'M Yamin Sahid',
      position: 'Inspektur',
      role: 'regional_official',
    });
    expect(one('Camat Tamalate Rizky Pratama mengimbau lurah.')).toMatchObject({ position: 'Camat', role: 'regional_official' });
    expect(one('Kabag Umum Setdakab Langkat Dimas Nasution membacakan ikrar.')).toMatchObject({
      name: 'Dimas Nasution',
      role: 'regional_official',
    });
    expect(one('Kepala Bagian Hukum Rina Marlina memaparkan sanksi.')).toMatchObject({
      name: 'Rina Marlina',
      position: 'Kepala Bagian Hukum',
    });
    expect(one('Staf Ahli Bupati Bidang Hukum Yosef Tandi mewakili bupati.')).toMatchObject({
      name: 'Yosef Tandi',
      role: 'regional_official',
    });
    expect(one('Plt Kepala BKD Provinsi Riau Hendri Saputra menjawab pertanyaan.')).toMatchObject({
      name: 'Hendri Saputra',
      position: 'Plt Kepala BKD',
      acting: 'plt',
      place: 'Provinsi Riau',
    });
    expect(one('Kaban Kesbangpol Provinsi Riau Taufik Harahap berbicara.')).toMatchObject({
      name: 'Taufik Harahap',
      position: 'Kaban Kesbangpol',
    });
  });
});

describe('non-regional roles', () => {
  it('election bodies', () => {
    expect(one('Ketua Bawaslu Kota Kendari Darwis Sahim menerima laporan itu.')).toMatchObject({
      name: 'Darwis Sahim',
      position: 'Ketua Bawaslu',
      place: 'Kota Kendari',
      role: 'election_body',
    });
    expect(one('Ketua KPU Sinjai Hasnah Baso memaparkan tahapan.')).toMatchObject({ role: 'election_body', position: 'Ketua KPU' });
    expect(one('Anggota Bawaslu RI Teguh Prasetyo memberi materi.')).toMatchObject({
      role: 'election_body',
      place: 'RI',
      name: 'Teguh Prasetyo',
    });
    expect(
      one('Ketua Badan Pengawas Pemilihan Umum (Bawaslu) RI Gilang Perdana menyebut ada laporan.'),
    ).toMatchObject({ role: 'election_body', position: 'Ketua Bawaslu', name: 'Gilang Perdana' });
    expect(one('Komisioner KPU Kabupaten Buru, Yakub Latupono, menjelaskan jadwal.')).toMatchObject({
      role: 'election_body',
      name: 'Yakub Latupono',
    });
    expect(one('Pelantikan disaksikan anggota KPU Kabupaten Buru, Yakub Latupono.')).toMatchObject({
      role: 'election_body',
      name: 'Yakub Latupono',
    });
  });

  it('police and military, with ranks stripped', () => {
    expect(one('Kapolres Buru AKBP Sutrisno Hadi memastikan pengamanan.')).toMatchObject({
      name: 'Sutrisno Hadi',
      position: 'Kapolres',
      place: 'Buru',
      role: 'security',
    });
    expect(one('Kapolda Sulteng Irjen Pol Agus Salim memberi arahan.')).toMatchObject({
      name: 'Agus Salim',
      role: 'security',
    });
    expect(one('Dandim 1408/Gowa Letkol Inf Bayu Aji turut hadir.')).toMatchObject({
      name: 'Bayu Aji',
      position: 'Dandim',
      place: '1408/Gowa',
      role: 'security',
    });
    expect(one('Kapolresta Kendari Kombes Pol. Andri Yusuf hadir.')).toMatchObject({ name: 'Andri Yusuf', role: 'security' });
  });

  it('national officials', () => {
    expect(one('Menpan-RB Budiman Sanjaya mengingatkan kepala daerah.')).toMatchObject({ role: 'national', position: 'Menpan-RB' });
    expect(one('Mendagri Tirta Kusuma meminta penjabat netral.')).toMatchObject({ role: 'national', position: 'Mendagri' });
    expect(one('Ketua KASN Rudi Haryanto menyebut angka pelanggaran.')).toMatchObject({ role: 'national', position: 'Ketua KASN' });
    expect(one('Kepala BKN Regional IV Makassar Yusuf Manggala hadir.')).toMatchObject({
      role: 'national',
      name: 'Yusuf Manggala',
    });
  });

  it('legislature and candidates', () => {
    expect(one('Ketua DPRD Kotim Sari Ningsih menghadiri upacara.')).toMatchObject({ role: 'legislature', position: 'Ketua DPRD' });
    expect(one('Dua hari lalu calon bupati Hendra Kusuma berkampanye di pasar.')).toMatchObject({
      role: 'candidate',
      name: 'Hendra Kusuma',
    });
    expect(one('Paslon Rudi Hartono menghadiri debat.')).toMatchObject({ role: 'candidate' });
  });
});

describe('place and name split', () => {
  it('uses the longest place the gazetteer accepts', () => {
    expect(one('Bupati Sinjai Andi Baso Tenri membuka acara.')).toMatchObject({ place: 'Sinjai', name: 'Andi Baso Tenri' });
    expect(one('Bupati Buru Selatan Safira Soulisa membuka acara.')).toMatchObject({
      place: 'Buru Selatan',
      name: 'Safira Soulisa',
    });
    expect(one('Bupati Bangka M Haris Fadillah menerbitkan edaran.')).toMatchObject({ place: 'Bangka', name: 'M Haris Fadillah' });
    expect(one('Gubernur Sulawesi Tengah (Sulteng) Rahmat Lamadi menandatangani edaran.')).toMatchObject({
      place: 'Sulawesi Tengah',
      name: 'Rahmat Lamadi',
    });
  });

  it('has no place when the gazetteer rejects a short run', () => {
    expect(one('Ketua Bawaslu Rizal Bagus mengatakan hal itu.')).toMatchObject({ place: null, name: 'Rizal Bagus' });
    expect(one('Pj Bupati Mohamad Arief Santosa menerima tamu.')).toMatchObject({ place: null, name: 'Mohamad Arief Santosa' });
  });

  it('without a gazetteer a single word after a head position is the place', () => {
    expect(findPersonMentions('Bupati Sinjai menyerahkan piagam.')).toEqual([]);
  });

  it('guesses without a gazetteer', () => {
    const m = findPersonMentions('Bupati Sinjai Andi Baso Tenri membuka acara.');
    expect(m[0]).toMatchObject({ place: 'Sinjai', name: 'Andi Baso Tenri' });
    expect(findPersonMentions('Pj Bupati Kayong Utara Fajar Sidik hadir.')[0]).toMatchObject({
      place: 'Kayong Utara',
      name: 'Fajar Sidik',
    });
    expect(findPersonMentions('Kepala BKPSDM Kabupaten Buru Yusran Latuconsina hadir.')[0]).toMatchObject({
      place: 'Kabupaten Buru',
      name: 'Yusran Latuconsina',
    });
    expect(findPersonMentions('Wali Kota Mataram H. Hadi Surya hadir.')[0]).toMatchObject({ place: 'Mataram', name: 'Hadi Surya' });
    expect(findPersonMentions('Pj Bupati Kayong Utara, Fajar Sidik, hadir.')[0]).toMatchObject({
      place: 'Kayong Utara',
      name: 'Fajar Sidik',
    });
  });

  it('handles Kabupaten/Kota/Provinsi and Kab./Pemkab prefixes', () => {
    expect(one('Sekda Kab. Buru Hamid Lessy memimpin apel.')).toMatchObject({ place: 'Kab. Buru', name: 'Hamid Lessy' });
    expect(one('Kepala BKD Kota Palu Irma Lasaga menjelaskan.')).toMatchObject({ place: 'Kota Palu', name: 'Irma Lasaga' });
    expect(one('Kepala Kesbangpol Pemkab Gowa Syamsul Alam hadir.')).toMatchObject({ place: 'Pemkab Gowa', name: 'Syamsul Alam' });
  });

  it('keeps a compass word with the place', () => {
    expect(one('Wali Kota Jakarta Utara Arif Maulana meninjau kantor.')).toMatchObject({
      place: 'Jakarta Utara',
      name: 'Arif Maulana',
    });
  });

  it('does not take a place for a name after a comma', () => {
    expect(find('Gubernur Sulbar, Sulawesi Barat, hadir.')).toEqual([]);
  });
});

describe('apposition', () => {
  it('"Nama, Pj Bupati X, mengatakan"', () => {
    const text = 'Fajar Sidik, Pj Bupati Kayong Utara, mengatakan ASN wajib netral.';
    const m = one(text);
    expect(m).toMatchObject({ name: 'Fajar Sidik', position: 'Pj Bupati', place: 'Kayong Utara', source: 'apposition' });
    expect(text.slice(m.positionStart, m.positionEnd)).toBe('Pj Bupati Kayong Utara');
  });

  it('"Nama selaku Sekda", "Nama yang juga Kepala Dinas ...", "sebagai"', () => {
    expect(one('Hal itu disampaikan Hamid Lessy selaku Sekda Kabupaten Buru.')).toMatchObject({
      name: 'Hamid Lessy',
      position: 'Sekda',
      role: 'secretary',
    });
    expect(one('Rosmiati yang juga Kepala Dinas Kominfo hadir di sana.')).toMatchObject({
      name: 'Rosmiati',
      role: 'regional_official',
    });
    expect(one('Menurutnya, Ketut Arsana yang menjabat sebagai Wakil Bupati Tabanan sudah bertindak.')).toMatchObject({
      name: 'Ketut Arsana',
      role: 'deputy_head',
    });
  });

  it('in parentheses', () => {
    expect(one('Fajar Sidik (Pj Bupati Kayong Utara) memimpin apel.')).toMatchObject({
      name: 'Fajar Sidik',
      position: 'Pj Bupati',
      source: 'apposition',
    });
  });

  it('with titles and degrees before the comma', () => {
    expect(one('Dr. H. Baso Amiruddin, M.Si, Bupati Sinjai, membuka acara.')).toMatchObject({
      name: 'Baso Amiruddin',
      position: 'Bupati',
    });
  });

  it('not for a list, a discourse word or a pronoun', () => {
    expect(find('Deklarasi Jabar Bersatu, Pj Gubernur dan Kapolda hadir.')).toEqual([]);
    expect(find('Kemudian, Bupati Sinjai menyerahkan piagam.')).toEqual([]);
    expect(find('Saya sebagai Plt Bupati Tabanan sudah memanggil Sekda.')).toEqual([]);
    expect(find('Di lingkungan Pemerintah Provinsi Riau, Kaban Kesbangpol menjelaskan aturan.')).toEqual([]);
  });
});

describe('speech verbs and later mentions', () => {
  it('resolves bare surnames and given names to the introduced person', () => {
    const text =
      'Pj Bupati Kayong Utara Fajar Sidik memimpin apel. “ASN harus netral,” kata Fajar. ' +
      'Menurut Sidik, sanksi menunggu pelanggar. Fajar juga membentuk tim pengawas. “Kami serius,” tegas Fajar Sidik.';
    const ms = find(text);
    expect(ms.length).toBeGreaterThanOrEqual(5);
    expect(new Set(ms.map((m) => m.name))).toEqual(new Set(['Fajar Sidik']));
    const later = ms.filter((m) => m.source !== 'position');
    for (const m of later) {
      expect(m).toMatchObject({ position: 'Pj Bupati', role: 'head', acting: 'pj', inherited: true });
      expect(text.slice(m.nameStart, m.nameEnd)).toBe(m.surface);
    }
    expect(later.map((m) => m.surface)).toEqual(['Fajar', 'Sidik', 'Fajar', 'Fajar Sidik']);
  });

  it('resolves an initialled short form to the full name', () => {
    const ms = find(
      'Pj Bupati Cilacap Mohamad Rizal Effendi menandatangani komitmen. “Semua sama,” ujar Pj Bupati M Rizal kepada wartawan.',
    );
    expect(ms.map((m) => m.name)).toEqual(['Mohamad Rizal Effendi', 'Mohamad Rizal Effendi']);
    expect(ms[1].surface).toBe('M Rizal');
  });

  it('resolves spelling variants', () => {
    const ms = find('Pj Bupati Buru Harun Salampessy hadir. Bupati Buru Harun Salampesy lalu menyerahkan piagam.');
    expect(new Set(ms.map((m) => m.name)).size).toBe(1);
  });

  it('an unknown speaker is a person without a position', () => {
    const m = one('“Tidak boleh ada yang memihak,” ujar Darmawan Putra kepada wartawan.');
    expect(m).toMatchObject({ name: 'Darmawan Putra', position: null, role: 'other', source: 'speech', inherited: false });
  });

  it('the speaker introduced first, positioned later', () => {
    const ms = find('“Kami siap,” kata Yusran. Kepala BKPSDM Kabupaten Buru Yusran Latuconsina lalu menjelaskan.');
    expect(ms.map((m) => m.name)).toEqual(['Yusran Latuconsina', 'Yusran Latuconsina']);
    expect(ms[0]).toMatchObject({ position: 'Kepala BKPSDM', inherited: true });
  });

  it('keeps two people with the same given name apart', () => {
    const ms = find('Bupati Sinjai Andi Baso Tenri dan Sekda Sinjai Andi Rusman hadir. “Siap,” kata Andi Rusman.');
    expect(names('Bupati Sinjai Andi Baso Tenri dan Sekda Sinjai Andi Rusman hadir. “Siap,” kata Andi Rusman.')).toEqual([
      'Andi Baso Tenri',
      'Andi Rusman',
    ]);
    expect(ms[2]).toMatchObject({ name: 'Andi Rusman', position: 'Sekda' });
  });

  it('a nickname after "atau" is the same person', () => {
    const ms = find('Gubernur Sulbar H. Ridwan Malik atau Bang Iwan membuka acara. “Jaga netralitas,” kata Bang Iwan.');
    expect(new Set(ms.map((m) => m.name))).toEqual(new Set(['Ridwan Malik']));
    expect(ms.map((m) => m.surface)).toEqual(['Ridwan Malik', 'Bang Iwan', 'Bang Iwan']);
  });

  it('resolve: false returns names as written', () => {
    const ms = findPersonMentions('Pj Bupati Kayong Utara Fajar Sidik hadir. “Netral,” kata Fajar.', { isPlace, resolve: false });
    expect(ms.map((m) => m.name)).toEqual(['Fajar Sidik', 'Fajar']);
    expect(ms[1].position).toBeNull();
  });
});

describe('no false persons', () => {
  it.each([
    'Pilkada Serentak akan digelar pada Rabu, 27 November 2024.',
    'Aparatur Sipil Negara wajib menjaga netralitas selama Pemilu.',
    'Surat Edaran Nomor 8 Tahun 2024 mengatur larangan itu.',
    'Kegiatan itu berlangsung pada Kamis (17/10/2024) di Aula Pendopo.',
    'Badan Pengawas Pemilu dan Komisi Pemilihan Umum menggelar rapat.',
    'Bupati Sinjai mengeluarkan surat edaran pada Senin.',
    'Ketua Umum Partai Maju Jaya mengumpulkan kader.',
    'Pj Gubernur Tegaskan ASN Harus Netral di Pilkada',
    'Pj Bupati Kayong Utara Ajak ASN Jaga Netralitas',
    'Kepala Badan Kepegawaian Negara dan Ketua Badan Pengawas Pemilihan Umum menandatangani keputusan bersama.',
    'Sekretaris Daerah (Sekda) dan Badan Kepegawaian Daerah (BKD) menangani hal itu.',
    'Penandatanganan disaksikan oleh Penjagub Gorontalo serta Ketua KPU dan Bawaslu Provinsi.',
    'Pemilihan Wali Kota dan Wakil Wali Kota Mataram tahun 2020 berjalan lancar.',
    'Dalam kesempatan itu, kata Ketua Bawaslu, pengawasan akan diperketat.',
  ])('%s', (text) => {
    expect(find(text)).toEqual([]);
  });

  it('ignores "Baca juga" lines', () => {
    const text = 'Pj Bupati Sinjai Andi Baso Tenri hadir.\n\nBaca juga: Wali Kota Kendari Arman Tamrin Lantik Pejabat\n\nAcara usai.';
    expect(names(text)).toEqual(['Andi Baso Tenri']);
    expect(names('Baca Juga : Sekda Kukar Harsono Adi Buka Rakor')).toEqual([]);
    expect(findPersonMentions('Baca juga: Sekda Kukar Harsono Adi hadir', { skipRelatedLinks: false }).map((m) => m.name)).toEqual([
      'Harsono Adi',
    ]);
  });
});

describe('names with initials, particles and apostrophes', () => {
  it.each([
    ['Pj Gubernur Papua Barat Yusuf Ma’ruf hadir.', 'Yusuf Ma’ruf'],
    ["Pj Gubernur Papua Barat Yusuf Ma'ruf hadir.", "Yusuf Ma'ruf"],
    ['Kepala Kesbangpol Kalteng Rusdi T. Bahar hadir.', 'Rusdi T. Bahar'],
    ['Kepala BKN Regional VI Medan Lukas H.R. Sitompul hadir.', 'Lukas H.R. Sitompul'],
    ['Pj Bupati Bangka M. Haris Fadillah hadir.', 'M. Haris Fadillah'],
    ['Plt Bupati Tabanan I Made Sutama hadir.', 'I Made Sutama'],
    ['Sekda Sinjai Yusuf bin Hamzah hadir.', 'Yusuf bin Hamzah'],
  ])('%s', (text, name) => {
    const m = one(text);
    expect(m.name).toBe(name);
    expect(text.slice(m.nameStart, m.nameEnd)).toBe(name);
  });

  it('strips a lower-case dr. after a unit', () => {
    expect(one('Kepala Dinas Kesehatan dr. Lestari Wulandari, M.Kes menjelaskan.')).toMatchObject({
      name: 'Lestari Wulandari',
      position: 'Kepala Dinas Kesehatan',
    });
  });

  it('stops at title-case headline verbs', () => {
    expect(one('Gubernur Sulbar Rahmat Lamadi Hadiri Rakor Netralitas').name).toBe('Rahmat Lamadi');
    expect(one('Sekda Kukar Harsono Adi Tegaskan Sanksi bagi ASN').name).toBe('Harsono Adi');
    expect(find('Pj Bupati Sinjai Resmikan Posko Pengaduan')).toEqual([]);
  });

  it('drops a trailing initial at the end of a sentence', () => {
    expect(one('Yang hadir adalah Sekda Sinjai Hamka S.').name).toBe('Hamka');
  });

  it('reads ALL-CAPS names after a position', () => {
    expect(one('PJ BUPATI SINJAI ANDI RUSMAN MEMBUKA ACARA')).toMatchObject({ name: 'ANDI RUSMAN', position: 'Pj Bupati' });
  });
});
