/**
 * 病案查询: the record room's search over notes (with their amendments) and scanned page sets, by
 * full text (record_text_fts, db/search) and by structured filters. A "record" is a note or a page
 * set; its case (病案号, QC grade, seal) is joined where it has been archived.
 */
import { FTS_TABLE } from '../search/fts-tables';
import type { ClinicOrm } from '../orm';
import { sealedCaseSqlText } from './archive-visibility';
import { statement } from './statements';

export interface RecordFilters {
  /** Patients found by name, pinyin initials or ID number (the front desk's search). */
  readonly patientIds?: ReadonlyArray<string>;
  /** Visit dates, YYYY-MM-DD, inclusive. */
  readonly dateFrom?: string;
  readonly dateTo?: string;
  readonly departmentCode?: string;
  readonly doctorUsername?: string;
  /** A diagnosis code or its beginning (J18 finds J18.0, J18.9). */
  readonly diagnosisCode?: string;
  /** An ICD chapter as its range of three-character categories (A00–B99). */
  readonly chapter?: { readonly from: string; readonly to: string };
  readonly caseNumber?: string;
  readonly qcGrade?: string;
  /** False for a user without `archive.seal`: sealed cases are left out (db/queries/archive-visibility.ts). */
  readonly canSeeSealed: boolean;
}

export interface RecordHitRow {
  readonly recordId: string;
  readonly kind: 'note' | 'page_set';
  readonly patientId: string;
  readonly encounterId: string | null;
  readonly visitAt: string | null;
  readonly departmentCode: string | null;
  readonly doctorUsername: string | null;
  readonly title: string | null;
  readonly caseNumber: string | null;
  readonly qcGrade: string | null;
  /** The document whose text matched best (the note, an amendment, a page's OCR text), or null for a structured search. */
  readonly hitDocId: string | null;
  readonly machineRead: boolean;
  readonly rank: number | null;
}

interface RawRow extends Omit<RecordHitRow, 'machineRead'> {
  readonly machineRead: number;
}

type Param = string | number;

/** How many hits per wanted row the full-text search ranks before it filters. */
const TOP_FACTOR = 10;

function equals(where: string[], params: Param[], column: string, value: string | undefined): void {
  if (!value) return;
  where.push(`${column} = ?`);
  params.push(value);
}

/** The WHERE clauses of the filters, over a row aliased `n` (outpatient_notes) and its `patient_id` expression. */
function noteFilterSql(filters: RecordFilters, patientExpr: string, params: Param[]): string[] {
  const where: string[] = [];
  if (filters.patientIds) {
    if (filters.patientIds.length === 0) where.push('0');
    else {
      where.push(`${patientExpr} IN (${filters.patientIds.map(() => '?').join(', ')})`);
      params.push(...filters.patientIds);
    }
  }
  if (filters.dateFrom) {
    where.push('n.visit_at >= ?');
    params.push(filters.dateFrom);
  }
  if (filters.dateTo) {
    // visit_at is a timestamp: everything on the last day sorts below the next character after it.
    where.push('n.visit_at < ?');
    params.push(`${filters.dateTo}\u{10FFFF}`);
  }
  equals(where, params, 'n.department_code', filters.departmentCode);
  equals(where, params, 'n.doctor_username', filters.doctorUsername);
  const codes = filters.chapter ?? (filters.diagnosisCode ? { from: filters.diagnosisCode, to: filters.diagnosisCode } : undefined);
  if (codes) {
    // From the first code up to everything that begins with the last one ('~' sorts after letters and digits).
    where.push("EXISTS (SELECT 1 FROM note_diagnoses d WHERE d.note_id = n.id AND d.code >= ? AND d.code < ? || '~')");
    params.push(codes.from, codes.to);
  }
  return where;
}

/** Filters on the record's case (aliased `c`, joined LEFT: null when not archived), and the seal rule. */
function caseFilterSql(filters: RecordFilters, params: Param[]): string[] {
  const where: string[] = [];
  equals(where, params, 'c.case_number', filters.caseNumber);
  equals(where, params, 'c.qc_grade', filters.qcGrade);
  const sealed = sealedCaseSqlText('c.case_number', { canSeeSealed: filters.canSeeSealed });
  if (sealed) where.push(sealed.replace(/^ AND /, ''));
  return where;
}

const whereSql = (clauses: ReadonlyArray<string>): string => (clauses.length ? `WHERE ${clauses.join(' AND ')}` : '');

/** Whether a filter narrows by something a page set does not have (visit date, department, doctor, diagnosis). */
function notesOnly(filters: RecordFilters): boolean {
  return Boolean(filters.dateFrom || filters.dateTo || filters.departmentCode || filters.doctorUsername || filters.diagnosisCode || filters.chapter);
}

/** What a page set is not filtered by (it has no visit of its own). */
const NO_NOTE_FILTERS = {
  dateFrom: undefined,
  dateTo: undefined,
  departmentCode: undefined,
  doctorUsername: undefined,
  diagnosisCode: undefined,
  chapter: undefined,
};

const toHit = (row: RawRow): RecordHitRow => ({ ...row, machineRead: row.machineRead === 1 });

