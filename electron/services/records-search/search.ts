import type { RecordFilters, RecordHitRow } from '../../../db/queries';
import { amendmentText, noteText, pageText, type IndexedText } from '../../../db/search/record-text';
import { ftsExpression, queryPhrases } from '../../../db/search/tokens';
import type { RecordSearchResult } from '../../../shared/api';
import type { recordSearchInput } from '../../../shared/api/records';
import { CLINIC_DOCUMENT_TYPES, type DocumentOf } from '../../../shared/docs';
import type { z } from 'zod';
import type { ClinicData } from '../clinic-data';
import { searchPatients } from '../patients/patient-search';
import { chapterBounds } from './icd-chapters';
import { snippetOf } from './snippet';

/**
 * 病案查询: structured filters (patient by name, pinyin initials or ID number as the front desk
 * finds them; 病案号, dates, department, doctor, diagnosis code or ICD chapter, QC grade) and full
 * text over the notes, their amendments and the scanned pages' machine-read text, ranked by bm25,
 * with the matches marked. Sealed cases are left out for users who may not see them.
 */

type SearchInput = z.output<typeof recordSearchInput>;

const PATIENT_LIMIT = 200;
const MATCHED_IN = { note: '病历正文', amendment: '病历修改', page: '扫描页（机器识别）' } as const;

function filtersOf(data: ClinicData, input: SearchInput, canSeeSealed: boolean): RecordFilters {
  const patientIds = input.patient ? searchPatients(data, input.patient, PATIENT_LIMIT).results.map((hit) => hit.id) : undefined;
  const chapter = input.diagnosis.includes('-') ? (chapterBounds(input.diagnosis) ?? undefined) : undefined;
  return {
    patientIds,
    dateFrom: input.dateFrom,
    dateTo: input.dateTo,
    departmentCode: input.departmentCode,
    doctorUsername: input.doctorUsername,
    diagnosisCode: input.diagnosis && !chapter ? input.diagnosis.toUpperCase() : undefined,
    chapter,
    caseNumber: input.caseNumber || undefined,
    qcGrade: input.qcGrade,
    canSeeSealed,
  };
}

/** The indexed text of the document that matched, read back from the store (as the index read it). */
function matchedText(data: ClinicData, docId: string): IndexedText | null {
  const stored = data.store.get(docId);
  if (!stored || typeof stored.type !== 'string') return null;
  const typed = (type: 'outpatient_note' | 'amendment' | 'page_text') => {
    const parsed = CLINIC_DOCUMENT_TYPES[type].schema.safeParse(stored);
    return parsed.success ? parsed.data : null;
  };
  switch (stored.type) {
    case 'outpatient_note': {
      const doc = typed('outpatient_note');
      return doc && noteText(doc as DocumentOf<'outpatient_note'>);
    }
    case 'amendment': {
      const doc = typed('amendment');
      return doc && amendmentText(doc as DocumentOf<'amendment'>);
    }
    case 'page_text': {
      const doc = typed('page_text');
      return doc && pageText(doc as DocumentOf<'page_text'>);
    }
    default:
      return null;
  }
}

export function searchRecords(data: ClinicData, input: SearchInput, canSeeSealed: boolean): { results: RecordSearchResult[]; more: boolean } {
  const filters = filtersOf(data, input, canSeeSealed);
  const phrases = queryPhrases(input.text);
  const fetch = input.limit + 1;
  const rows: RecordHitRow[] =
    phrases.length > 0
      ? data.recordsSearch.fullText(ftsExpression(phrases), filters, fetch)
      : [...data.recordsSearch.notes(filters, fetch), ...data.recordsSearch.pageSets(filters, fetch)]
          .sort((a, b) => (b.visitAt ?? '').localeCompare(a.visitAt ?? ''))
          .slice(0, fetch);
  const departments = new Map(data.departments.list().map((d) => [d.code, d.name]));
  const doctors = new Map(data.users.list().map((u) => [u.username, u.displayName]));
  const results = rows.slice(0, input.limit).map((row): RecordSearchResult => {
    const matched = row.hitDocId ? matchedText(data, row.hitDocId) : null;
    return {
      recordId: row.recordId,
      kind: row.kind,
      caseNumber: row.caseNumber,
      qcGrade: row.qcGrade,
      patient: { id: row.patientId, name: data.patients.byId(row.patientId)?.name ?? '（未知患者）' },
      visitDate: row.visitAt ? row.visitAt.slice(0, 10) : null,
      department: row.departmentCode ? (departments.get(row.departmentCode) ?? row.departmentCode) : null,
      doctor: row.doctorUsername ? (doctors.get(row.doctorUsername) ?? row.doctorUsername) : null,
      title: row.kind === 'note' ? '门诊病历' : (row.title ?? '纸质病历扫描件'),
      matchedIn: matched ? MATCHED_IN[matched.source] : null,
      machineRead: row.machineRead,
      snippet: matched ? snippetOf(matched.text, input.text) : null,
    };
  });
  return { results, more: rows.length > input.limit };
}
