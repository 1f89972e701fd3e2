/**
 * The gazetteer of Indonesian provinces (38) and regencies / cities (514) from idn-area-data (Kemendagri codes),
 * with the names, abbreviations and variants news uses for them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { RegionLevel, RegionRef } from '../../types/record.js';
import { CUE_ONLY, DEFAULT_CODES, EXTRA_ALIASES, WORDLIKE } from './aliases.js';
import { CUE_PHRASES, LEVEL_WORDS, MAX_CUE_WORDS, MAX_LEVEL_WORDS } from './cues.js';
import { nameKey, titleCase, words } from './normalize.js';

export interface LookupHint {
  /** Prefer candidates of this level (ignored when no candidate has it). */
  level?: RegionLevel;
  /** Prefer candidates in this province (ignored when no candidate is in it). */
  provinceCode?: string;
}

export interface Gazetteer {
  byCode(code: string): RegionRef | undefined;
  /** All 552 regions: provinces first, then regencies and cities, in code order. */
  all(): RegionRef[];
  provinces(): RegionRef[];
  /** The regencies and cities of a province. */
  regionsOf(provinceCode: string): RegionRef[];
  /**
   * Candidates for a free-text name: official names with or without their level word ("Kabupaten Sinjai",
   * "Sinjai", "KOTA KENDARI"), abbreviations ("Kukar", "Sultra", "KBB"), variants ("Bau-Bau", "Toli Toli"),
   * and cue phrases ("Pemkab Bekasi", "Wali Kota Bekasi"). The level word or cue, or `hint.level`, picks among
   * a Kabupaten and a Kota of the same name; without one, all readings are returned. Empty when unknown.
   */
  lookup(name: string, hint?: LookupHint): RegionRef[];
}

/** How freely a name may be matched without a cue. */
export type AliasMode = 'bare' | 'wordlike' | 'cue';

/** One name key and what it can refer to. */
export interface AliasEntry {
  key: string;
  /** Every region the name can denote, in code order. */
  codes: string[];
  /** The reading(s) to use when nothing selects a level (defaults to `codes`). */
  defaults?: string[];
  mode: AliasMode;
  /** Written in capitals (NTT, OKU Timur): a bare mention must be in capitals too. */
  acronym: boolean;
}

function dataDir(): string {
  const req = createRequire(import.meta.url);
  return join(dirname(req.resolve('idn-area-data/package.json')), 'data');
}

function readCsv(path: string): string[][] {
  const rows: string[][] = [];
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    rows.push(line.split(',').map((c) => c.trim().replace(/^"|"$/g, '')));
  }
  return rows;
}

const LEVEL_PREFIXES: Array<[RegExp, RegionLevel]> = [
  [/^Kabupaten Administrasi /, 'regency'],
  [/^Kabupaten /, 'regency'],
  [/^Kota Administrasi /, 'city'],
  [/^Kota /, 'city'],
];

function isAcronym(alias: string): boolean {
  const first = words(alias)[0] ?? '';
  return first.length >= 2 && /^[A-Z]+$/.test(first);
}

