/**
 * The articles' words: stories about a regional government's ASN-neutrality commitment, ordinary local news, and
 * hard negatives (Bawaslu appeals, violation reports, national statements). Every story is assembled from
 * several hand-written phrasings so that no sentence template dominates; the ground truth is what the story
 * was built to say.
 */
import type { MeasureType } from '../types/record.js';
import { addDays, eventDatePhrase, iso, MONTHS, person, weekday } from './people.js';
import type { Day, Person } from './people.js';
import type { Rng } from './prng.js';
import { shortRef } from './regions.js';
import type { DemoRegion } from './regions.js';

/** What an article is expected to yield for one regional government. */
export interface TruthCommitment {
  region_code: string;
  /** Names without titles: head of region first, then the other officials speaking for the government. */
  officials: string[];
  /** YYYY-MM-DD */
  event_date: string | null;
  circulars: string[];
  measures: MeasureType[];
}

export type StoryKind = 'commitment' | 'news' | 'hard_negative';

export interface Story {
  kind: StoryKind;
  /** Short topic key (`circular`, `flood`, `bawaslu_appeal`...). */
  topic: string;
  title: string;
  /** Upper-case place name for the dateline (`KENDARI`). */
  dateline: string;
  paragraphs: string[];
  /** Photo caption (page chrome). */
  caption: string;
  tags: string[];
  region: DemoRegion;
  commitments: TruthCommitment[];
}

interface Ctx {
  rng: Rng;
  r: DemoRegion;
  /** Later mentions of the region: `Kukar`, `Kendari`. */
  ref: string;
  event: Day;
  published: Day;
  /** `Senin (30/10/2023)` */
  when: string;
  election: string;
  used: Set<string>;
  /** Whether the reported act is a gathering (apel, signing, meeting) rather than a document alone. */
  gathering: boolean;
}

function ctxFor(rng: Rng, r: DemoRegion, event: Day, published: Day): Ctx {
  const ev = iso(event);
  const election =
    ev < '2024-02-14'
      ? rng.pick(['Pemilu 2024', 'Pemilu serentak 2024', 'pemilihan umum 2024'])
      : rng.pick(['Pilkada serentak 2024', 'Pilkada 2024', 'pemilihan kepala daerah serentak 2024']);
  return { rng, r, ref: shortRef(r), event, published, when: eventDatePhrase(rng, event, published), election, used: new Set(), gathering: false };
}

function dateline(r: DemoRegion): string {
  return r.short.toUpperCase();
}

/** The government as a subject: `Pemkab Kukar`, `Pemerintah Kabupaten Kutai Kartanegara`. */
function govName(c: Ctx, long = false): string {
  if (long) return `Pemerintah ${c.r.level === 'province' ? 'Provinsi ' + c.r.short : c.r.name}`;
  return `${c.r.gov} ${c.ref}`;
}

interface Head {
  person: Person;
  /** `Pj Bupati Kukar` */
  pos: string;
  /** Position for the first mention: `Penjabat (Pj) Bupati Kutai Kartanegara` */
  posFirst: string;
}

function headOf(c: Ctx): Head {
  const ev = iso(c.event);
  const acting = c.rng.pick(
    ev >= '2024-09-25' && ev <= '2024-11-23' ? ['Pjs', 'Pjs', 'Pj', ''] : ['Pj', 'Pj', '', '', 'Plt'],
  );
  const longActing: Record<string, string> = { Pj: 'Penjabat (Pj)', Pjs: 'Penjabat Sementara (Pjs)', Plt: 'Pelaksana Tugas (Plt)' };
  const where = c.rng.chance(0.5) ? c.r.short : c.ref;
  const p = person(c.rng, c.used);
  const pos = `${acting ? acting + ' ' : ''}${c.r.head} ${c.ref}`;
  const posFirst = `${acting ? (c.rng.chance(0.5) ? longActing[acting] : acting) + ' ' : ''}${c.r.head} ${where}`;
  return { person: p, pos, posFirst };
}

const UNITS = ['BKPSDM', 'BKD', 'BKPSDM', 'BKPP'];

function circularNumber(c: Ctx, unit: string): string {
  const { rng, event } = c;
  const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'][event.m - 1];
  return rng.pick([
    `800/${rng.int(101, 4999)}/${unit}/${event.y}`,
    `800.1.10/${rng.int(11, 999)}/${unit}/${roman}/${event.y}`,
    `${rng.int(1, 40)} Tahun ${event.y}`,
    `100.3.4/${rng.int(100, 2999)}/${unit}`,
    `000.1.2/${rng.int(10, 450)}/Setda/${event.y}`,
  ]);
}

function n(rng: Rng, min: number, max: number): string {
  return rng.int(min, max).toLocaleString('id-ID');
}

const PLACES_REGENCY = ['Pendopo Bupati', 'halaman Kantor Bupati', 'Aula Kantor Bupati', 'Gedung Serbaguna Setda', 'Aula BKPSDM'];
const PLACES_CITY = ['halaman Balai Kota', 'Rumah Jabatan Wali Kota', 'Aula Kantor Wali Kota', 'Gedung Serbaguna Setda'];
const PLACES_PROVINCE = ['halaman Kantor Gubernur', 'Aula Rumah Jabatan Gubernur', 'Gedung Serbaguna Setda Provinsi'];

