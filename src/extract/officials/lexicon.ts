/**
 * Word lists for reading Indonesian names and positions. Keys are lower case without dots, hyphens and
 * apostrophes (see `Token.k`).
 */
import type { PersonRole } from './types.js';

const set = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Honorifics and academic/religious titles written before a name: `Dr.`, `H.`, `Hj.`, `K.H.`, `dr.`, `Tgk.`. */
export const PREFIX_TITLES = set(`
  dr drs dra ir h hj prof kh drg drh tgk teungku ust ustadz ustaz ustad apt ns tgh ny nn sdr sdri bapak pak ibu bu
  kiai kyai hajjah haji habib
`);

/**
 * Degrees written after a name (with or without dots): `S.Sos`, `M.Si`, `SH`, `MM`, `Ph.D`. Keys without dots.
 */
export const DEGREES = set(`
  ssos ssosi spd spdi spdsd sh shi she se sei sak sip sstp sttp skom st sag sthi shut skep skm ssi sikom sfarm
  spsi sp spt spi stp ssn sked sgz ssit ssy sth stekn sars sds ssosio ssn spdi sksm sikm smb sip sk sik stt sm
  amd amdkep amdkeb amdkes ama amk apt
  msi msc mm mh mhi mpd mpdi map mkes mt mhum mag mba mph phd lc ma ms msp mkn mkom mpsi mars mak msm mtp mip mpa
  mpp meng mec msos msii mtr mmpd mkp msie msa mhan mikom mkm mars mfarm mt mh mps mpdl msh mst mtcp mbt mee
  dea llm lld ba bsc bba cpa ca ak akt qia cfp cfrm cht cpm cpmp cgaa cia crma crp cpi ipu ipm asean eng
  spog spa sppd spb spkk sptht spm spn spjp sprad spkj span spot spbs spu spp spgk finasim
  mpdi mhum mmpd
`);

/** Police and military ranks and corps written before a name: `AKBP`, `Letkol Inf`, `Brigjen Pol`. */
export const RANKS = set(`
  akbp akp kompol iptu ipda aiptu aipda bripka brigpol briptu bripda bharada bharatu bharaka abrip abripda
  brigjen brigjend irjen komjen kombes kombespol jenderal jendral letjen mayjen marsekal laksamana laksma marsma
  laksda marsda kolonel letkol mayor kapten lettu letda serka serma sertu serda pelda peltu kopda koptu kopka
  praka pratu prada kasdim
`);

/** Corps and service suffixes that follow a rank: `Letkol Inf`, `Brigjen Pol`, `Kolonel Czi`. */
export const CORPS = set(`
  pol inf kav arm czi cpn cba ckm chb cku cpl caj chk cpm ctp cke pnb psk mar tek kes lek adm sus pas purn
`);

/** Lower-case particles that may stand inside a name: `bin`, `binti`, `van`, `de`. */
export const NAME_PARTICLES = set(`bin binti van von der den de da dos al el`);

/** Common first names and name starters: a run starting with one of these is not a place. */
export const GIVEN_NAME_STARTERS = set(`
  muhammad mohammad mohamad mohamed muhamad muhammmad moh muh mhd moch mochamad mochammad ahmad achmad akhmad
  abdul abd andi siti nur nurul sri i ni ketut komang made putu gede wayan nyoman kadek gusti anak agung ida
  teuku cut raden rr tengku dewa
`);

/** Given names that abbreviate to an initial or a short form: all map to the same key for matching. */
export const NAME_VARIANTS: Record<string, string> = {
  muhammad: 'muhammad',
  mohammad: 'muhammad',
  mohamad: 'muhammad',
  mohamed: 'muhammad',
  muhamad: 'muhammad',
  mochamad: 'muhammad',
  mochammad: 'muhammad',
  mohammed: 'muhammad',
  moh: 'muhammad',
  muh: 'muhammad',
  mhd: 'muhammad',
  moch: 'muhammad',
  md: 'muhammad',
  ahmad: 'ahmad',
  achmad: 'ahmad',
  akhmad: 'ahmad',
  abd: 'abdul',
  abdul: 'abdul',
};

