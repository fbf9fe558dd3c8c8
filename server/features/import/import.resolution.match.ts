/**
 * Weak-match entity resolution, the pure part: blocking keys and name similarity. Persons are only ever compared
 * inside a block (same country and date of birth), so the work per import is bounded by the block sizes, not by
 * the size of the graph. Similarity is Jaro-Winkler on names folded to ASCII lower case, with tokens both in
 * their order and sorted (so "Harlow, John" meets "John Harlow").
 */
import { createHash } from 'node:crypto';

export interface MatchSubject {
  uid: string;
  name: string | null;
  country: string | null;
  birthDate: string | null;
}
export interface ProposedPair {
  id: string;
  a: string;
  b: string;
  score: number;
  reason: string;
}

/** Names at or above this similarity (0..1) in the same block are proposed. */
export const NAME_THRESHOLD = 0.9;

export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Country + date of birth: both must be known, a country alone would put half a country in one block. */
export function blockKey(s: MatchSubject): string | null {
  if (!s.country || !s.birthDate || !s.name || !normaliseName(s.name)) return null;
  return `person|${s.country.toUpperCase()}|${s.birthDate.slice(0, 10)}`;
}

export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length ? 1 : 0;
  if (!a.length || !b.length) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aHit = new Array<boolean>(a.length).fill(false);
  const bHit = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - window); j < Math.min(b.length, i + window + 1); j++) {
      if (bHit[j] || a[i] !== b[j]) continue;
      aHit[i] = bHit[j] = true;
      matches++;
      break;
    }
  }
  if (!matches) return 0;
  let t = 0;
  for (let i = 0, j = 0; i < a.length; i++) {
    if (!aHit[i]) continue;
    while (!bHit[j]) j++;
    if (a[i] !== b[j]) t++;
    j++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < Math.min(a.length, b.length) && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

export function nameSimilarity(x: string, y: string): number {
  const a = normaliseName(x);
  const b = normaliseName(y);
  const sorted = (s: string) => s.split(' ').sort().join(' ');
  return Math.max(jaroWinkler(a, b), jaroWinkler(sorted(a), sorted(b)));
}

export function pairId(a: string, b: string): string {
  const [x, y] = a < b ? [a, b] : [b, a];
  return `dup-${createHash('sha256').update(`${x}\u0000${y}`).digest('hex').slice(0, 20)}`;
}

export function pair(a: string, b: string, score: number, reason: string): ProposedPair {
  const [x, y] = a < b ? [a, b] : [b, a];
  return { id: pairId(x, y), a: x, b: y, score: Math.round(score * 1000) / 1000, reason };
}

/** Pairs of the import's subjects with the other members of their blocks whose names are similar enough. */
export function namePairs(subjects: MatchSubject[], members: Map<string, { uid: string; name: string | null }[]>): ProposedPair[] {
  const out = new Map<string, ProposedPair>();
  for (const s of subjects) {
    const block = blockKey(s);
    if (!block || !s.name) continue;
    for (const other of members.get(block) ?? []) {
      if (other.uid === s.uid || !other.name) continue;
      const score = nameSimilarity(s.name, other.name);
      if (score < NAME_THRESHOLD) continue;
      const [, country, dob] = block.split('|');
      const p = pair(s.uid, other.uid, score, `similar names ("${s.name}" / "${other.name}", ${Math.round(score * 100)}% alike), both ${country}, born ${dob}`);
      out.set(p.id, p);
    }
  }
  return [...out.values()];
}