function place(c: Ctx): string {
  const list = c.r.level === 'province' ? PLACES_PROVINCE : c.r.level === 'city' ? PLACES_CITY : PLACES_REGENCY;
  return `${c.rng.pick(list)} ${c.ref}`;
}

/** Neutral quotes from the head: no measure words, only the message. */
const HEAD_QUOTES = [
  'ASN itu pelayan masyarakat, bukan juru kampanye. Siapa pun yang nanti terpilih, pelayanan harus tetap berjalan seperti biasa',
  'Hak politik ASN cukup digunakan di bilik suara. Di luar itu, kita wajib menjaga jarak dari semua kandidat',
  'Jangan sampai ada pegawai yang berfoto dengan pose jari tertentu atau ikut menyukai unggahan calon di media sosial. Hal-hal kecil seperti itu sering menjadi masalah',
  'Saya minta para kepala perangkat daerah, camat dan lurah menjadi contoh bagi jajarannya',
  'Kita ingin pesta demokrasi di daerah ini berjalan damai dan pegawai pemerintah tidak terseret politik praktis',
  'Netralitas bukan sekadar imbauan. Itu kewajiban yang diatur undang-undang dan melekat pada setiap pegawai',
  'Birokrasi harus tetap profesional. Tidak boleh ada pegawai yang menggunakan fasilitas kantor untuk kepentingan kandidat mana pun',
];

const SAY = ['kata', 'ujar', 'tegas', 'ucap', 'tutur'];

function quote(c: Ctx, who: Person, text: string): string {
  return c.rng.pick([
    `"${text}," ${c.rng.pick(SAY)} ${who.call}.`,
    c.gathering ? `"${text}," ${c.rng.pick(SAY)} ${who.call} di hadapan peserta.` : `"${text}," ${c.rng.pick(SAY)} ${who.call} saat ditemui di kantornya.`,
    `"${text}," ${c.rng.pick(['tegasnya', 'ujarnya', 'katanya'])}.`,
  ]);
}

/** Background sentences with no measure and no other region. */
function background(c: Ctx): string {
  const { rng } = c;
  const gatheringOnly = [
    `Kegiatan tersebut juga dihadiri unsur forum koordinasi pimpinan daerah, tokoh agama dan perwakilan organisasi kepemudaan.`,
    `Acara berlangsung tertib dan selesai menjelang siang.`,
  ];
  return rng.pick([
    ...(c.gathering ? gatheringOnly : []),
    `Saat ini tercatat ${n(rng, 2500, 14000)} aparatur sipil negara bekerja di lingkungan ${govName(c, true)}, terdiri atas PNS dan PPPK.`,
    `${c.r.level === 'province' ? 'Provinsi' : 'Daerah'} ini memiliki ${n(rng, 400, 3000)} tempat pemungutan suara yang tersebar di ${rng.int(6, 30)} kecamatan.`,
    `Pada pemilu sebelumnya, sejumlah pegawai di daerah itu sempat berurusan dengan pengawas pemilu karena unggahan di media sosial.`,
    `Pemerintah daerah memastikan pelayanan kepada masyarakat tetap berjalan normal selama tahapan ${c.election}.`,
  ]);
}

function electionBodyRemark(c: Ctx): string {
  const who = person(c.rng, c.used);
  if (!c.gathering) {
    return `Ketua Bawaslu ${c.ref}, ${who.plain}, saat dikonfirmasi mengapresiasi terbitnya aturan tersebut.`;
  }
  return c.rng.pick([
    `Ketua Bawaslu ${c.r.level === 'province' ? 'Provinsi ' + c.r.short : c.r.name}, ${who.plain}, yang hadir dalam kegiatan itu mengapresiasi langkah pemerintah daerah.`,
    `Anggota Bawaslu ${c.ref}, ${who.plain}, menyambut baik langkah tersebut dan berharap komitmen itu dijalankan hingga tahapan selesai.`,
    `Kegiatan tersebut disaksikan Ketua KPU ${c.ref}, ${who.plain}, beserta jajaran penyelenggara pemilu setempat.`,
  ]);
}

type Move = (c: Ctx, h: Head, t: Truth) => string;

interface Truth {
  measures: Set<MeasureType>;
  officials: string[];
  circulars: string[];
}

function addOfficial(t: Truth, p: Person): void {
  if (!t.officials.includes(p.plain)) t.officials.push(p.plain);
}

// ---- leads: the main act, with the event date ----

