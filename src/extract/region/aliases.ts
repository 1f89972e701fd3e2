/**
 * Hand-made knowledge about how Indonesian news writes region names: abbreviations, short forms, old names and
 * spelling variants, plus which names are too much like ordinary words to be trusted without a cue.
 *
 * These are general facts about Indonesian usage (e.g. Kukar = Kutai Kartanegara), not fitted to any article.
 * Official names (and their spacing / hyphen variants) come from idn-area-data and need no entry here.
 */

/**
 * Extra names per Kemendagri code. A name listed under several codes is ambiguous and resolves to all of them
 * (e.g. `Mura` = Musi Rawas and Murung Raya). Spacing, hyphens and case do not matter ("Pare-Pare" = "Parepare"),
 * so only genuinely different spellings are listed. A name written in capitals (`NTT`, `OKU Timur`) is an
 * acronym: without a cue it only matches when written in capitals.
 */
export const EXTRA_ALIASES: Record<string, string[]> = {
  // ---- provinces ----
  '11': ['NAD', 'Nanggroe Aceh Darussalam', 'Aceh Darussalam'],
  '12': ['Sumut', 'Sumatra Utara'],
  '13': ['Sumbar', 'Sumatra Barat'],
  '14': [],
  '15': [],
  '16': ['Sumsel', 'Sumatra Selatan'],
  '17': [],
  '18': [],
  '19': ['Babel', 'Bangka Belitung', 'Kep Bangka Belitung'],
  '21': ['Kepri', 'Kep Riau'],
  '31': ['DKI', 'Jakarta', 'DKI Jakarta', 'Daerah Khusus Jakarta', 'Daerah Khusus Ibukota Jakarta', 'Daerah Khusus Ibu Kota Jakarta'],
  '32': ['Jabar'],
  '33': ['Jateng'],
  '34': ['DIY', 'DI Yogyakarta', 'Jogja', 'Yogya', 'Jogjakarta', 'Yogyakarta', 'Daerah Istimewa Jogja', 'DI Jogja'],
  '35': ['Jatim'],
  '36': [],
  '51': [],
  '52': ['NTB'],
  '53': ['NTT'],
  '61': ['Kalbar'],
  '62': ['Kalteng'],
  '63': ['Kalsel'],
  '64': ['Kaltim'],
  '65': ['Kaltara'],
  '71': ['Sulut'],
  '72': ['Sulteng'],
  '73': ['Sulsel'],
  '74': ['Sultra'],
  '75': [],
  '76': ['Sulbar'],
  '81': [],
  '82': ['Malut'],
  '91': [],
  '92': ['Pabar'],
  '93': ['Papsel'],
  '94': ['Papteng'],
  '95': [],
  '96': ['PBD'],

  // ---- Aceh ----
  '11.02': ['Agara'],
  '11.10': ['Singkil'],
  '11.12': ['Abdya'],
  '11.13': ['Galus'],
  '11.18': ['Pijay'],
  // ---- Sumatera Utara ----
  '12.01': ['Tapteng'],
  '12.02': ['Taput'],
  '12.03': ['Tapsel'],
  '12.07': ['Deli Serdang'],
  '12.10': ['Labuhan Batu'],
  '12.12': ['Tobasa', 'Toba Samosir'],
  '12.13': ['Madina'],
  '12.14': ['Nisel'],
  '12.15': ['Pakpak Barat'],
  '12.16': ['Humbahas'],
  '12.18': ['Sergai'],
  '12.19': ['Batubara'],
  '12.20': ['Paluta'],
  '12.21': ['Palas'],
  '12.22': ['Labusel'],
  '12.23': ['Labura'],
  '12.72': ['Siantar'],
  '12.77': ['Padangsidimpuan', 'Sidimpuan', 'Sidempuan'],
  // ---- Sumatera Barat ----
  '13.01': ['Pessel'],
  '13.07': ['50 Kota', 'Limapuluh Koto', 'Lima Puluh Koto'],
  '13.09': ['Mentawai'],
  '13.10': ['Darmasraya'],
  '13.11': ['Solsel'],
  '13.12': ['Pasbar'],
  // ---- Riau ----
  '14.02': ['Inhu'],
  '14.04': ['Inhil'],
  '14.06': ['Rohul'],
  '14.07': ['Rohil'],
  '14.09': ['Kuansing'],
  '14.10': ['Kepmer'],
  // ---- Jambi ----
  '15.04': ['Batang Hari'],
  '15.05': ['Muarojambi'],
  '15.06': ['Tanjabbar', 'Tanjab Barat'],
  '15.07': ['Tanjabtim', 'Tanjab Timur'],
  // ---- Sumatera Selatan ----
  '16.01': ['OKU'],
  '16.02': ['OKI'],
  '16.03': ['Muaraenim'],
  '16.05': ['Mura'],
  '16.06': ['Muba'],
  '16.08': ['OKU Timur', 'OKUT'],
  '16.09': ['OKU Selatan', 'OKUS'],
  '16.10': ['OI'],
  '16.12': ['PALI'],
  '16.13': ['Muratara'],
  '16.72': ['Pagaralam'],
  '16.73': ['Lubuklinggau'],
  // ---- Bengkulu ----
  '17.06': ['Mukomuko'],
  '17.09': ['Benteng'],
  // ---- Lampung ----
  '18.01': ['Lamsel'],
  '18.02': ['Lamteng'],
  '18.03': ['Lampura'],
  '18.04': ['Lambar'],
  '18.05': ['Tuba', 'Tulangbawang'],
  '18.07': ['Lamtim'],
  '18.12': ['Tubaba'],
  '18.13': ['Pesibar'],
  // ---- Bangka Belitung ----
  '19.03': ['Basel'],
  '19.04': ['Bateng'],
  '19.05': ['Babar'],
  '19.06': ['Beltim'],
  '19.71': ['Pangkalpinang'],
  // ---- Kepulauan Riau ----
  '21.05': ['KKA'],
  '21.72': ['Tanjungpinang'],
  // ---- DKI Jakarta ----
  '31.71': ['Jakpus'],
  '31.72': ['Jakut'],
  '31.73': ['Jakbar'],
  '31.74': ['Jaksel'],
  '31.75': ['Jaktim'],
  // ---- Jawa Barat ----
  '32.17': ['KBB'],
  // ---- DI Yogyakarta ----
  '34.71': ['Jogja', 'Yogya', 'Jogjakarta'],
  // ---- Jawa Tengah ----
  '33.72': ['Solo'],
  // ---- Banten ----
  '36.74': ['Tangsel'],
  // ---- Nusa Tenggara Barat ----
  '52.01': ['Lobar'],
  '52.02': ['Loteng'],
  '52.03': ['Lotim'],
  '52.07': ['KSB'],
  '52.08': ['KLU'],
  // ---- Nusa Tenggara Timur ----
  '53.02': ['TTS'],
  '53.03': ['TTU'],
  '53.06': ['Flotim'],
  '53.14': ['Rote'],
  '53.15': ['Mabar'],
  '53.18': ['SBD'],
  '53.19': ['Matim'],
  '53.20': ['Sabu'],
  // ---- Kalimantan Barat ----
  '61.11': ['KKU'],
  '61.12': ['KKR'],
  // ---- Kalimantan Tengah ----
  '62.01': ['Kobar', 'Kota Waringin Barat'],
  '62.02': ['Kotim', 'Kota Waringin Timur'],
  '62.04': ['Barsel'],
  '62.05': ['Barut'],
  '62.10': ['Gumas'],
  '62.11': ['Pulpis'],
  '62.12': ['Mura'],
  '62.13': ['Bartim'],
  '62.71': ['Palangka Raya'],
  // ---- Kalimantan Selatan ----
  '63.01': ['Tala'],
  '63.02': ['Kota Baru'],
  '63.04': ['Batola'],
  '63.06': ['HSS'],
  '63.07': ['HST'],
  '63.08': ['HSU'],
  '63.10': ['Tanbu'],
  // ---- Kalimantan Timur / Utara ----
  '64.02': ['Kukar', 'Kutai Kertanegara'],
  '64.07': ['Kubar'],
  '64.08': ['Kutim'],
  '64.09': ['PPU', 'Penajam'],
  '64.11': ['Mahulu'],
  '65.04': ['KTT'],
  // ---- Sulawesi Utara ----
  '71.01': ['Bolmong'],
  '71.03': ['Sangihe'],
  '71.04': ['Talaud'],
  '71.05': ['Minsel'],
  '71.06': ['Minut'],
  '71.07': ['Mitra'],
  '71.08': ['Bolmut'],
  '71.09': ['Sitaro'],
  '71.10': ['Boltim'],
  '71.11': ['Bolsel'],
  // ---- Sulawesi Tengah ----
  '72.04': ['Tolitoli'],
  '72.07': ['Bangkep'],
  '72.08': ['Parimo'],
  '72.09': ['Touna'],
  '72.11': ['Balut'],
  '72.12': ['Morut'],
  // ---- Sulawesi Selatan ----
  '73.01': ['Selayar'],
  '73.10': ['Pangkep', 'Pangkajene Kepulauan', 'Pangkajene'],
  '73.14': ['Sidrap'],
  '73.18': ['Tator', 'Toraja'],
  '73.22': ['Lutra'],
  '73.24': ['Lutim'],
  '73.26': ['Torut', 'Toraja'],
  '73.72': ['Pare Pare'],
  // ---- Sulawesi Tenggara ----
  '74.05': ['Konsel'],
  '74.08': ['Kolut'],
  '74.09': ['Konut'],
  '74.10': ['Butur'],
  '74.11': ['Koltim'],
  '74.12': ['Konkep'],
  '74.13': ['Mubar'],
  '74.14': ['Buteng'],
  '74.15': ['Busel'],
  // ---- Gorontalo ----
  '75.03': ['Bonebol'],
  '75.05': ['Gorut'],
  // ---- Sulawesi Barat ----
  '76.01': ['Mamuju Utara', 'Matra'],
  '76.04': ['Polman'],
  '76.06': ['Mateng'],
  // ---- Maluku ----
  '81.01': ['Malteng'],
  '81.02': ['Malra'],
  '81.03': ['KKT', 'Maluku Tenggara Barat', 'MTB'],
  '81.05': ['SBT'],
  '81.06': ['SBB'],
  '81.08': ['MBD'],
  '81.09': ['Bursel'],
  // ---- Maluku Utara ----
  '82.01': ['Halbar'],
  '82.02': ['Halteng'],
  '82.03': ['Halut'],
  '82.04': ['Halsel'],
  '82.05': ['Kepsul'],
  '82.06': ['Haltim'],
  '82.72': ['Tidore'],
  // ---- Papua and the new provinces ----
  '91.06': ['Biak'],
  '91.20': ['Mamberamo'],
  '92.03': ['Fakfak'],
  '92.06': ['Bintuni'],
  '92.07': ['Wondama'],
  '92.11': ['Mansel'],
  '92.12': ['Pegaf'],
  '95.02': ['Pegubin'],
  '95.05': ['Mamteng', 'Mamberamo'],
  '96.02': ['Sorsel'],
};

