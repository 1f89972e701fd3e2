/**
 * Deterministic generator of realistic Indonesian regional-news pages, for benchmarks and robustness tests.
 * Every page comes from a seed: the same seed gives the same bytes on every machine. The texts are invented
 * (regions are real Kemendagri names, people and numbers are not).
 *
 * About 45% of the pages report a regional government acting on civil-servant (ASN) neutrality in an election
 * (officials, circular numbers, dates); the rest are ordinary regional news. Four site templates vary the
 * boilerplate (menus, sidebars, related lists, share bars, comments, ads, inline scripts, JSON-LD).
 */
import { Rng } from './prng.js';

export interface GeneratedPage {
  /** Index in the sequence (0-based). */
  index: number;
  url: string;
  html: string;
  title: string;
  /** Whether the story is about ASN neutrality measures of a regional government. */
  relevant: boolean;
  /** Region the story is about. */
  region: string;
  /** Publication date, YYYY-MM-DD. */
  published: string;
  /** The article body paragraphs as generated (before templating). */
  paragraphs: string[];
  template: TemplateName;
}

export type TemplateName = 'wordpress' | 'portal' | 'detail' | 'government';

interface Region {
  /** Name as used in running text. */
  name: string;
  /** Short form used by local media. */
  short: string;
  kind: 'kabupaten' | 'kota' | 'provinsi';
  head: string;
}

const REGIONS: Region[] = [
  { name: 'Kabupaten Poso', short: 'Poso', kind: 'kabupaten', head: 'Bupati' },
  { name: 'Kota Kendari', short: 'Kendari', kind: 'kota', head: 'Wali Kota' },
  { name: 'Kabupaten Buru', short: 'Buru', kind: 'kabupaten', head: 'Bupati' },
  { name: 'Kabupaten Sinjai', short: 'Sinjai', kind: 'kabupaten', head: 'Bupati' },
  { name: 'Kota Bekasi', short: 'Bekasi', kind: 'kota', head: 'Wali Kota' },
  { name: 'Kabupaten Bekasi', short: 'Bekasi', kind: 'kabupaten', head: 'Bupati' },
  { name: 'Kabupaten Kutai Kartanegara', short: 'Kukar', kind: 'kabupaten', head: 'Bupati' },
  { name: 'Kabupaten Barito Selatan', short: 'Barsel', kind: 'kabupaten', head: 'Bupati' },
  { name: 'Kabupaten Penajam Paser Utara', short: 'PPU', kind: 'kabupaten', head: 'Bupati' },
  { name: 'Kota Palu', short: 'Palu', kind: 'kota', head: 'Wali Kota' },
  { name: 'Kabupaten Gowa', short: 'Gowa', kind: 'kabupaten', head: 'Bupati' },
  { name: 'Kota Ambon', short: 'Ambon', kind: 'kota', head: 'Wali Kota' },
  { name: 'Kabupaten Lombok Timur', short: 'Lotim', kind: 'kabupaten', head: 'Bupati' },
  { name: 'Kabupaten Banyuwangi', short: 'Banyuwangi', kind: 'kabupaten', head: 'Bupati' },
  { name: 'Kota Pontianak', short: 'Pontianak', kind: 'kota', head: 'Wali Kota' },
  { name: 'Kabupaten Toba', short: 'Toba', kind: 'kabupaten', head: 'Bupati' },
  { name: 'Provinsi Sulawesi Tenggara', short: 'Sultra', kind: 'provinsi', head: 'Gubernur' },
  { name: 'Provinsi Kalimantan Tengah', short: 'Kalteng', kind: 'provinsi', head: 'Gubernur' },
  { name: 'Provinsi Maluku Utara', short: 'Malut', kind: 'provinsi', head: 'Gubernur' },
  { name: 'Kabupaten Wajo', short: 'Wajo', kind: 'kabupaten', head: 'Bupati' },
];