const LEADS: Record<string, Move> = {
  circular(c, h, t) {
    const num = circularNumber(c, c.rng.pick(UNITS));
    t.circulars.push(num);
    t.measures.add('circular');
    addOfficial(t, h.person);
    return c.rng.pick([
      `${h.posFirst}, ${h.person.formal}, menerbitkan Surat Edaran Nomor ${num} tentang netralitas aparatur sipil negara menjelang ${c.election}. Edaran itu ditandatangani pada ${c.when} dan langsung dikirim ke seluruh perangkat daerah.`,
      `${govName(c, true)} resmi mengeluarkan Surat Edaran Nomor ${num} tentang Netralitas ASN dalam ${c.election}. Surat itu diteken ${h.posFirst} ${h.person.formal} pada ${c.when}.`,
      `${h.posFirst} ${h.person.formal} meneken surat edaran yang mewajibkan seluruh pegawai menjaga netralitas selama ${c.election}, ${c.when}. Surat Edaran Nomor ${num} itu berlaku bagi PNS maupun PPPK.`,
    ]);
  },
  instruction(c, h, t) {
    const num = `${c.rng.int(1, 25)} Tahun ${c.event.y}`;
    t.circulars.push(num);
    t.measures.add('instruction');
    addOfficial(t, h.person);
    return c.rng.pick([
      `${h.posFirst}, ${h.person.formal}, mengeluarkan Instruksi ${c.r.head} Nomor ${num} tentang Netralitas Aparatur Sipil Negara pada ${c.when}. Instruksi itu ditujukan kepada seluruh kepala perangkat daerah, camat dan lurah.`,
      `Menjelang ${c.election}, ${govName(c)} memperketat aturan bagi pegawainya. ${h.posFirst} ${h.person.formal} menandatangani Instruksi ${c.r.head} Nomor ${num} tentang netralitas ASN, ${c.when}.`,
    ]);
  },
  pledge(c, h, t) {
    t.measures.add('pledge');
    addOfficial(t, h.person);
    const count = n(c.rng, 300, 6000);
    return c.rng.pick([
      `Sebanyak ${count} aparatur sipil negara di lingkungan ${govName(c)} mengikuti apel netralitas di ${place(c)}, ${c.when}. Apel dipimpin langsung ${h.posFirst}, ${h.person.formal}.`,
      `${h.posFirst} ${h.person.formal} memimpin ikrar netralitas ASN yang diikuti ribuan pegawai ${govName(c)} di ${place(c)} pada ${c.when}. Para pegawai berjanji tidak memihak dalam ${c.election}.`,
      `${govName(c, true)} menggelar deklarasi netralitas aparatur sipil negara menghadapi ${c.election} di ${place(c)}, ${c.when}. Deklarasi dibacakan di hadapan ${h.posFirst}, ${h.person.formal}, dan diikuti sekitar ${count} pegawai.`,
    ]);
  },
  integrity_pact(c, h, t) {
    t.measures.add('integrity_pact');
    addOfficial(t, h.person);
    return c.rng.pick([
      `Seluruh pejabat eselon II ${govName(c)} menandatangani pakta integritas netralitas ASN di ${place(c)}, ${c.when}. ${h.posFirst}, ${h.person.formal}, meminta komitmen itu tidak berhenti di atas kertas.`,
      `${h.posFirst} ${h.person.formal} mewajibkan kepala perangkat daerah, camat dan lurah meneken pakta integritas netralitas aparatur sipil negara menjelang ${c.election}. Penandatanganan berlangsung di ${place(c)} pada ${c.when}.`,
    ]);
  },
  mou(c, h, t) {
    t.measures.add('mou');
    addOfficial(t, h.person);
    return c.rng.pick([
      `${govName(c, true)} dan Bawaslu setempat menandatangani nota kesepahaman tentang pengawasan netralitas aparatur sipil negara dalam ${c.election}. Nota itu diteken ${h.posFirst}, ${h.person.formal}, di ${place(c)}, ${c.when}.`,
      `${h.posFirst} ${h.person.formal} meneken MoU dengan Bawaslu untuk menjaga netralitas ASN selama ${c.election}, ${c.when}. Kesepakatan itu mengatur pertukaran data dan penanganan aduan tentang pegawai.`,
    ]);
  },
  grant(c, h, t) {
    t.measures.add('grant');
    addOfficial(t, h.person);
    const amount = `Rp${c.rng.int(3, 40)},${c.rng.int(1, 9)} miliar`;
    return c.rng.pick([
      `${govName(c, true)} menyerahkan dana hibah ${amount} untuk pengawasan ${c.election} kepada Bawaslu ${c.ref}, ${c.when}. Dalam kesempatan yang sama, ${h.posFirst} ${h.person.formal} menegaskan seluruh ASN wajib menjaga netralitas.`,
      `${h.posFirst}, ${h.person.formal}, menandatangani naskah perjanjian hibah daerah (NPHD) senilai ${amount} pada ${c.when}. Ia sekaligus mengingatkan bahwa aparatur sipil negara di ${c.ref} harus netral dalam ${c.election}.`,
    ]);
  },
  socialization(c, h, t) {
    t.measures.add('socialization');
    addOfficial(t, h.person);
    return c.rng.pick([
      `${govName(c, true)} menggelar sosialisasi netralitas aparatur sipil negara bagi ${n(c.rng, 200, 900)} pegawai di ${place(c)}, ${c.when}. Kegiatan itu dibuka ${h.posFirst}, ${h.person.formal}.`,
      `${h.posFirst} ${h.person.formal} membuka sosialisasi netralitas ASN menghadapi ${c.election} yang diikuti kepala sekolah, camat dan lurah, ${c.when}.`,
    ]);
  },
  oversight(c, h, t) {
    t.measures.add('oversight');
    addOfficial(t, h.person);
    return c.rng.pick([
      `${govName(c, true)} membentuk satuan tugas netralitas aparatur sipil negara menjelang ${c.election}. Pembentukan satgas diumumkan ${h.posFirst}, ${h.person.formal}, di ${place(c)}, ${c.when}.`,
      `${h.posFirst} ${h.person.formal} membuka posko pengaduan netralitas ASN di kantor Inspektorat ${c.ref} pada ${c.when}. Warga dapat melaporkan pegawai yang terlihat berpihak dalam ${c.election}.`,
    ]);
  },
};

