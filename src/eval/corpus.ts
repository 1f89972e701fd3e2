import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, basename } from 'node:path';

/** One gold commitment as labelled in the corpus (see ../shared/corpus/README.md). */
export interface GoldCommitment {
  region_code: string;
  region_name?: string;
  /** Each person as a list of acceptable spellings. */
  officials: string[][];
  event_date: string | null;
  circulars: string[];
  measures: string[];
}

export interface GoldRecord {
  id: string;
  url?: string;
  title?: string;
  relevant: boolean;
  commitments: GoldCommitment[];
  notes?: string;
}

/** A labelled article: its raw text file and gold record. */
export interface CorpusCase {
  id: string;
  /** Folder the case came from. */
  dir: string;
  text: string;
  gold: GoldRecord;
}

/**
 * Loads every `ID.txt` + `ID.json` pair in a corpus folder, sorted by id. Throws with the folder and the reason
 * when the folder is missing or a gold file is malformed.
 */
export function loadCorpus(dir: string): CorpusCase[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new Error(`corpus folder ${dir}: not a directory`);
  }
  const cases: CorpusCase[] = [];
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.json')) continue;
    const id = basename(file, '.json');
    const txt = join(dir, `${id}.txt`);
    if (!existsSync(txt)) continue;
    let gold: GoldRecord;
    try {
      gold = JSON.parse(readFileSync(join(dir, file), 'utf8')) as GoldRecord;
    } catch (err) {
      throw new Error(`corpus file ${join(dir, file)}: invalid JSON (${(err as Error).message})`);
    }
    if (typeof gold.relevant !== 'boolean' || !Array.isArray(gold.commitments)) {
      throw new Error(`corpus file ${join(dir, file)}: missing "relevant" or "commitments"`);
    }
    cases.push({ id: gold.id ?? id, dir, text: readFileSync(txt, 'utf8'), gold });
  }
  if (cases.length === 0) throw new Error(`corpus folder ${dir}: no ID.txt + ID.json pairs`);
  return cases;
}