const FIRST = ['Andi', 'Muhammad', 'Siti', 'La Ode', 'Yohanes', 'Made', 'Rahmat', 'Dewi', 'Hendrik', 'Nur', 'Agus', 'Fransiska', 'Baso', 'Wayan', 'Rizal', 'Maria', 'Syamsul', 'Herlina', 'Arief', 'Yusuf'];
const LAST = ['Salampessy', 'Rahman', 'Pakaya', 'Simanjuntak', 'Wiranata', 'Lamusu', 'Tandiarrang', 'Hasibuan', 'Mokodompit', 'Saputra', 'Daeng Mallu', 'Kaunang', 'Sitompul', 'Wattimena', 'Pratama', 'Bachtiar', 'Latuconsina', 'Gobel', 'Purba', 'Nasution'];
const TITLES = ['', '', 'Drs. ', 'Ir. ', 'H. ', 'Dr. '];
const DEGREES = ['', '', ', S.Sos', ', M.Si', ', S.H., M.H.', ', S.STP'];
const DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const OUTLETS = [
  { site: 'Kabar Timur Raya', host: 'kabartimurraya.co.id' },
  { site: 'Suara Daerah', host: 'suaradaerah.id' },
  { site: 'Warta Sulawesi', host: 'wartasulawesi.com' },
  { site: 'Borneo Pos Digital', host: 'borneoposdigital.net' },
  { site: 'Maluku Sepekan', host: 'malukusepekan.id' },
  { site: 'Lintas Nusantara', host: 'lintasnusantara.co' },
];
const UNITS = ['BKPSDM', 'BKD', 'BKPSDM', 'Setda', 'Bag.Org'];

interface Story {
  title: string;
  paragraphs: string[];
  relevant: boolean;
  tags: string[];
}

