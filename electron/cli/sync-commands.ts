/**
 * The county-sync commands of `npm run cli` (see main.ts):
 *
 *   county-setup --url URL --admin-user U --admin-password P --clinic CODE --clinic-password P [--merge-into county_all --merge-password P]
 *   recover      --url URL [--clinic CODE] --user U --password P --workstation W01 --data-dir DIR
 *   sync-now     --data-dir DIR
 *   compact      --data-dir DIR
 *
 * Passwords may come from the environment instead of the command line (which other users of the
 * machine can see): COUNTY_ADMIN_PASSWORD, CLINIC_SYNC_PASSWORD, COUNTY_MERGE_PASSWORD.
 */
import path from 'node:path';
import { openClinicDatabase } from '../../db/open';
import type { RebuildProgress } from '../../db/projections/rebuild';
import { counterQueries, metaQueries } from '../../db/queries';
import { compactDatabase, type CompactionReport } from '../../db/store/compaction';
import { CLINIC_SETTINGS_ID } from '../../shared/docs';
import { workstationId } from '../../shared/api';
import { DATABASE_FILE } from '../app/clinic-app';
import { flagValue, resolveDataDir } from '../app/data-dir';
import { META_INITIALIZED_AT, META_WORKSTATION } from '../services/setup';
import { META_LAST_COMPACTION } from '../services/sync-manager';
import { keyFileSecretBox } from '../security/secret-box';
import { endpointOf, clinicCodeOf, readSavedPassword, readSavedSyncSettings, syncSettingsFromEnvironment, writeSyncSettings } from '../services/sync-settings';
import { countySetup, CountySetupError, DEFAULT_SYNC_WINDOW, parseClinicDatabaseUrl, recoverClinic, SyncEngine, type SyncProgress } from '../sync';

export const SYNC_COMMANDS = ['county-setup', 'recover', 'sync-now', 'compact'] as const;
export type SyncCommand = (typeof SYNC_COMMANDS)[number];

class UsageError extends Error {}

function required(argv: ReadonlyArray<string>, flag: string, envName?: string): string {
  const value = flagValue(argv, flag) ?? (envName ? process.env[envName] : undefined);
  if (value === undefined || value === '') throw new UsageError(`缺少 ${flag}${envName ? `（或环境变量 ${envName}）` : ''}`);
  return value;
}