// ---- follow-ups: further acts, each adding one measure ----

const FOLLOW: Record<MeasureType, (c: Ctx, h: Head, t: Truth, staff: Person, unit: string) => string> = {
  circular(c, h, t, staff, unit) {
    const num = circularNumber(c, unit);
    t.circulars.push(num);
    return c.rng.pick([
      `Sebelumnya, ${h.pos} juga telah menerbitkan Surat Edaran Nomor ${num} yang memuat larangan bagi pegawai menghadiri kegiatan kampanye.`,
      `Aturan itu dipertegas lewat Surat Edaran Nomor ${num} yang sudah diterima semua perangkat daerah.`,
    ]);
  },
  instruction(c, h, t) {
    const num = `${c.rng.int(1, 25)} Tahun ${c.event.y}`;
    t.circulars.push(num);
    return `Selain itu, ${h.pos} mengeluarkan Instruksi ${c.r.head} Nomor ${num} yang mewajibkan kepala perangkat daerah melaporkan setiap pelanggaran oleh bawahannya.`;
  },
  integrity_pact(c, h) {
    if (!c.gathering) return `Seluruh camat dan lurah juga diminta meneken pakta integritas sebagai bentuk komitmen menjaga netralitas.`;
    return c.rng.pick([
      `Usai arahan, para kepala perangkat daerah menandatangani pakta integritas netralitas di hadapan ${h.pos}.`,
      `Seluruh camat dan lurah juga diminta meneken pakta integritas sebagai bentuk komitmen menjaga netralitas.`,
    ]);
  },
  pledge(c) {
    if (!c.gathering) return `Pekan depan, seluruh pegawai dijadwalkan mengikuti apel netralitas di halaman kantor masing-masing.`;
    return c.rng.pick([
      `Kegiatan ditutup dengan pembacaan ikrar netralitas yang diikuti seluruh peserta.`,
      `Para pegawai kemudian mengucapkan ikrar untuk tidak memihak kepada peserta ${c.election}.`,
    ]);
  },
  mou(c) {
    return `${govName(c)} juga menandatangani nota kesepahaman dengan Bawaslu ${c.ref} untuk memperkuat penanganan aduan tentang pegawai.`;
  },
  grant(c) {
    return `Pemerintah daerah juga telah menyalurkan dana hibah kepada penyelenggara pemilu di ${c.ref} sesuai kesepakatan.`;
  },
  socialization(c, h, t, staff, unit) {
    addOfficial(t, staff);
    return c.rng.pick([
      `Kepala ${unit} ${c.ref}, ${staff.formal}, menambahkan pihaknya akan menggelar sosialisasi aturan netralitas di setiap kecamatan dalam beberapa pekan ke depan.`,
      `Menurut Kepala ${unit} ${c.ref}, ${staff.formal}, materi netralitas juga disampaikan melalui bimtek bagi pegawai baru dan selebaran di setiap kantor.`,
    ]);
  },
  oversight(c, h, t, staff, unit) {
    addOfficial(t, staff);
    return c.rng.pick([
      `Sekretaris Daerah ${c.ref}, ${staff.formal}, menjelaskan pihaknya membentuk tim pengawas internal yang memantau aktivitas pegawai, termasuk di media sosial.`,
      `Kepala ${unit} ${c.ref}, ${staff.formal}, mengatakan pengawasan terhadap ASN dilakukan bersama Inspektorat hingga ke tingkat kelurahan.`,
    ]);
  },
  sanction(c, h) {
    return c.rng.pick([
      `${h.person.call} menegaskan, pegawai yang terbukti tidak netral akan dijatuhi hukuman disiplin sesuai Peraturan Pemerintah Nomor 94 Tahun 2021.`,
      `Ia mengingatkan, sanksi menanti pegawai yang nekat terlibat kampanye, mulai dari teguran tertulis hingga penundaan kenaikan pangkat.`,
      `${h.person.call} memastikan pegawai yang melanggar akan ditindak tegas tanpa pandang jabatan.`,
    ]);
  },
};

const COMMITMENT_TITLES: Array<(c: Ctx, h: Head, main: string) => string> = [
  (c, h) => `${h.pos} Minta ASN Jaga Netralitas di ${cap(c.election)}`,
  (c) => `${c.r.gov} ${c.ref} Tegaskan ASN Wajib Netral`,
  (c, h, main) =>
    ({
      circular: `${c.r.gov} ${c.ref} Terbitkan SE Netralitas ASN Jelang ${cap(c.election)}`,
      instruction: `${h.pos} Keluarkan Instruksi Netralitas Pegawai`,
      pledge: `Ribuan ASN ${c.ref} Ikrar Netral di ${cap(c.election)}`,
      integrity_pact: `Pejabat ${c.r.gov} ${c.ref} Teken Pakta Integritas Netralitas`,
      mou: `${c.r.gov} ${c.ref} dan Bawaslu Teken MoU Netralitas ASN`,
      grant: `${c.r.gov} ${c.ref} Serahkan Hibah Pengawasan, ASN Diminta Netral`,
      socialization: `${c.r.gov} ${c.ref} Gelar Sosialisasi Netralitas ASN`,
      oversight: `${c.r.gov} ${c.ref} Bentuk Satgas Netralitas ASN`,
    })[main] ?? `${h.pos} Ingatkan ASN Netral`,
  (c) => `Jelang ${cap(c.election)}, ASN ${c.ref} Diingatkan Tidak Berpihak`,
];

