/**
 * The two dictionary searches of the note and the prescription, declared as data: what the field is
 * called, how a hit is shown, and the call that finds hits. `SearchPicker` draws either.
 */
import type { ApiResult, OutputOf } from '../../../../shared/api';
import type { ClinicClient } from '../../api/client';
import { OUTPATIENT_TEXT } from './text';

export type IcdHit = OutputOf<'dictionary.searchIcd'>[number];
export type DrugHit = OutputOf<'dictionary.searchDrugs'>[number];

export interface DictionarySearch<Hit> {
  readonly label: string;
  readonly path: string;
  readonly testId: string;
  /** The hit's code: its React key and its `data-code`. */
  readonly codeOf: (hit: Hit) => string;
  readonly nameOf: (hit: Hit) => string;
  /** Said small after the name (the ICD code, the drug's strength). */
  readonly detailOf: (hit: Hit) => string;
  /** Said under the field when a typed query finds nothing (omit to say nothing). */
  readonly noHits?: string;
  readonly find: (client: ClinicClient, query: string) => Promise<ApiResult<ReadonlyArray<Hit>>>;
}

const LIMIT = 12;

export const ICD_SEARCH: DictionarySearch<IcdHit> = {
  label: OUTPATIENT_TEXT.diagnosis.search,
  path: 'diagnosisSearch',
  testId: 'icd-hits',
  codeOf: (hit) => `${hit.codeSystem}:${hit.code}`,
  nameOf: (hit) => hit.name,
  detailOf: (hit) => hit.code,
  noHits: OUTPATIENT_TEXT.diagnosis.noHits,
  find: (client, query) => client.api.dictionary.searchIcd({ query, limit: LIMIT }),
};

export const DRUG_SEARCH: DictionarySearch<DrugHit> = {
  label: '查找药品（名称或拼音首字母）',
  path: 'drugSearch',
  testId: 'drug-hits',
  codeOf: (drug) => drug.code,
  nameOf: (drug) => drug.genericName,
  detailOf: (drug) => `${drug.strengthValue}${drug.strengthUnit}`,
  find: (client, query) => client.api.dictionary.searchDrugs({ query, limit: LIMIT }),
};