function person(rng: Rng): { plain: string; formal: string } {
  const plain = `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
  return { plain, formal: `${rng.pick(TITLES)}${plain}${rng.pick(DEGREES)}` };
}

function isoDate(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function weekday(y: number, m: number, d: number): string {
  return DAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
}

function relevantStory(rng: Rng, region: Region, y: number, m: number, d: number): Story {
  const head = person(rng);
  const sekda = person(rng);
  const kepala = person(rng);
  const pj = rng.chance(0.5) ? 'Pj ' : '';
  const headTitle = `${pj}${region.head} ${region.short}`;
  const unit = rng.pick(UNITS);
  const seNumber = rng.chance(0.6)
    ? `800/${rng.int(100, 4999)}/${unit}/${rng.pick(ROMAN)}/${y}`
    : `${rng.int(1, 30)} Tahun ${y}`;
  const insNumber = `${rng.int(1, 12)} Tahun ${y}`;
  const dateShort = `${weekday(y, m, d)} (${d}/${m}/${String(y).slice(2)})`;
  const dateLong = `${weekday(y, m, d)}, ${d} ${MONTHS[m - 1]} ${y}`;
  const election = rng.pick(['Pilkada serentak 2024', 'Pemilu 2024', 'pemilihan kepala daerah', 'Pilkada 27 November']);
  const count = rng.int(300, 9000).toLocaleString('id-ID');

  const openers = [
    `${headTitle}, ${head.formal}, memimpin apel netralitas aparatur sipil negara di halaman kantor ${region.head.toLowerCase()} pada ${dateShort}. Sebanyak ${count} ASN ${region.name} mengikuti apel tersebut dan membacakan ikrar bersama menjelang ${election}.`,
    `Pemerintah ${region.name} menerbitkan Surat Edaran Nomor ${seNumber} tentang netralitas ASN dalam ${election}. Edaran itu ditandatangani ${headTitle} ${head.plain} pada ${dateLong}.`,
    `Seluruh pejabat eselon II di lingkungan Pemerintah ${region.name} menandatangani pakta integritas netralitas ASN, ${dateShort}. Penandatanganan disaksikan langsung oleh ${headTitle} ${head.formal} dan Ketua Bawaslu setempat.`,
  ];
  const middles = [
    `"Saya ingatkan kembali, ASN dilarang ikut kampanye, memasang alat peraga, atau mengunggah dukungan di media sosial. Tidak ada toleransi," kata ${head.plain} di hadapan peserta.`,
    `Sekretaris Daerah ${region.short}, ${sekda.formal}, menjelaskan bahwa edaran tersebut sudah dikirim ke semua organisasi perangkat daerah, kecamatan, dan kelurahan.`,
    `Kepala ${unit} ${region.short}, ${kepala.plain}, mengatakan pihaknya membentuk tim pengawasan internal yang akan memantau aktivitas pegawai, termasuk di grup percakapan dan media sosial.`,
    `Menurut ${kepala.plain}, pegawai yang terbukti melanggar akan diperiksa dan dapat dijatuhi hukuman disiplin sesuai Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin PNS.`,
    `Selain surat edaran, ${headTitle} juga mengeluarkan Instruksi ${region.head} Nomor ${insNumber} yang mewajibkan setiap kepala perangkat daerah melaporkan pelanggaran paling lambat tiga hari setelah ditemukan.`,
    `Sosialisasi aturan netralitas akan digelar di ${rng.int(5, 24)} kecamatan selama dua pekan ke depan dengan melibatkan Bawaslu dan inspektorat daerah.`,
    `Ia menambahkan, pemerintah daerah menyediakan kanal pengaduan bagi masyarakat yang melihat ASN berpihak kepada salah satu pasangan calon.`,
    `Ketua Bawaslu ${region.short} menyambut baik langkah tersebut dan menyebut masih ada laporan dugaan pelanggaran yang sedang ditangani pihaknya.`,
    `Kegiatan serupa pernah dilakukan menjelang pemilu sebelumnya dan, menurut ${sekda.plain}, berhasil menekan jumlah pelanggaran netralitas di daerah itu.`,
    `Data ${unit} mencatat ada ${rng.int(2, 40)} aduan sepanjang tahun ini, sebagian besar terkait unggahan di media sosial.`,
  ];
  const closers = [
    `"Netralitas adalah harga mati. Pelayanan kepada masyarakat tidak boleh terganggu oleh kepentingan politik," tutup ${head.plain}.`,
    `Apel ditutup dengan penandatanganan deklarasi bersama oleh para camat dan lurah.`,
    `Pemerintah daerah berharap tahapan ${election} di ${region.short} berjalan aman dan damai.`,
  ];
  const n = rng.int(3, 15);
  const paragraphs = [rng.pick(openers)];
  const pool = rng.sample(middles, middles.length);
  for (let i = 0; paragraphs.length < n - 1; i++) {
    paragraphs.push(i < pool.length ? pool[i] : filler(rng, region));
  }
  paragraphs.push(rng.pick(closers));
  const title = rng.pick([
    `${headTitle} Tegaskan ASN Wajib Netral di ${election}`,
    `Pemkab ${region.short} Terbitkan SE Netralitas ASN Jelang ${election}`,
    `Ribuan ASN ${region.short} Ikrar Netral, Pelanggar Diancam Sanksi`,
    `Pejabat ${region.short} Teken Pakta Integritas Netralitas ASN`,
  ]).replace('Pemkab', region.kind === 'kota' ? 'Pemkot' : region.kind === 'provinsi' ? 'Pemprov' : 'Pemkab');
  return { title, paragraphs, relevant: true, tags: ['netralitas ASN', 'pilkada', region.short] };
}

function filler(rng: Rng, region: Region): string {
  return rng.pick([
    `Warga ${region.short} berharap pemerintah daerah terus memperhatikan kebutuhan dasar masyarakat di wilayah pesisir dan pegunungan.`,
    `Kegiatan tersebut juga dihadiri unsur forum koordinasi pimpinan daerah, tokoh agama, dan perwakilan organisasi kepemudaan.`,
    `Sejumlah warga yang ditemui di lokasi mengaku baru mengetahui informasi itu dari pengumuman di kantor kelurahan.`,
    `Anggaran untuk kegiatan ini bersumber dari APBD tahun berjalan dan akan dievaluasi pada akhir triwulan.`,
    `Dinas terkait berjanji menyampaikan perkembangan terbaru secara berkala melalui kanal resmi pemerintah daerah.`,
    `Hingga berita ini diturunkan, belum ada tanggapan resmi dari pihak yang disebutkan dalam laporan tersebut.`,
  ]);
}

function unrelatedStory(rng: Rng, region: Region, y: number, m: number, d: number): Story {
  const who = person(rng);
  const dateShort = `${weekday(y, m, d)} (${d}/${m}/${String(y).slice(2)})`;
  const topics: Story[] = [
    {
      title: `Banjir Rendam Ratusan Rumah di ${region.short}, Warga Mengungsi`,
      relevant: false,
      tags: ['banjir', region.short],
      paragraphs: [
        `Hujan deras yang mengguyur ${region.name} sejak ${dateShort} malam menyebabkan ${rng.int(100, 900)} rumah terendam banjir setinggi hingga satu meter.`,
        `Kepala Pelaksana BPBD ${region.short}, ${who.formal}, mengatakan tim gabungan telah mengevakuasi warga lanjut usia dan anak-anak ke posko pengungsian.`,
        `"Kami mendirikan dapur umum dan menyiapkan perahu karet di tiga titik," ujarnya.`,
        `Warga diminta tetap waspada karena curah hujan diperkirakan masih tinggi dalam beberapa hari ke depan.`,
      ],
    },
    {
      title: `Harga Cabai dan Bawang di Pasar ${region.short} Naik Jelang Akhir Tahun`,
      relevant: false,
      tags: ['ekonomi', 'harga pangan'],
      paragraphs: [
        `Harga cabai rawit di pasar tradisional ${region.short} menembus Rp${rng.int(60, 110)} ribu per kilogram, naik hampir dua kali lipat dibanding bulan lalu.`,
        `Pedagang menyebut pasokan dari daerah penghasil berkurang akibat cuaca yang tidak menentu.`,
        `Dinas Perdagangan setempat berencana menggelar operasi pasar murah di ${rng.int(3, 12)} kecamatan.`,
        `${who.plain}, seorang ibu rumah tangga, mengaku harus mengurangi belanja harian agar tetap cukup hingga akhir bulan.`,
      ],
    },
    {
      title: `Persiapan Tim Sepak Bola ${region.short} Menuju Porprov`,
      relevant: false,
      tags: ['olahraga'],
      paragraphs: [
        `Tim sepak bola ${region.short} menjalani pemusatan latihan di stadion kabupaten sebagai persiapan menghadapi pekan olahraga provinsi.`,
        `Pelatih kepala, ${who.plain}, menargetkan timnya lolos dari fase grup dan membawa pulang medali.`,
        `Sebanyak ${rng.int(20, 30)} pemain muda dipanggil, sebagian besar berasal dari klub-klub lokal.`,
      ],
    },
    {
      title: `Proyek Jalan Poros ${region.short} Ditargetkan Rampung Tahun Depan`,
      relevant: false,
      tags: ['infrastruktur'],
      paragraphs: [
        `Pembangunan jalan poros sepanjang ${rng.int(8, 60)} kilometer yang menghubungkan ibu kota ${region.short} dengan wilayah pedalaman terus dikebut.`,
        `Kepala Dinas PUPR, ${who.formal}, menyebut progres fisik telah mencapai ${rng.int(30, 85)} persen.`,
        `Jalan tersebut diharapkan memangkas waktu tempuh dan menurunkan ongkos angkut hasil pertanian warga.`,
      ],
    },
    {
      title: `Dinkes ${region.short} Gencarkan Imunisasi Anak di Desa Terpencil`,
      relevant: false,
      tags: ['kesehatan'],
      paragraphs: [
        `Dinas Kesehatan ${region.short} menurunkan tenaga kesehatan ke desa-desa terpencil untuk mengejar target imunisasi dasar lengkap.`,
        `Cakupan imunisasi tahun ini baru mencapai ${rng.int(55, 85)} persen, masih di bawah target nasional.`,
        `${who.plain} dari puskesmas setempat mengatakan kendala utama adalah akses jalan dan keraguan sebagian orang tua.`,
      ],
    },
    {
      // A near miss: a neutrality violation case with no regional measure.
      title: `Bawaslu Proses Dugaan Pelanggaran Netralitas Kepala Desa di ${region.short}`,
      relevant: false,
      tags: ['bawaslu', 'pilkada'],
      paragraphs: [
        `Bawaslu ${region.short} tengah memproses laporan dugaan pelanggaran netralitas oleh seorang kepala desa yang hadir dalam kampanye salah satu pasangan calon.`,
        `Koordinator divisi penanganan pelanggaran, ${who.plain}, mengatakan pihaknya sudah memanggil pelapor dan dua orang saksi.`,
        `Hasil kajian akan diteruskan kepada instansi berwenang bila unsur pelanggaran terpenuhi.`,
      ],
    },
  ];
  const story = rng.pick(topics);
  const n = rng.int(3, 15);
  const paragraphs = story.paragraphs.slice(0, n);
  while (paragraphs.length < n) paragraphs.push(filler(rng, region));
  return { ...story, paragraphs };
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}

/** Boilerplate pieces shared by the templates. */
function menu(rng: Rng, host: string): string {
  const items = ['Beranda', 'Daerah', 'Politik', 'Hukum', 'Ekonomi', 'Olahraga', 'Pendidikan', 'Kesehatan', 'Opini', 'Indeks', 'Video', 'Foto'];
  return rng
    .sample(items, rng.int(6, items.length))
    .map((it) => `<li class="menu-item"><a href="https://${host}/kanal/${slug(it)}">${it}</a></li>`)
    .join('');
}

function relatedList(rng: Rng, host: string, heading: string, count: number): string {
  const heads = [
    'Pemkab Gelar Rapat Koordinasi Penanganan Stunting',
    'DPRD Setujui Rancangan APBD Perubahan',
    'Polres Amankan Pelaku Pencurian Sepeda Motor',
    'Festival Budaya Tahunan Kembali Digelar',
    'Ratusan Honorer Ikuti Seleksi PPPK',
    'Jembatan Gantung Putus, Pelajar Seberangi Sungai',
    'Harga Gabah Petani Mulai Membaik',
    'Sekolah Rusak Akan Diperbaiki Tahun Depan',
    'Pasar Murah Diserbu Warga',
    'KPU Tetapkan Daftar Pemilih Tetap',
    'Kapal Ikan Nelayan Tenggelam Diterjang Ombak',
    'Bupati Resmikan Puskesmas Baru',
  ];
  const lis = rng
    .sample(heads, count)
    .map(
      (h) =>
        `<li><a href="https://${host}/berita/${rng.int(100000, 999999)}/${slug(h)}"><img src="https://${host}/img/thumb/${rng.int(1, 9999)}.jpg" alt="" width="80" height="60"><span>${h}</span></a></li>`,
    )
    .join('');
  return `<section class="related"><h3>${heading}</h3><ul>${lis}</ul></section>`;
}

function inlineScript(rng: Rng): string {
  // Analytics/ads configuration of a few KB to tens of KB, as real pages carry.
  const n = rng.int(40, 800);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    parts.push(
      `window.__cfg${i}={slot:"div-gpt-ad-${rng.int(1e6, 9e6)}-${i}",sizes:[[300,250],[728,90]],targeting:{kanal:"daerah",pos:${i}}};`,
    );
  }
  return `<script>${parts.join('\n')}</script>`;
}

function styleBlock(rng: Rng): string {
  const rules: string[] = [];
  const n = rng.int(20, 300);
  for (let i = 0; i < n; i++) rules.push(`.c${i}{margin:${i % 7}px;padding:${i % 5}px;color:#${(i * 2654435761 >>> 8).toString(16).slice(0, 6).padEnd(6, '0')}}`);
  return `<style>${rules.join('')}</style>`;
}

/** A footer with many links (index of channels, regions and tags), as big portals have. */
function megaFooter(rng: Rng, host: string): string {
  const n = rng.int(40, 250);
  const cols: string[] = [];
  for (let c = 0; c < n; c += 20) {
    const links: string[] = [];
    for (let i = c; i < Math.min(n, c + 20); i++) {
      const r = REGIONS[i % REGIONS.length];
      links.push(`<li><a href="https://${host}/tag/${slug(r.short)}-${i}" title="${r.name}">${r.short} ${i}</a></li>`);
    }
    cols.push(`<div class="footer-col"><ul>${links.join('')}</ul></div>`);
  }
  const icon = '<svg viewBox="0 0 24 24" width="16" height="16"><path d="M12 2C6.5 2 2 6.5 2 12s4.5 10 10 10 10-4.5 10-10S17.5 2 12 2z"/></svg>';
  return `<div class="mega-footer">${cols.join('')}<div class="social">${icon.repeat(rng.int(3, 8))}</div></div>`;
}

function comments(rng: Rng): string {
  const n = rng.int(0, 6);
  const lines = ['Semoga benar-benar dijalankan.', 'Mantap, lanjutkan pak!', 'Yang penting pelayanan jangan terganggu.', 'Tahun lalu juga begitu, hasilnya?', 'Setuju, ASN harus netral.', 'Jalan di kampung kami kapan diperbaiki?'];
  const items: string[] = [];
  for (let i = 0; i < n; i++) {
    items.push(`<li class="comment"><b>${rng.pick(FIRST)}</b><time>${rng.int(1, 23)} jam lalu</time><p>${rng.pick(lines)}</p></li>`);
  }
  return `<section id="comments"><h3>${n} Komentar</h3><ol>${items.join('')}</ol><form><textarea name="c"></textarea><button>Kirim</button></form></section>`;
}

function share(url: string): string {
  const u = encodeURIComponent(url);
  return `<div class="share"><span>Bagikan:</span><a href="https://www.facebook.com/sharer.php?u=${u}">Facebook</a><a href="https://twitter.com/intent/tweet?url=${u}">X</a><a href="https://wa.me/?text=${u}">WhatsApp</a><a href="#" onclick="copy()">Salin tautan</a></div>`;
}

function bodyHtml(rng: Rng, paragraphs: string[], host: string, inlineRelated: boolean): string {
  const out: string[] = [];
  paragraphs.forEach((p, i) => {
    out.push(`<p>${esc(p)}</p>`);
    if (inlineRelated && i === 1 && paragraphs.length > 3) {
      out.push(
        `<p class="baca-juga"><strong>Baca juga:</strong> <a href="https://${host}/berita/${rng.int(100000, 999999)}">Ratusan Honorer Ikuti Seleksi PPPK</a></p>`,
      );
    }
    if (i === 2 && rng.chance(0.4)) {
      out.push(`<div class="ads ads-inarticle"><ins class="adsbygoogle" data-ad-slot="${rng.int(1e9, 9e9)}"></ins></div>`);
    }
    if (i === 0 && rng.chance(0.3)) {
      out.push(
        `<figure><img src="https://${host}/img/${rng.int(1, 99999)}.jpg" alt="ilustrasi"><figcaption>Suasana kegiatan. (Foto: Istimewa)</figcaption></figure>`,
      );
    }
  });
  return out.join('\n');
}

interface PageParts {
  rng: Rng;
  story: Story;
  region: Region;
  url: string;
  host: string;
  site: string;
  published: string;
  author: string;
  displayDate: string;
}

function wordpress(p: PageParts): string {
  const { rng, story, host, site, url, published, author, displayDate } = p;
  return `<!DOCTYPE html>
<html lang="id-ID">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(story.title)} - ${site}</title>
<link rel="canonical" href="${url}">
<meta property="og:title" content="${esc(story.title)}">
<meta property="og:site_name" content="${site}">
<meta property="og:type" content="article">
<meta property="article:published_time" content="${published}T0${rng.int(0, 9)}:${rng.int(10, 59)}:00+08:00">
<link rel="stylesheet" href="https://${host}/wp-content/themes/berita/style.css?ver=6.4">
${styleBlock(rng)}
${inlineScript(rng)}
</head>
<body class="post-template-default single single-post">
<div id="page" class="site">
<header id="masthead"><div class="logo"><a href="https://${host}/">${site}</a></div>
<nav id="site-navigation"><ul class="menu">${menu(rng, host)}</ul></nav>
<div class="breaking">Terkini: <a href="https://${host}/">KPU Tetapkan Daftar Pemilih Tetap</a></div></header>
<div id="content" class="site-content"><main id="main">
<article id="post-${rng.int(1000, 99999)}" class="post type-post status-publish">
<header class="entry-header"><h1 class="entry-title">${esc(story.title)}</h1>
<div class="entry-meta">Oleh <span class="author">${author}</span> &middot; <time datetime="${published}">${displayDate}</time></div></header>
<div class="entry-content">
${bodyHtml(rng, story.paragraphs, host, rng.chance(0.5))}
</div>
<footer class="entry-footer"><span class="tags">Tag: ${story.tags.map((t) => `<a href="https://${host}/tag/${slug(t)}" rel="tag">${esc(t)}</a>`).join(', ')}</span></footer>
${share(url)}
</article>
${relatedList(rng, host, 'Berita Terkait', rng.int(3, 6))}
${rng.chance(0.6) ? comments(rng) : ''}
</main>
<aside id="secondary" class="widget-area">
${relatedList(rng, host, 'Terpopuler', 5)}
<section class="widget"><h3>Ikuti Kami</h3><p>Dapatkan berita terbaru setiap hari melalui kanal WhatsApp kami.</p></section>
</aside></div>
${megaFooter(rng, host)}
<footer id="colophon"><p>&copy; ${published.slice(0, 4)} ${site}. Seluruh hak cipta dilindungi.</p><ul><li><a href="https://${host}/redaksi">Redaksi</a></li><li><a href="https://${host}/pedoman">Pedoman Media Siber</a></li><li><a href="https://${host}/kontak">Kontak</a></li></ul></footer>
</div>
<script src="https://${host}/wp-includes/js/jquery.min.js"></script>
</body>
</html>`;
}

function portal(p: PageParts): string {
  const { rng, story, host, site, url, published, author, displayDate, region } = p;
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: story.title,
    datePublished: `${published}T10:00:00+07:00`,
    author: { '@type': 'Person', name: author },
    publisher: { '@type': 'Organization', name: site },
    mainEntityOfPage: url,
  };
  return `<!doctype html>
<html lang="id">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>${esc(story.title)} | ${site}</title>
<meta name="description" content="${esc(story.paragraphs[0].slice(0, 150))}">
<meta property="og:url" content="${url}">
<meta name="pubdate" content="${published.replace(/-/g, '')}">
<script type="application/ld+json">${JSON.stringify(ld)}</script>
${inlineScript(rng)}
</head>
<body>
<div class="topbar"><a href="https://${host}/login">Masuk</a> | <a href="https://${host}/daftar">Daftar</a></div>
<nav class="navbar"><ul>${menu(rng, host)}</ul></nav>
<div class="breadcrumb"><a href="https://${host}/">Home</a> &rsaquo; <a href="https://${host}/daerah">Daerah</a> &rsaquo; <a href="https://${host}/daerah/${slug(region.short)}">${region.short}</a></div>
<div class="container"><div class="col-main">
<div class="read__header"><h1 class="read__title">${esc(story.title)}</h1>
<div class="read__info"><div class="read__author">Penulis: ${author}</div><div class="read__time">${displayDate}, ${rng.int(7, 22)}:${rng.int(10, 59)} WITA</div></div></div>
<div class="photo"><img src="https://${host}/foto/${rng.int(1, 99999)}.jpg" alt=""><div class="photo__caption">Ilustrasi. (Dok. ${site})</div></div>
<div class="read__content"><div class="clearfix">
<p><strong>${region.short.toUpperCase()}, ${site}</strong> &ndash; ${esc(story.paragraphs[0])}</p>
${bodyHtml(rng, story.paragraphs.slice(1), host, true)}
</div></div>
<div class="editor">Editor: ${rng.pick(FIRST)} ${rng.pick(LAST)}</div>
${share(url)}
${relatedList(rng, host, 'Baca Juga', rng.int(4, 8))}
</div>
<div class="col-side">${relatedList(rng, host, 'Terpopuler', 10)}<div class="ads"><iframe src="https://ads.example/${rng.int(1, 999)}" width="300" height="600"></iframe></div></div>
</div>
${megaFooter(rng, host)}
<footer class="footer"><div>${site} &copy; ${published.slice(0, 4)}</div><div class="footer-links"><a href="https://${host}/tentang">Tentang Kami</a> <a href="https://${host}/karir">Karir</a> <a href="https://${host}/privasi">Kebijakan Privasi</a></div></footer>
</body>
</html>`;
}

