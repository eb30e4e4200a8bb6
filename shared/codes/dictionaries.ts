/**
 * Small national code tables used on the patient form. Each parser takes the CSV text from
 * shared/data and returns the rows in file order; `codeMap` turns any of them into a lookup.
 */
import { parseCsvRecords } from './csv';

export interface CodeEntry {
  readonly code: string;
  readonly name: string;
}

/** GB/T 3304-1991 中国各民族名称的罗马字母拼写法和代码: numeric code 01–56 and two-letter code. */
export interface Ethnicity extends CodeEntry {
  readonly alphaCode: string;
}

/** GB/T 4761-2008 家庭关系代码. `parentCode` is the group (10 配偶, 20 子 …), null for groups and 01/02/99. */
export interface Relationship extends CodeEntry {
  readonly parentCode: string | null;
}

export function parseEthnicities(text: string): Ethnicity[] {
  return parseCsvRecords(text, ['code', 'alpha_code', 'name_zh'], 'ethnicity_gb3304.csv').map((r) => ({
    code: r.code,
    alphaCode: r.alpha_code,
    name: r.name_zh,
  }));
}

/**
 * gb2261.csv holds two tables: GB/T 2261.1-2003 sex (0, 1, 2, 9) and GB/T 2261.2-2003 marital
 * status (10 未婚 … 90). They share a file because both come from the GB/T 2261 family.
 */
export function parseGb2261(text: string): { readonly sex: CodeEntry[]; readonly maritalStatus: CodeEntry[] } {
  const records = parseCsvRecords(text, ['field', 'code', 'name_zh'], 'gb2261.csv');
  const pick = (field: string): CodeEntry[] => records.filter((r) => r.field === field).map((r) => ({ code: r.code, name: r.name_zh }));
  return { sex: pick('sex'), maritalStatus: pick('marital_status') };
}

export function parseRelationships(text: string): Relationship[] {
  return parseCsvRecords(text, ['code', 'name_zh', 'parent_code'], 'gb4761_relationship.csv').map((r) => ({
    code: r.code,
    name: r.name_zh,
    parentCode: r.parent_code || null,
  }));
}

export function codeMap<T extends CodeEntry>(entries: ReadonlyArray<T>): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const entry of entries) {
    if (map.has(entry.code)) throw new Error(`duplicate code ${entry.code}`);
    map.set(entry.code, entry);
  }
  return map;
}
