/**
 * Members into events: the connected groups of the link rules (./rules.ts). Computed with union-find, comparing
 * only members that can link — those sharing a circular key, and those dated within the window of each other (a
 * sweep over the members sorted by date) — so a region of thousands of commitments is grouped in milliseconds.
 */
import { compareMembers } from './order.js';
import { WINDOW_DAYS, linkBetween, linkFeatures } from './rules.js';
import type { GroupMember } from './types.js';

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root];
    while (this.parent[i] !== root) [this.parent[i], i] = [root, this.parent[i]];
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/**
 * The events the members form: groups of members in canonical order, the groups ordered by their first member.
 * Deterministic: the same members in any order give the same groups.
 */
export function connectedGroups(members: readonly GroupMember[]): GroupMember[][] {
  const sorted = [...members].sort(compareMembers);
  const features = sorted.map(linkFeatures);
  const uf = new UnionFind(sorted.length);

  const byCircular = new Map<string, number>();
  features.forEach((f, i) => {
    for (const k of f.circularKeys) {
      const key = `${f.region}\u0000${k}`;
      const first = byCircular.get(key);
      if (first === undefined) byCircular.set(key, i);
      else uf.union(first, i);
    }
  });

  const dated = features.map((f, i) => i).filter((i) => features[i].day !== null);
  dated.sort((a, b) => features[a].day! - features[b].day! || a - b);
  for (let x = 0; x < dated.length; x++) {
    const i = dated[x];
    for (let y = x + 1; y < dated.length && features[dated[y]].day! - features[i].day! <= WINDOW_DAYS; y++) {
      const j = dated[y];
      if (uf.find(i) !== uf.find(j) && linkBetween(features[i], features[j])) uf.union(i, j);
    }
  }

  const groups = new Map<number, GroupMember[]>();
  sorted.forEach((m, i) => {
    const root = uf.find(i);
    const g = groups.get(root);
    if (g) g.push(m);
    else groups.set(root, [m]);
  });
  // Roots are the smallest index of their group (union keeps the smaller), so sorting by root orders the
  // groups by their first member.
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => g);
}
