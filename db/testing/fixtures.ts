import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monotonicFactory } from 'ulid';
import type { PatientDoc } from '../../shared/docs';
import { EXAMPLE_STAMP } from '../../shared/docs/examples';
import type { DocumentStoreApi } from '../store/types';
import { openClinicDatabase, type ClinicDatabase, type OpenClinicDatabaseOptions } from '../open';

/** Test and benchmark helpers: temporary database files and documents that pass shared/docs schemas. */

export const CLINIC_CODE = 'demo01';

/** Version and who-wrote-it fields for a test document (clinic demo01, written by admin). */
export const STAMP = EXAMPLE_STAMP;

/** Writes documents as local edits; a refusal fails the test at once. Returns the new revisions. */
export function putDocs(store: DocumentStoreApi, docs: ReadonlyArray<Record<string, unknown> & { _id: string }>): string[] {
  return store.bulkDocs(docs).map((result) => {
    if (!result.ok) throw new Error(JSON.stringify(result));
    return result.rev;
  });
}

const nextUlid = monotonicFactory();

export function newPatientId(): string {
  return `patient:${nextUlid()}`;
}

export function newEncounterId(): string {
  return `encounter:${nextUlid()}`;
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '龑'];
const GIVEN = ['伟', '芳', '秀英', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟'];

/** A registered patient, varied by `n` so projections differ row to row. */
export function makePatient(n: number, overrides: Partial<PatientDoc> = {}): PatientDoc & { _id: string } {
  const at = new Date(Date.UTC(2025, 0, 1) + n * 1000).toISOString();
  const year = 1940 + (n % 80);
  const month = String(1 + (n % 12)).padStart(2, '0');
  const day = String(1 + (n % 28)).padStart(2, '0');
  return {
    _id: newPatientId(),
    type: 'patient',
    schema_version: 2,
    clinic_code: CLINIC_CODE,
    created_at: at,
    created_by: 'registrar1',
    updated_at: at,
    updated_by: 'registrar1',
    name: SURNAMES[n % SURNAMES.length] + GIVEN[n % GIVEN.length],
    sex: n % 2 === 0 ? '1' : '2',
    birth_date: `${year}-${month}-${day}`,
    id_type: '01',
    id_number: `4301${String(n).padStart(14, '0')}`,
    phone: `138${String(n).padStart(8, '0')}`,
    address: { division_code: '430121', detail: `${1 + (n % 30)} 组` },
    insurance: { fee_category: 'resident', number: `R${String(n).padStart(10, '0')}` },
    cards: n % 3 === 0 ? [] : [{ kind: 'social_security', number: `S${String(n).padStart(12, '0')}` }],
    allergies: [],
    ...overrides,
  };
}

export interface TemporaryDatabase extends ClinicDatabase {
  readonly dir: string;
  /** Closes and deletes the folder. */
  dispose(): void;
}

export function temporaryDirectory(prefix = 'clinic-db-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function openTemporaryDatabase(options: OpenClinicDatabaseOptions = {}): TemporaryDatabase {
  const dir = temporaryDirectory();
  const db = openClinicDatabase(path.join(dir, 'clinic.db'), { slowQueryLog: false, ...options });
  return {
    ...db,
    dir,
    close: db.close,
    dispose() {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
