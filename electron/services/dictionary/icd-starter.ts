/**
 * The starter ICD list: 医保版 2.0 as shipped in shared/data/icd10_yb2.csv (provenance in
 * shared/data/SOURCES.md), with the 国临版 2.0 → 医保版 2.0 crosswalk. Loaded once, the first time
 * the dictionary is used on a database that has no ICD list yet, in one transaction.
 */
import { readFileSync } from 'node:fs';
import type { IcdQueries } from '../../../db/queries';
import { csvTable, checkIcdList, parseCsvRecords, searchInitials } from '../../../shared/codes';
import { dataFile } from '../reference/code-sets';

export const STARTER_LIST = {
  codeSystem: 'yb2',
  version: '2.0',
  title: '医保版2.0（随程序提供，非官方副本）',
  source: 'shared/data/icd10_yb2.csv：OpenDRG/DRG_Python ZD_INFO.dat，提交 5d523a2（2023-08）',
} as const;

export interface StarterFiles {
  readonly list: Uint8Array;
  readonly crosswalk: string;
}

export function readStarterFiles(): StarterFiles {
  return { list: readFileSync(dataFile('icd10_yb2.csv')), crosswalk: readFileSync(dataFile('icd10_gl2_to_yb2.csv'), 'utf8') };
}

/** Loads the starter list and crosswalk unless some ICD list is already there. Returns whether it loaded. */
export function loadStarterIcd(icd: IcdQueries, files: () => StarterFiles, actor = 'system'): boolean {
  if (icd.versions().length > 0) return false;
  const { list, crosswalk } = files();
  const table = csvTable(list);
  if (!table.ok) throw new Error(`icd10_yb2.csv: ${table.message}`);
  const checked = checkIcdList(table.table);
  if (!checked.ok) throw new Error(`icd10_yb2.csv: ${checked.message}`);
  if (checked.rejected.length > 0) throw new Error(`icd10_yb2.csv: line ${checked.rejected[0].line}: ${checked.rejected[0].reason}`);
  const codes = checked.entries.map((e) => ({ ...e, initials: searchInitials(e.name) }));
  const pairs = parseCsvRecords(crosswalk, ['gl_code', 'yb_code'], 'icd10_gl2_to_yb2.csv').map((r) => ({ glCode: r.gl_code, ybCode: r.yb_code }));
  icd.transaction(() => {
    icd.addVersion({ ...STARTER_LIST, importedAt: new Date().toISOString(), importedBy: actor }, codes);
    icd.replaceCrosswalk(pairs);
  });
  return true;
}