/** Hits ranked by bm25 (the best `cap` documents only, or all with -1), one row per record, within the filters. */
function rankedHits(db: ClinicOrm, expression: string, filters: RecordFilters, limit: number, cap: number): RecordHitRow[] {
  const params: Param[] = [expression, cap];
  const noteWhere = [...noteFilterSql(filters, 'h.patient_id', params), ...caseFilterSql(filters, params)];
  const pageWhere = notesOnly(filters)
    ? ['0']
    : [...noteFilterSql({ ...filters, ...NO_NOTE_FILTERS }, 'h.patient_id', params), ...caseFilterSql(filters, params)];
  params.push(limit);
  const sql = `
        WITH top AS (SELECT rowid, rank FROM ${FTS_TABLE} WHERE ${FTS_TABLE} MATCH ? ORDER BY rank LIMIT ?),
        hits AS (SELECT r.record_id, r.doc_id, r.patient_id, r.machine_read, top.rank FROM top JOIN record_text r ON r.rowid = top.rowid),
        best AS (SELECT record_id, doc_id, patient_id, machine_read, min(rank) AS rank FROM hits GROUP BY record_id)
        SELECT * FROM (
          SELECT n.id AS recordId, 'note' AS kind, n.patient_id AS patientId, n.encounter_id AS encounterId, n.visit_at AS visitAt,
                 n.department_code AS departmentCode, n.doctor_username AS doctorUsername, NULL AS title,
                 c.case_number AS caseNumber, c.qc_grade AS qcGrade,
                 h.doc_id AS hitDocId, h.machine_read AS machineRead, h.rank AS rank
          FROM best h JOIN outpatient_notes n ON n.id = h.record_id
          LEFT JOIN archive_cases c ON c.encounter_id = n.encounter_id
          ${whereSql(noteWhere)}
          UNION ALL
          SELECT p.id, 'page_set', p.patient_id, p.encounter_id, c.visit_date, c.department_code, c.doctor_username, p.title,
                 c.case_number, c.qc_grade, h.doc_id, h.machine_read, h.rank
          FROM best h JOIN page_sets p ON p.id = h.record_id
          LEFT JOIN archive_cases c ON c.case_number = p.case_number
          ${whereSql(pageWhere)}
        ) ORDER BY rank LIMIT ?`;
  return statement<Param[], RawRow>(db, sql)
    .all(...params)
    .map(toHit);
}

export function recordsSearchQueries(db: ClinicOrm) {
  return {
    /**
     * Records whose text matches the FTS5 expression (db/search/tokens.ts), best first (bm25), one
     * row per record (its best-matching document), within the filters.
     */
    fullText(expression: string, filters: RecordFilters, limit: number): RecordHitRow[] {
      // The best hits by bm25 first: enough when the filters keep `limit` records of them (any record
      // left out ranks below all of those); otherwise every hit is ranked (-1: no cap).
      const capped = rankedHits(db, expression, filters, limit, limit * TOP_FACTOR);
      return capped.length >= limit ? capped : rankedHits(db, expression, filters, limit, -1);
    },

    /** Notes within the filters, latest visit first. */
    notes(filters: RecordFilters, limit: number): RecordHitRow[] {
      const params: Param[] = [];
      const where = [...noteFilterSql(filters, 'n.patient_id', params), ...caseFilterSql(filters, params)];
      params.push(limit);
      const sql = `
        SELECT n.id AS recordId, 'note' AS kind, n.patient_id AS patientId, n.encounter_id AS encounterId, n.visit_at AS visitAt,
               n.department_code AS departmentCode, n.doctor_username AS doctorUsername, NULL AS title,
               c.case_number AS caseNumber, c.qc_grade AS qcGrade, NULL AS hitDocId, 0 AS machineRead, NULL AS rank
        FROM outpatient_notes n LEFT JOIN archive_cases c ON c.encounter_id = n.encounter_id ${whereSql(where)}
        ORDER BY n.visit_at DESC LIMIT ?`;
      return statement<Param[], RawRow>(db, sql)
        .all(...params)
        .map(toHit);
    },

    /** Page sets of the given patients (or all), newest first; none when a filter only notes have is set. */
    pageSets(filters: RecordFilters, limit: number): RecordHitRow[] {
      if (notesOnly(filters)) return [];
      const params: Param[] = [];
      const where = [...noteFilterSql({ ...filters, ...NO_NOTE_FILTERS }, 'p.patient_id', params), ...caseFilterSql(filters, params)];
      params.push(limit);
      const sql = `
        SELECT p.id AS recordId, 'page_set' AS kind, p.patient_id AS patientId, p.encounter_id AS encounterId, c.visit_date AS visitAt,
               c.department_code AS departmentCode, c.doctor_username AS doctorUsername, p.title AS title,
               c.case_number AS caseNumber, c.qc_grade AS qcGrade, NULL AS hitDocId, 0 AS machineRead, NULL AS rank
        FROM page_sets p LEFT JOIN archive_cases c ON c.case_number = p.case_number ${whereSql(where)}
        ORDER BY p.updated_at DESC LIMIT ?`;
      return statement<Param[], RawRow>(db, sql)
        .all(...params)
        .map(toHit);
    },

    /** A patient's page sets, newest first. */
    pageSetIdsOf(patientId: string): string[] {
      return statement<[string], { id: string }>(db, 'SELECT id FROM page_sets WHERE patient_id = ? ORDER BY updated_at DESC')
        .all(patientId)
        .map((row) => row.id);
    },

    /** Every indexed document's text id, for the search-quality test and checks by hand. */
    indexedCount(): number {
      return statement<[], { n: number }>(db, 'SELECT count(*) AS n FROM record_text').get()?.n ?? 0;
    },
  };
}

export type RecordsSearchQueries = ReturnType<typeof recordsSearchQueries>;
