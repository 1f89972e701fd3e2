/**
 * Officials of one region resolved to persons: each spelling gets the key of the person it names.
 */
import { officialKey, samePerson } from './officials.js';

export interface KnownPerson {
  key: string;
  /** A spelling of the person's name (the display name). */
  name: string;
}

/**
 * The persons of one region, growing as names are resolved. A name resolves to its own key (`officialKey`) when a
 * person has it; else to the one person it loosely matches (`samePerson`), when exactly one does; else it becomes
 * a new person. Known persons are consulted in key order, so the result depends only on which persons are known
 * and in which order new names are resolved (the grouping code resolves them in canonical member order).
 */
export class PersonDirectory {
  private readonly persons: KnownPerson[] = [];
  private readonly keys = new Set<string>();
  /** Keys already resolved to another person's key. */
  private readonly redirects = new Map<string, string>();

  constructor(known: Iterable<KnownPerson> = []) {
    for (const p of [...known].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) this.add(p);
  }

  private add(p: KnownPerson): void {
    if (this.keys.has(p.key)) return;
    this.keys.add(p.key);
    this.persons.push(p);
  }

  /** The person key of a name, or null when the name has no letters. */
  resolve(name: string): string | null {
    const key = officialKey(name);
    if (key === '') return null;
    if (this.keys.has(key)) return key;
    const seen = this.redirects.get(key);
    if (seen !== undefined) return seen;
    const matches = new Set(this.persons.filter((p) => samePerson(name, p.name)).map((p) => p.key));
    if (matches.size === 1) {
      const [match] = matches;
      this.redirects.set(key, match);
      return match;
    }
    this.add({ key, name });
    return key;
  }
}
