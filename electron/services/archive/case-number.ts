import { CASE_NUMBER } from '../../../shared/docs/ids';

/**
 * The 病案号 `<本院编码>-<year>-<workstation>-<sequence>` (shared/docs/ids.ts): the sequence is this
 * workstation's own counter for the year, so two workstations archiving at the same moment never
 * give the same number and never need to ask each other.
 */
export function formatCaseNumber(clinicCode: string, year: string, workstation: string, sequence: number): string {
  const caseNumber = `${clinicCode}-${year}-${workstation}-${String(sequence).padStart(5, '0')}`;
  if (!CASE_NUMBER.test(caseNumber)) throw new Error(`cannot make a 病案号 from ${clinicCode} / ${year} / ${workstation} / ${sequence}`);
  return caseNumber;
}

/** The local counter a workstation numbers its cases of one year with. */
export const caseCounterName = (year: string) => `archive_case:${year}`;
