/** Word lists shared by the commitment rules. Kept in one place so the rules read as logic. */

/** Neutrality of civil servants. */
export const NEUTRALITY = /\bnetral(?:itas)?\b|\bketidaknetralan\b|\bpolitik\s+praktis\b/i;

/** Civil servants. */
export const CIVIL_SERVANTS = /\b(?:asn|pns|pppk|aparatur\s+sipil\s+negara|aparatur\s+negara|pegawai(?:\s+negeri)?|aparatur|birokra\w*|honorer|tenaga\s+kontrak)\b/i;

/** Elections. */
export const ELECTION = /\b(?:pemilu\w*|pilkada|pemilihan(?:\s+umum|\s+kepala\s+daerah|\s+gubernur|\s+bupati|\s+wali\s*kota|\s+presiden|\s+legislatif)?|pilpres|pileg|pilgub|pilbup|pilwali|pilwalkot|pesta\s+demokrasi|tahun\s+politik|kampanye)\b/i;

/** Verbs of saying, committing and appealing, which make the subject the speaker of the sentence. */
export const SPEECH =
  /\b(?:mengatakan|menyampaikan|menegaskan|mengungkapkan|menjelaskan|mengimbau|menghimbau|meminta|mengingatkan|berharap|menuturkan|menekankan|menyebutkan|mengajak|menginstruksikan|memerintahkan|berkomitmen|bertekad|menyatakan|mengaku|menambahkan|memastikan|melarang|menerbitkan|mengeluarkan|memimpin|membacakan|menandatangani|membuka|kata|ujar|ucap|tegas|jelas|ungkap|tutur|imbuh|pungkas|papar|tandas|terang|katanya|ujarnya|tegasnya|jelasnya|ungkapnya|tuturnya|imbuhnya|pungkasnya|paparnya|tandasnya|harapnya|pintanya|sebutnya|himbau|imbau|ucapnya|dipimpin|dibacakan|diwakili|mewakili|selaku)\b/i;

/** Words after which the persons named attend or witness rather than act. */
export const WITNESS = /\b(?:disaksikan|dihadiri|turut\s+hadir|didampingi|bersama\s+dengan|hadir\s+pula|tampak\s+hadir|serta\s+dihadiri|menyaksikan)\b/i;

/** Bodies that are not regional governments: what they do or ask is not the region's commitment. */
export const OTHER_BODY =
  /\b(?:bawaslu|panwaslu|panwascam|kpu|kpud|dkpp|kasn|bkn|kemendagri|kemenpan\w*|menpan\w*|mendagri|kementerian|polres|polda|polri|kapolres|kapolda|kodim|dandim|tni|kejari|kejaksaan|pengadilan|ombudsman|dprd|partai|rutan|lapas|kemenkumham)\b/i;

/** Verbs by which another body addresses the region (the region is the object). */
export const ADDRESSING = /\b(?:meminta|mengimbau|menghimbau|mengingatkan|menyurati|merekomendasikan|mendesak|menegur|melaporkan|memanggil|memeriksa|menyampaikan\s+surat|mengirimkan\s+surat)\b/i;

/** Violation-report vocabulary. */
export const VIOLATION =
  /\b(?:dugaan|diduga|pelanggaran|melanggar|dilaporkan|laporan|temuan|terbukti|terlapor|pelapor|klarifikasi|rekomendasi|diperiksa|kasus)\b/i;

/** Pronouns and phrases continuing the previous speaker. */
export const CONTINUATION = /^(?:["“]|ia\b|dia\b|beliau\b|pihaknya\b|kami\b|menurutnya\b|menurut\s+(?:dia|beliau)\b|lebih\s+lanjut\b|selain\s+itu\b|dirinya\b|orang\s+nomor\s+satu\b|ditambahkan\b|dalam\s+kesempatan\b|sementara\b)/i;

/** A sentence reporting a suspected or found violation by the region's own official. */
export const VIOLATION_REPORT = /\b(?:dugaan|diduga|dilaporkan|terlapor|tersangka|langgar)\b/i;

/** Words right before a person who leads or reads the act. */
export const LEADS =
  /\b(?:dipimpin|dipandu|dibacakan|diucapkan|diikrarkan|dibuka|disampaikan)\s+(?:langsung\s+)?(?:oleh\s+)?$/i;

/** Between an official and the person standing in for them: "Pjs Bupati X diwakili Inspektur Y". */
export const REPRESENTED_BY = /^\s*,?\s*(?:yang\s+)?(?:diwakili|melalui)\s+(?:oleh\s+)?$/i;

/** A line that is a link to another article ("Baca juga: ..."), not part of this one. */
export const RELATED_LINK = /^(?:baca\s+juga|baca|lihat\s+juga|simak\s+juga|berita\s+terkait|artikel\s+terkait)\s*:/i;

/** Words marking a former office holder. */
export const FORMER = /\b(?:mantan|eks|menggantikan|sebelumnya|dijabat\s+oleh|digantikan)\b[^.]{0,60}$/i;
