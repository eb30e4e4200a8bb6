/**
 * The backup commands of `npm run cli` (see main.ts), progress on stderr:
 *
 *   backup         --data-dir DIR --to FOLDER [--keep-daily 7] [--keep-weekly 4]
 *   restore-backup --data-dir DIR --from FILE [--workstation W02]
 *
 * The passphrase comes from CLINIC_BACKUP_PASSPHRASE, else a prompt (not echoed); `backup` without
 * either uses the one saved in the data folder when the command line can open it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { openClinicDatabase } from '../../db/open';
import { counterQueries, metaQueries } from '../../db/queries';
import { workstationId } from '../../shared/api';
import { CLINIC_SETTINGS_ID, type ClinicSettingsDoc } from '../../shared/docs';
import { DEFAULT_CLINIC_TIME_ZONE } from '../../shared/time/clinic-time';
import { DATABASE_FILE } from '../app/clinic-app';
import { flagValue, resolveDataDir } from '../app/data-dir';
import { APP_VERSION } from '../app/version';
import { keyFileSecretBox } from '../security/secret-box';
import { identifyClinicDatabase } from '../services/backup/identify';
import { makeBackup } from '../services/backup/make-backup';
import { BackupRefused } from '../services/backup/refusal';
import { restoreBackup } from '../services/backup/restore-backup';
import { readBackupSettings, readPassphrase, writePassphrase } from '../services/backup/settings';
import { META_INITIALIZED_AT, META_WORKSTATION } from '../services/setup';
import { formatBytes } from './sync-commands';

export const BACKUP_COMMANDS = ['backup', 'restore-backup'] as const;
export type BackupCommand = (typeof BACKUP_COMMANDS)[number];

export const BACKUP_USAGE = [
  'npm run cli -- backup --data-dir <目录> --to <备份文件夹> [--keep-daily 7] [--keep-weekly 4]',
  'npm run cli -- restore-backup --data-dir <目录> --from <备份文件> [--workstation W02]',
  '（备份口令取自环境变量 CLINIC_BACKUP_PASSPHRASE，没有时在终端里询问）',
].join('\n');

const PHASE_WORDS: Readonly<Record<string, string>> = {
  snapshot: '复制数据库',
  encrypt: '加密写入',
  verify: '读回检查',
  rotate: '清理旧备份',
  decrypt: '解密',
  check: '完整性检查',
  swap: '换入新数据库',
};

function progressPrinter(): (p: { phase: string; done: number; total: number }) => void {
  let shown = 0;
  let lastPhase = '';
  return ({ phase, done, total }) => {
    if (phase === lastPhase && Date.now() - shown < 1000 && done < total) return;
    shown = Date.now();
    lastPhase = phase;
    const share = total > 0 ? ` ${Math.floor((done / total) * 100)}%` : '';
    process.stderr.write(`${PHASE_WORDS[phase] ?? phase}${share}\n`);
  };
}

/** Reads a line from the terminal without echoing it. */
async function promptHidden(question: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) throw new Error('没有备份口令：请设置环境变量 CLINIC_BACKUP_PASSPHRASE，或在终端里运行以输入口令');
  process.stderr.write(question);
  input.setRawMode(true);
  input.resume();
  let typed = '';
  try {
    for await (const chunk of input) {
      for (const ch of String(chunk)) {
        if (ch === '\r' || ch === '\n') return typed;
        if (ch === '\u0003') throw new Error('已取消');
        typed = ch === '\u007f' ? typed.slice(0, -1) : typed + ch;
      }
    }
    return typed;
  } finally {
    input.setRawMode(false);
    input.pause();
    process.stderr.write('\n');
  }
}

async function passphraseFor(savedOne: () => string | null): Promise<string> {
  return process.env.CLINIC_BACKUP_PASSPHRASE || savedOne() || (await promptHidden('备份口令：'));
}

