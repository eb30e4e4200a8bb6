import { afterEach, describe, expect, it } from 'vitest';
import { dumpProjections, rebuildProjectionsSync } from '../projections/rebuild';
import { CLINIC_CODE, makePatient, newEncounterId, openTemporaryDatabase, type TemporaryDatabase } from '../testing/fixtures';
import { documentRegistry } from '../../shared/docs';
import { compactDatabase, defaultCompactionPolicy } from './compaction';
import type { DocumentInput, StoredDocument } from './types';

let db: TemporaryDatabase;
afterEach(() => db?.dispose());

const AT = '2025-03-01T08:00:00.000Z';
const stamp = { schema_version: 1, clinic_code: CLINIC_CODE, created_at: AT, created_by: 'admin', updated_at: AT, updated_by: 'admin' } as const;

function department(code: string, name: string): DocumentInput {
  return { _id: `department:${code}`, type: 'department', ...stamp, code, name, outpatient: true, active: true };
}

function encounter(patientId: string, n: number): DocumentInput {
  return {
    _id: newEncounterId(),
    type: 'encounter',
    ...stamp,
    patient_id: patientId,
    department_code: '03',
    visit_type: 'first',
    fee_category: 'self',
    visit_number: `W01-20250301-${String(n).padStart(4, '0')}`,
    visit_date: '2025-03-01',
    registered_at: AT,
    status: 'waiting',
  };
}

function write(doc: DocumentInput): string {
  const [result] = db.store.bulkDocs([doc]);
  if (!result.ok) throw new Error(`${result.id}: ${result.reason}`);
  return result.rev;
}

/** Writes `times` successive edits of a document on top of its winner. */
function edit(id: string, times: number, change: (doc: StoredDocument, i: number) => Record<string, unknown>): void {
  for (let i = 0; i < times; i += 1) {
    const current = db.store.get(id)!;
    write({ ...current, ...change(current, i) });
  }
}

const revs = (id: string) => db.store.listRevisions(id).map((r) => r.rev);
const leafOf = (id: string) => db.store.get(id, { conflicts: true });