/**
 * Capitalised words that never belong to a person's name: days, months, discourse words, pronouns, common
 * nouns of news about elections and government, and title-case headline verbs.
 */
export const NON_NAME_WORDS = set(`
  senin selasa rabu kamis jumat jumaat sabtu minggu ahad
  januari februari pebruari maret april mei juni juli agustus september oktober nopember november desember
  jan feb mar apr jun jul agu agt sep sept okt nov nop des
  dan atau yang di ke dari pada untuk dengan dalam oleh bagi kepada terhadap tentang sebagai selaku serta bahwa
  karena jika kalau agar supaya namun tetapi tapi sedangkan sementara selain menurut menurutnya kemudian
  selanjutnya adapun sebelumnya sesudah setelah sebelum saat ketika hal ini itu tersebut juga pun lebih bahkan
  apalagi terkait soal mengenai meski meskipun walaupun sehingga maka demikian hingga sampai sejak turut tampak
  hadir ia dia beliau saya kami kita mereka anda aku para seluruh semua setiap tiap sejumlah pihak pihaknya tak
  tidak bukan belum sudah telah akan masih harus wajib dapat bisa baca lihat simak foto ist istimewa dok
  dokumentasi sumber editor penulis reporter pewarta redaksi berita video klik tautan link tag tags share ikuti
  yakni yaitu antara misalnya contohnya pertama kedua ketiga keempat kelima terakhir nomor no tahun pasal ayat
  huruf butir poin angka lalu kini nanti hari pagi siang sore malam pukul tanggal tgl usai jelang menjelang
  atas bawah luar tengahnya dimana mana apa siapa bagaimana mengapa kenapa berikut sesuai guna demi tanpa
  sekaligus lain lainnya begitu begini tentu pasti mungkin hanya cuma sangat amat paling kian makin
  pemerintah pemerintahan pemkab pemkot pemprov pemda provinsi kabupaten kota kecamatan kelurahan desa kampung
  dusun negara negeri republik nasional daerah pusat aparatur sipil asn pns pppk honorer pegawai pejabat
  pimpinan dinas badan kantor sekretariat setda bagian biro bidang komisi dewan majelis lembaga kementerian
  kemendagri kemenpan kemenpanrb bawaslu kpu kpud panwaslu panwascam dprd dpr dpd mpr tni polri polres polresta
  polda polsek kodim korem kodam kejari kejati kejaksaan pengadilan forkopimda forkompinda muspida opd pilkada
  pemilu pemilukada pilpres pileg pilgub pilbup pilwalkot pilwali pemilihan umum serentak kampanye calon
  pasangan paslon partai politik netralitas netral deklarasi ikrar pakta fakta integritas apel upacara rapat
  koordinasi rakor sosialisasi surat edaran keputusan peraturan instruksi undang undangundang perbup pergub
  perwali perda permendagri permenpan skb tim satgas satuan tugas posko gedung aula hotel pendopo pendapa balai
  ruang ruangan lapangan masjid jalan jl jln rumah jabatan kompleks alunalun gerakan program kegiatan acara
  festival ulang hut wib wita wit covid facebook instagram whatsapp twitter youtube tiktok google media news
  com id online pos times daily info kabar warta suara harian koran tribun antara kompas detik republika
  aparat birokrasi demokrasi pesta rakyat masyarakat warga publik umat agama islam kristen katolik hindu buddha
  ajak imbau himbau minta tegaskan ingatkan terbitkan keluarkan pimpin hadiri buka resmikan serahkan lantik
  teken tandatangani pastikan dukung larang beri berikan sampaikan gelar jamin komitmen berkomitmen siap kawal
  awasi jaga tindak sanksi ancam harap berharap apresiasi tinjau kunjungi bahas terima luncurkan canangkan
  bentuk wujudkan optimis soroti pantau instruksikan bersilaturahmi bersama launching launch ungkap tegas jelas
  kata ujar tutur ucap imbuh pungkas katanya ujarnya lanjut terang papar sebut sebutnya tandas cetus beber
  merdeka indonesia jakarta selamat terima kasih assalamualaikum wassalam salam bapak ibu saudara
  ka kadis kaban sekda plt pj pjs plh penjabat pelaksana wakil ketua anggota kepala komisioner
  rp persen pukul ribu juta miliar triliun
  dorong raih sambut lepas tutup sidak cek pacu genjot sapa temui klaim bantah akui respons respon tanggapi
  jawab ikuti lantik tanam panen gandeng gaet jalin bagi tekan absen nilai undang panggil copot rotasi tegur
  analis staf jajaran unsur perwakilan tokoh pengurus rutan lapas tahanan pulau kepulauan kebijakan ahli atau alias
`);

