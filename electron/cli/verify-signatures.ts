/**
 * `npm run cli -- verify-signatures [--patient <id>] [--since <date>] --data-dir DIR`: checks every
 * signature in the data folder (or a patient's, or those made since a day, China time), prints a
 * summary and one line per failure naming the document and what fails. Exit code 1 on any failure.
 */
import path from 'node:path';
import { openClinicDatabase } from '../../db/open';
import { signingQueries } from '../../db/queries';
import type { VerificationFailureKind } from '../../shared/api/signing';
import { PATIENT_ID } from '../../shared/docs';
import { isoDateProblem } from '../../shared/time/iso';
import { DATABASE_FILE } from '../app/clinic-app';
import { flagValue, resolveDataDir } from '../app/data-dir';
import { verifyAllSignatures } from '../signing';

export const VERIFY_USAGE = '  verify-signatures [--patient <患者编号>] [--since <YYYY-MM-DD>] --data-dir <目录>   验证电子签名';

/** What fails, in words, with the machine-readable kind after it for scripts. */
const WHAT_FAILS: Readonly<Record<VerificationFailureKind, string>> = {
  body_altered: '内容被改动',
  signature_altered: '签名无效',
  target_missing: '记录缺失',
  unknown_key: '未知公钥',
  key_revoked: '公钥已吊销',
  key_not_signers: '公钥与签名人不符',
};

/** Runs the command; returns the exit code (0 all verified, 1 a failure, 2 bad arguments). */
export function runVerifySignatures(argv: ReadonlyArray<string>, env: NodeJS.ProcessEnv, print: (line: string) => void = console.log): number {
  const patientId = flagValue(argv, '--patient');
  const sinceDay = flagValue(argv, '--since');
  if (patientId !== undefined && !PATIENT_ID.test(patientId)) {
    print(`--patient 应是患者编号（patient:…），收到“${patientId}”。`);
    return 2;
  }
  if (sinceDay !== undefined && isoDateProblem(sinceDay)) {
    print(`--since 应是日期，写成 2026-03-14 这样，收到“${sinceDay}”。`);
    return 2;
  }
  const db = openClinicDatabase(path.join(resolveDataDir(argv, env), DATABASE_FILE), { slowQueryLog: false });
  try {
    // A day starts at midnight in the clinic's time (China time), stored times are UTC.
    const since = sinceDay === undefined ? undefined : new Date(`${sinceDay}T00:00:00+08:00`).toISOString();
    const result = verifyAllSignatures(db.store, signingQueries(db.orm), { patientId, since });
    print(`验证电子签名：共 ${result.checked} 个，通过 ${result.verified} 个，不通过 ${result.failures.length} 个。`);
    for (const { targetId, check } of result.failures) {
      const failure = check.failure!;
      print(`不通过 ${targetId}（签名 ${check.signatureId}，${check.signer.displayName}）：${WHAT_FAILS[failure.kind]} [${failure.kind}] ${failure.message}`);
    }
    return result.failures.length > 0 ? 1 : 0;
  } finally {
    db.close();
  }
}
