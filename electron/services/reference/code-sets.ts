/**
 * The national code tables of shared/data, read from disk once per process and kept in memory:
 * the registration form's pick lists and the service-side checks of what was picked.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CodeEntry, type DivisionIndex, type Relationship, loadDivisions, parseEthnicities, parseGb2261, parseRelationships } from '../../../shared/codes';
import { ID_DOCUMENT_TYPES } from '../../../shared/docs/patient';
import { VISIT_TYPE_LABELS } from '../../../shared/docs/encounter';

/**
 * shared/data next to the sources (tsx, vitest); in a CommonJS bundle, a `data` folder next to it,
 * which the build must copy there (as it must the migrations).
 */
export function dataFile(name: string): string {
  const here = import.meta.url as string | undefined;
  if (here) return fileURLToPath(new URL(`../../../shared/data/${name}`, here));
  if (typeof __dirname === 'string') return path.join(__dirname, 'data', name);
  throw new Error('cannot locate shared/data');
}

const read = (name: string): string => readFileSync(dataFile(name), 'utf8');

export interface CodeSets {
  readonly sexes: ReadonlyArray<CodeEntry>;
  readonly ethnicities: ReadonlyArray<CodeEntry>;
  readonly idTypes: ReadonlyArray<CodeEntry>;
  readonly relationships: ReadonlyArray<Relationship>;
  readonly visitTypes: ReadonlyArray<CodeEntry>;
  readonly cardKinds: ReadonlyArray<CodeEntry>;
}

export const CARD_KIND_LABELS = {
  social_security: '社保卡',
  resident_health: '居民健康卡',
  insurance_voucher: '医保电子凭证',
  clinic: '就诊卡',
} as const;

/** Short sex labels for lists and slips (GB/T 2261.1 names are long: 未知的性别). */
export const SEX_LABELS: Readonly<Record<string, string>> = { '0': '未知', '1': '男', '2': '女', '9': '未说明' };

/**
 * The ID types in the order the front desk meets them: the resident ID card, the household register
 * (children), the permits of Hong Kong, Macao and Taiwan residents, then the rest, 其他 last. Listed
 * explicitly because an object's own order would put '99' (an integer-like key) first.
 */
const ID_TYPE_ORDER: ReadonlyArray<keyof typeof ID_DOCUMENT_TYPES> = ['01', '02', '06', '07', '03', '04', '05', '99'];

let codeSets: CodeSets | undefined;
let divisions: DivisionIndex | undefined;

export function loadCodeSets(): CodeSets {
  if (codeSets) return codeSets;
  const entries = (record: Readonly<Record<string, string>>): CodeEntry[] => Object.entries(record).map(([code, name]) => ({ code, name }));
  codeSets = {
    // The labels staff say (未知, 未说明), not GB/T 2261.1's long names.
    sexes: parseGb2261(read('gb2261.csv')).sex.map(({ code, name }) => ({ code, name: SEX_LABELS[code] ?? name })),
    ethnicities: parseEthnicities(read('ethnicity_gb3304.csv')).map(({ code, name }) => ({ code, name })),
    idTypes: ID_TYPE_ORDER.map((code) => ({ code, name: ID_DOCUMENT_TYPES[code] })),
    relationships: parseRelationships(read('gb4761_relationship.csv')),
    visitTypes: entries(VISIT_TYPE_LABELS),
    cardKinds: entries(CARD_KIND_LABELS),
  };
  return codeSets;
}

/** The division tree (about 44,000 rows), parsed on first use. */
export function loadDivisionIndex(): DivisionIndex {
  divisions ??= loadDivisions(read('divisions_cn.csv'));
  return divisions;
}