function detail(p: PageParts): string {
  const { rng, story, host, site, url, published, author, displayDate } = p;
  return `<html>
<head>
<meta charset="utf-8">
<title>${esc(story.title)}</title>
<meta name="author" content="${author}">
<meta itemprop="datePublished" content="${published}">
<link rel="canonical" href="${url}">
${styleBlock(rng)}
</head>
<body>
<!-- header -->
<div id="header"><div class="wrap"><div class="logo"><img src="/logo.png" alt="${site}"></div><div class="search"><form action="/cari"><input name="q" placeholder="Cari berita..."></form></div></div>
<div class="nav"><ul>${menu(rng, host)}</ul></div></div>
<div id="wrapper">
<div class="detail">
<div class="detail__header"><h1 class="detail__title">${esc(story.title)}</h1><div class="detail__author">${author} - ${site}</div><div class="detail__date">${displayDate}</div></div>
<div class="detail__body"><div class="detail__body-text itp_bodycontent">
${bodyHtml(rng, story.paragraphs, host, rng.chance(0.7))}
<p>(${author.split(' ')[0].toLowerCase()}/${rng.pick(['red', 'adv', 'ant'])})</p>
</div>
<div class="detail__body-tag">${story.tags.map((t) => `<a class="nav__item" href="/tag/${slug(t)}">${esc(t)}</a>`).join('')}</div>
</div>
${share(url)}
</div>
${relatedList(rng, host, 'Berita Lainnya', rng.int(5, 10))}
</div>
${megaFooter(rng, host)}
<div id="footer">Copyright ${published.slice(0, 4)} ${site} | <a href="/pedoman">Pedoman Siber</a></div>
${inlineScript(rng)}
</body>
</html>`;
}

