import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { amendmentDoc } from '../../shared/docs';
import { DOCTOR, OTHER_DOCTOR, openSigningFixture, PIN, TRAINEE, tamperInDatabase, type SigningFixture } from './testing/fixture';

let fixture: SigningFixture & { dispose(): void };
let clock = Date.parse('2026-03-02T01:00:00.000Z');
beforeEach(() => {
  clock = Date.parse('2026-03-02T01:00:00.000Z');
  fixture = openSigningFixture(() => clock);
});
afterEach(() => fixture.dispose());

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return (error as { error?: { code: string; message: string } }).error;
  }
  throw new Error('expected a refusal');
}

async function signedNote(n = 1): Promise<string> {
  const id = fixture.draft(n, { vitals: { sbp: 150, dbp: 95 } });
  await fixture.signing.sign(id, PIN, DOCTOR);
  return id;
}

describe('an amendment of a signed note', () => {
  beforeEach(async () => {
    await fixture.signing.setPin(DOCTOR, PIN);
    await fixture.signing.setPin(OTHER_DOCTOR, PIN);
  });

  it('keeps the note, stores the full new content with its reason, and is itself signed', async () => {
    const { amendments, signing, db } = fixture;
    const id = await signedNote();
    const before = db.store.get(id);
    clock += 60_000;
    const content = { complaint: '头晕五天', history: '高血压病史五年，血压最高170/100mmHg', vitals: { sbp: 150, dbp: 95 } };
    const result = await amendments.create({ targetId: id, reason: '主诉天数笔误', content, pin: PIN }, DOCTOR);

    expect(db.store.get(id)).toEqual(before);
    const amendment = amendmentDoc.parse(db.store.get(result.targetId));
    expect(amendment).toMatchObject({ target_id: id, previous_id: id, sequence: 1, reason: '主诉天数笔误', content, author: { username: 'li.ming' } });
    expect(signing.verify(amendment._id)).toMatchObject({ status: 'verified', signer: { username: 'li.ming' } });
    // Immutable from the start: a further correction is a further amendment.
    expect(db.store.bulkDocs([{ ...db.store.get(amendment._id)!, reason: '改' }])[0]).toMatchObject({ ok: false, error: 'forbidden' });
  });

  it('needs a reason, only the type’s content fields, a signed note and the right PIN; nothing is saved otherwise', async () => {
    const { amendments } = fixture;
    const id = await signedNote();
    const draft = fixture.draft(2);
    const content = { complaint: '头晕五天', history: '', vitals: null };
    expect(await refusal(amendments.create({ targetId: id, reason: '笔误', content: { complaint: '头晕五天' }, pin: PIN }, DOCTOR))).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('history'),
    });
    await expect(amendments.create({ targetId: id, reason: ' ', content, pin: PIN }, DOCTOR)).rejects.toThrow();
    expect(await refusal(amendments.create({ targetId: id, reason: '笔误', content: { status: 'draft' }, pin: PIN }, DOCTOR))).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(await refusal(amendments.create({ targetId: draft, reason: '笔误', content, pin: PIN }, DOCTOR))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await refusal(amendments.create({ targetId: id, reason: '笔误', content, pin: '000000' }, DOCTOR))).toMatchObject({ code: 'WRONG_PIN' });
    expect(amendments.history(id).versions).toHaveLength(1);
  });

  it('lists every version in order with who, when and why, and marks what changed per field', async () => {
    const { amendments } = fixture;
    const id = await signedNote();
    clock += 60_000;
    const first = { complaint: '头晕五天', history: '高血压病史五年，血压最高160/100mmHg', vitals: { sbp: 150, dbp: 95 } };
    await amendments.create({ targetId: id, reason: '主诉天数笔误', content: first, pin: PIN }, DOCTOR);
    clock += 60_000;
    const second = { ...first, vitals: { sbp: 145, dbp: 95 } };
    await amendments.create({ targetId: id, reason: '血压复测', content: second, pin: PIN }, OTHER_DOCTOR);

    const history = amendments.history(id);
    expect(history.versions.map((v) => [v.sequence, v.author.displayName, v.reason, v.at, v.verification.status])).toEqual([
      [0, '李明', null, '2026-03-02T01:00:00.000Z', 'verified'],
      [1, '李明', '主诉天数笔误', '2026-03-02T01:01:00.000Z', 'verified'],
      [2, '王芳', '血压复测', '2026-03-02T01:02:00.000Z', 'verified'],
    ]);
    expect(history.changes[0].fields).toEqual([
      {
        field: 'complaint',
        before: '头晕三天',
        after: '头晕五天',
        parts: [
          { kind: 'same', text: '头晕' },
          { kind: 'removed', text: '三' },
          { kind: 'added', text: '五' },
          { kind: 'same', text: '天' },
        ],
      },
    ]);
    expect(history.changes[1].fields).toEqual([
      expect.objectContaining({
        field: 'vitals',
        parts: [
          // Stored bodies are canonical: the leaves come in name order.
          { kind: 'same', text: 'dbp：95\nsbp：' },
          { kind: 'removed', text: '150' },
          { kind: 'added', text: '145' },
        ],
      }),
    ]);
  });

  it('starts a correction from the newest version: the document, then its last amendment', async () => {
    const { amendments } = fixture;
    const id = await signedNote();
    expect(amendments.latestContent(id)).toMatchObject({ complaint: '头晕三天', vitals: { sbp: 150, dbp: 95 } });
    clock += 60_000;
    const first = { complaint: '头晕五天', history: null, vitals: { sbp: 150, dbp: 95 } };
    await amendments.create({ targetId: id, reason: '主诉天数笔误', content: first, pin: PIN }, DOCTOR);
    expect(amendments.latestContent(id)).toEqual(first);
  });

  it('shows a tampered amendment as altered in the history, even one no longer fitting its schema', async () => {
    const { amendments, db } = fixture;
    const id = await signedNote();
    const { targetId } = await amendments.create(
      { targetId: id, reason: '笔误', content: { complaint: '头晕五天', history: 'x', vitals: null }, pin: PIN },
      DOCTOR,
    );
    tamperInDatabase(db, targetId, '$.reason', '另一个原因');
    expect(amendments.history(id).versions[1]).toMatchObject({
      reason: '另一个原因',
      verification: { status: 'altered', failure: { kind: 'body_altered', documentId: targetId } },
    });
    tamperInDatabase(db, targetId, '$.reason', '');
    expect(amendments.history(id).versions[1]).toMatchObject({
      reason: '',
      verification: { status: 'altered', failure: { kind: 'body_altered', documentId: targetId } },
    });
  });
});