/** Known acronyms that are never all-caps names. */
export const ACRONYMS = set(`
  asn pns pppk tni polri kpu kpud bawaslu panwaslu dprd dpr dpd mpr opd bkn kasn skb uu pp se wib wita wit ri
  nkri dki diy ntb ntt pdip pdi pks pkb ppp pan nasdem golkar gerindra demokrat hanura perindo psi pkpi pbb
  bkpsdm bkpsdmd bkd bkpp bpbd pupr rsud dkpp kpps pps ppk bin bnn kpk bpk bpkp ombudsman kemendagri pilkada
  pemilu covid hut apbd apbn nphd mou pkk korpri mui knpi fkub pwi ormas lsm osis umkm bumn bumd pt cv tbk
  antara news com online
`);

/** Region words that open a place phrase: `Kabupaten Buru`, `Kota Kendari`, `Kab. Bangka`, `Pemkot Kendari`. */
export const ADMIN_PREFIXES = set(`kabupaten kab kota provinsi prov pemkab pemkot pemprov kecamatan kec kelurahan kel desa pulau kepulauan`);

/** Compass words that continue a place name (`Jakarta Utara`, `Buru Selatan`) and never start a name. */
export const COMPASS_WORDS = set(`utara selatan barat timur tengah tenggara`);

/** Second words of two-word place names: `Kayong Utara`, `Buru Selatan`, `Papua Barat Daya`. */
export const PLACE_SECOND_WORDS = set(`utara selatan barat timur tengah raya baru daya laut darat hulu hilir ulu besar kecil jaya`);

/** Places accepted without a gazetteer: the national level. */
export const BUILTIN_PLACES = new Set(['ri', 'republik indonesia', 'pusat', 'indonesia']);

