/**
 * A signable document type declared only in tests (the outpatient note is declared elsewhere), a
 * store with signing over it, and the clinicians who sign.
 */
import { z } from 'zod';
import type { ClinicDatabase } from '../../../db/open';
import { clinicQueries } from '../../../db/queries';
import { openTemporaryDatabase, newPatientId, CLINIC_CODE, type TemporaryDatabase } from '../../../db/testing/fixtures';
import { defineDocumentType, documentBase, PATIENT_ID, registerDocumentType } from '../../../shared/docs';
import { Amendments } from '../amendments';
import type { Signer } from '../signer';
import { SigningService } from '../signing-service';

export const TEST_NOTE_ID = /^test_note:\d{4}$/;
export const testNote = defineDocumentType({
  type: 'test_note',
  label: '测试病历',
  idPattern: TEST_NOTE_ID,
  schema: z.object({
    _id: z.string().regex(TEST_NOTE_ID),
    type: z.literal('test_note'),
    ...documentBase,
    patient_id: z.string().regex(PATIENT_ID),
    complaint: z.string(),
    history: z.string(),
    vitals: z.object({ sbp: z.number(), dbp: z.number() }).optional(),
    status: z.enum(['draft', 'signed']),
  }),
  documentClass: 'clinical',
  retention: { kind: 'years_after_last_visit', years: 15 },
  conflicts: 'immutable',
  immutable: { kind: 'when_field', field: 'status', values: ['signed'], says: '病历签署后不能修改' },
  signing: { contentFields: ['complaint', 'history', 'vitals'], patientField: 'patient_id' },
  example: {
    _id: 'test_note:0001',
    type: 'test_note',
    schema_version: 1,
    clinic_code: 'demo01',
    created_at: '2025-03-01T08:00:00.000Z',
    created_by: 'doc1',
    updated_at: '2025-03-01T08:00:00.000Z',
    updated_by: 'doc1',
    patient_id: `patient:h${'a'.repeat(32)}`,
    complaint: '头晕三天',
    history: '高血压病史五年',
    status: 'draft',
  },
});

/** Cheap scrypt for tests: the cost parameters are stored with each sealed key. */
export const TEST_KDF = { n: 1024, r: 8, p: 1 } as const;

export const DOCTOR: Signer = { username: 'li.ming', displayName: '李明', roles: ['doctor'], workstation: 'W01' };
export const TRAINEE: Signer = { username: 'zhao.xiao', displayName: '赵晓', roles: ['doctor', 'trainee'], workstation: 'W01' };
export const OTHER_DOCTOR: Signer = { username: 'wang.fang', displayName: '王芳', roles: ['doctor'], workstation: 'W02' };
export const PIN = '246810';

export interface SigningFixture<D extends ClinicDatabase = TemporaryDatabase> {
  readonly db: D;
  readonly signing: SigningService;
  readonly amendments: Amendments;
  /** Writes a draft note and returns its id. */
  draft(n: number, fields?: Readonly<Record<string, unknown>>): string;
}

export const patientId = newPatientId();

export function signingOver<D extends ClinicDatabase>(db: D, now: () => number = Date.now): SigningFixture<D> {
  const signing = new SigningService({ store: db.store, queries: clinicQueries(db.orm).signing, clinicCode: () => CLINIC_CODE, kdf: TEST_KDF, now });
  return {
    db,
    signing,
    amendments: new Amendments(signing),
    draft(n, fields = {}) {
      const at = new Date(now()).toISOString();
      const id = `test_note:${String(n).padStart(4, '0')}`;
      const stamp = { schema_version: 1, clinic_code: CLINIC_CODE, created_at: at, created_by: DOCTOR.username, updated_at: at, updated_by: DOCTOR.username };
      const [written] = db.store.bulkDocs([
        {
          _id: id,
          type: 'test_note',
          ...stamp,
          patient_id: patientId,
          complaint: '头晕三天',
          history: '高血压病史五年，血压最高160/100mmHg',
          status: 'draft',
          ...fields,
        },
      ]);
      if (!written.ok) throw new Error(written.reason);
      return id;
    },
  };
}

/** Registers the test type (returns its removal) and opens a fresh database with signing. */
export function openSigningFixture(now?: () => number): SigningFixture & { dispose(): void } {
  const unregister = registerDocumentType(testNote);
  const fixture = signingOver(openTemporaryDatabase(), now);
  return {
    ...fixture,
    dispose() {
      fixture.db.dispose();
      unregister();
    },
  };
}

/** Changes a stored revision's body in the SQLite file itself, as someone with the file could. */
export function tamperInDatabase(db: ClinicDatabase, id: string, path: string, value: string): void {
  const changed = db.sqlite
    .prepare(
      `UPDATE revisions SET body = json_set(body, ?, ?)
       WHERE doc_key = (SELECT doc_key FROM documents WHERE id = ?) AND rev = (SELECT winning_rev FROM documents WHERE id = ?)`,
    )
    .run(path, value, id, id).changes;
  if (changed !== 1) throw new Error(`nothing tampered for ${id}`);
}
