/**
 * `npm run cli -- <command> [options]`: maintenance commands for a clinic's data folder.
 *   rebuild-projections --data-dir DIR    rebuild every projection table from the documents
 *   info --data-dir DIR                   document counts, sequence and file size
 * and the county-sync commands (sync-commands.ts): county-setup, recover, sync-now, compact;
 * the backup commands (backup.ts): backup, restore-backup.
 * verify-signatures and verify-copy (a certified copy's PDF: genuine, altered or unknown).
 */
import path from 'node:path';
import { openClinicDatabase } from '../../db/open';
import { rebuildProjections } from '../../db/projections/rebuild';
import { DATABASE_FILE } from '../app/clinic-app';
import { resolveDataDir } from '../app/data-dir';
import { BACKUP_COMMANDS, BACKUP_USAGE, runBackupCommand, type BackupCommand } from './backup';
import { runVerifyCopy, VERIFY_COPY_USAGE } from './verify-copy';
import { runVerifySignatures, VERIFY_USAGE } from './verify-signatures';
import { runSyncCommand, SYNC_COMMANDS, USAGE as SYNC_USAGE, type SyncCommand } from './sync-commands';

type Command = 'rebuild-projections' | 'info';
const COMMANDS: ReadonlyArray<Command> = ['rebuild-projections', 'info'];

async function main(): Promise<void> {
  const [command, ...argv] = process.argv.slice(2);
  if (command === 'verify-signatures') process.exit(runVerifySignatures(argv, process.env));
  if ((BACKUP_COMMANDS as ReadonlyArray<string>).includes(command)) {
    if (!(await runBackupCommand(command as BackupCommand, argv))) process.exit(1);
    return;
  }
  if (command === 'verify-copy') process.exit(await runVerifyCopy(argv, process.env));
  if ((SYNC_COMMANDS as ReadonlyArray<string>).includes(command)) {
    if (!(await runSyncCommand(command as SyncCommand, argv))) process.exit(1);
    return;
  }
  if (!COMMANDS.includes(command as Command)) {
    console.error(`用法：npm run cli -- <${COMMANDS.join('|')}> --data-dir <目录>\n${SYNC_USAGE}\n${VERIFY_USAGE}\n${BACKUP_USAGE}`);
    console.error(`用法：npm run cli -- <${COMMANDS.join('|')}> --data-dir <目录>\n${SYNC_USAGE}\n${VERIFY_USAGE}\n${VERIFY_COPY_USAGE}`);
    process.exit(2);
  }
  const dataDir = resolveDataDir(argv, process.env);
  const db = openClinicDatabase(path.join(dataDir, DATABASE_FILE));
  try {
    switch (command as Command) {
      case 'rebuild-projections': {
        const started = Date.now();
        let lastShown = 0;
        const result = await rebuildProjections(db, ({ done, total }) => {
          if (Date.now() - lastShown > 1000 || done === total) {
            lastShown = Date.now();
            process.stderr.write(`重建索引表：${done}/${total}\n`);
          }
        });
        console.log(`索引表已从文档重建：${result.done} 份文档，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
        break;
      }
      case 'info': {
        const info = db.store.info();
        console.log(JSON.stringify({ dataDir, ...info }, null, 2));
        break;
      }
      default: {
        const unreachable: never = command as never;
        throw new Error(`unknown command ${String(unreachable)}`);
      }
    }
  } finally {
    db.close();
  }
}

main().catch((error: unknown) => {
  console.error(`命令失败：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
