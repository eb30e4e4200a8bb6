/**
 * A document written by a newer program (version 2 of a type) reaching a PC that knows only
 * version 1: stored and replicated onwards unchanged, listed as waiting for an update, never
 * dropped, and projected once the PC runs the newer program (at open, and by a rebuild).
 */
import fs from 'node:fs';
import path from 'node:path';
import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_PROJECTORS, deleteRowsWhere, upsertRow, type Projector } from '../../db/projections';
import { listAwaitingUpgrade, rebuildProjectionsSync } from '../../db/projections/rebuild';
import { openClinicDatabase, type ClinicDatabase } from '../../db/open';
import { temporaryDirectory } from '../../db/testing/fixtures';
import { CLINIC_DOCUMENT_TYPES, defineDocumentType, documentFields, DocumentRegistry, type DocumentTypeDefinition } from '../../shared/docs';
import { clinicPouchDB, openLocalPouch } from '../sync/pouch-adapter';

const ID = /^visit_memo:\d{4}$/;
const at = '2025-03-01T08:00:00.000Z';
const stamp = (version: number) => ({ schema_version: version, clinic_code: 'demo01', created_at: at, created_by: 'doc1', updated_at: at, updated_by: 'doc1' });

const memoV1Doc = z.object({ _id: z.string().regex(ID), type: z.literal('visit_memo'), ...documentFields(1), text: z.string() });
const memoV2Doc = z.object({ _id: z.string().regex(ID), type: z.literal('visit_memo'), ...documentFields(2), lines: z.array(z.string()).min(1) });

const memoV1 = defineDocumentType({
  type: 'visit_memo',
  label: '就诊备忘',
  idPattern: ID,
  schema: memoV1Doc,
  documentClass: 'clinical',
  retention: { kind: 'years_after_last_visit', years: 15 },
  example: { _id: 'visit_memo:0001', type: 'visit_memo', ...stamp(1), text: '咳嗽' },
});
const memoV2: DocumentTypeDefinition = {
  ...memoV1,
  schema: memoV2Doc,
  previous: [{ schema: memoV1Doc, upgrade: ({ text: memo, ...rest }) => ({ ...rest, lines: String(memo).split('\n') }), example: memoV1.example }],
  example: { _id: 'visit_memo:0002', type: 'visit_memo', ...stamp(2), lines: ['咳嗽', '发热'] },
};

/** The PC with the older program, and the same PC after the update. */
const olderProgram = new DocumentRegistry([...Object.values(CLINIC_DOCUMENT_TYPES), memoV1]);
const newerProgram = new DocumentRegistry([...Object.values(CLINIC_DOCUMENT_TYPES), memoV2]);

const memos = sqliteTable('test_visit_memos', { docId: text('doc_id').primaryKey(), text: text('text').notNull() });
const remove = (tx: Parameters<Projector['remove']>[0], id: string) => deleteRowsWhere(tx, memos, memos.docId, id);
const projectV1: Projector<z.infer<typeof memoV1Doc>> = {
  type: 'visit_memo',
  schema: memoV1Doc,
  tables: [memos],
  project: (tx, doc) => upsertRow(tx, memos, { docId: doc._id, text: doc.text }),
  remove,
};
const projectV2: Projector<z.infer<typeof memoV2Doc>> = {
  type: 'visit_memo',
  schema: memoV2Doc,
  tables: [memos],
  project: (tx, doc) => upsertRow(tx, memos, { docId: doc._id, text: doc.lines.join('\n') }),
  remove,
};