/** Words that may stand inside the unit of a position: `Kepala [Dinas Komunikasi dan Informatika]`. */
export const UNIT_WORDS = set(`
  dinas badan bagian biro bidang seksi sub subbagian subbag kantor satuan unit upt uptd pusat lembaga sekretariat
  inspektorat perangkat daerah kerja regional wilayah cabang perwakilan kantor pelaksana harian polisi pamong
  praja
  komunikasi informatika informasi statistik persandian kesehatan pendidikan kebudayaan sosial kesatuan
  bangsa politik kepegawaian pengembangan sumber daya manusia aparatur pelatihan diklat umum perlengkapan
  protokol hukum organisasi pemerintahan tata kesejahteraan rakyat perekonomian administrasi pembangunan
  keuangan aset pendapatan pengelolaan perencanaan penelitian riset inovasi pekerjaan penataan ruang perumahan
  kawasan permukiman perhubungan lingkungan hidup kependudukan pencatatan sipil pemberdayaan masyarakat desa
  perempuan perlindungan anak pengendalian penduduk keluarga berencana ketenagakerjaan tenaga transmigrasi
  koperasi usaha kecil menengah mikro perindustrian perdagangan penanaman modal pelayanan terpadu satu pintu
  pemuda olahraga pariwisata perpustakaan kearsipan arsip pangan ketahanan pertanian perkebunan peternakan
  hewan perikanan kelautan kehutanan energi mineral penanggulangan bencana pemadam kebakaran penyelamatan
  keamanan ketertiban intelijen kehormatan penyelenggara hubungan humas publik teknologi bina mental spiritual
  keagamaan pembinaan pengawasan pengawas mutasi promosi karier karir data kinerja disiplin pengadaan
  pemberhentian evaluasi penilaian kompetensi fasilitasi kebijakan analis antar
  otonomi kerjasama perbatasan wawasan kebangsaan ideologi ekonomi kewaspadaan negara pemilihan pemilu
  komisi pengadilan kepolisian resor resort sektor militer distrik komando kejaksaan negeri tinggi penggerak
  pkk tp dharma wanita korpri pemerintah kabinet aparatur reformasi birokrasi dalam luar pendayagunaan
  perwakilan rakyat tim tugas pelaksana sekolah kesra pem ekbang tapem ortala prokopim adpem adbang
  kominfo diskominfo diskominfotik diskominfosandi kesbangpol bakesbangpol kesbang bappeda bappelitbangda
  bapenda bpkad bpkd dinkes disdik disdikbud dukcapil disdukcapil satpol dpmptsp dpmd disnaker disnakertrans
  dispar disparbud disporapar dispora disbudpar dishub disperkim perkim dinsos dishut distan diskes diskop
  setda setdakab setdako setdakot setdaprov setwan setdprd bkpsdm bkpsdmd bkd bkpp bpsdm bpbd pupr rsud bkn
  kasn bawaslu kpu kpud panwaslu panwaslih panwascam panwas kip dkpp ppk pps kpps gakkumdu sentra dprd dpr dpd
  mpr polres polresta polrestabes polda polsek polri tni kodim korem kodam bin binda kejari kejati lanal lanud
  brimob reskrim satreskrim intelkam binmas lantas sabhara kemendagri kemenpan kemenpanrb kemenag kementerian
  ditjen otda kemenkumham kanwil kanreg pmd dpmpd bpkp inspektorat irban setjen
`);

/** Long unit names with their usual abbreviation. Keys: lower case, single spaces. */
export const UNIT_ABBREVIATIONS: Record<string, string> = {
  'badan pengawas pemilihan umum': 'Bawaslu',
  'badan pengawas pemilu': 'Bawaslu',
  'komisi pemilihan umum': 'KPU',
  'dewan perwakilan rakyat daerah': 'DPRD',
  'dewan perwakilan rakyat': 'DPR',
  'badan kepegawaian negara': 'BKN',
  'badan kepegawaian daerah': 'BKD',
  'badan kesatuan bangsa dan politik': 'Kesbangpol',
  'komisi aparatur sipil negara': 'KASN',
  'badan kepegawaian dan pengembangan sumber daya manusia': 'BKPSDM',
  'badan kepegawaian dan pengembangan sumber daya manusia daerah': 'BKPSDMD',
  'badan kepegawaian pendidikan dan pelatihan': 'BKPP',
  'badan penanggulangan bencana daerah': 'BPBD',
  'dinas komunikasi dan informatika': 'Kominfo',
  'dinas komunikasi informatika': 'Kominfo',
  'satuan polisi pamong praja': 'Satpol PP',
};

/** Unit keywords that give a position its role, checked in this order. */
export const BODY_ROLES: [PersonRole, RegExp][] = [
  [
    'election_body',
    /\b(bawaslu|kpu|kpud|panwaslu|panwaslih|panwascam|panwas|kip|dkpp|kpps|gakkumdu|pengawas pemilihan|pengawas pemilu|komisi pemilihan|penyelenggara pemilu|komisi independen pemilihan)\b/,
  ],
  [
    'security',
    /\b(polres|polresta|polrestabes|polda|polsek|polri|kepolisian|kodim|korem|kodam|tni|bin|binda|intelkam|reskrim|satreskrim|binmas|lantas|sabhara|kejari|kejati|kejaksaan|lanal|lanud|brimob|komando distrik militer)\b/,
  ],
  ['legislature', /\b(dprd|dpr|dpd|mpr|dewan perwakilan|setwan|setdprd)\b/],
  [
    'national',
    /\b(bkn|kepegawaian negara|kasn|komisi aparatur|komisi asn|kementerian|kemendagri|kemenpan|kemenpanrb|kemenag|kemenkumham|ditjen|kanwil|kanreg|setjen)\b/,
  ],
  ['other', /\b(pkk|tp|dharma wanita|korpri|mui|sekolah|knpi|fkub|pwi)\b/],
];