function cap(s: string): string {
  return s.replace(/(^|\s)(\p{Ll})/gu, (_, a: string, b: string) => a + b.toUpperCase());
}

/** A story reporting one regional government's ASN-neutrality commitment. */
export function commitmentStory(rng: Rng, r: DemoRegion, event: Day, published: Day): Story {
  const c = ctxFor(rng, r, event, published);
  const h = headOf(c);
  const t: Truth = { measures: new Set(), officials: [], circulars: [] };
  const main = rng.pick(Object.keys(LEADS));
  c.gathering = !['circular', 'instruction'].includes(main);
  const paragraphs = [LEADS[main](c, h, t)];
  const unit = rng.pick(UNITS);
  const staff = person(rng, c.used);
  const extra = rng
    .sample(
      (Object.keys(FOLLOW) as MeasureType[]).filter((m) => m !== main),
      rng.int(1, 3),
    )
    // One staff speaker per story keeps "who said what" plain.
    .filter((m, i, all) => !(m === 'oversight' && all.includes('socialization')));
  const middle: string[] = [quote(c, h.person, rng.pick(HEAD_QUOTES))];
  for (const m of extra) {
    middle.push(FOLLOW[m](c, h, t, staff, unit));
    t.measures.add(m);
  }
  if (rng.chance(0.6)) middle.push(background(c));
  paragraphs.push(...middle);
  if (rng.chance(0.5)) paragraphs.push(electionBodyRemark(c));
  if (rng.chance(0.5)) paragraphs.push(quote(c, h.person, rng.pick(HEAD_QUOTES.filter((q) => !middle[0].includes(q)))));
  // Head of region first, then the others in order of appearance.
  const officials = [h.person.plain, ...t.officials.filter((o) => o !== h.person.plain)];
  return {
    kind: 'commitment',
    topic: main,
    title: rng.pick(COMMITMENT_TITLES)(c, h, main),
    dateline: dateline(r),
    paragraphs,
    caption: rng.pick([
      `${h.pos} memberikan arahan kepada pegawai. (Foto: Humas ${c.r.gov} ${c.ref})`,
      `Suasana kegiatan di ${c.ref}. (Dok. Istimewa)`,
      `Para pegawai ${c.r.gov} ${c.ref} mengikuti kegiatan. (Foto: Diskominfo)`,
    ]),
    tags: ['netralitas ASN', c.election.includes('Pilkada') || c.election.includes('kepala daerah') ? 'Pilkada 2024' : 'Pemilu 2024', c.ref],
    region: r,
    commitments: [
      {
        region_code: r.code,
        officials,
        event_date: iso(event),
        circulars: t.circulars,
        measures: [...t.measures].sort(),
      },
    ],
  };
}

// ---- hard negatives ----