const opened: ClinicDatabase[] = [];
const folders: string[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function newFile(): string {
  const dir = temporaryDirectory();
  folders.push(dir);
  return path.join(dir, 'clinic.db');
}

function open(file: string, newer: boolean): ClinicDatabase {
  const db = openClinicDatabase(file, {
    slowQueryLog: false,
    registry: newer ? newerProgram : olderProgram,
    projectors: [...DEFAULT_PROJECTORS, (newer ? projectV2 : projectV1) as Projector],
  });
  db.sqlite.exec('CREATE TABLE IF NOT EXISTS test_visit_memos (doc_id TEXT PRIMARY KEY, text TEXT NOT NULL)');
  opened.push(db);
  return db;
}

const rows = (db: ClinicDatabase) => db.sqlite.prepare('SELECT doc_id AS docId, text FROM test_visit_memos ORDER BY doc_id').all();
const rejected = (db: ClinicDatabase) => db.sqlite.prepare('SELECT doc_id FROM rejected_projections').all();

const fromNewerPc = { _id: 'visit_memo:0002', type: 'visit_memo', ...stamp(2), lines: ['咳嗽', '发热'], signed_by: 'doc2' };
const rev = `1-${'c'.repeat(32)}`;

describe('a document of a version this PC does not know', () => {
  it('is stored, replicated onwards unchanged, listed as waiting, and projected after the update', async () => {
    const file = newFile();
    const older = open(file, false);
    expect(older.store.bulkDocs([{ _id: 'visit_memo:0001', type: 'visit_memo', ...stamp(1), text: '头痛\n乏力' }])[0].ok).toBe(true);

    // A local write of a version this program does not know is refused; a replicated one lands.
    expect(older.store.bulkDocs([{ ...fromNewerPc, _id: 'visit_memo:0009' }])[0]).toMatchObject({ ok: false, reason: expect.stringContaining('第 2 版') });
    expect(older.store.bulkDocs([{ ...fromNewerPc, _rev: rev }], { newEdits: false })[0]).toEqual({ ok: true, id: fromNewerPc._id, rev });

    // Stored as it came: the store, the changes feed and the PouchDB adapter give the same body.
    expect(older.store.get(fromNewerPc._id)).toEqual({ ...fromNewerPc, _rev: rev });
    const change = older.store.changes({ includeDocs: true }).results.find((r) => r.id === fromNewerPc._id);
    expect(change?.doc).toEqual({ ...fromNewerPc, _rev: rev });
    expect(await openLocalPouch(older.store).get(fromNewerPc._id)).toEqual({ ...fromNewerPc, _rev: rev });

    // Listed as waiting for a program update, not as invalid, and not projected.
    const waiting = [{ docId: fromNewerPc._id, rev, type: 'visit_memo', version: 2 }];
    expect(listAwaitingUpgrade(older)).toEqual(waiting);
    expect(rejected(older)).toEqual([]);
    expect(rows(older)).toEqual([{ docId: 'visit_memo:0001', text: '头痛\n乏力' }]);
    rebuildProjectionsSync(older);
    expect(listAwaitingUpgrade(older)).toEqual(waiting);
    expect(rows(older)).toEqual([{ docId: 'visit_memo:0001', text: '头痛\n乏力' }]);

    // Replicated onwards to another PC with the older program: the same body arrives.
    const next = open(newFile(), false);
    const PouchDB = clinicPouchDB();
    const replicated = await PouchDB.replicate(openLocalPouch(older.store), openLocalPouch(next.store));
    expect(replicated.doc_write_failures).toBe(0);
    expect(next.store.get(fromNewerPc._id, { revs: true })).toEqual({ ...fromNewerPc, _rev: rev, _revisions: { start: 1, ids: ['c'.repeat(32)] } });
    expect(listAwaitingUpgrade(next)).toEqual(waiting);

    // The PC gets the newer program: the next open projects what was waiting (and upgrades v1).
    older.close();
    const updated = open(file, true);
    expect(listAwaitingUpgrade(updated)).toEqual([]);
    expect(rows(updated)).toEqual([
      { docId: 'visit_memo:0001', text: '头痛\n乏力' },
      { docId: 'visit_memo:0002', text: '咳嗽\n发热' },
    ]);
    expect(updated.store.get(fromNewerPc._id)).toEqual({ ...fromNewerPc, _rev: rev });

    // A rebuild with the newer program gives the same (the v1 body upgraded before projection).
    next.close();
    const nextUpdated = open(next.file, true);
    rebuildProjectionsSync(nextUpdated);
    expect(listAwaitingUpgrade(nextUpdated)).toEqual([]);
    expect(rows(nextUpdated)).toEqual([
      { docId: 'visit_memo:0001', text: '头痛\n乏力' },
      { docId: 'visit_memo:0002', text: '咳嗽\n发热' },
    ]);
  });
});
