/**
 * Administrative divisions from 国家统计局 统计用区划代码 (2023), as stored in
 * shared/data/divisions_cn.csv: province (2-digit code), prefecture (4), county (6), township (9).
 * The 6-digit county code is the GB/T 2260 code that opens a resident ID number; the 9-digit
 * township code is the statistical extension (the 12-digit village level is not in the file).
 *
 * The statistical tables have grouping rows that are not real divisions: "市辖区" and "县" under the
 * municipalities, and "省直辖县级行政区划" for county-level cities directly under a province. People
 * never say them, so paths and child lists skip them unless asked.
 */
import { parseCsvRecords } from './csv';

export type DivisionLevel = 1 | 2 | 3 | 4;

export interface Division {
  /** Native statistical code: 2, 4, 6 or 9 digits by level. Unique. */
  readonly code: string;
  readonly name: string;
  readonly parentCode: string | null;
  readonly level: DivisionLevel;
  /** 6-digit GB/T 2260-style code for levels 1–3 (province 110000, prefecture 110100); null for townships. */
  readonly code6: string | null;
}

const PSEUDO_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);
const CODE_LENGTH: Readonly<Record<DivisionLevel, number>> = { 1: 2, 2: 4, 3: 6, 4: 9 };

export function isGroupingRow(division: Division): boolean {
  return division.level === 2 && PSEUDO_NAMES.has(division.name);
}

export function parseDivisions(text: string): Division[] {
  const records = parseCsvRecords(text, ['code', 'name', 'parent_code', 'level', 'code6'], 'divisions_cn.csv');
  return records.map((r, n) => {
    const level = Number(r.level);
    if (level !== 1 && level !== 2 && level !== 3 && level !== 4) throw new Error(`divisions_cn.csv: row ${n + 2} has level ${r.level}`);
    if (!/^\d+$/.test(r.code) || r.code.length !== CODE_LENGTH[level]) {
      throw new Error(`divisions_cn.csv: row ${n + 2} code ${r.code} does not fit level ${level}`);
    }
    return { code: r.code, name: r.name, parentCode: r.parent_code || null, level, code6: r.code6 || null };
  });
}

export interface PathOptions {
  /** Include grouping rows such as 市辖区 (default false). */
  readonly keepGroupingRows?: boolean;
}

export interface DivisionIndex {
  readonly size: number;
  /**
   * Looks a division up by its native code (2/4/6/9 digits), a 6-digit GB/T 2260 code
   * (130000, 130100), or a 12-digit statistical code of a township (…000).
   */
  get(code: string): Division | undefined;
  /** Names from the province down to the division itself; empty when the code is unknown. */
  divisionPath(code: string, options?: PathOptions): string[];
  /** Direct children; grouping rows are replaced by their own children unless kept. */
  childrenOf(code: string, options?: PathOptions): Division[];
  /** All divisions of one level under a division (or the whole country for ''), in file order. */
  within(code: string, level: DivisionLevel): Division[];
  provinces(): Division[];
}

export function buildDivisionIndex(divisions: ReadonlyArray<Division>): DivisionIndex {
  const byCode = new Map<string, Division>();
  const children = new Map<string, Division[]>();
  for (const d of divisions) {
    if (byCode.has(d.code)) throw new Error(`divisions: duplicate code ${d.code}`);
    byCode.set(d.code, d);
    const key = d.parentCode ?? '';
    const list = children.get(key);
    if (list) list.push(d);
    else children.set(key, [d]);
  }

  const get = (code: string): Division | undefined => {
    const found = byCode.get(code);
    if (found) return found;
    // A native 6-digit county code wins over the GB/T 2260 reading (东莞 441900 is both).
    if (/^\d{2}0000$/.test(code)) return byCode.get(code.slice(0, 2));
    if (/^\d{4}00$/.test(code)) return byCode.get(code.slice(0, 4));
    if (/^\d{9}000$/.test(code)) return byCode.get(code.slice(0, 9));
    return undefined;
  };

  const childrenOf = (code: string, options: PathOptions = {}): Division[] => {
    const key = code === '' ? '' : get(code)?.code;
    if (key === undefined) return [];
    const direct = children.get(key) ?? [];
    if (options.keepGroupingRows) return direct.slice();
    return direct.flatMap((d) => (isGroupingRow(d) ? (children.get(d.code) ?? []) : [d]));
  };

  const divisionPath = (code: string, options: PathOptions = {}): string[] => {
    const names: string[] = [];
    let current = get(code);
    while (current) {
      if (options.keepGroupingRows || !isGroupingRow(current)) names.push(current.name);
      current = current.parentCode ? byCode.get(current.parentCode) : undefined;
    }
    return names.reverse();
  };

  const within = (code: string, level: DivisionLevel): Division[] => {
    const root = code === '' ? undefined : get(code);
    if (code !== '' && !root) return [];
    const result: Division[] = [];
    const walk = (parent: string): void => {
      for (const child of children.get(parent) ?? []) {
        if (child.level === level) result.push(child);
        else if (child.level < level) walk(child.code);
      }
    };
    if (root && root.level === level) return [root];
    walk(root ? root.code : '');
    return result;
  };

  return {
    size: byCode.size,
    get,
    divisionPath,
    childrenOf,
    within,
    provinces: () => (children.get('') ?? []).slice(),
  };
}

/** Parses divisions_cn.csv text straight into an index. */
export function loadDivisions(text: string): DivisionIndex {
  return buildDivisionIndex(parseDivisions(text));
}