export function hardNegativeStory(rng: Rng, r: DemoRegion, event: Day, published: Day): Story {
  const c = ctxFor(rng, r, event, published);
  const who = person(rng, c.used);
  const other = person(rng, c.used);
  const kind = rng.pick(['bawaslu_appeal', 'violation_report', 'national', 'kpu_logistics']);
  const base = { kind: 'hard_negative' as const, topic: kind, dateline: dateline(r), region: r, commitments: [] };
  const bawaslu = `Bawaslu ${r.level === 'province' ? 'Provinsi ' + r.short : r.name}`;
  if (kind === 'bawaslu_appeal') {
    return {
      ...base,
      title: rng.pick([`Bawaslu ${c.ref} Imbau ASN Tidak Ikut Kampanye`, `Bawaslu Ingatkan Pegawai di ${c.ref} Soal Netralitas`]),
      paragraphs: [
        `Badan Pengawas Pemilu (${bawaslu}) mengimbau seluruh aparatur sipil negara untuk menjaga netralitas selama tahapan ${c.election}.`,
        `Ketua ${bawaslu}, ${who.plain}, mengatakan pihaknya menerima sejumlah informasi tentang pegawai yang aktif membagikan materi kampanye di media sosial. "Kami akan menelusuri setiap informasi yang masuk," katanya, ${c.when}.`,
        `Menurut ${who.call}, jajaran pengawas kecamatan hingga desa diminta lebih jeli. Ia juga meminta warga melapor bila melihat pegawai terlibat kampanye.`,
        `${who.call} menambahkan, Bawaslu akan menyurati pemerintah daerah apabila menemukan indikasi keterlibatan pegawai.`,
      ],
      caption: `Ketua ${bawaslu}. (Foto: Dok. Bawaslu)`,
      tags: ['Bawaslu', c.ref],
    };
  }
  if (kind === 'violation_report') {
    const office = rng.pick(['seorang camat', 'seorang kepala dinas', 'seorang lurah', 'seorang kepala sekolah']);
    return {
      ...base,
      title: rng.pick([`Diduga Tidak Netral, ${cap(office.replace('seorang ', ''))} di ${c.ref} Dilaporkan ke Bawaslu`, `Bawaslu ${c.ref} Kaji Laporan Dugaan Pelanggaran Netralitas`]),
      paragraphs: [
        `${bawaslu} tengah mengkaji laporan dugaan pelanggaran netralitas oleh ${office} yang diduga hadir dalam pertemuan pemenangan salah satu pasangan calon.`,
        `Pelapor menyerahkan foto dan rekaman video kegiatan tersebut. Anggota ${bawaslu}, ${who.plain}, mengatakan pihaknya sudah meminta klarifikasi dari terlapor, ${c.when}.`,
        `"Hasil kajian akan kami teruskan kepada Badan Kepegawaian Negara bila unsur pelanggaran terpenuhi," ujar ${who.call}.`,
        `Terlapor belum memberikan keterangan. Kuasa hukumnya, ${other.plain}, menyebut kliennya hanya menghadiri acara keluarga.`,
      ],
      caption: `Kantor ${bawaslu}. (Foto: Istimewa)`,
      tags: ['Bawaslu', 'pelanggaran', c.ref],
    };
  }
  if (kind === 'national') {
    return {
      ...base,
      title: rng.pick([`KemenPAN-RB: Pelanggaran Netralitas ASN Bisa Berujung Pemecatan`, `BKN Catat Ratusan Aduan Soal Netralitas Pegawai`]),
      paragraphs: [
        `Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi kembali mengingatkan seluruh aparatur sipil negara di Indonesia agar tidak terlibat politik praktis dalam ${c.election}.`,
        `Pejabat kementerian, ${who.plain}, mengatakan aturan netralitas sudah dituangkan dalam Surat Keputusan Bersama lima lembaga. "Aturannya berlaku sama untuk semua pegawai di pusat maupun daerah," ujarnya di Jakarta, ${c.when}.`,
        `Badan Kepegawaian Negara mencatat ratusan aduan sepanjang tahun ini. Sebagian besar berupa unggahan dukungan di media sosial.`,
        `Pemerhati kebijakan publik, ${other.plain}, menilai pengawasan perlu diperkuat karena banyak pelanggaran baru diketahui setelah viral.`,
      ],
      caption: `Ilustrasi pegawai negeri. (Foto: Dok.)`,
      tags: ['ASN', 'nasional'],
    };
  }
  return {
    ...base,
    title: rng.pick([`KPU ${c.ref} Mulai Distribusikan Logistik ke Kecamatan`, `Surat Suara ${cap(c.election)} Tiba di Gudang KPU ${c.ref}`]),
    paragraphs: [
      `Komisi Pemilihan Umum (KPU) ${c.ref} mulai mendistribusikan logistik ${c.election} ke ${rng.int(5, 24)} kecamatan, ${c.when}.`,
      `Ketua KPU ${c.ref}, ${who.plain}, mengatakan pengiriman dikawal aparat keamanan dan dilakukan bertahap sesuai jarak tempuh.`,
      `"Untuk wilayah kepulauan kami kirim lebih dulu karena bergantung pada cuaca," ujarnya.`,
      `Sebanyak ${n(rng, 100, 900)} kotak suara dan bilik suara sudah dirakit oleh petugas di gudang logistik.`,
    ],
    caption: `Petugas memuat kotak suara ke truk. (Foto: Istimewa)`,
    tags: ['KPU', 'logistik', c.ref],
  };
}

// ---- ordinary local news ----

interface NewsTopic {
  key: string;
  title: (c: Ctx) => string;
  body: (c: Ctx, a: Person, b: Person) => string[];
  caption: string;
}