function numberFlag(argv: ReadonlyArray<string>, flag: string, fallback: number): number {
  const value = flagValue(argv, flag);
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} 需要一个非负整数`);
  return n;
}

async function runBackup(argv: ReadonlyArray<string>): Promise<void> {
  const dataDir = resolveDataDir(argv, process.env);
  const to = flagValue(argv, '--to');
  if (!to) throw new Error('缺少 --to <备份文件夹>');
  const liveFile = path.join(dataDir, DATABASE_FILE);
  if (!existsSync(liveFile)) throw new Error(`${dataDir} 里没有本院的数据库`);
  const handle = openClinicDatabase(liveFile, { slowQueryLog: false });
  let facts: { clinicCode: string; clinicName: string; workstation: string; zone: string };
  let passphrase: string;
  let keep: { daily: number; weekly: number };
  try {
    const settings = handle.store.get(CLINIC_SETTINGS_ID) as unknown as ClinicSettingsDoc | null;
    if (!settings) throw new Error(`${dataDir} 里的数据库还没有完成初始设置`);
    const meta = metaQueries(handle.orm);
    const saved = readBackupSettings({ meta });
    facts = {
      clinicCode: settings.code,
      clinicName: settings.name,
      workstation: meta.get(META_WORKSTATION) ?? 'W01',
      zone: settings.time_zone ?? DEFAULT_CLINIC_TIME_ZONE,
    };
    keep = { daily: numberFlag(argv, '--keep-daily', saved.keepDaily), weekly: numberFlag(argv, '--keep-weekly', saved.keepWeekly) };
    passphrase = await passphraseFor(() => {
      const read = readPassphrase({ meta }, keyFileSecretBox(dataDir));
      return read.state === 'ok' ? read.passphrase : null;
    });
  } finally {
    handle.close();
  }
  const outcome = await makeBackup({
    liveFile,
    workDir: dataDir,
    targetDir: path.resolve(to),
    passphrase,
    facts: { clinicCode: facts.clinicCode, clinicName: facts.clinicName, workstation: facts.workstation, appVersion: APP_VERSION },
    zone: facts.zone,
    keep,
    onProgress: progressPrinter(),
  });
  console.log(`备份完成并已读回检查：${outcome.file}（${formatBytes(outcome.bytes)}，用时 ${(outcome.durationMs / 1000).toFixed(1)} 秒）`);
  for (const removed of outcome.removed) console.log(`按保留规则删除旧备份：${removed}`);
}

async function runRestore(argv: ReadonlyArray<string>): Promise<void> {
  const dataDir = resolveDataDir(argv, process.env);
  const from = flagValue(argv, '--from');
  if (!from) throw new Error('缺少 --from <备份文件>');
  const workstation = flagValue(argv, '--workstation');
  if (workstation !== undefined && !workstationId.safeParse(workstation).success) throw new Error('--workstation 用 1–8 位大写字母或数字，例如 W02');
  const liveFile = path.join(dataDir, DATABASE_FILE);
  const existing = existsSync(liveFile) ? identifyClinicDatabase(liveFile) : null;
  const passphrase = await passphraseFor(() => null);
  const outcome = await restoreBackup({
    file: path.resolve(from),
    passphrase,
    liveFile,
    workDir: dataDir,
    identify: identifyClinicDatabase,
    expectClinicCode: existing?.clinicCode ?? null,
    onProgress: progressPrinter(),
  });
  const handle = openClinicDatabase(liveFile, { slowQueryLog: false });
  try {
    const meta = metaQueries(handle.orm);
    if (workstation) meta.set(META_WORKSTATION, workstation);
    if (meta.get(META_INITIALIZED_AT) === null) meta.set(META_INITIALIZED_AT, new Date().toISOString());
    counterQueries(handle.orm).raiseFromRecord();
    writePassphrase({ meta }, keyFileSecretBox(dataDir), passphrase);
  } finally {
    handle.close();
  }
  console.log(
    `已从备份恢复 ${outcome.clinic.clinicName}（${outcome.header.createdAt} 由 ${outcome.header.workstation} 备份），用时 ${(outcome.durationMs / 1000).toFixed(1)} 秒`,
  );
}

/** Runs one backup command; false (message printed) when it failed. */
export async function runBackupCommand(command: BackupCommand, argv: ReadonlyArray<string>): Promise<boolean> {
  try {
    if (command === 'backup') await runBackup(argv);
    else await runRestore(argv);
    return true;
  } catch (error) {
    console.error(error instanceof BackupRefused ? error.message : `${command} 失败：${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}
