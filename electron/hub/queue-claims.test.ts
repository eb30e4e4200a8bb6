import { afterEach, describe, expect, it } from 'vitest';
import { openTemporaryDatabase, type TemporaryDatabase } from '../../db/testing/fixtures';
import { answerClaim } from './queue-claims';

const open: TemporaryDatabase[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.dispose();
});

describe('a 就诊序号 claim on the hub', () => {
  const id = 'queue:20261203:03:7';
  const claim = (workstation: string, extra: Record<string, unknown> = {}) => ({
    _id: id,
    type: 'queue_claim',
    clinic_code: 'demo01',
    workstation,
    claimed_at: '2026-12-03T01:00:00.000Z',
    ...extra,
  });
  const who = { workstation: 'W02', clinicCode: 'demo01' };

  it('takes the first claim of a number and answers 409 to the next, whoever sends it', () => {
    const db = openTemporaryDatabase();
    open.push(db);
    expect(answerClaim(db.store, id, claim('W02'), who)).toMatchObject({ status: 201, body: { ok: true, id } });
    expect(answerClaim(db.store, id, claim('W03'), { workstation: 'W03', clinicCode: 'demo01' })).toMatchObject({ status: 409 });
    expect(db.store.get(id)).toMatchObject({ workstation: 'W02' });
  });

  it('refuses a claim in another workstation’s name, with other fields, or for another id, writing nothing', () => {
    const db = openTemporaryDatabase();
    open.push(db);
    const before = db.store.info().updateSeq;
    expect(answerClaim(db.store, id, claim('W03'), who).status).toBe(403);
    expect(answerClaim(db.store, id, claim('W02', { name: '王秀英' }), who).status).toBe(400);
    expect(answerClaim(db.store, id, claim('W02', { _rev: '1-a' }), who).status).toBe(400);
    expect(answerClaim(db.store, 'patient:01J', { ...claim('W02'), _id: 'patient:01J' }, who).status).toBe(400);
    expect(db.store.info().updateSeq).toBe(before);
  });
});