const OUTCOME_WORDS = { created: '新建', updated: '已更新', unchanged: '已存在，未改动' } as const;
const PHASE_WORDS = { connect: '连接', push: '上传', 'pull-reference': '下载参考数据', pull: '下载', settle: '收尾上传' } as const;

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.round(bytes / 1024)} KB`;
}

/** One progress line on stderr at most every second. */
function progressPrinter(prefix: string): (progress: SyncProgress) => void {
  let shown = 0;
  return (p) => {
    if (Date.now() - shown < 1000) return;
    shown = Date.now();
    const remaining = p.remaining === null ? '' : `，剩余约 ${p.remaining} 条`;
    process.stderr.write(`${prefix}：${PHASE_WORDS[p.phase]}，已处理 ${p.docsDone} 条${remaining}，${p.docsPerSecond.toFixed(0)} 条/秒\n`);
  };
}

function rebuildPrinter(): (progress: RebuildProgress) => void {
  let shown = 0;
  return ({ done, total }) => {
    if (Date.now() - shown < 1000 && done < total) return;
    shown = Date.now();
    process.stderr.write(`恢复中：重建查询索引 ${done}/${total}\n`);
  };
}

async function countySetupCommand(argv: ReadonlyArray<string>): Promise<void> {
  const serverUrl = required(argv, '--url');
  const mergeInto = flagValue(argv, '--merge-into');
  const result = await countySetup({
    serverUrl,
    adminUser: required(argv, '--admin-user'),
    adminPassword: required(argv, '--admin-password', 'COUNTY_ADMIN_PASSWORD'),
    clinicCode: required(argv, '--clinic'),
    clinicPassword: required(argv, '--clinic-password', 'CLINIC_SYNC_PASSWORD'),
    ...(mergeInto
      ? { mergeInto: { database: mergeInto, endpoints: 'url' as const }, mergePassword: required(argv, '--merge-password', 'COUNTY_MERGE_PASSWORD') }
      : {}),
  }).catch((error: unknown) => {
    // The engine's wording speaks of the clinic's account; here it is the county administrator's.
    if (error instanceof CountySetupError && error.code === 'SYNC_AUTH_FAILED')
      throw new Error('县级平台拒绝了管理员账号或密码，请核对 --admin-user 和 --admin-password。');
    throw error;
  });
  console.log(`县级平台 ${serverUrl} 已为本院开通同步：`);
  for (const step of result.steps) console.log(`  ${step.outcome === 'unchanged' ? '·' : '✓'} ${step.step}：${OUTCOME_WORDS[step.outcome]}`);
  console.log('');
  console.log('请在本院每台电脑的“同步 → 同步设置”里填写：');
  console.log(`  县级平台地址：${serverUrl}`);
  console.log(`  县级数据库名：${result.clinicDatabase}`);
  console.log(`  同步账号：${result.clinicUser}`);
  console.log('  同步密码：（刚才设置的机构同步密码）');
}

async function recoverCommand(argv: ReadonlyArray<string>): Promise<void> {
  const url = required(argv, '--url').replace(/\/+$/, '');
  const clinic = flagValue(argv, '--clinic');
  const remoteUrl = clinic ? `${url}/clinic_${clinic}` : url;
  const username = required(argv, '--user');
  const password = required(argv, '--password', 'CLINIC_SYNC_PASSWORD');
  const workstation = required(argv, '--workstation');
  const checked = workstationId.safeParse(workstation);
  if (!checked.success) throw new UsageError(checked.error.issues[0]?.message ?? '工作站编号格式不对');
  const dataDir = resolveDataDir(argv, process.env);

  const started = Date.now();
  process.stderr.write(`从 ${remoteUrl} 恢复到 ${dataDir} …\n`);
  const result = await recoverClinic({
    remoteUrl,
    credentials: { username, password },
    dataDir,
    fileName: DATABASE_FILE,
    onProgress: progressPrinter('恢复中'),
    onRebuildProgress: rebuildPrinter(),
  });

  // What the county does not hold: this PC's own settings and its local counters.
  const db = openClinicDatabase(result.file);
  try {
    const meta = metaQueries(db.orm);
    const counters = counterQueries(db.orm).raiseFromRecord();
    meta.set(META_WORKSTATION, checked.data);
    if (meta.get(META_INITIALIZED_AT) === null) meta.set(META_INITIALIZED_AT, new Date().toISOString());
    const database = `clinic_${result.clinicCode}`;
    const { serverUrl } = parseClinicDatabaseUrl(remoteUrl);
    writeSyncSettings({ meta }, { serverUrl, database, username, password, window: { ...DEFAULT_SYNC_WINDOW } }, keyFileSecretBox(dataDir));
    const settings = db.store.get(CLINIC_SETTINGS_ID);
    console.log(`恢复完成（用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒）：`);
    console.log(`  机构：${typeof settings?.name === 'string' ? settings.name : '（未找到本院设置）'}（${result.clinicCode}）`);
    console.log(`  文档：${result.documents} 份，本次下载 ${result.run.pulled} 条，参考数据 ${result.run.referencePulled} 条`);
    console.log(`  索引表：已从文档重建 ${result.projections.done} 份`);
    console.log(`  本机编号：工作站 ${checked.data}；续接的门诊号和审计序号 ${Object.keys(counters.raised).length} 个`);
    console.log(`  数据文件：${result.file}`);
    console.log('  同步设置已写入本机，启动程序后会按夜间时段继续同步。');
  } finally {
    db.close();
  }
}

async function syncNowCommand(argv: ReadonlyArray<string>): Promise<boolean> {
  const dataDir = resolveDataDir(argv, process.env);
  const db = openClinicDatabase(path.join(dataDir, DATABASE_FILE));
  try {
    const clinic = db.store.get(CLINIC_SETTINGS_ID);
    const clinicCode = typeof clinic?.code === 'string' ? clinic.code : null;
    const meta = { meta: metaQueries(db.orm) };
    let settings = syncSettingsFromEnvironment(process.env, clinicCode) ?? readSavedSyncSettings(meta, keyFileSecretBox(dataDir));
    if (!settings) throw new UsageError('这台电脑还没有同步设置：请先在程序的“同步 → 同步设置”里保存，或设置 CLINIC_SYNC_URL 等环境变量。');
    // The desktop app seals the saved password with the OS keychain, which the command line cannot open.
    if (settings.password === '' && process.env.CLINIC_SYNC_PASSWORD) settings = { ...settings, password: process.env.CLINIC_SYNC_PASSWORD };
    if (settings.password === '' && readSavedPassword(meta, keyFileSecretBox(dataDir)).state === 'unreadable') {
      throw new UsageError('同步密码由桌面程序保存在系统钥匙串里，命令行读不到：请用环境变量 CLINIC_SYNC_PASSWORD 提供密码。');
    }
    const engine = new SyncEngine({ store: db.store, clinicCode: clinicCodeOf(settings.database), endpoint: endpointOf(settings) });
    engine.on('progress', progressPrinter('同步中'));
    process.stderr.write(`与 ${settings.serverUrl} / ${settings.database} 同步，待上传 ${engine.status().pendingChanges} 条…\n`);
    const outcome = await engine.run('manual');
    const run = engine.history()[0];
    if (!outcome.ok) {
      console.error(`同步失败：${outcome.error.message}`);
      if (outcome.error.detail) console.error(`（技术细节：${outcome.error.detail}）`);
      return false;
    }
    console.log(
      `同步成功：上传 ${run?.pushed ?? 0} 条，下载 ${run?.pulled ?? 0} 条，参考数据 ${run?.referencePulled ?? 0} 条；待上传 ${engine.status().pendingChanges} 条。`,
    );
    if (run?.referenceError) console.log(`注意：参考数据没有取到：${run.referenceError.message}`);
    if (run?.refusedCount) {
      console.log(
        `注意：县级平台发来 ${run.refusedCount} 份不合格的记录（SYNC_BAD_RESPONSE），没有写入本机，已留作记录（例如 ${run.refused?.[0]?.id}：${run.refused?.[0]?.reason}）；其余记录已正常同步。请把这些记录告诉县级平台管理员。`,
      );
    }
    if (run && run.deniedCount > 0) console.log(`注意：县级平台拒收了 ${run.deniedCount} 条记录（例如 ${run.denied[0]?.id}：${run.denied[0]?.reason}）。`);
    return true;
  } finally {
    db.close();
  }
}

function compactCommand(argv: ReadonlyArray<string>): CompactionReport {
  const dataDir = resolveDataDir(argv, process.env);
  const db = openClinicDatabase(path.join(dataDir, DATABASE_FILE));
  try {
    const report = compactDatabase(db);
    metaQueries(db.orm).set(
      META_LAST_COMPACTION,
      JSON.stringify({ at: new Date().toISOString(), bytesBefore: report.bytesBefore, bytesAfter: report.bytesAfter }),
    );
    console.log(
      `整理完成：清理旧版本 ${report.revisionsDropped} 个（${report.documentsCompacted} 份非病历文档），过期复制检查点 ${report.checkpointsPurged} 个；` +
        `数据库 ${formatBytes(report.bytesBefore)} → ${formatBytes(report.bytesAfter)}，用时 ${(report.durationMs / 1000).toFixed(1)} 秒。病历文档的所有版本都保留。`,
    );
    return report;
  } finally {
    db.close();
  }
}

/** Runs one of the sync commands; false when it failed in a way already told to the user. */
export async function runSyncCommand(command: SyncCommand, argv: ReadonlyArray<string>): Promise<boolean> {
  try {
    switch (command) {
      case 'county-setup':
        await countySetupCommand(argv);
        return true;
      case 'recover':
        await recoverCommand(argv);
        return true;
      case 'sync-now':
        return await syncNowCommand(argv);
      case 'compact':
        compactCommand(argv);
        return true;
      default: {
        const unreachable: never = command;
        throw new Error(`unknown command ${String(unreachable)}`);
      }
    }
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n用法：\n${USAGE}`);
      return false;
    }
    throw error;
  }
}

export const USAGE = [
  '  npm run cli -- county-setup --url <县级平台地址> --admin-user <管理员> --admin-password <密码> --clinic <机构编码> --clinic-password <同步密码> [--merge-into county_all --merge-password <汇总账号密码>]',
  '  npm run cli -- recover --url <县级平台地址> --clinic <机构编码> --user <同步账号> --password <同步密码> --workstation <工作站编号> --data-dir <目录>',
  '  npm run cli -- sync-now --data-dir <目录>',
  '  npm run cli -- compact --data-dir <目录>',
].join('\n');
