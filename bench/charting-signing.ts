/**
 * Signing figures for `npm run bench -- charting` (and alone: `npm run bench -- charting-signing`):
 * signing a note p95 (opening the key with the PIN included: scrypt at the app's cost is most of it),
 * verifying a note p95 on a store holding `size` signed notes, and the rate of the verification
 * command over all of them. Notes are a type declared for the benchmark (the registry's `signing`
 * rule is all the service needs).
 */
import { sm2 } from 'sm-crypto-v2';
import { openTemporaryDatabase } from '../db/testing/fixtures';
import { clinicQueries } from '../db/queries';
import { registerDocumentType } from '../shared/docs';
import { DEFAULT_KDF, SigningService, verifyAllSignatures } from '../electron/signing';
import { DOCTOR, PIN, signingOver, testNote } from '../electron/signing/testing/fixture';
import type { BenchContext } from './run';
import { nowMs, percentile } from './stats';

export async function measureSigning(ctx: BenchContext, options: { notes?: number; samples?: number } = {}): Promise<void> {
  const notes = options.notes ?? ctx.size ?? 2000;
  const samples = Math.min(options.samples ?? 100, notes);
  const unregister = registerDocumentType(testNote);
  const db = openTemporaryDatabase();
  try {
    const fixture = signingOver(db);
    const signing = new SigningService({ store: db.store, queries: clinicQueries(db.orm).signing, clinicCode: () => 'demo01', kdf: DEFAULT_KDF });
    await signing.setPin(DOCTOR, PIN);
    const signTimes: number[] = [];
    for (let n = 1; n <= notes; n += 1) {
      const id = fixture.draft(n);
      const started = nowMs();
      await signing.sign(id, PIN, DOCTOR);
      if (n <= samples) signTimes.push(nowMs() - started);
      else if (n === samples + 1) ctx.progress(`已签名 ${samples} 份，其余 ${notes - samples} 份仅用于验证的规模`);
    }
    ctx.emit('signing.sign.p95', percentile(signTimes, 95), 'ms');

    const verifyTimes: number[] = [];
    for (let i = 0; i < samples; i += 1) {
      const id = `test_note:${String(1 + ((i * 7919) % notes)).padStart(4, '0')}`;
      const started = nowMs();
      signing.verify(id);
      verifyTimes.push(nowMs() - started);
    }
    ctx.emit('signing.verify.p95', percentile(verifyTimes, 95), 'ms');
    // Baseline in the same run (these machines are noisy): one bare SM2 verification of a short text.
    const key = sm2.generateKeyPairHex();
    const bare = sm2.doSignature('baseline', key.privateKey, { hash: true });
    const bareTimes: number[] = [];
    for (let i = 0; i < samples; i += 1) {
      const at = nowMs();
      sm2.doVerifySignature('baseline', bare, key.publicKey, { hash: true });
      bareTimes.push(nowMs() - at);
    }
    ctx.emit('signing.baseline_sm2_verify.p95', percentile(bareTimes, 95), 'ms');

    const started = nowMs();
    const all = verifyAllSignatures(db.store, clinicQueries(db.orm).signing);
    ctx.emit('signing.verify_all.signatures_per_s', all.checked / ((nowMs() - started) / 1000), 'signatures/s');
  } finally {
    db.dispose();
    unregister();
  }
}

export default (ctx: BenchContext) => measureSigning(ctx);