describe('compactDatabase', () => {
  it('drops old bodies of non-clinical documents only, never a leaf, a conflict branch or a clinical revision', () => {
    db = openTemporaryDatabase();
    // Clinical: patients and encounters with several revisions each.
    const patients = Array.from({ length: 20 }, (_, i) => makePatient(i));
    db.store.bulkDocs(patients);
    for (const p of patients) edit(p._id, 3, (_doc, i) => ({ phone: `1390000000${i}` }));
    const visit = encounter(patients[0]._id, 1);
    write(visit);
    edit(visit._id, 2, (_doc, i) => ({ status: i === 0 ? 'in_progress' : 'completed' }));

    // Non-clinical: departments renamed many times (the bulk of what compaction gives back).
    const codes = Array.from({ length: 120 }, (_, i) => `D${i}`);
    for (const code of codes) write(department(code, `科室${code}`));
    for (const code of codes) edit(`department:${code}`, 12, (_doc, i) => ({ name: `科室${code}第${i}版`, updated_at: AT }));
    const plain = 'department:D0';
    const plainLeaf = leafOf(plain)!._rev;

    // An open conflict (replicated sibling) and a resolved one (the losing leaf deleted).
    const open = 'department:D1';
    const openBase = db.store.listRevisions(open)[11].rev; // 12-…, the winner's parent
    const [sibling] = db.store.bulkDocs(
      [{ ...department('D1', '县里改的名字'), _rev: `13-${'0'.repeat(32)}`, _revisions: { start: 13, ids: ['0'.repeat(32), openBase.split('-')[1]] } }],
      { newEdits: false },
    );
    expect(sibling.ok).toBe(true);
    expect(leafOf(open)!._conflicts).toHaveLength(1);
    const resolved = 'department:D2';
    const resolvedBase = db.store.listRevisions(resolved)[11].rev;
    db.store.bulkDocs(
      [{ ...department('D2', '另一处改的'), _rev: `13-${'1'.repeat(32)}`, _revisions: { start: 13, ids: ['1'.repeat(32), resolvedBase.split('-')[1]] } }],
      {
        newEdits: false,
      },
    );
    const resolvedDoc = leafOf(resolved)!;
    for (const loser of resolvedDoc._conflicts ?? []) write({ _id: resolved, _rev: loser, _deleted: true });
    expect(leafOf(resolved)!._conflicts).toBeUndefined();

    // The county's reference data, replicated in two versions.
    const dictionary = (version: string) => ({
      _id: 'reference_dictionary:fee',
      type: 'reference_dictionary',
      name: 'fee',
      version,
      title: '费别',
      published_at: AT,
      entries: [],
    });
    db.store.bulkDocs([{ ...dictionary('1'), _rev: `1-${'a'.repeat(32)}` }], { newEdits: false });
    db.store.bulkDocs([{ ...dictionary('2'), _rev: `2-${'b'.repeat(32)}`, _revisions: { start: 2, ids: ['b'.repeat(32), 'a'.repeat(32)] } }], {
      newEdits: false,
    });

    // A document of a type nobody has classified: kept whole.
    write({ _id: 'note:1', type: 'note', text: 'v1' });
    edit('note:1', 2, (_doc, i) => ({ text: `v${i + 2}` }));

    const before = {
      patients: patients.map((p) => revs(p._id)),
      visit: revs(visit._id),
      open: revs(open),
      resolved: revs(resolved),
      note: revs('note:1'),
      projections: dumpProjections(db),
    };

    const sizeShownBefore = db.store.info().fileSizeBytes;
    const report = compactDatabase(db);

    // 118 plain departments × 12 old bodies each, and the old dictionary.
    expect(report.revisionsDropped).toBe((codes.length - 2) * 12 + 1);
    expect(report.documentsCompacted).toBe(codes.length - 2 + 1);
    expect(revs('reference_dictionary:fee')).toEqual([`2-${'b'.repeat(32)}`]);
    expect(report.bytesAfter).toBeLessThan(report.bytesBefore);
    // The sizes 整理 reports are the ones the sync screen's summary shows, before and after.
    expect(report.bytesBefore).toBe(sizeShownBefore);
    expect(report.bytesAfter).toBe(db.store.info().fileSizeBytes);
    expect(revs(plain)).toEqual([plainLeaf]);
    expect(leafOf(plain)).toMatchObject({ _rev: plainLeaf, name: '科室D0第11版' });
    // The revision ids stay in the tree: the history still says where the leaf came from.
    expect(db.store.get(plain, { revs: true })!._revisions!.ids).toHaveLength(13);

    expect(patients.map((p) => revs(p._id))).toEqual(before.patients);
    expect(revs(visit._id)).toEqual(before.visit);
    expect(revs(open)).toEqual(before.open);
    expect(revs(resolved)).toEqual(before.resolved);
    expect(revs('note:1')).toEqual(before.note);

    // Projections are untouched, and still what a rebuild from the documents gives.
    expect(dumpProjections(db)).toEqual(before.projections);
    rebuildProjectionsSync(db);
    expect(dumpProjections(db)).toEqual(before.projections);

    // The store goes on working: edits on the compacted leaf, a second pass finds nothing.
    write({ ...leafOf(plain)!, name: '内科' });
    expect(db.store.revsDiff({ [plain]: [plainLeaf] })).toEqual({});
    expect(compactDatabase(db).revisionsDropped).toBe(1);
  });

  it('never lists a clinical type as compactable', () => {
    const compactable = defaultCompactionPolicy().compactableTypes;
    for (const type of ['patient', 'encounter', 'audit']) expect(compactable).not.toContain(type);
    for (const type of compactable) expect(documentRegistry.get(type)?.documentClass).toBe('administrative');
    expect(compactable).toEqual(expect.arrayContaining(['clinic_settings', 'department', 'user', 'reference_dictionary']));
  });

  it('purges replication checkpoints beyond the newest few once idle, and never our own state', () => {
    db = openTemporaryDatabase();
    const day = 24 * 3600_000;
    let now = Date.UTC(2025, 0, 1);
    const checkpoint = (n: number, seq: number) => {
      const id = `_local/${String(n).repeat(8)}`;
      const current = db.store.getLocal(id);
      db.store.putLocal({
        _id: id,
        ...(current ? { _rev: current._rev } : {}),
        session_id: `s${seq}`,
        history: [{ last_seq: seq, session_id: `s${seq}` }],
        replicator: 'pouchdb',
        version: 1,
        last_seq: seq,
      });
    };
    for (let n = 1; n <= 6; n += 1) checkpoint(n, 1);
    db.store.putLocal({ _id: '_local/clinic-sync-state', pushedSeq: 3 });

    // First pass: every checkpoint is new to the ledger, so none counts as idle.
    expect(compactDatabase(db, { now: () => now }).checkpointsPurged).toBe(0);

    now += 40 * day;
    checkpoint(5, 2);
    checkpoint(6, 2);
    const report = compactDatabase(db, { now: () => now });
    // Kept: 5 and 6 (just changed) and the two next newest (1 and 2, by id among equals).
    expect(report.checkpointsPurged).toBe(2);
    const left = [1, 2, 3, 4, 5, 6].filter((n) => db.store.getLocal(`_local/${String(n).repeat(8)}`) !== null);
    expect(left).toEqual([1, 2, 5, 6]);
    expect(db.store.getLocal('_local/clinic-sync-state')).toMatchObject({ pushedSeq: 3 });
  });
});