function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export class GazetteerImpl implements Gazetteer {
  private readonly regions: RegionRef[] = [];
  private readonly codeIndex = new Map<string, RegionRef>();
  private readonly entries = new Map<string, AliasEntry>();
  /** Every prefix of every key, to stop extending a match early. */
  private readonly prefixes = new Set<string>();
  /** Core names (official name without the level word), by code. */
  private readonly cores = new Map<string, string>();

  constructor() {
    const dir = dataDir();
    const provinces = readCsv(join(dir, 'provinces.csv'));
    const regencies = readCsv(join(dir, 'regencies.csv'));
    const provName = new Map<string, string>();
    for (const [code, name] of provinces) {
      const title = titleCase(name);
      provName.set(code, title);
      this.add({ code, name: title, level: 'province', province: { code, name: title } }, title);
    }
    for (const [code, provinceCode, name] of regencies) {
      const title = titleCase(name);
      let level: RegionLevel = 'regency';
      let core = title;
      for (const [re, lv] of LEVEL_PREFIXES) {
        if (re.test(title)) {
          level = lv;
          core = title.replace(re, '');
          break;
        }
      }
      const pname = provName.get(provinceCode) ?? '';
      this.add({ code, name: title, level, province: { code: provinceCode, name: pname } }, core);
    }
    const rank = (r: RegionRef) => (r.level === 'province' ? 0 : 1);
    this.regions.sort((a, b) => rank(a) - rank(b) || compareCodes(a.code, b.code));

    // Names from the official list.
    const sources = new Map<string, { codes: Set<string>; acronym: boolean }>();
    const addAlias = (alias: string, code: string) => {
      const key = nameKey(alias);
      if (!key) return;
      let s = sources.get(key);
      if (!s) {
        s = { codes: new Set(), acronym: true };
        sources.set(key, s);
      }
      s.codes.add(code);
      s.acronym = s.acronym && isAcronym(alias);
    };
    for (const [code, core] of this.cores) {
      addAlias(core, code);
      const kep = /^(Kepulauan|Pulau) (.+)$/.exec(core);
      if (kep && code.length > 2) {
        if (kep[2] !== 'Seribu') addAlias(kep[2], code);
        if (kep[1] === 'Kepulauan') addAlias(`Kep ${kep[2]}`, code);
      }
    }
    for (const [code, aliases] of Object.entries(EXTRA_ALIASES)) {
      if (!this.codeIndex.has(code)) throw new Error(`region alias table: unknown code ${code}`);
      for (const a of aliases) addAlias(a, code);
    }
    for (const [key, s] of sources) {
      const codes = [...s.codes].sort(compareCodes);
      const mode: AliasMode = CUE_ONLY.has(key) ? 'cue' : WORDLIKE.has(key) ? 'wordlike' : 'bare';
      const entry: AliasEntry = { key, codes, mode, acronym: s.acronym };
      if (DEFAULT_CODES[key]) entry.defaults = DEFAULT_CODES[key];
      this.entries.set(key, entry);
      for (let i = 1; i <= key.length; i++) this.prefixes.add(key.slice(0, i));
    }
  }

  private add(ref: RegionRef, core: string): void {
    this.regions.push(ref);
    this.codeIndex.set(ref.code, ref);
    this.cores.set(ref.code, core);
  }

  byCode(code: string): RegionRef | undefined {
    return this.codeIndex.get(code.trim());
  }

  all(): RegionRef[] {
    return this.regions.slice();
  }

  provinces(): RegionRef[] {
    return this.regions.filter((r) => r.level === 'province');
  }

  regionsOf(provinceCode: string): RegionRef[] {
    return this.regions.filter((r) => r.level !== 'province' && r.province.code === provinceCode);
  }

  /** The official name without its level word: `Kutai Kartanegara` for 64.02, `Jakarta Utara` for 31.72. */
  coreName(code: string): string | undefined {
    return this.cores.get(code);
  }

  /** @internal The entry for a name key. */
  entry(key: string): AliasEntry | undefined {
    return this.entries.get(key);
  }

  /** @internal Whether some name key starts with `prefix`. */
  hasPrefix(prefix: string): boolean {
    return this.prefixes.has(prefix);
  }

  /** @internal All name entries (for tests and diagnostics). */
  allEntries(): AliasEntry[] {
    return [...this.entries.values()];
  }

  /** Resolve an entry to regions, narrowing by level / province when that leaves something. */
  resolve(entry: AliasEntry, level?: RegionLevel, provinceCode?: string): RegionRef[] {
    let codes = entry.defaults ?? entry.codes;
    if (level) {
      const byLevel = entry.codes.filter((c) => this.codeIndex.get(c)?.level === level);
      if (byLevel.length) codes = byLevel;
    }
    if (provinceCode) {
      const byProv = entry.codes.filter((c) => this.codeIndex.get(c)?.province.code === provinceCode);
      const inBoth = byProv.filter((c) => codes.includes(c));
      if (inBoth.length) codes = inBoth;
      else if (byProv.length) codes = byProv;
    }
    return codes.map((c) => this.codeIndex.get(c)!).filter(Boolean);
  }

  lookup(name: string, hint: LookupHint = {}): RegionRef[] {
    const ws = words(name).map((w) => w.toLowerCase());
    if (!ws.length) return [];
    // Try "<cue> [<level word>] <name>", then "<level word> <name>", then the whole text as a name.
    for (let n = Math.min(MAX_CUE_WORDS, ws.length - 1); n >= 1; n--) {
      const cue = CUE_PHRASES[ws.slice(0, n).join(' ')];
      if (!cue) continue;
      let rest = ws.slice(n);
      let level = cue.level;
      for (let m = Math.min(MAX_LEVEL_WORDS, rest.length - 1); m >= 1; m--) {
        const lw = LEVEL_WORDS[rest.slice(0, m).join(' ')];
        if (lw && cue.cue !== 'explicit') {
          const e = this.entries.get(rest.slice(m).join(''));
          if (e) {
            rest = rest.slice(m);
            level = lw;
          }
          break;
        }
      }
      const e = this.entries.get(rest.join(''));
      if (e) return this.resolve(e, hint.level ?? level, hint.provinceCode);
    }
    const e = this.entries.get(ws.join(''));
    return e ? this.resolve(e, hint.level, hint.provinceCode) : [];
  }
}

let instance: GazetteerImpl | undefined;

/** The gazetteer, built on first use from idn-area-data. */
export function getGazetteer(): GazetteerImpl {
  instance ??= new GazetteerImpl();
  return instance;
}