function government(p: PageParts): string {
  const { rng, story, host, region, published, displayDate } = p;
  // An older table layout, as many regional government sites still have.
  const rows = story.paragraphs.map((para) => `<p align="justify">${esc(para)}</p>`).join('\n');
  return `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>${esc(region.name)} - ${esc(story.title)}</title>
</head>
<body bgcolor="#ffffff">
<table width="980" align="center" cellpadding="0" cellspacing="0">
<tr><td colspan="2"><img src="/images/banner.jpg" width="980" alt="Portal Resmi ${esc(region.name)}"></td></tr>
<tr><td colspan="2" class="menu"><a href="/">Beranda</a> | <a href="/profil">Profil Daerah</a> | <a href="/berita">Berita</a> | <a href="/layanan">Layanan Publik</a> | <a href="/ppid">PPID</a> | <a href="/kontak">Kontak</a></td></tr>
<tr><td width="700" valign="top">
<h2>${esc(story.title)}</h2>
<span class="tgl">Diposting: ${displayDate} | Dibaca ${rng.int(10, 5000)} kali</span>
${rows}
<p><i>Sumber: Diskominfo ${esc(region.short)}</i></p>
</td>
<td width="280" valign="top"><div class="sidebar"><h4>Agenda</h4><ul><li>Rapat paripurna DPRD</li><li>Musrenbang kecamatan</li><li>Peringatan hari jadi daerah</li></ul><h4>Tautan</h4><ul><li><a href="https://www.lapor.go.id">SP4N LAPOR</a></li><li><a href="https://${host}/jdih">JDIH</a></li></ul></div></td></tr>
<tr><td colspan="2" align="center"><small>&copy; ${published.slice(0, 4)} Pemerintah ${esc(region.name)}</small></td></tr>
</table>
</body>
</html>`;
}

