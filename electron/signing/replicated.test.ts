/**
 * A signature made on one PC is checked on another after replication (PouchDB's replicator between
 * two real stores): the signer's published key travels with it; without the key it is `unknown_key`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTemporaryDatabase } from '../../db/testing/fixtures';
import { registerDocumentType } from '../../shared/docs';
import { clinicPouchDB, openLocalPouch } from '../sync/pouch-adapter';
import { DOCTOR, PIN, signingOver, testNote, type SigningFixture } from './testing/fixture';

let unregister: () => void;
let here: SigningFixture;
let there: SigningFixture;
beforeEach(() => {
  unregister = registerDocumentType(testNote);
  here = signingOver(openTemporaryDatabase());
  there = signingOver(openTemporaryDatabase());
});
afterEach(() => {
  here.db.dispose();
  there.db.dispose();
  unregister();
});

async function replicate(filter?: (doc: { _id: string }) => boolean) {
  const PouchDB = clinicPouchDB();
  const result = await PouchDB.replicate(
    openLocalPouch(here.db.store, { name: 'here' }),
    openLocalPouch(there.db.store, { name: 'there' }),
    filter ? { filter } : {},
  );
  expect(result.doc_write_failures).toBe(0);
}

describe('a replicated signature', () => {
  it('verifies on the other PC, which never had the private key', async () => {
    await here.signing.setPin(DOCTOR, PIN);
    const id = here.draft(1);
    const { signatureId } = await here.signing.sign(id, PIN, DOCTOR);

    // First without the signer's key: the signature cannot be checked there yet.
    await replicate((doc) => !doc._id.startsWith('signing_key:'));
    expect(there.signing.verify(id)).toMatchObject({ status: 'unknown_key', failure: { kind: 'unknown_key', documentId: signatureId } });

    await replicate();
    expect(there.signing.verify(id)).toMatchObject({ status: 'verified', signer: { username: DOCTOR.username } });
    // The private key stayed behind: the doctor has no key on the other PC until a PIN is set there.
    expect(there.signing.status(DOCTOR).hasKey).toBe(false);
    // And the note is as immutable there as here.
    expect(there.db.store.bulkDocs([{ ...there.db.store.get(id)!, complaint: '改' }])[0]).toMatchObject({ ok: false, error: 'forbidden' });
  });

  it('a body changed by a replicated revision after signing shows as altered there', async () => {
    await here.signing.setPin(DOCTOR, PIN);
    const id = here.draft(1);
    await here.signing.sign(id, PIN, DOCTOR);
    await replicate();
    const signed = there.db.store.get(id, { revs: true })!;
    // Replicated revisions land even on an immutable document (another PC's edit made before it saw the signature).
    const hash = 'f'.repeat(32);
    const [landed] = there.db.store.bulkDocs(
      [{ ...signed, complaint: '别处改过', _rev: `3-${hash}`, _revisions: { start: 3, ids: [hash, ...signed._revisions!.ids] } }],
      { newEdits: false },
    );
    expect(landed.ok).toBe(true);
    expect(there.signing.verify(id)).toMatchObject({ status: 'altered', failure: { kind: 'body_altered', documentId: id } });
  });
});
