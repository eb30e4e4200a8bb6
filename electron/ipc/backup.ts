import type { AppContext } from './context';
import type { Router } from './router';

/** 备份与恢复 (electron/services/backup): settings, 立即备份, history, and the two restores. */
export function registerBackup(router: Router, app: AppContext): void {
  router
    .implement('backup.getSettings', () => app.backup.settingsView())
    .implement('backup.saveSettings', (input) => app.backup.save(input))
    .implement('backup.status', () => app.backup.status())
    .implement('backup.runNow', () => app.backup.runNow())
    .implement('backup.findBackups', (input) => ({ backups: app.backup.findBackups(input.folder) }))
    .implement('backup.restoreAtFirstRun', (input, { actor }) => app.backupRestore.startAtFirstRun({ ...input, actor: actor?.username ?? 'anonymous' }))
    .implement('backup.restore', (input, { actor, clinic }) => app.backupRestore.startReplacing({ ...input, actor: actor.username }, clinic.code))
    .implement('backup.restoreStatus', () => app.backupRestore.status());
}
