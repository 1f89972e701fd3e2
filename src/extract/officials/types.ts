/** Who a person is, as far as the position phrase tells. */
export type PersonRole =
  | 'head'
  | 'deputy_head'
  | 'secretary'
  | 'regional_official'
  | 'election_body'
  | 'security'
  | 'national'
  | 'legislature'
  | 'candidate'
  | 'other';

export type ActingKind = 'pj' | 'pjs' | 'plt';

/** How a mention was found. */
export type MentionSource =
  /** "Pj Bupati Kayong Utara Romi Wijaya", "Ketua Bawaslu Kendari, Sahinuddin" */
  | 'position'
  /** "Romi Wijaya, Pj Bupati Kayong Utara,", "Romi selaku Sekda", "Romi yang juga Kepala Dinas ..." */
  | 'apposition'
  /** "... ," kata Romi Wijaya. */
  | 'speech'
  /** A later bare mention ("Romi menegaskan", "Menurut Romi") of a person introduced elsewhere in the text. */
  | 'reference';

/** One mention of a person in a text. */
export interface PersonMention {
  /**
   * Canonical cleaned name of the person (no titles, degrees or ranks): the fullest form under which the person
   * appears in the text, shared by every mention of the same person.
   */
  name: string;
  /** The cleaned name as written at this mention (`M Arief` where `name` is `Mohamad Arief Irwanto`). */
  surface: string;
  /** Offsets of the cleaned name as written here: `text.slice(nameStart, nameEnd)` is `surface` (modulo whitespace). */
  nameStart: number;
  nameEnd: number;
  /** Normalised position with its acting prefix and without the place: `Pj Bupati`, `Kepala BKPSDM`, `Ketua Bawaslu`. */
  position: string | null;
  /** Span of the position phrase including the place; the name span when the mention has no position of its own. */
  positionStart: number;
  positionEnd: number;
  /** The place phrase after the position as written: `Kayong Utara`, `Kota Kendari`, `Sulsel`. */
  place: string | null;
  role: PersonRole;
  acting: ActingKind | null;
  /** How this mention was found. */
  source: MentionSource;
  /**
   * True when `position`, `role`, `acting` and `place` were not written at this mention but carried over from
   * another mention of the same person (a bare "kata Romi" after "Pj Bupati Kayong Utara Romi Wijaya").
   */
  inherited: boolean;
}

export interface FindPersonOptions {
  /**
   * Whether a phrase names a region ("Sinjai", "Kayong Utara", "Kota Kendari", "Kabupaten Buru", "Sulsel").
   * Used to split "Bupati Sinjai Andi Seto" into place and name: the longest accepted prefix of the capitalised
   * run after the position is the place. Without it a heuristic guesses the split.
   */
  isPlace?: (phrase: string) => boolean;
  /** Resolve later mentions to earlier persons and give them one canonical name (default true). */
  resolve?: boolean;
  /** Ignore "Baca juga: ..." / "Simak juga" link lines, which name other articles' people (default true). */
  skipRelatedLinks?: boolean;
}