const NEWS: NewsTopic[] = [
  {
    key: 'flood',
    title: (c) => c.rng.pick([`Banjir Rendam Ratusan Rumah di ${c.ref}`, `Hujan Deras, Sejumlah Desa di ${c.ref} Terendam`, `Warga ${c.ref} Mengungsi Akibat Banjir`]),
    body: (c, a) => [
      `Hujan deras yang mengguyur ${c.r.name} sejak ${c.when} malam menyebabkan ${n(c.rng, 80, 900)} rumah terendam air setinggi lutut hingga dada orang dewasa.`,
      `Kepala Pelaksana BPBD ${c.ref}, ${a.formal}, mengatakan petugas gabungan mengevakuasi warga lanjut usia dan anak-anak ke tempat yang lebih tinggi.`,
      `"Kami sudah mendirikan dapur umum dan menyiapkan perahu karet di beberapa titik," ujar ${a.call}.`,
      `Warga diminta tetap waspada karena curah hujan diperkirakan masih tinggi hingga akhir pekan.`,
    ],
    caption: 'Warga melintasi genangan air. (Foto: Istimewa)',
  },
  {
    key: 'landslide',
    title: (c) => `Longsor Tutup Jalan Penghubung Antarkecamatan di ${c.ref}`,
    body: (c, a) => [
      `Tanah longsor menutup badan jalan penghubung dua kecamatan di ${c.r.name} pada ${c.when}. Arus kendaraan sempat lumpuh selama beberapa jam.`,
      `Alat berat milik Dinas PUPR dikerahkan untuk menyingkirkan material tanah dan batang pohon yang menimbun jalan sepanjang ${c.rng.int(20, 80)} meter.`,
      `Kepala Dinas PUPR ${c.ref}, ${a.formal}, memperkirakan jalur tersebut bisa kembali dilalui kendaraan roda empat pada malam hari.`,
    ],
    caption: 'Alat berat membersihkan material longsor. (Foto: Istimewa)',
  },
  {
    key: 'market',
    title: (c) => c.rng.pick([`Harga Cabai di Pasar ${c.ref} Melonjak`, `Jelang Hari Raya, Harga Bawang dan Telur di ${c.ref} Naik`, `Stok Beras di ${c.ref} Dipastikan Aman`]),
    body: (c, a, b) => [
      `Harga cabai rawit di pasar tradisional ${c.ref} menembus Rp${c.rng.int(60, 110)} ribu per kilogram, naik hampir dua kali lipat dibanding bulan lalu.`,
      `Pedagang menyebut pasokan dari daerah penghasil berkurang karena cuaca yang tidak menentu. ${b.plain}, pedagang di los sayur, mengaku omzetnya turun karena pembeli mengurangi belanja.`,
      `Kepala Dinas Perdagangan ${c.ref}, ${a.formal}, mengatakan pemerintah daerah akan menggelar pasar murah di ${c.rng.int(3, 12)} kecamatan.`,
      `"Stok beras dan minyak goreng masih cukup sampai tiga bulan ke depan," kata ${a.call}.`,
    ],
    caption: 'Pedagang cabai di pasar tradisional. (Foto: Istimewa)',
  },
  {
    key: 'road',
    title: (c) => c.rng.pick([`Proyek Jalan Poros ${c.ref} Ditargetkan Rampung Akhir Tahun`, `Warga ${c.ref} Keluhkan Jalan Rusak Bertahun-tahun`]),
    body: (c, a, b) => [
      `Pembangunan jalan poros sepanjang ${c.rng.int(8, 60)} kilometer yang menghubungkan ibu kota ${c.ref} dengan wilayah pedalaman terus dikebut.`,
      `Kepala Dinas PUPR, ${a.formal}, menyebut progres fisik telah mencapai ${c.rng.int(30, 85)} persen. Pengerjaan sempat terhambat hujan pada awal bulan.`,
      `${b.plain}, warga setempat, berharap jalan itu memangkas waktu tempuh ke pasar. "Dulu kami harus berangkat subuh supaya sayur tidak layu," katanya.`,
      `Anggaran proyek bersumber dari dana alokasi khusus dan APBD tahun berjalan.`,
    ],
    caption: 'Pekerja mengaspal ruas jalan. (Foto: Istimewa)',
  },
  {
    key: 'football',
    title: (c) => c.rng.pick([`Tim Sepak Bola ${c.ref} Matangkan Persiapan Porprov`, `Persatuan Sepak Bola ${c.ref} Menang Tipis di Laga Kandang`]),
    body: (c, a) => [
      `Tim sepak bola ${c.ref} menjalani pemusatan latihan di stadion daerah sebagai persiapan pekan olahraga provinsi.`,
      `Pelatih kepala, ${a.plain}, menargetkan timnya lolos dari fase grup. Sebanyak ${c.rng.int(20, 30)} pemain dipanggil, sebagian besar dari klub lokal.`,
      `Latihan difokuskan pada fisik dan penyelesaian akhir. "Kami masih kesulitan mencetak gol dari situasi bola mati," ujar ${a.call}.`,
    ],
    caption: 'Pemain menjalani latihan. (Foto: Istimewa)',
  },
  {
    key: 'festival',
    title: (c) => c.rng.pick([`Festival Budaya ${c.ref} Ramai Dikunjungi Wisatawan`, `Ribuan Warga Padati Karnaval Hari Jadi ${c.ref}`]),
    body: (c, a, b) => [
      `Ribuan warga memadati pusat kota untuk menyaksikan festival budaya tahunan ${c.ref} pada ${c.when}.`,
      `Festival menampilkan tarian adat, lomba perahu hias, serta bazar kuliner khas daerah yang diikuti ${c.rng.int(40, 150)} pelaku usaha kecil.`,
      `Kepala Dinas Pariwisata ${c.ref}, ${a.formal}, mengatakan jumlah pengunjung tahun ini meningkat dibanding tahun lalu.`,
      `${b.plain}, pengunjung dari luar daerah, mengaku sengaja datang untuk melihat pawai budaya. "Kostumnya luar biasa," katanya.`,
    ],
    caption: 'Penari tampil dalam pawai budaya. (Foto: Istimewa)',
  },
  {
    key: 'health',
    title: (c) => c.rng.pick([`Angka Stunting di ${c.ref} Turun`, `Dinkes ${c.ref} Kejar Target Imunisasi Anak`]),
    body: (c, a) => [
      `Dinas Kesehatan ${c.ref} menurunkan tenaga kesehatan ke desa-desa terpencil untuk mengejar target imunisasi dasar lengkap.`,
      `Cakupan imunisasi tahun ini baru mencapai ${c.rng.int(55, 85)} persen, masih di bawah target nasional.`,
      `${a.plain} dari puskesmas setempat mengatakan kendala utama adalah akses jalan dan keraguan sebagian orang tua.`,
      `Posyandu di setiap desa juga diminta mencatat berat dan tinggi badan balita secara rutin setiap bulan.`,
    ],
    caption: 'Petugas kesehatan memeriksa balita. (Foto: Istimewa)',
  },
  {
    key: 'school',
    title: (c) => c.rng.pick([`Puluhan Ruang Kelas di ${c.ref} Rusak Berat`, `Pendaftaran Sekolah di ${c.ref} Dibuka Pekan Depan`]),
    body: (c, a) => [
      `Sebanyak ${c.rng.int(12, 60)} ruang kelas sekolah dasar di ${c.ref} dalam kondisi rusak berat dan membutuhkan perbaikan segera.`,
      `Kepala Dinas Pendidikan ${c.ref}, ${a.formal}, mengatakan perbaikan akan dilakukan bertahap mulai tahun anggaran berikutnya.`,
      `Sementara menunggu perbaikan, sebagian siswa belajar bergantian di ruang guru dan perpustakaan.`,
    ],
    caption: 'Siswa belajar di ruang kelas. (Foto: Istimewa)',
  },
  {
    key: 'harvest',
    title: (c) => c.rng.pick([`Petani ${c.ref} Panen Raya Padi`, `Nelayan ${c.ref} Keluhkan Cuaca Buruk`]),
    body: (c, a, b) => [
      `Petani di sejumlah kecamatan di ${c.ref} mulai panen raya padi dengan hasil rata-rata ${c.rng.int(4, 7)} ton per hektare.`,
      `${b.plain}, ketua kelompok tani, mengatakan harga gabah di tingkat petani cukup baik sehingga petani bisa menabung untuk musim tanam berikutnya.`,
      `Kepala Dinas Pertanian ${c.ref}, ${a.formal}, menyebut luas lahan yang dipanen tahun ini mencapai ${n(c.rng, 1000, 9000)} hektare.`,
    ],
    caption: 'Petani memanen padi. (Foto: Istimewa)',
  },
  {
    key: 'crime',
    title: (c) => c.rng.pick([`Polisi Tangkap Pelaku Pencurian Sepeda Motor di ${c.ref}`, `Pengedar Sabu Diringkus di ${c.ref}`]),
    body: (c, a) => [
      `Satuan Reserse Kriminal Polres ${c.ref} menangkap dua orang yang diduga mencuri sepeda motor di sejumlah lokasi, ${c.when}.`,
      `Kasat Reskrim, AKP ${a.plain}, mengatakan para pelaku beraksi di area parkir pasar dan rumah ibadah.`,
      `Polisi menyita ${c.rng.int(3, 9)} unit sepeda motor dan kunci letter T sebagai barang bukti.`,
    ],
    caption: 'Barang bukti diamankan di Mapolres. (Foto: Istimewa)',
  },
  {
    key: 'fire',
    title: (c) => `Kebakaran Hanguskan Deretan Kios di ${c.ref}`,
    body: (c, a) => [
      `Kebakaran melanda deretan kios di kawasan pasar ${c.ref} pada ${c.when} dini hari. Tidak ada korban jiwa dalam peristiwa itu.`,
      `Kepala Dinas Pemadam Kebakaran ${c.ref}, ${a.formal}, mengatakan ${c.rng.int(3, 8)} unit mobil pemadam dikerahkan untuk menjinakkan api.`,
      `Dugaan sementara, api berasal dari korsleting listrik di salah satu kios pakaian.`,
    ],
    caption: 'Petugas memadamkan api. (Foto: Istimewa)',
  },
  {
    key: 'tourism',
    title: (c) => c.rng.pick([`Pantai di ${c.ref} Jadi Tujuan Favorit Libur Panjang`, `Desa Wisata ${c.ref} Raih Penghargaan`]),
    body: (c, a, b) => [
      `Objek wisata pantai di ${c.ref} dipadati pengunjung selama libur panjang. Pengelola mencatat lebih dari ${n(c.rng, 2000, 15000)} kunjungan dalam tiga hari.`,
      `${b.plain}, pengelola desa wisata, mengatakan warga sekitar ikut menikmati hasilnya dengan membuka warung dan penginapan sederhana.`,
      `Kepala Dinas Pariwisata ${c.ref}, ${a.formal}, berjanji memperbaiki akses jalan dan fasilitas toilet di lokasi wisata.`,
    ],
    caption: 'Pengunjung menikmati suasana pantai. (Foto: Istimewa)',
  },
];

