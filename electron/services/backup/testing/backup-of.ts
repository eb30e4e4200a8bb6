import path from 'node:path';
import { DATABASE_FILE } from '../../../app/clinic-app';
import { TEST_SETUP } from '../../../app/testing';
import { makeBackup } from '../make-backup';

/** A backup of a test app's data folder (the test clinic, workstation W01) into `folder`; returns the file. */
export async function backupOf(dataDir: string, folder: string, passphrase: string): Promise<string> {
  const outcome = await makeBackup({
    liveFile: path.join(dataDir, DATABASE_FILE),
    workDir: dataDir,
    targetDir: folder,
    passphrase,
    facts: { clinicCode: TEST_SETUP.clinic.code, clinicName: TEST_SETUP.clinic.name, workstation: 'W01', appVersion: 'test' },
    zone: 'Asia/Shanghai',
    keep: { daily: 7, weekly: 4 },
  });
  return outcome.file;
}
