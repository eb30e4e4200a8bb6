import { closeSync, existsSync, openSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ApiFailure } from '../../../shared/api';
import type { BackupFileView } from '../../../shared/api/backup';
import { readBackupHeader } from './cipher';
import { BACKUP_EXTENSION } from './format';

/**
 * The backups in a folder, newest first, read from their headers (no passphrase needed: the header
 * names the clinic, the workstation and the time, nothing of a patient). A file whose header does
 * not check out is left off; restoring it would be refused anyway.
 */
export function listBackups(folder: string): BackupFileView[] {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new ApiFailure('VALIDATION_FAILED', '找不到这个文件夹。请核对路径，或确认U盘已插好。', [{ path: 'folder', message: '找不到这个文件夹' }]);
  }
  const found: BackupFileView[] = [];
  for (const name of readdirSync(folder)) {
    if (!name.endsWith(BACKUP_EXTENSION) || name.startsWith('.')) continue;
    const file = path.join(folder, name);
    let fd: number | null = null;
    try {
      fd = openSync(file, 'r');
      const { header, fileBytes } = readBackupHeader(fd);
      found.push({
        file,
        name,
        clinicCode: header.clinicCode,
        clinicName: header.clinicName,
        workstation: header.workstation,
        createdAt: header.createdAt,
        bytes: fileBytes,
      });
    } catch {
      // Not a readable backup: not listed.
    } finally {
      if (fd !== null) closeSync(fd);
    }
  }
  return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
