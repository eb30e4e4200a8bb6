/**
 * 管理 → 备份与恢复 on this workstation: the settings, the daily backup at a time by the clinic's
 * clock (the nightly sync's zone logic, electron/sync/sync-window.ts), 立即备份, the run history, and
 * the progress of the backup under way. A missing USB drive fails the run plainly and the next
 * scheduled time tries again; nothing is ever written to a folder that is not there.
 */
import { ApiFailure } from '../../../shared/api';
import type { BackupFileView, BackupRun, BackupSettingsInput, BackupSettingsView, BackupStatus } from '../../../shared/api/backup';
import { DEFAULT_CLINIC_TIME_ZONE } from '../../../shared/time/clinic-time';
import { schedule, systemClock, type CancelTimer, type Clock } from '../../../shared/time/clock';
import type { SecretBox } from '../../security/secret-box';
import { nextWindowStart } from '../../sync';
import type { ClinicData } from '../clinic-data';
import { META_WORKSTATION, readClinicSettings } from '../setup';
import { listBackups } from './list-backups';
import { BackupFailed, makeBackup, type BackupProgress } from './make-backup';
import { appendHistory, readBackupSettings, readHistory, readPassphrase, settingsView, writeBackupSettings, writePassphrase } from './settings';

export interface BackupManagerOptions {
  readonly data: ClinicData;
  readonly liveFile: string;
  readonly secrets: SecretBox;
  readonly version: string;
  /** The clinic's code and name once set up; null before. */
  readonly clinic: () => { code: string; name: string } | null;
  readonly clock?: Clock;
  readonly log?: (line: string) => void;
}

export class BackupManager {
  private progress: BackupProgress | null = null;
  private running: Promise<BackupRun> | null = null;
  private cancelTimer: CancelTimer | null = null;
  private nextAt: number | null = null;
  private started = false;
  private readonly clock: Clock;

  constructor(private readonly options: BackupManagerOptions) {
    this.clock = options.clock ?? systemClock;
  }

  /** Arms the daily timer when backups are configured. Safe to call again (after settings change). */
  start(): void {
    this.started = true;
    this.arm();
  }

  stop(): void {
    this.started = false;
    this.cancelTimer?.();
    this.cancelTimer = null;
    this.nextAt = null;
  }

  settingsView(): BackupSettingsView {
    return settingsView(this.options.data, this.options.secrets);
  }

  save(input: BackupSettingsInput): BackupSettingsView {
    const { passphrase, ...settings } = input;
    if (!passphrase && readPassphrase(this.options.data, this.options.secrets).state !== 'ok') {
      throw new ApiFailure('VALIDATION_FAILED', '请设置备份口令。', [{ path: 'passphrase', message: '请设置备份口令（恢复时要用，请另外抄下来妥善保管）' }]);
    }
    writeBackupSettings(this.options.data, settings);
    if (passphrase) writePassphrase(this.options.data, this.options.secrets, passphrase);
    if (this.started) this.arm();
    return this.settingsView();
  }

  status(): BackupStatus {
    return {
      running: this.running !== null,
      progress: this.progress,
      nextAt: this.nextAt === null ? null : new Date(this.nextAt).toISOString(),
      history: readHistory(this.options.data),
    };
  }

  /** 立即备份: starts a run (or joins the one under way) and answers at once; the screen polls `status`. */
  runNow(): BackupStatus {
    const view = this.settingsView();
    if (!view.folder) throw new ApiFailure('VALIDATION_FAILED', '还没有设置备份文件夹。请先在上面填写备份文件夹和备份口令并保存。');
    if (!view.configured) throw new ApiFailure('VALIDATION_FAILED', '这台电脑上还没有可用的备份口令。请在上面重新输入备份口令并保存。');
    void this.run('manual');
    return this.status();
  }

  /** Runs one backup and records it; resolves with the record (tests and the command line wait on it). */
  run(trigger: BackupRun['trigger']): Promise<BackupRun> {
    this.running ??= this.backUp(trigger).finally(() => {
      this.running = null;
      this.progress = null;
    });
    return this.running;
  }

  findBackups(folder: string): BackupFileView[] {
    return listBackups(folder);
  }

  private zone(): string {
    return readClinicSettings(this.options.data)?.time_zone ?? DEFAULT_CLINIC_TIME_ZONE;
  }

  private arm(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    this.nextAt = null;
    const settings = readBackupSettings(this.options.data);
    if (!this.started || !settings.folder || !this.options.clinic()) return;
    const now = this.clock.now();
    const at = nextWindowStart(now, { start: settings.time, end: settings.time === '00:00' ? '00:01' : '00:00', zone: this.zone() });
    this.nextAt = at;
    this.cancelTimer = schedule(this.clock, at - now, () => {
      void this.run('scheduled').finally(() => this.arm());
    });
  }

  private async backUp(trigger: BackupRun['trigger']): Promise<BackupRun> {
    const { data } = this.options;
    const at = new Date(this.clock.now()).toISOString();
    const settings = readBackupSettings(data);
    const passphrase = readPassphrase(data, this.options.secrets);
    const clinic = this.options.clinic();
    let record: BackupRun;
    try {
      if (!clinic) throw new BackupFailed('BACKUP_WRITE_FAILED', '本机还没有完成初始设置，没有可备份的数据。');
      if (passphrase.state !== 'ok')
        throw new BackupFailed('BACKUP_WRITE_FAILED', '这台电脑上还没有可用的备份口令。请在「备份与恢复」里重新输入备份口令并保存。');
      const outcome = await makeBackup({
        liveFile: this.options.liveFile,
        workDir: data.dataDir,
        targetDir: settings.folder,
        passphrase: passphrase.passphrase,
        facts: { clinicCode: clinic.code, clinicName: clinic.name, workstation: data.meta.get(META_WORKSTATION) ?? 'W01', appVersion: this.options.version },
        zone: this.zone(),
        keep: { daily: settings.keepDaily, weekly: settings.keepWeekly },
        now: () => new Date(this.clock.now()),
        onProgress: (progress) => {
          this.progress = progress;
        },
      });
      const removed = outcome.removed.length > 0 ? `，按保留规则删除了 ${outcome.removed.length} 份旧备份` : '';
      record = {
        at,
        trigger,
        ok: true,
        file: outcome.file,
        bytes: outcome.bytes,
        durationMs: outcome.durationMs,
        message: `备份完成并已读回检查通过${removed}。`,
      };
    } catch (error) {
      const message = error instanceof BackupFailed ? error.message : `备份没有完成：${error instanceof Error ? error.message : String(error)}`;
      this.options.log?.(`backup failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      record = { at, trigger, ok: false, file: '', bytes: 0, durationMs: Math.max(0, this.clock.now() - Date.parse(at)), message };
    }
    appendHistory(data, record);
    return record;
  }
}
