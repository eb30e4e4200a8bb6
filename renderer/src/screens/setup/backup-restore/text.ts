/** 从备份恢复 (first run) and the restore part of 管理 → 备份与恢复. */
export const BACKUP_RESTORE_TEXT = {
  pathBackup: '从备份恢复（U盘上的加密备份）',
  title: '从备份恢复',
  intro: '换了新电脑而连不上县级服务器时，用U盘上的加密备份恢复本院数据。需要备份口令（设置备份时定的，区分大小写）。',
  folder: '备份所在的文件夹',
  folderHint: '例如 U 盘上的 E:\\卫生院备份；填好后按「查找备份」',
  find: '查找备份',
  finding: '正在查找…',
  none: '这个文件夹里没有本系统的备份文件（.tcbak）。请核对文件夹，或确认U盘已插好。',
  file: '要恢复的备份',
  fileHint: '最新的排在最前面',
  choose: '请先查找并选择一个备份',
  passphrase: '备份口令',
  passphraseHint: '设置备份时定的口令',
  passphraseMissing: '请填写备份口令',
  workstation: '这台电脑的工作站编号（选填）',
  workstationHint: '不填则沿用备份里的编号。原电脑在备份之后又同步过数据时，请填一个新编号（如 W02），以免编号重复',
  start: '开始恢复',
  starting: '正在开始…',
  backToNew: '返回',
  keyboardHint: 'Enter 跳到下一项，最后一项 Enter 开始恢复；Esc 返回',
  running: '正在恢复，请不要关闭程序或拔出U盘…',
  done: '恢复完成',
  doneIntro: '本院数据已从备份恢复。请用原来的账号登录。县级同步的密码要在「同步」里重新输入一次。',
  failed: '恢复没有完成',
  tryAgain: '改一改再试',
  goToLogin: '去登录',
  phases: {
    decrypt: '解密备份',
    check: '检查数据库完整性',
    swap: '换入恢复的数据',
    snapshot: '复制数据库',
    encrypt: '加密写入备份盘',
    verify: '读回检查',
    rotate: '清理旧备份',
  },
} as const;

export function backupLabel(backup: { clinicName: string; createdAt: string; workstation: string; bytes: number }, when: string): string {
  const size = backup.bytes >= 1024 * 1024 ? `${(backup.bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(backup.bytes / 1024)} KB`;
  return `${when} · ${backup.clinicName} · ${backup.workstation} · ${size}`;
}