export function newsStory(rng: Rng, r: DemoRegion, event: Day, published: Day): Story {
  const c = ctxFor(rng, r, event, published);
  const topic = rng.pick(NEWS);
  const a = person(rng, c.used);
  const b = person(rng, c.used);
  return {
    kind: 'news',
    topic: topic.key,
    title: topic.title(c),
    dateline: dateline(r),
    paragraphs: topic.body(c, a, b),
    caption: topic.caption,
    tags: [topic.key === 'football' ? 'olahraga' : topic.key, c.ref],
    region: r,
    commitments: [],
  };
}

/** Headlines for tickers, sidebars and "Baca juga" links: name other regions and officials. */
export function chromeHeadline(rng: Rng, r: DemoRegion): string {
  const p = person(rng);
  const ref = shortRef(r);
  return rng.pick([
    `${r.head} ${ref} Resmikan Puskesmas Baru`,
    `Pj ${r.head} ${ref} Teken Pakta Integritas Netralitas ASN`,
    `${r.gov} ${ref} Gelar Apel Netralitas ASN`,
    `DPRD ${ref} Setujui APBD Perubahan`,
    `KPU ${ref} Tetapkan Daftar Pemilih Tetap`,
    `${p.plain} Dilantik Jadi Sekda ${ref}`,
    `Harga Gabah Petani ${ref} Mulai Membaik`,
    `Festival Kuliner ${ref} Kembali Digelar`,
    `Jembatan Gantung di ${ref} Putus, Pelajar Seberangi Sungai`,
    `Bawaslu ${ref} Temukan Baliho di Fasilitas Umum`,
  ]);
}

export { addDays, weekday, MONTHS };
