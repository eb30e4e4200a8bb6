import { afterEach, describe, expect, it } from 'vitest';
import { defineProjector } from '../projections/define';
import { DEFAULT_PROJECTORS } from '../projections';
import { makePatient, openTemporaryDatabase, type TemporaryDatabase } from '../testing/fixtures';

let db: TemporaryDatabase;
afterEach(() => db?.dispose());

const count = (table: string) => db.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
const storeCounts = () => ({
  documents: count('documents'),
  revisions: count('revisions'),
  changes: count('changes'),
  attachments: count('attachments'),
  patients: count('patients'),
  patient_cards: count('patient_cards'),
});

describe('bulkDocs', () => {
  it('answers in input order, one result per document', () => {
    db = openTemporaryDatabase();
    const docs = [makePatient(1), makePatient(2), { ...makePatient(3), birth_date: '1990/01/01' }, makePatient(4)];
    const results = db.store.bulkDocs(docs);
    expect(results.map((r) => [r.id, r.ok])).toEqual(docs.map((d, i) => [d._id, i !== 2]));
    expect(count('patients')).toBe(3);
  });

  it('takes a long _id up to 8 KiB of UTF-8 and refuses a longer one with a plain reason', () => {
    db = openTemporaryDatabase();
    const long = `scan:${'长'.repeat(2_700)}`; // 8,105 bytes
    const tooLong = `scan:${'长'.repeat(2_730)}`; // 8,195 bytes, though only 2,735 characters
    const [taken, refused] = db.store.bulkDocs([
      { _id: long, type: 'archive_scan' },
      { _id: tooLong, type: 'archive_scan' },
    ]);
    expect(taken).toMatchObject({ ok: true, id: long });
    expect(db.store.get(long)).toMatchObject({ _id: long });
    expect(refused).toMatchObject({ ok: false, error: 'bad_request', reason: '文档 _id 过长（8195 字节，本机最多 8192 字节）' });
    expect(db.store.get(tooLong)).toBeNull();
  });

  it('is one transaction: a failure inside the batch leaves nothing of it behind', () => {
    let projected = 0;
    const explodingPatients = defineProjector({
      type: 'patient',
      tables: [],
      project() {
        if (++projected === 3) throw new Error('disk full (simulated)');
      },
      remove() {},
    });
    db = openTemporaryDatabase({ projectors: [...DEFAULT_PROJECTORS.filter((p) => p.type !== 'patient'), explodingPatients] });
    db.store.bulkDocs([makePatient(0)]);
    const before = storeCounts();
    const batch = [1, 2, 3, 4].map((n) => makePatient(n));
    const withAttachment = { ...batch[0], _attachments: { 'card.png': { content_type: 'image/png', data: new Uint8Array([1, 2, 3]) } } };
    expect(() => db.store.bulkDocs([withAttachment, ...batch.slice(1)])).toThrow('disk full');
    expect(storeCounts()).toEqual(before);
    expect(db.store.info().updateSeq).toBe(1);
  });

  it('refuses a document that fails its schema, with a Chinese reason, and writes nothing for it', () => {
    db = openTemporaryDatabase();
    const good = makePatient(1);
    const bad = { ...makePatient(2), name: '', sex: 'X', _attachments: { 'a.txt': { content_type: 'text/plain', data: 'YWJj' } } };
    const results = db.store.bulkDocs([bad, good]);
    expect(results[0]).toMatchObject({ ok: false, id: bad._id, error: 'bad_request' });
    expect(results[0].ok === false && results[0].reason).toMatch(/请填写姓名/);
    expect(results[0].ok === false && results[0].reason).toMatch(/sex/);
    expect(results[1]).toMatchObject({ ok: true });
    expect(storeCounts()).toEqual({ documents: 1, revisions: 1, changes: 1, attachments: 0, patients: 1, patient_cards: 1 });
    expect(db.store.get(bad._id)).toBeNull();
  });

  it('refuses malformed input clearly', () => {
    db = openTemporaryDatabase();
    const results = db.store.bulkDocs([{ _id: '' }, { _id: '_system' }, { _id: 'x', _rev: 'not-a-rev' }, { _id: 'y', _secret: 1 }]);
    expect(results.map((r) => r.ok || r.error)).toEqual(['bad_request', 'bad_request', 'bad_request', 'bad_request']);
    expect(db.store.bulkDocs([{ _id: 'z' }], { newEdits: false })[0]).toMatchObject({ ok: false, error: 'bad_request', reason: expect.stringMatching(/_rev/) });
  });

  it('keeps a replicated document that fails its schema, without projecting it, and lists it', () => {
    db = openTemporaryDatabase();
    const patient = makePatient(1);
    const [mine] = db.store.bulkDocs([patient]);
    expect(mine.ok).toBe(true);
    const broken = {
      ...patient,
      birth_date: 'yesterday',
      _rev: `2-${'a'.repeat(32)}`,
      _revisions: { start: 2, ids: ['a'.repeat(32), (mine as { rev: string }).rev.slice(2)] },
    };
    expect(db.store.bulkDocs([broken], { newEdits: false })[0]).toMatchObject({ ok: true });
    expect(db.store.get(patient._id)).toMatchObject({ birth_date: 'yesterday' });
    expect(count('patients')).toBe(0);
    expect(db.sqlite.prepare('SELECT doc_id, rev, type, reason FROM rejected_projections').all()).toEqual([
      { doc_id: patient._id, rev: broken._rev, type: 'patient', reason: expect.stringMatching(/birth_date/) },
    ]);
    // A valid edit on top brings it back.
    const [fixed] = db.store.bulkDocs([{ ...patient, _rev: broken._rev }]);
    expect(fixed).toMatchObject({ ok: true });
    expect(count('patients')).toBe(1);
    expect(count('rejected_projections')).toBe(0);
  });

  it('stores documents of unknown types without projecting them', () => {
    db = openTemporaryDatabase();
    expect(
      db.store.bulkDocs([
        { _id: 'dictionary:drugs', type: 'drug_dictionary', entries: [1, 2] },
        { _id: '_design/app', views: {} },
      ]),
    ).toMatchObject([{ ok: true }, { ok: true }]);
    expect(db.store.get('dictionary:drugs')).toMatchObject({ entries: [1, 2] });
    expect(db.store.info().docCount).toBe(2);
  });

  it('nests in an outer transaction, which can roll it back', () => {
    db = openTemporaryDatabase();
    expect(() =>
      db.store.transaction(() => {
        db.store.bulkDocs([makePatient(1)]);
        db.store.transaction(() => db.store.bulkDocs([makePatient(2)]));
        expect(count('patients')).toBe(2);
        throw new Error('cancelled');
      }),
    ).toThrow('cancelled');
    expect(storeCounts()).toMatchObject({ documents: 0, patients: 0 });
    // better-sqlite3 would commit before the promise settles: refused.
    expect(() => db.store.transaction(async () => 1)).toThrow(/synchronous/);
  });
});
