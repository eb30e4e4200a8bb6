/**
 * Adding a document type is declaring it: a type that exists only in this file is validated,
 * projected, audited with the right targets, kept by compaction as its class says and listed by the
 * conflict inbox, with no production file naming it.
 */
import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_PROJECTORS, upsertRow, deleteRowsWhere, type Projector } from '../../db/projections';
import { documentQueries } from '../../db/queries';
import { dumpProjections, rebuildProjectionsSync } from '../../db/projections/rebuild';
import { compactDatabase } from '../../db/store/compaction';
import { CLINIC_CODE, newPatientId, openTemporaryDatabase, type TemporaryDatabase, STAMP } from '../../db/testing/fixtures';
import { defineDocumentType, documentBase, PATIENT_ID, registerDocumentType, type DocumentTypeDefinition } from '../../shared/docs';
import { collectTargetIds } from '../services/audit-trail';
import { conflictSummaries } from '../services/sync-conflicts';
import { listConflicts } from '../sync/conflicts';

// ---- The test-only type, declared once. -------------------------------------------------------
const LAB_NOTE_ID = /^lab_note:\d{6}$/;
const labNoteDoc = z.object({
  _id: z.string().regex(LAB_NOTE_ID),
  type: z.literal('lab_note'),
  ...documentBase,
  patient_id: z.string().regex(PATIENT_ID),
  text: z.string().min(1, '请填写化验备注'),
});
const labNote = defineDocumentType({
  type: 'lab_note',
  label: '化验备注',
  idPattern: LAB_NOTE_ID,
  schema: labNoteDoc,
  documentClass: 'clinical',
  retention: { kind: 'years_after_last_visit', years: 15 },
  caption: (body) => String(body.text ?? ''),
  example: {
    _id: 'lab_note:000001',
    type: 'lab_note',
    ...STAMP,
    created_by: 'doc1',
    updated_by: 'doc1',
    patient_id: `patient:h${'a'.repeat(32)}`,
    text: '血常规正常',
  },
});
// -----------------------------------------------------------------------------------------------

const labNotes = sqliteTable('test_lab_notes', { docId: text('doc_id').primaryKey(), patientId: text('patient_id').notNull(), text: text('text').notNull() });
const labNoteProjector: Projector<z.infer<typeof labNoteDoc>> = {
  type: 'lab_note',
  schema: labNoteDoc,
  tables: [labNotes],
  project: (tx, doc) => upsertRow(tx, labNotes, { docId: doc._id, patientId: doc.patient_id, text: doc.text }),
  remove: (tx, id) => deleteRowsWhere(tx, labNotes, labNotes.docId, id),
};

const AT = '2025-03-01T08:00:00.000Z';
const patientId = newPatientId();
const note = (n: number, text: string) => ({
  _id: `lab_note:${String(n).padStart(6, '0')}`,
  type: 'lab_note',
  schema_version: 1,
  clinic_code: CLINIC_CODE,
  created_at: AT,
  created_by: 'doc1',
  updated_at: AT,
  updated_by: 'doc1',
  patient_id: patientId,
  text,
});

let db: TemporaryDatabase;
let unregister: () => void = () => undefined;

function open(definition: DocumentTypeDefinition = labNote): TemporaryDatabase {
  unregister = registerDocumentType(definition);
  const opened = openTemporaryDatabase({ projectors: [...DEFAULT_PROJECTORS, labNoteProjector as Projector] });
  opened.sqlite.exec('CREATE TABLE test_lab_notes (doc_id TEXT PRIMARY KEY, patient_id TEXT NOT NULL, text TEXT NOT NULL)');
  return opened;
}

const rows = () => db.sqlite.prepare('SELECT doc_id AS docId, text FROM test_lab_notes ORDER BY doc_id').all();

beforeEach(() => {
  db = open();
});
afterEach(() => {
  db.dispose();
  unregister();
});

describe('a document type declared in one place', () => {
  it('is validated on a local write, with the schema’s own words', () => {
    const [bad] = db.store.bulkDocs([{ ...note(1, ''), patient_id: patientId }]);
    expect(bad).toMatchObject({ ok: false, error: 'bad_request', reason: expect.stringContaining('请填写化验备注') });
    const [wrongId] = db.store.bulkDocs([{ ...note(1, '血常规正常'), _id: 'lab_note:1' }]);
    expect(wrongId.ok).toBe(false);
    expect(db.store.bulkDocs([note(1, '血常规正常')])[0].ok).toBe(true);
  });

  it('is projected by its projector, follows edits, and a rebuild gives the same rows', () => {
    const [first] = db.store.bulkDocs([note(1, '血常规正常'), note(2, '尿常规')]);
    expect(rows()).toEqual([
      { docId: 'lab_note:000001', text: '血常规正常' },
      { docId: 'lab_note:000002', text: '尿常规' },
    ]);
    db.store.bulkDocs([{ ...note(1, '血常规：白细胞偏高'), _rev: first.ok ? first.rev : '' }]);
    expect(rows()[0]).toEqual({ docId: 'lab_note:000001', text: '血常规：白细胞偏高' });
    const before = dumpProjections(db);
    rebuildProjectionsSync(db);
    expect(dumpProjections(db)).toEqual(before);
  });

  it('is an audit target by its id, and only while it is declared', () => {
    const output = { saved: { id: 'lab_note:000007', patient: patientId }, text: 'lab_note:7' };
    expect(collectTargetIds({ id: 'lab_note:000007' }, output).sort()).toEqual(['lab_note:000007', patientId].sort());
    unregister();
    expect(collectTargetIds(output)).toEqual([patientId]);
  });

  it('keeps every revision when clinical, drops old bodies when administrative', () => {
    const edit = (times: number) => {
      let [written] = db.store.bulkDocs([note(1, 'v0')]);
      for (let i = 1; i <= times; i += 1) [written] = db.store.bulkDocs([{ ...note(1, `v${i}`), _rev: written.ok ? written.rev : '' }]);
    };
    edit(3);
    expect(compactDatabase(db).revisionsDropped).toBe(0);
    expect(db.store.listRevisions('lab_note:000001')).toHaveLength(4);

    db.dispose();
    unregister();
    db = open({ ...labNote, documentClass: 'administrative' });
    edit(3);
    expect(compactDatabase(db).revisionsDropped).toBe(3);
    expect(db.store.listRevisions('lab_note:000001').map((r) => r.body.text)).toEqual(['v3']);
  });

  it('is listed by the conflict inbox as its policy says, with its label', () => {
    const id = 'lab_note:000003';
    const branch = (hash: string, text: string) => ({ ...note(3, text), _rev: `1-${hash.repeat(32)}` });
    db.store.bulkDocs([branch('a', '甲地写的'), branch('b', '乙地写的')], { newEdits: false });
    const expected = [{ id, type: 'lab_note', winnerRev: `1-${'b'.repeat(32)}`, conflictRevs: [`1-${'a'.repeat(32)}`] }];
    expect(listConflicts(db.store)).toEqual(expected);
    expect(listConflicts(db.store, undefined, documentQueries(db.orm))).toEqual(expected);
    expect(conflictSummaries(db.store, documentQueries(db.orm))).toEqual([expect.objectContaining({ id, label: '化验备注 乙地写的' })]);

    // A type whose policy is `county_wins` never reaches a person.
    db.dispose();
    unregister();
    db = open({ ...labNote, conflicts: 'county_wins' });
    db.store.bulkDocs([branch('a', '甲地写的'), branch('b', '乙地写的')], { newEdits: false });
    expect(listConflicts(db.store)).toEqual([]);
  });
});