/**
 * Names that are also common words, personal names or geographic features and are never taken without a cue
 * ("Pemkab Agam" and "Bupati Batang" match; a bare "Agam" or "Batang" does not). Keys are {@link nameKey}s.
 */
export const CUE_ONLY = new Set<string>([
  'agam', // personal name
  'batang', // "batang" = stem / counter word
  'batu', // "batu" = stone
  'metro', // Polda Metro Jaya, Metro TV
  'puncak', // "puncak" = peak; Puncak (Bogor) is a resort area
  'malaka', // Selat Malaka
  'aru',
  'sabu',
  'mitra', // "mitra" = partner
  'balut', // "balut" = bandage
  'benteng', // "benteng" = fortress
  'palas',
  'oi',
  'ktt', // Konferensi Tingkat Tinggi
  'mtb',
  'kka',
  'seribu', // "seribu" = a thousand
  'penajam',
  'pangkajene',
  'matra',
  'mamberamo',
]);

/**
 * Names that are ordinary words when not capitalised, or capitalised for other reasons at the start of a sentence:
 * a bare mention needs a capital and must not open a sentence.
 */
export const WORDLIKE = new Set<string>([
  'medan', // "medan" = field, terrain
  'padang', // field; "nasi Padang"
  'lingga',
  'kuningan', // brass; a Jakarta district
  'banjar', // row; Balinese hamlet; ethnic group
  'pati', // essence
  'tegal',
  'malang', // unlucky
  'lebak', // lowland; Lebak Bulus (Jakarta)
  'serang', // attack
  'badung',
  'bima', // personal name
  'ketapang', // tree; many villages
  'landak', // porcupine
  'palu', // hammer
  'bone',
  'buru', // hunt; "buru-buru"
  'kobar', // flame
  'tuba',
  'tala',
  'batubara', // "batu bara" = coal
  'solo',
  'kapuas', // river
  'siak', // river
  'kampar', // river
  'toba', // lake
  'ende',
  'rote',
  'tidore',
  'biak',
  'sula',
  'tual',
  'kaur',
  'lahat',
  'muna',
  'karo',
  'sigi',
  'mura',
  'babar',
  'basel',
  'bateng',
  'madina',
  'mateng',
  'penajam',
  'depok', // also a district of Sleman
  'kotabaru',
  'tanahlaut',
  'tebingtinggi',
  'pagaralam',
  'sungaipenuh',
  'gunungmas',
  'rajaampat',
  'limapuluhkota',
  'empatlawang',
  'pulangpisau',
  'tanahdatar',
  'padangpanjang',
  'bukittinggi',
  'kepulauanseribu',
]);

