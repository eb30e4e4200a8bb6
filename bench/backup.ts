/**
 * The restore drill: `npm run bench -- backup [--size N] [--data-dir DIR]`.
 *
 * Builds a demo clinic of N patients (default 2,000, with 3 days of visits) in a throw-away folder, or
 * reuses the clinic in --data-dir (the million-patient folder `npm run bench -- registration --size
 * 1000000 --data-dir /tmp/bench1m` builds). Then times one backup the way the scheduled one runs
 * (snapshot, SM4-GCM encryption to a folder, read-back check: decrypt, digest, integrity_check) and one
 * restore of that file into a fresh data folder (decrypt, checks, swap), and prints the sizes.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDivisions } from '../shared/codes';
import { createClinicApp, DATABASE_FILE } from '../electron/app/clinic-app';
import { fillDemoClinic } from '../electron/demo/fill';
import { identifyClinicDatabase } from '../electron/services/backup/identify';
import { makeBackup } from '../electron/services/backup/make-backup';
import { restoreBackup } from '../electron/services/backup/restore-backup';
import { META_WORKSTATION, readClinicSettings } from '../electron/services/setup';
import type { BenchContext } from './run';
import { nowMs } from './stats';

const PASSPHRASE = 'bench-backup-passphrase';

function flag(args: ReadonlyArray<string>, name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Milliseconds spent in each phase, from the progress callbacks' timestamps. */
function phaseTimer() {
  const spent = new Map<string, number>();
  let current: { phase: string; since: number } | null = null;
  return {
    on(phase: string) {
      if (current?.phase === phase) return;
      const t = nowMs();
      if (current) spent.set(current.phase, (spent.get(current.phase) ?? 0) + t - current.since);
      current = { phase, since: t };
    },
    finish(): ReadonlyMap<string, number> {
      this.on('');
      return spent;
    },
  };
}

async function clinicIn(ctx: BenchContext, dataDir: string, size: number): Promise<{ code: string; name: string; workstation: string }> {
  const reuse = existsSync(path.join(dataDir, DATABASE_FILE));
  const app = await createClinicApp({ dataDir, version: 'bench', log: (line) => ctx.progress(line) });
  try {
    const { data } = app.context;
    if (!reuse || !readClinicSettings(data)) {
      ctx.progress(`生成演示机构：${size} 名患者…`);
      const divisions = loadDivisions(readFileSync(path.join(import.meta.dirname, '..', 'shared', 'data', 'divisions_cn.csv'), 'utf8'));
      await fillDemoClinic(app, { patients: size, daysBack: 3, seed: 'bench', clinicDivision: '130582102', divisions, progress: (line) => ctx.progress(line) });
    } else ctx.progress(`沿用 ${dataDir} 里已有的机构数据`);
    const settings = readClinicSettings(data);
    if (!settings) throw new Error('no clinic');
    ctx.emit('documents', data.store.info().docCount, 'docs');
    return { code: settings.code, name: settings.name, workstation: data.meta.get(META_WORKSTATION) ?? 'W01' };
  } finally {
    app.close();
  }
}

export default async function run(ctx: BenchContext): Promise<void> {
  const size = ctx.size ?? 2_000;
  const given = flag(ctx.args, '--data-dir');
  const dataDir = given ?? mkdtempSync(path.join(os.tmpdir(), 'clinic-bench-backup-'));
  const usb = mkdtempSync(path.join(os.tmpdir(), 'clinic-bench-usb-'));
  const fresh = mkdtempSync(path.join(os.tmpdir(), 'clinic-bench-restore-'));
  try {
    const clinic = await clinicIn(ctx, dataDir, size);
    const liveFile = path.join(dataDir, DATABASE_FILE);
    ctx.emit('db.file_size.mb', statSync(liveFile).size / 1e6, 'MB');

    const backupPhases = phaseTimer();
    const t0 = nowMs();
    const made = await makeBackup({
      liveFile,
      workDir: dataDir,
      targetDir: usb,
      passphrase: PASSPHRASE,
      facts: { clinicCode: clinic.code, clinicName: clinic.name, workstation: clinic.workstation, appVersion: 'bench' },
      zone: 'Asia/Shanghai',
      keep: { daily: 7, weekly: 4 },
      onProgress: ({ phase }) => backupPhases.on(phase),
    });
    ctx.emit('backup.total_s', (nowMs() - t0) / 1000, 's');
    for (const [phase, ms] of backupPhases.finish()) ctx.emit(`backup.${phase}_s`, ms / 1000, 's');
    ctx.emit('backup.file_size.mb', made.bytes / 1e6, 'MB');

    const restorePhases = phaseTimer();
    const t1 = nowMs();
    await restoreBackup({
      file: made.file,
      passphrase: PASSPHRASE,
      liveFile: path.join(fresh, DATABASE_FILE),
      workDir: fresh,
      identify: identifyClinicDatabase,
      onProgress: ({ phase }) => restorePhases.on(phase),
    });
    ctx.emit('restore.total_s', (nowMs() - t1) / 1000, 's');
    for (const [phase, ms] of restorePhases.finish()) ctx.emit(`restore.${phase}_s`, ms / 1000, 's');
  } finally {
    rmSync(usb, { recursive: true, force: true });
    rmSync(fresh, { recursive: true, force: true });
    if (!given) rmSync(dataDir, { recursive: true, force: true });
  }
}
