import { afterEach, describe, expect, it } from 'vitest';
import { openTemporaryDatabase, type TemporaryDatabase } from '../../db/testing/fixtures';
import type { AuditEventDoc } from '../../shared/docs';
import { AuditTrail, verifyAuditChain } from './audit-trail';
import { type AuditedCall, CallAudits } from './call-audit';

let db: TemporaryDatabase;
afterEach(() => db.dispose());

/** A store with the audit hook wired as the app wires it, counters kept in the same SQLite file. */
function openAudited(options: { enabled?: boolean } = {}) {
  db = openTemporaryDatabase();
  const { store } = db;
  const trail = new AuditTrail({
    store,
    clinicCode: () => 'qingshan',
    workstation: () => 'W01',
    // A `_local` document: rolled back with the transaction, like the app's counters table.
    nextCounter: (name) => {
      const held = store.getLocal(`_local/counter-${name}`);
      const next = (typeof held?.n === 'number' ? held.n : 0) + 1;
      store.putLocal({ _id: `_local/counter-${name}`, ...(held ? { _rev: held._rev } : {}), n: next });
      return next;
    },
  });
  const audits = new CallAudits(trail, () => options.enabled !== false);
  db.store.onLocalWrite(audits.onLocalWrite);
  const events = (): AuditEventDoc[] =>
    db.store
      .changes({ includeDocs: true })
      .results.map((row) => row.doc)
      .filter((doc): doc is NonNullable<typeof doc> => doc?.type === 'audit') as unknown as AuditEventDoc[];
  return { store, trail, audits, events };
}

const at = '2026-12-03T08:00:00.000Z';
const department = (code: string) => ({
  _id: `department:${code}`,
  type: 'department',
  schema_version: 1,
  clinic_code: 'qingshan',
  created_at: at,
  created_by: 'admin',
  updated_at: at,
  updated_by: 'admin',
  code,
  name: '中医科',
  outpatient: true,
  active: true,
});
const call = (kind: AuditedCall['kind'], input: unknown = {}): AuditedCall => ({
  method: kind === 'write' ? 'admin.createDepartment' : 'patients.get',
  kind,
  actor: 'admin',
  input,
});

describe('CallAudits', () => {
  it('commits the call event in the transaction of its first write, naming what was written', async () => {
    const { store, audits, events } = openAudited();
    const { recordedWithWrite } = await audits.run(call('write', { code: '50' }), async () => {
      await Promise.resolve(); // an async handler: the context follows it across awaits
      return store.bulkDocs([department('50'), department('51')]);
    });
    expect(recordedWithWrite).toBe(true);
    expect(events().map((e) => [e.action, e.outcome, e.actor, e.target_ids])).toEqual([
      ['admin.createDepartment', 'ok', 'admin', ['department:50', 'department:51']],
    ]);
    // The event went in with the documents: one commit moved the feed past both.
    const seqs = store.changes().results.map((r) => [r.id, r.seq]);
    expect(seqs.map(([id]) => id)).toEqual(['department:50', 'department:51', 'audit:W01:0000000001']);
  });

  it('rolls the write back when its event cannot be written, and writes neither', async () => {
    const { store, trail, audits, events } = openAudited();
    trail.append = () => {
      throw new Error('disk full');
    };
    await expect(audits.run(call('write'), () => store.bulkDocs([department('50')]))).rejects.toThrow('disk full');
    expect(store.get('department:50')).toBeNull();
    expect(events()).toEqual([]);
  });

  it('records one event per outermost transaction, and links a later write of the same call to the first', async () => {
    const { store, audits, events } = openAudited();
    await audits.run(call('write'), async () => {
      store.transaction(() => {
        store.bulkDocs([department('50')]);
        store.bulkDocs([department('51')]);
      });
      await Promise.resolve();
      store.bulkDocs([department('52')]);
    });
    const chain = events();
    expect(chain.map((e) => e.target_ids)).toEqual([['department:50', 'department:51'], ['department:52']]);
    expect(chain[0].detail).toBeUndefined();
    expect(JSON.parse(chain[1].detail ?? '{}')).toEqual({ sameCallAs: 'audit:W01:0000000001', write: 2 });
    expect(verifyAuditChain(chain)).toBeNull();
  });

  it('forgets a nested write that was rolled back', async () => {
    const { store, audits, events } = openAudited();
    await audits.run(call('write'), () =>
      store.transaction(() => {
        try {
          store.transaction(() => {
            store.bulkDocs([department('50')]);
            throw new Error('changed my mind');
          });
        } catch {
          // the savepoint is gone, and with it department 50
        }
        store.bulkDocs([department('51')]);
      }),
    );
    expect(store.get('department:50')).toBeNull();
    expect(events().map((e) => e.target_ids)).toEqual([['department:51']]);
  });

  it('refuses a write made by a call declared as a read, and writes nothing', async () => {
    const { store, audits, events } = openAudited();
    await expect(audits.run(call('read'), () => store.bulkDocs([department('50')]))).rejects.toThrow(/declared a read/);
    expect(store.get('department:50')).toBeNull();
    expect(events()).toEqual([]);
  });

  it('leaves writes outside a call, and after it ended, alone', async () => {
    const { store, audits, events } = openAudited();
    let leftRunning: Promise<unknown> = Promise.resolve();
    const { recordedWithWrite } = await audits.run(call('write'), () => {
      // Work the call starts and does not wait for (a sync run, a timer) carries its context along.
      leftRunning = new Promise((resolve) => setTimeout(resolve, 20)).then(() => store.bulkDocs([department('52')]));
    });
    store.bulkDocs([department('50')]);
    await leftRunning;
    expect(recordedWithWrite).toBe(false);
    expect(store.get('department:52')).not.toBeNull();
    expect(events()).toEqual([]);
  });

  it('records nothing before setup, and records events on their own when asked', async () => {
    const before = openAudited({ enabled: false });
    await before.audits.run(call('write'), () => before.store.bulkDocs([department('50')]));
    before.audits.record({ method: 'auth.login', actor: 'admin', outcome: 'failed', input: {} });
    expect(before.events()).toEqual([]);
    db.dispose();

    const after = openAudited();
    after.audits.record({
      method: 'patients.get',
      actor: 'li',
      outcome: 'ok',
      input: { id: 'patient:01JAB2CDEFGHJKMNPQRSTVWXYZ' },
      output: { id: 'patient:01JAB2CDEFGHJKMNPQRSTVWXYZ' },
    });
    expect(after.events().map((e) => [e.action, e.actor, e.target_ids])).toEqual([['patients.get', 'li', ['patient:01JAB2CDEFGHJKMNPQRSTVWXYZ']]]);
  });
});