/**
 * The candidates a name resolves to when nothing (no cue, no hint) says which level is meant. Only for names
 * where one reading clearly dominates: "Jogja"/"Yogyakarta" alone is the province; "Kota Yogyakarta" or
 * "Wali Kota Yogyakarta" still reach the city through the level filter.
 */
export const DEFAULT_CODES: Record<string, string[]> = {
  yogyakarta: ['34'],
  jogja: ['34'],
  yogya: ['34'],
  jogjakarta: ['34'],
};

/** Contexts in which a matched name is not a mention of the region. */
export interface Exclusion {
  /** Name keys it applies to; omitted = all names. */
  keys?: string[];
  /** Tested against the ~40 characters before the name. */
  before?: RegExp;
  /** Tested against the ~40 characters after the name. */
  after?: RegExp;
  /** Also applies to cued mentions (default: bare only). */
  cued?: boolean;
}

export const EXCLUSIONS: Exclusion[] = [
  // Streets, campuses, airports and the like named after a region.
  {
    before:
      /(?:\b(?:Jalan|Jl|Jln|Universitas|Institut|Politeknik|Bandara|Stadion|Pelabuhan|Bank|Hotel|Gang|Gg)\.?|\bUIN|\bIAIN|\bSTAIN|\bSTIE|\bSTIKES)\s*$/i,
  },
  // Media names: "TVRI Sultra", "Tribun Jabar", "Radar Bekasi", "Kendari Pos", "Jabar Ekspres".
  { before: /\b(?:TVRI|RRI|Tribun|TribunNews|Radar|ANTARA|Antara News|iNews|Harian|Koran|Kabar|Warta|Suara)\s*-?\s*$/ },
  {
    after: /^\s*(?:Pos|Post|Ekspres|Express|Today|News|Terkini|Independent|Online|TV|Network|Update|Satu|Sindo|Tribun)\b/,
  },
  // Natural features.
  { keys: ['toba'], before: /\bDanau\s+$/i },
  { keys: ['kapuas', 'siak', 'kampar', 'batanghari'], before: /\bSungai\s+$/i },
  { keys: ['kerinci'], before: /\bGunung\s+$/i },
  { keys: ['malaka'], before: /\bSelat\s+$/i, cued: true },
  // Idioms and well-known non-region phrases.
  { keys: ['sabang'], after: /^\s+(?:sampai|hingga|sehingga)\s+Merauke/i },
  { keys: ['merauke'], before: /\bSabang\s+(?:sampai|hingga)\s+$/i },
  { keys: ['metro'], after: /^\s+(?:Jaya|TV)\b/i, cued: true },
  { keys: ['lebak'], after: /^\s+Bulus\b/i },
  { keys: ['bima'], after: /^\s+Arya\b/ },
  { keys: ['medan'], after: /^\s+Merdeka\b/i },
  { keys: ['medan'], before: /\bdi\s+$/, after: /^\s+(?:perang|laga)\b/i },
  { keys: ['padang'], before: /\b(?:nasi|masakan|rumah\s+makan|RM)\s+$/i },
  { keys: ['banjar'], before: /\b(?:suku|bahasa|urang|adat|orang)\s+$/i },
  { keys: ['kuningan'], after: /^\s*,?\s*Jakarta\b/ },
  { keys: ['depok'], after: /^\s*,?\s*Sleman\b/ },
];

// Looked up with words from the text: no prototype, so "constructor" or "__proto__" is never a key.
Object.setPrototypeOf(EXTRA_ALIASES, null);
Object.setPrototypeOf(DEFAULT_CODES, null);
