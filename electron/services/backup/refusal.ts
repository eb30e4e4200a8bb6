/**
 * Why a backup file was not used, in words the person holding the USB drive can act on. Every
 * refusal happens before anything of this PC's data is touched, and says so.
 */
export type BackupRefusalCode =
  | 'BACKUP_NOT_FOUND'
  | 'BACKUP_NOT_A_BACKUP'
  | 'BACKUP_NEWER_FORMAT'
  | 'BACKUP_WRONG_PASSPHRASE'
  | 'BACKUP_TRUNCATED'
  | 'BACKUP_DAMAGED'
  | 'BACKUP_INTEGRITY'
  | 'BACKUP_NOT_A_CLINIC'
  | 'BACKUP_OTHER_CLINIC';

const UNCHANGED = '本机数据没有任何改动。';

export const BACKUP_REFUSALS: Readonly<Record<BackupRefusalCode, string>> = {
  BACKUP_NOT_FOUND: `找不到这个备份文件。请核对路径，或确认U盘已插好。${UNCHANGED}`,
  BACKUP_NOT_A_BACKUP: `这个文件不是本系统的备份文件（备份文件以 .tcbak 结尾）。请选择「立即备份」生成的文件。${UNCHANGED}`,
  BACKUP_NEWER_FORMAT: `这个备份由更新版本的程序生成，本程序读不了。请先把本程序升级到新版本再恢复。${UNCHANGED}`,
  BACKUP_WRONG_PASSPHRASE: `备份口令不对，解不开这个备份。请核对口令（区分大小写）后再试。${UNCHANGED}`,
  BACKUP_TRUNCATED: `备份文件不完整（比应有的短），可能是复制时中断或U盘被提前拔出，不能用来恢复。请换一个备份文件。${UNCHANGED}`,
  BACKUP_DAMAGED: `备份文件已损坏或被改动过（校验不通过），不能用来恢复。请换一个备份文件。${UNCHANGED}`,
  BACKUP_INTEGRITY: `备份里的数据库没有通过完整性检查，不能用来恢复。请换一个备份文件。${UNCHANGED}`,
  BACKUP_NOT_A_CLINIC: `备份里没有本院的设置和账号，不能用来恢复。请换一个备份文件。${UNCHANGED}`,
  BACKUP_OTHER_CLINIC: `这个备份属于另一家机构，不能恢复到本院。请换一个本院的备份文件。${UNCHANGED}`,
};

export class BackupRefused extends Error {
  constructor(
    readonly code: BackupRefusalCode,
    readonly detail?: string,
  ) {
    super(BACKUP_REFUSALS[code]);
    this.name = 'BackupRefused';
  }
}