/** How a position word relates to what follows it. */
export type UnitMode =
  /** Nothing follows but the place: `Bupati [Sinjai]`. */
  | 'none'
  /** A unit may follow: `Asisten [I]`, `Inspektur [Pembantu]`, `Staf Ahli [Bupati Bidang Hukum]`. */
  | 'optional'
  /** A unit must follow, and gives the role: `Kepala [BKPSDM]`, `Ketua [Bawaslu]`. */
  | 'required';

export interface PositionEntry {
  /** Token keys, e.g. `['wakil', 'wali', 'kota']`. */
  keys: string[];
  canonical: string;
  /** Role when the unit does not tell another one; null: the unit must name a known body. */
  role: PersonRole | null;
  unit: UnitMode;
  /** Implied acting status (`Penjagub` is a Pj Gubernur). */
  acting?: 'pj' | 'pjs' | 'plt';
  /** Matches in lower case too (`calon bupati`, `pasangan calon`). */
  lowerOk?: boolean;
}

const P = (
  forms: string,
  canonical: string,
  role: PersonRole | null,
  unit: UnitMode = 'none',
  extra: Partial<PositionEntry> = {},
): PositionEntry[] =>
  forms.split('|').map((f) => ({ keys: f.trim().split(/\s+/), canonical, role, unit, ...extra }));

