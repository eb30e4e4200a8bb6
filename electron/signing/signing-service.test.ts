import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openClinicDatabase } from '../../db/open';
import { clinicQueries } from '../../db/queries';
import { signatureDoc } from '../../shared/docs';
import { SigningService } from './signing-service';
import { DOCTOR, openSigningFixture, PIN, TEST_KDF, tamperInDatabase, type SigningFixture } from './testing/fixture';

let fixture: SigningFixture & { dispose(): void };
let clock = Date.parse('2026-03-02T01:00:00.000Z');
const now = () => clock;

beforeEach(() => {
  clock = Date.parse('2026-03-02T01:00:00.000Z');
  fixture = openSigningFixture(now);
});
afterEach(() => fixture.dispose());

const failureOf = (error: unknown) => (error as { error?: { code: string; message: string } }).error;

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return failureOf(error);
  }
  throw new Error('expected a refusal');
}

describe('signing a document', () => {
  it('sets it signed and writes the signature in one transaction; verify names signer, time and clock state', async () => {
    const { signing, db } = fixture;
    await signing.setPin(DOCTOR, PIN);
    const id = fixture.draft(1);
    const signed = await signing.sign(id, PIN, DOCTOR);

    const note = db.store.get(id)!;
    expect(note).toMatchObject({ status: 'signed', updated_by: DOCTOR.username, _rev: signed.targetRev });
    const signature = signatureDoc.parse(db.store.get(signed.signatureId));
    expect(signature).toMatchObject({
      target_id: id,
      target_rev: note._rev,
      covers: 'body-v1',
      signed_at: '2026-03-02T01:00:00.000Z',
      clock: { source: 'local' },
    });
    expect(signature.key_id).toBe(signing.status(DOCTOR).keyId);

    const verification = signing.verify(id);
    expect(verification).toMatchObject({
      status: 'verified',
      signer: { username: 'li.ming', displayName: '李明', practice: 'licensed' },
      signedAt: '2026-03-02T01:00:00.000Z',
      failure: null,
      needsCountersign: false,
    });
    expect(signing.verify('test_note:0099').status).toBe('unsigned');
  });

  it('leaves the document refused to local edits once signed, and refuses signing twice', async () => {
    const { signing, db } = fixture;
    await signing.setPin(DOCTOR, PIN);
    const id = fixture.draft(1);
    await signing.sign(id, PIN, DOCTOR);
    const signed = db.store.get(id)!;
    expect(db.store.bulkDocs([{ ...signed, complaint: '改过的主诉' }])).toEqual([
      expect.objectContaining({ ok: false, error: 'forbidden', reason: expect.stringContaining('病历签署后不能修改') }),
    ]);
    expect(db.store.get(id)).toEqual(signed);
    expect(await refusal(signing.sign(id, PIN, DOCTOR))).toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses a type that is not signable, and a missing document', async () => {
    const { signing, db } = fixture;
    await signing.setPin(DOCTOR, PIN);
    const [dept] = db.store.bulkDocs([
      {
        _id: 'department:NK',
        type: 'department',
        ...signing.stamp('admin', new Date(clock).toISOString()),
        code: 'NK',
        name: '内科',
        outpatient: true,
        active: true,
      },
    ]);
    expect(dept.ok).toBe(true);
    expect(await refusal(signing.sign('department:NK', PIN, DOCTOR))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await refusal(signing.sign('test_note:0404', PIN, DOCTOR))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('without a key on this PC, says to set a PIN first', async () => {
    expect(await refusal(fixture.signing.sign(fixture.draft(1), PIN, DOCTOR))).toMatchObject({ code: 'NO_SIGNING_KEY' });
  });
});

describe('tampering', () => {
  it('a body changed in the SQLite file fails verification, naming the document', async () => {
    const { signing, db } = fixture;
    await signing.setPin(DOCTOR, PIN);
    const id = fixture.draft(1);
    const other = fixture.draft(2);
    await signing.sign(id, PIN, DOCTOR);
    await signing.sign(other, PIN, DOCTOR);
    tamperInDatabase(db, id, '$.complaint', '无不适');

    const verification = signing.verify(id);
    expect(verification.status).toBe('altered');
    expect(verification.failure).toMatchObject({ kind: 'body_altered', documentId: id, message: expect.stringContaining(id) });
    expect(signing.verify(other).status).toBe('verified');
  });

  it('a signature record changed in the file (another signer named) fails as a bad signature', async () => {
    const { signing, db } = fixture;
    await signing.setPin(DOCTOR, PIN);
    const id = fixture.draft(1);
    const { signatureId } = await signing.sign(id, PIN, DOCTOR);
    tamperInDatabase(db, signatureId, '$.signed_at', '2026-03-01T01:00:00.000Z');
    expect(signing.verify(id)).toMatchObject({ status: 'altered', failure: { kind: 'signature_altered', documentId: signatureId } });
  });
});

describe('the signing PIN', () => {
  it('five wrong PINs lock signing for 15 minutes, and a restart does not reset the count', async () => {
    const { signing, db } = fixture;
    await signing.setPin(DOCTOR, PIN);
    const id = fixture.draft(1);
    for (let attempt = 1; attempt <= 3; attempt += 1) expect(await refusal(signing.sign(id, '000000', DOCTOR))).toMatchObject({ code: 'WRONG_PIN' });
    expect(signing.status(DOCTOR)).toMatchObject({ attemptsLeft: 2, lockedUntil: null });

    // The program restarts: a new database connection and a new service over the same file.
    const file = db.sqlite.name;
    db.close();
    const reopened = openClinicDatabase(path.resolve(file), { slowQueryLog: false });
    try {
      const again = new SigningService({ store: reopened.store, queries: clinicQueries(reopened.orm).signing, clinicCode: () => 'demo01', kdf: TEST_KDF, now });
      expect(again.status(DOCTOR).attemptsLeft).toBe(2);
      expect(await refusal(again.sign(id, '111111', DOCTOR))).toMatchObject({ code: 'WRONG_PIN', message: expect.stringContaining('还可以再试 1 次') });
      expect(await refusal(again.sign(id, '222222', DOCTOR))).toMatchObject({ code: 'SIGNING_LOCKED' });
      expect(again.status(DOCTOR)).toMatchObject({ attemptsLeft: 0, lockedUntil: '2026-03-02T01:15:00.000Z' });
      // Locked: even the right PIN is refused, and the document stays unsigned.
      expect(await refusal(again.sign(id, PIN, DOCTOR))).toMatchObject({ code: 'SIGNING_LOCKED' });
      expect(reopened.store.get(id)!.status).toBe('draft');

      clock += 15 * 60 * 1000 + 1;
      await again.sign(id, PIN, DOCTOR);
      expect(again.verify(id).status).toBe('verified');
      expect(again.status(DOCTOR)).toMatchObject({ attemptsLeft: 5, lockedUntil: null });
    } finally {
      reopened.close();
    }
  });

  it('is set once per PC, changed with the old PIN, and the key stays the same', async () => {
    const { signing } = fixture;
    const first = await signing.setPin(DOCTOR, PIN);
    expect(first).toMatchObject({ hasKey: true, practice: 'licensed', attemptsLeft: 5 });
    expect(await refusal(signing.setPin(DOCTOR, '135790'))).toMatchObject({ code: 'CONFLICT' });
    expect(await refusal(signing.changePin(DOCTOR, '999999', '135790'))).toMatchObject({ code: 'WRONG_PIN' });
    await signing.changePin(DOCTOR, PIN, '135790');
    expect(signing.status(DOCTOR).keyId).toBe(first.keyId);
    const id = fixture.draft(1);
    expect(await refusal(signing.sign(id, PIN, DOCTOR))).toMatchObject({ code: 'WRONG_PIN' });
    await signing.sign(id, '135790', DOCTOR);
    expect(signing.verify(id).status).toBe('verified');
  });
});
