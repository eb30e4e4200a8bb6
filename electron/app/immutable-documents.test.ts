/**
 * A document its type declares immutable in its current state (here: a note once signed, and every
 * audit event) refuses a local edit whichever way it comes — through an API method, the store, the
 * PouchDB adapter — while the same revision arriving by replication lands; a conflict on it goes to
 * the inbox, where only its winner can be kept.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { openTemporaryDatabase, type TemporaryDatabase } from '../../db/testing/fixtures';
import type { DocumentInput, StoredDocument } from '../../db/store/types';
import { ApiFailure } from '../../shared/api';
import { method } from '../../shared/api/define';
import { defineDocumentType, documentBase, registerDocumentType } from '../../shared/docs';
import { Router } from '../ipc/router';
import { testRouterHooks } from '../ipc/testing/router-hooks';
import { AuditTrail } from '../services/audit-trail';
import type { Actor } from '../services/sessions';
import { resolveConflictFor } from '../services/sync-conflicts';
import { throwIfImmutable } from '../services/write-refusals';
import { listConflicts } from '../sync/conflicts';
import { openLocalPouch } from '../sync/pouch-adapter';

const ID = /^signed_note:\d{4}$/;
const signedNote = defineDocumentType({
  type: 'signed_note',
  label: '门诊记录',
  idPattern: ID,
  schema: z.object({ _id: z.string().regex(ID), type: z.literal('signed_note'), ...documentBase, text: z.string(), status: z.enum(['draft', 'signed']) }),
  documentClass: 'clinical',
  retention: { kind: 'years_after_last_visit', years: 15 },
  conflicts: 'immutable',
  immutable: { kind: 'when_field', field: 'status', values: ['signed'], says: '门诊记录签署后不能修改' },
  example: {
    _id: 'signed_note:0001',
    type: 'signed_note',
    schema_version: 1,
    clinic_code: 'demo01',
    created_at: '2025-03-01T08:00:00.000Z',
    created_by: 'doc1',
    updated_at: '2025-03-01T08:00:00.000Z',
    updated_by: 'doc1',
    text: '咳嗽',
    status: 'draft',
  },
});

const NOTE = 'signed_note:0001';
const draftNote: DocumentInput = { ...signedNote.example, _id: NOTE };
let db: TemporaryDatabase;
let unregister: () => void;
beforeEach(() => {
  unregister = registerDocumentType(signedNote);
  db = openTemporaryDatabase();
});
afterEach(() => {
  db.dispose();
  unregister();
});

const revOf = (result: { ok: boolean; rev?: string }) => (result.ok ? result.rev! : '');
/** A note written as a draft, then signed: returns the signed revision. */
function signedNoteOnFile(): StoredDocument {
  const draft = revOf(db.store.bulkDocs([{ ...draftNote }])[0]);
  const [signed] = db.store.bulkDocs([{ ...draftNote, _rev: draft, status: 'signed', text: '咳嗽三天，已签署' }]);
  expect(signed.ok).toBe(true);
  return db.store.get(NOTE)!;
}
const FORBIDDEN = { ok: false, id: NOTE, error: 'forbidden', reason: expect.stringContaining('门诊记录签署后不能修改') };