/** The position words. Longer forms win at the same token. */
export const POSITIONS: PositionEntry[] = [
  // Heads of region
  ...P('bupati', 'Bupati', 'head'),
  ...P('wali kota|walikota|wako|walkot|wali kota administrasi', 'Wali Kota', 'head'),
  ...P('gubernur', 'Gubernur', 'head'),
  ...P('kepala daerah', 'Kepala Daerah', 'head'),
  ...P('penjagub|pjgub', 'Gubernur', 'head', 'none', { acting: 'pj' }),
  ...P('penjabup', 'Bupati', 'head', 'none', { acting: 'pj' }),
  ...P('penjawali|pjwali', 'Wali Kota', 'head', 'none', { acting: 'pj' }),
  // Deputies
  ...P('wakil bupati|wabup', 'Wakil Bupati', 'deputy_head'),
  ...P('wakil wali kota|wakil walikota|wawali|wawako|wawalkot', 'Wakil Wali Kota', 'deputy_head'),
  ...P('wakil gubernur|wagub', 'Wakil Gubernur', 'deputy_head'),
  ...P('wakil kepala daerah', 'Wakil Kepala Daerah', 'deputy_head'),
  // Secretaries
  ...P('sekretaris daerah|sekda', 'Sekda', 'secretary'),
  ...P('sekdakab|sekretaris daerah kabupaten', 'Sekdakab', 'secretary'),
  ...P('sekdaprov|sekretaris daerah provinsi', 'Sekdaprov', 'secretary'),
  ...P('sekdakot|sekdako|sekretaris daerah kota', 'Sekdakot', 'secretary'),
  ...P('sekprov|sekretaris provinsi', 'Sekprov', 'secretary'),
  ...P('sekkot|sekko', 'Sekkot', 'secretary'),
  ...P('sekkab', 'Sekkab', 'secretary'),
  ...P('sekretaris kota', 'Sekretaris Kota', 'secretary'),
  ...P('sekretaris kabupaten', 'Sekretaris Kabupaten', 'secretary'),
  // Regional officials
  ...P('asisten', 'Asisten', 'regional_official', 'optional'),
  ...P('staf ahli|staff ahli', 'Staf Ahli', 'regional_official', 'optional'),
  ...P('inspektur|inspektur daerah|inspektur inspektorat', 'Inspektur', 'regional_official', 'optional'),
  ...P('inspektur pembantu|irban', 'Inspektur Pembantu', 'regional_official', 'optional'),
  ...P('camat', 'Camat', 'regional_official'),
  ...P('lurah', 'Lurah', 'regional_official'),
  ...P('sekcam|sekretaris camat|sekretaris kecamatan', 'Sekcam', 'regional_official'),
  ...P('kasatpol pp|kasat pol pp|kasatpolpp', 'Kasatpol PP', 'regional_official'),
  ...P('sekwan|sekretaris dewan|sekretaris dprd', 'Sekwan', 'regional_official'),
  ...P('kepala', 'Kepala', 'regional_official', 'required'),
  ...P('kadis', 'Kadis', 'regional_official', 'required'),
  ...P('kaban', 'Kaban', 'regional_official', 'required'),
  ...P('kabag', 'Kabag', 'regional_official', 'required'),
  ...P('kabid', 'Kabid', 'regional_official', 'required'),
  ...P('karo', 'Karo', 'regional_official', 'required'),
  ...P('kasubbag|kasubag|kepala sub bagian|kepala subbagian', 'Kasubbag', 'regional_official', 'required'),
  ...P('kasi|kasie', 'Kasi', 'regional_official', 'required'),
  ...P('kalaksa|kalak', 'Kalaksa', 'regional_official', 'required'),
  ...P('sekretaris', 'Sekretaris', 'regional_official', 'required'),
  ...P('kepala desa|kades', 'Kepala Desa', 'other'),
  // Election bodies, legislature and others: the unit names the body
  ...P('ketua', 'Ketua', null, 'required'),
  ...P('wakil ketua', 'Wakil Ketua', null, 'required'),
  ...P('anggota', 'Anggota', null, 'required'),
  ...P('komisioner', 'Komisioner', null, 'required'),
  ...P('kordiv|koordinator divisi|ketua divisi', 'Kordiv', null, 'required'),
  ...P('kasat', 'Kasat', 'security', 'required'),
  // Security
  ...P('kapolres|kepala kepolisian resor', 'Kapolres', 'security'),
  ...P('kapolresta|kepala kepolisian resor kota', 'Kapolresta', 'security'),
  ...P('kapolrestabes', 'Kapolrestabes', 'security'),
  ...P('wakapolres', 'Wakapolres', 'security'),
  ...P('kapolda|kepala kepolisian daerah', 'Kapolda', 'security'),
  ...P('wakapolda', 'Wakapolda', 'security'),
  ...P('kapolsek', 'Kapolsek', 'security'),
  ...P('kapolri|kepala kepolisian negara', 'Kapolri', 'security'),
  ...P('dandim|komandan kodim|komandan distrik militer', 'Dandim', 'security'),
  ...P('danrem|komandan korem', 'Danrem', 'security'),
  ...P('pangdam', 'Pangdam', 'security'),
  ...P('danramil', 'Danramil', 'security'),
  ...P('danlanal', 'Danlanal', 'security'),
  ...P('danlanud', 'Danlanud', 'security'),
  ...P('kabinda', 'Kabinda', 'security'),
  ...P('kajari|kepala kejaksaan negeri', 'Kajari', 'security'),
  ...P('kajati|kepala kejaksaan tinggi', 'Kajati', 'security'),
  // National
  ...P('mendagri|menteri dalam negeri', 'Mendagri', 'national'),
  ...P('wamendagri|wakil menteri dalam negeri', 'Wamendagri', 'national'),
  ...P(
    'menpanrb|menpan rb|menpan|menteri panrb|menteri pan rb|menteri pan|menteri pendayagunaan aparatur negara dan reformasi birokrasi',
    'Menpan-RB',
    'national',
  ),
  ...P('menteri', 'Menteri', 'national', 'required'),
  ...P('menko polhukam|menkopolhukam', 'Menko Polhukam', 'national'),
  ...P('presiden', 'Presiden', 'national'),
  ...P('wakil presiden|wapres', 'Wakil Presiden', 'national'),
  ...P('dirjen|direktur jenderal', 'Dirjen', 'national', 'optional'),
  ...P('sekjen|sekretaris jenderal', 'Sekjen', 'national', 'optional'),
  ...P('deputi', 'Deputi', 'national', 'optional'),
  ...P('asisten deputi|asdep', 'Asisten Deputi', 'national', 'optional'),
  ...P('irjen kemendagri|inspektur jenderal kemendagri|inspektur jenderal', 'Irjen Kemendagri', 'national'),
  // Candidates
  ...P(
    'calon bupati|cabup|calon wakil bupati|cawabup|calon wali kota|calon walikota|cawalkot|calon wakil wali kota|' +
      'calon wakil walikota|cawawalkot|calon gubernur|cagub|calon wakil gubernur|cawagub|calon kepala daerah|' +
      'bakal calon bupati|bakal calon wali kota|bakal calon gubernur|bakal calon|pasangan calon|paslon|bapaslon|' +
      'calon presiden|capres|calon wakil presiden|cawapres|calon legislatif|caleg|calon anggota legislatif',
    'Calon',
    'candidate',
    'none',
    { lowerOk: true },
  ),
  // Others
  ...P('direktur', 'Direktur', 'other', 'required'),
  ...P('rektor', 'Rektor', 'other', 'optional'),
];

