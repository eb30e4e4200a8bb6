/**
 * An in-memory search index over a whole code list (33,000 ICD codes), built once per list version.
 * SQLite answers a code or initials prefix with an index seek, but a name substring (肺炎 anywhere
 * in the name) would be a scan of every row on every keystroke; here a map from each character pair
 * to the names holding it narrows the scan to a few hundred names. Pure, so it runs in any process.
 *
 * Ranking, as a doctor expects: the exact code, then codes starting with the query, then names whose
 * pinyin initials start with it, then names containing it (names starting with it first, then
 * shorter names). Within a tier, shorter codes first, then code order.
 */

export interface IndexedEntry {
  readonly code: string;
  readonly name: string;
  /** Pinyin initials, lower case (search-initials.ts). */
  readonly initials: string;
}

export type MatchKind = 'code' | 'code_prefix' | 'initials' | 'name';
const TIER: Readonly<Record<MatchKind, number>> = { code: 0, code_prefix: 1, initials: 2, name: 3 };

export interface IndexHit<T extends IndexedEntry> {
  readonly entry: T;
  readonly matchedBy: MatchKind;
}

/** The first index in sorted `keys` not below `prefix`. */
function lowerBound(keys: ReadonlyArray<string>, prefix: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Characters by code point, so 𬌗 (outside the BMP) is one character, not two halves. */
const characters = (text: string): string[] => Array.from(text);

function push(map: Map<string, number[]>, key: string, position: number): void {
  const list = map.get(key);
  if (list) list.push(position);
  else map.set(key, [position]);
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export class DictionaryIndex<T extends IndexedEntry> {
  /** Shortest names first (then by code), so a scan in this order meets the closest matches first. */
  private readonly entries: T[];
  private readonly byCode: T[];
  private readonly codeKeys: string[];
  private readonly byInitials: T[];
  private readonly initialsKeys: string[];
  /** Positions (into `entries`) of the names holding a character pair; single characters under their own key. */
  private readonly grams = new Map<string, number[]>();
  /** Positions of the names starting with a character, and with a character pair. */
  private readonly heads = new Map<string, number[]>();

  constructor(entries: ReadonlyArray<T>) {
    this.entries = [...entries].sort((a, b) => a.name.length - b.name.length || byText(a.code, b.code));
    this.byCode = [...entries].sort((a, b) => byText(a.code.toUpperCase(), b.code.toUpperCase()));
    this.codeKeys = this.byCode.map((e) => e.code.toUpperCase());
    // Exact initials first, then longer ones; among equal initials the shorter name.
    this.byInitials = this.entries.filter((e) => e.initials !== '').sort((a, b) => byText(a.initials, b.initials) || a.name.length - b.name.length);
    this.initialsKeys = this.byInitials.map((e) => e.initials);
    this.entries.forEach((entry, position) => {
      const chars = characters(entry.name);
      const seen = new Set<string>();
      for (let i = 0; i < chars.length; i += 1) {
        seen.add(chars[i]);
        if (i + 1 < chars.length) seen.add(chars[i] + chars[i + 1]);
      }
      for (const gram of seen) push(this.grams, gram, position);
      if (chars.length > 0) push(this.heads, chars[0], position);
      if (chars.length > 1) push(this.heads, chars[0] + chars[1], position);
    });
  }

  get size(): number {
    return this.entries.length;
  }

  all(): ReadonlyArray<T> {
    return this.entries;
  }

  /** Up to `limit` entries for what was typed: a code, pinyin initials or part of a name. */
  search(query: string, limit: number, normalizeCode: (text: string) => string = (t) => t.toUpperCase()): Array<IndexHit<T>> {
    const text = query.trim();
    if (text === '' || limit <= 0) return [];
    const hits = new Map<T, MatchKind>();
    const add = (entry: T, kind: MatchKind) => {
      const had = hits.get(entry);
      if (had === undefined || TIER[kind] < TIER[had]) hits.set(entry, kind);
    };
    if (/^[A-Za-z\uFF21-\uFF3A\uFF41-\uFF5A][0-9\uFF10-\uFF19]/.test(text) || /^[A-Za-z]$/.test(text)) this.codePrefix(normalizeCode(text), limit, add);
    else this.codePrefix(normalizeCode(text), 1, (entry, kind) => kind === 'code' && add(entry, kind));
    if (/^[A-Za-z0-9]+$/.test(text)) this.initialsPrefix(text.toLowerCase(), limit, add);
    if (/[^\x00-\x7F]/.test(text) || hits.size < limit) this.nameSubstring(text, limit, add);
    return this.rank(hits, limit);
  }

  private codePrefix(code: string, limit: number, add: (e: T, k: MatchKind) => void): void {
    const key = code.toUpperCase();
    const start = lowerBound(this.codeKeys, key);
    for (let i = start; i < this.codeKeys.length && i < start + limit && this.codeKeys[i].startsWith(key); i += 1) {
      add(this.byCode[i], this.codeKeys[i] === key ? 'code' : 'code_prefix');
    }
  }

  private initialsPrefix(initials: string, limit: number, add: (e: T, k: MatchKind) => void): void {
    const start = lowerBound(this.initialsKeys, initials);
    for (let i = start; i < this.initialsKeys.length && i < start + limit && this.initialsKeys[i].startsWith(initials); i += 1) {
      add(this.byInitials[i], 'initials');
    }
  }

  /**
   * Names holding the text: those starting with it first, then the rest, each shortest first (the
   * order of `entries`). Both scans stop at `limit` names.
   */
  private nameSubstring(text: string, limit: number, add: (e: T, k: MatchKind) => void): void {
    const chars = characters(text);
    let narrowest: number[] | undefined;
    if (chars.length === 1) narrowest = this.grams.get(chars[0]);
    else {
      for (let i = 0; i + 1 < chars.length; i += 1) {
        const list = this.grams.get(chars[i] + chars[i + 1]);
        if (!list) return;
        if (!narrowest || list.length < narrowest.length) narrowest = list;
      }
    }
    if (!narrowest) return;
    let found = 0;
    for (const position of this.heads.get(chars.slice(0, 2).join('')) ?? []) {
      if (found >= limit) return;
      const entry = this.entries[position];
      if (entry.name.startsWith(text)) {
        add(entry, 'name');
        found += 1;
      }
    }
    for (const position of narrowest) {
      if (found >= limit) return;
      const entry = this.entries[position];
      if (!entry.name.startsWith(text) && entry.name.includes(text)) {
        add(entry, 'name');
        found += 1;
      }
    }
  }

  /** By tier; within a tier the order each search gave (a stable sort). */
  private rank(hits: Map<T, MatchKind>, limit: number): Array<IndexHit<T>> {
    return [...hits]
      .map(([entry, matchedBy]) => ({ entry, matchedBy }))
      .sort((a, b) => TIER[a.matchedBy] - TIER[b.matchedBy])
      .slice(0, limit);
  }
}