const TEMPLATES: Record<TemplateName, (p: PageParts) => string> = { wordpress, portal, detail, government };
const TEMPLATE_NAMES = Object.keys(TEMPLATES) as TemplateName[];

/** The page for one index of the sequence started by `seed` (pure function of both). */
export function generatePage(index: number, seed = 1): GeneratedPage {
  const rng = new Rng((Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);
  const region = rng.pick(REGIONS);
  const y = rng.pick([2023, 2024, 2024, 2024]);
  const m = rng.int(1, 12);
  const d = rng.int(1, 28);
  const relevant = rng.chance(0.45);
  const story = relevant ? relevantStory(rng, region, y, m, d) : unrelatedStory(rng, region, y, m, d);
  // Published the day of the event or up to two days later.
  const pubDate = new Date(Date.UTC(y, m - 1, d + rng.int(0, 2)));
  const published = pubDate.toISOString().slice(0, 10);
  const template = TEMPLATE_NAMES[index % TEMPLATE_NAMES.length];
  let host: string;
  let site: string;
  if (template === 'government') {
    host = `${slug(region.short).replace(/-/g, '')}${region.kind === 'kota' ? 'kota' : 'kab'}.go.id`;
    site = `Pemerintah ${region.name}`;
  } else {
    const outlet = rng.pick(OUTLETS);
    host = outlet.host;
    site = outlet.site;
  }
  const url = `https://${host}/berita/${published.replace(/-/g, '/')}/${rng.int(10000, 999999)}/${slug(story.title)}`;
  const [py, pm, pd] = published.split('-').map(Number);
  const displayDate = `${weekday(py, pm, pd)}, ${pd} ${MONTHS[pm - 1]} ${py}`;
  const author = `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
  const html = TEMPLATES[template]({ rng, story, region, url, host, site, published, author, displayDate });
  return {
    index,
    url,
    html,
    title: story.title,
    relevant: story.relevant,
    region: region.name,
    published,
    paragraphs: story.paragraphs,
    template,
  };
}

/** `count` pages of the sequence started by `seed`, generated lazily. */
export function* generatePages(count: number, seed = 1): Generator<GeneratedPage> {
  for (let i = 0; i < count; i++) yield generatePage(i, seed);
}