describe('an immutable document', () => {
  it('refuses a local edit through the store, in the state its type names, not before', () => {
    const draft = revOf(db.store.bulkDocs([{ ...draftNote }])[0]);
    // While a draft, it may be edited (and then signed).
    const edited = revOf(db.store.bulkDocs([{ ...draftNote, _rev: draft, text: '咳嗽三天' }])[0]);
    expect(db.store.bulkDocs([{ ...draftNote, _rev: edited, status: 'signed' }])[0].ok).toBe(true);
    const signed = db.store.get(NOTE)!;

    expect(db.store.bulkDocs([{ ...signed, text: '改过' }])).toEqual([FORBIDDEN]);
    expect(db.store.bulkDocs([{ _id: NOTE, _rev: signed._rev, _deleted: true }])).toEqual([FORBIDDEN]);
    expect(db.store.bulkDocs([{ ...signed, status: 'draft' }])).toEqual([FORBIDDEN]);
    expect(db.store.get(NOTE)).toEqual(signed);
  });

  it('refuses an edit of an audit event, always', () => {
    const audit = new AuditTrail({ store: db.store, clinicCode: () => 'demo01', workstation: () => 'W01', nextCounter: () => 1 });
    const event = audit.append({ actor: 'admin', action: 'patients.get', outcome: 'ok', targetIds: [] });
    const stored = db.store.get(event._id)!;
    expect(db.store.bulkDocs([{ ...stored, actor: 'someone.else' }])[0]).toMatchObject({
      ok: false,
      error: 'forbidden',
      reason: expect.stringContaining('审计记录'),
    });
  });

  it('refuses a local edit made by an API handler, through the router', async () => {
    const contract = {
      'notes.edit': method({
        input: z.object({ id: z.string(), text: z.string() }).strict(),
        output: z.object({ rev: z.string() }),
        permission: 'admin.manage',
        requiresSetup: true,
        audit: 'write',
        summary: '',
      }),
    };
    const admin: Actor = { username: 'admin', displayName: '管理员', roles: ['admin'], departmentCodes: [], workstation: 'W01' };
    const { hooks } = testRouterHooks({ resolveCaller: () => ({ actor: admin, expired: false }), clinic: () => ({ code: 'demo01', name: '演示卫生院' }) });
    const router = new Router(hooks, contract).implement('notes.edit', ({ id, text }: { id: string; text: string }) => {
      const current = db.store.get(id)!;
      const [result] = db.store.bulkDocs([{ ...current, text }]);
      // The handler passes the refusal on as it is; the router words it.
      throwIfImmutable(result);
      if (!result.ok) throw new ApiFailure('CONFLICT', result.reason);
      return { rev: result.rev };
    });
    const signed = signedNoteOnFile();
    const answer = await router.invoke({ method: 'notes.edit', input: { id: NOTE, text: '改过' }, session: 't' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('门诊记录签署后不能修改') } });
    expect(db.store.get(NOTE)).toEqual(signed);
  });

  it('refuses a local write through the PouchDB adapter, and takes the same revision by replication', async () => {
    const signed = signedNoteOnFile();
    const pouch = openLocalPouch(db.store);
    await expect(pouch.put({ ...signed, text: '改过' })).rejects.toMatchObject({ status: 403 });
    await expect(pouch.bulkDocs([{ _id: NOTE, _rev: signed._rev, _deleted: true }])).resolves.toEqual([expect.objectContaining({ status: 403, error: true })]);
    expect(db.store.get(NOTE)).toEqual(signed);

    // The same change made on another PC (before this one's signature reached it, say) arrives by
    // replication: it lands, through the adapter and through the store.
    const history = db.store.get(NOTE, { revs: true })!._revisions!;
    const replicated = (hash: string, text: string): DocumentInput => ({
      ...signed,
      text,
      _rev: `3-${hash}`,
      _revisions: { start: 3, ids: [hash, ...history.ids] },
    });
    await expect(pouch.bulkDocs([replicated('d'.repeat(32), '改过')], { new_edits: false })).resolves.toEqual([]);
    expect(db.store.get(NOTE)).toMatchObject({ _rev: `3-${'d'.repeat(32)}`, text: '改过' });
    expect(db.store.bulkDocs([replicated('e'.repeat(32), '另一处改的')], { newEdits: false })).toEqual([{ ok: true, id: NOTE, rev: `3-${'e'.repeat(32)}` }]);

    // Now in conflict: the inbox lists it; only its winner can be kept, unchanged.
    expect(listConflicts(db.store)).toEqual([{ id: NOTE, type: 'signed_note', winnerRev: `3-${'e'.repeat(32)}`, conflictRevs: [`3-${'d'.repeat(32)}`] }]);
    const audit = new AuditTrail({ store: db.store, clinicCode: () => 'demo01', workstation: () => 'W01', nextCounter: () => 1 });
    const seenRevs = [`3-${'e'.repeat(32)}`, `3-${'d'.repeat(32)}`];
    const merge = () =>
      resolveConflictFor(db.store, audit, { id: NOTE, seenRevs, choice: { kind: 'fields', base: seenRevs[0], picks: { text: seenRevs[1] } } }, 'admin');
    expect(merge).toThrow(expect.objectContaining({ error: expect.objectContaining({ code: 'VALIDATION_FAILED' }) }));
    const other = () => resolveConflictFor(db.store, audit, { id: NOTE, seenRevs, choice: { kind: 'keep', rev: seenRevs[1] } }, 'admin');
    expect(other).toThrow(expect.objectContaining({ error: expect.objectContaining({ code: 'VALIDATION_FAILED' }) }));
    expect(resolveConflictFor(db.store, audit, { id: NOTE, seenRevs, choice: { kind: 'keep', rev: seenRevs[0] } }, 'admin')).toEqual({
      id: NOTE,
      newRev: null,
      chosen: seenRevs[0],
      closedRevs: [seenRevs[1]],
    });
    expect(db.store.get(NOTE, { conflicts: true })).toMatchObject({ _rev: seenRevs[0], text: '另一处改的' });
    expect(db.store.get(NOTE, { conflicts: true })!._conflicts).toBeUndefined();
  });
});