/** Canonical forms of candidate phrases, keyed by their token keys joined with spaces. */
export const CANDIDATE_CANONICAL: Record<string, string> = {
  cabup: 'Calon Bupati',
  cawabup: 'Calon Wakil Bupati',
  cawalkot: 'Calon Wali Kota',
  cawawalkot: 'Calon Wakil Wali Kota',
  cagub: 'Calon Gubernur',
  cawagub: 'Calon Wakil Gubernur',
  paslon: 'Pasangan Calon',
  bapaslon: 'Bakal Pasangan Calon',
  capres: 'Calon Presiden',
  cawapres: 'Calon Wakil Presiden',
  caleg: 'Calon Legislatif',
};

/** Acting prefixes: `Pj`, `Pjs`, `Plt`, `Plh`, `Penjabat (Pj)`, `Pelaksana Tugas (Plt)`. */
export const ACTING_SHORT: Record<string, { acting: 'pj' | 'pjs' | 'plt'; label: string }> = {
  pj: { acting: 'pj', label: 'Pj' },
  pjs: { acting: 'pjs', label: 'Pjs' },
  plt: { acting: 'plt', label: 'Plt' },
  plh: { acting: 'plt', label: 'Plh' },
};

/** Verbs of saying that introduce the speaker after a quote: `kata Romi`, `ujar Romi`, `tegas Romi`. */
export const SPEECH_VERBS = set(`
  kata ujar ungkap tegas jelas tutur ucap imbuh tambah pungkas sebut terang papar lanjut sambung tandas seru
  urai cetus beber katakan tanya jawab pinta harap ajak timpal paparnya kilah aku akui tukas
`);

/** Words between a name and the position that describes it: `Romi selaku Sekda`, `Romi yang juga Kadis`. */
export const APPOSITION_LINKS: string[][] = [
  ['selaku'],
  ['sebagai'],
  ['yang', 'juga'],
  ['yang', 'juga', 'sebagai'],
  ['yang', 'juga', 'menjabat'],
  ['yang', 'juga', 'menjabat', 'sebagai'],
  ['yang', 'menjabat'],
  ['yang', 'menjabat', 'sebagai'],
  ['yang', 'merupakan'],
  ['yang', 'kini', 'menjabat'],
  ['yang', 'kini', 'menjabat', 'sebagai'],
  ['yang', 'saat', 'ini', 'menjabat'],
  ['yang', 'saat', 'ini', 'menjabat', 'sebagai'],
  ['yang', 'adalah'],
  ['yang', 'juga', 'merupakan'],
];

// Looked up with words from the text: no prototype, so "constructor" or "__proto__" is never a key.
Object.setPrototypeOf(ACTING_SHORT, null);
Object.setPrototypeOf(NAME_VARIANTS, null);
Object.setPrototypeOf(UNIT_ABBREVIATIONS, null);
Object.setPrototypeOf(CANDIDATE_CANONICAL, null);