describe('counter-signature (ID-03)', () => {
  it('a trainee’s note waits for a licensed doctor, who is kept with the time', async () => {
    const { signing } = fixture;
    await signing.setPin(TRAINEE, PIN);
    await signing.setPin(DOCTOR, PIN);
    const id = fixture.draft(1);
    const signed = await signing.sign(id, PIN, TRAINEE);
    expect(signed.needsCountersign).toBe(true);
    expect(signing.verify(id)).toMatchObject({ status: 'verified', needsCountersign: true, signer: { practice: 'trainee' } });

    // Another trainee cannot, nor can the trainee; a licensed doctor can, once.
    expect(await refusal(signing.countersign(id, PIN, TRAINEE))).toMatchObject({ code: 'FORBIDDEN' });
    clock += 5 * 60_000;
    await signing.countersign(id, PIN, DOCTOR);
    const verification = signing.verify(id);
    expect(verification.needsCountersign).toBe(false);
    expect(verification.status).toBe('verified');
    expect(verification.signatures.map((s) => [s.purpose, s.signer.username, s.signedAt])).toEqual([
      ['sign', 'zhao.xiao', '2026-03-02T01:00:00.000Z'],
      ['countersign', 'li.ming', '2026-03-02T01:05:00.000Z'],
    ]);
    expect(await refusal(signing.countersign(id, PIN, DOCTOR))).toMatchObject({ code: 'CONFLICT' });
  });

  it('a licensed doctor’s note needs none, and an altered one cannot be counter-signed', async () => {
    const { signing, db } = fixture;
    await signing.setPin(TRAINEE, PIN);
    await signing.setPin(DOCTOR, PIN);
    const own = fixture.draft(1);
    await signing.sign(own, PIN, DOCTOR);
    expect(signing.verify(own).needsCountersign).toBe(false);
    expect(await refusal(signing.countersign(own, PIN, OTHER_DOCTOR))).toMatchObject({ code: 'CONFLICT' });

    const trainees = fixture.draft(2);
    await signing.sign(trainees, PIN, TRAINEE);
    tamperInDatabase(db, trainees, '$.history', '无');
    expect(await refusal(signing.countersign(trainees, PIN, DOCTOR))).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
