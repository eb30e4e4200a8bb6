/**
 * A restore running in the background while a screen polls its status: from the first-run screen
 * (a PC with no clinic yet) or from 管理 (replacing this PC's data, the same clinic's backups only).
 * After the swap this PC's own facts are set again: its workstation number, counters raised past the
 * record, the backup passphrase sealed with this PC's box (the restored copy's was sealed elsewhere).
 */
import type { RestoreJobStatus } from '../../../shared/api/backup';
import { ApiFailure } from '../../../shared/api';
import { CLINIC_SETTINGS_ID } from '../../../shared/docs';
import type { SecretBox } from '../../security/secret-box';
import type { ClinicData } from '../clinic-data';
import { isInitialized, META_INITIALIZED_AT, META_WORKSTATION, readClinicSettings } from '../setup';
import { identifyClinicDatabase } from './identify';
import { BackupRefused } from './refusal';
import { restoreBackup, type RestoreProgress } from './restore-backup';
import { writePassphrase } from './settings';

const IDLE: RestoreJobStatus = { state: 'idle', progress: null, error: null, clinicName: null };

export interface RestoreJobOptions {
  readonly data: ClinicData;
  readonly liveFile: string;
  readonly secrets: SecretBox;
  /** Another first-run job (the county's restore, joining a hub) is under way. */
  readonly busyElsewhere: () => boolean;
  /** The database was replaced underneath the running app: end sessions, tell the screens. */
  readonly onReplaced: () => void;
  /** Records the restore in the restored database's audit chain (the call's own event went with the old one). */
  readonly audit: (record: { actor: string; action: string; outcome: 'ok'; targetIds: string[]; detail: string }) => void;
  readonly log?: (line: string) => void;
}

export interface RestoreRequest {
  readonly file: string;
  readonly passphrase: string;
  /** First run only: this PC's number; left out, the backup's own. */
  readonly workstationId?: string;
  /** Who asked for it (the administrator from 管理; `anonymous` at first run). */
  readonly actor: string;
}

export class RestoreJob {
  private current: RestoreJobStatus = IDLE;
  private running: Promise<void> | null = null;

  constructor(private readonly options: RestoreJobOptions) {}

  status(): RestoreJobStatus {
    return this.current;
  }

  get isRunning(): boolean {
    return this.running !== null;
  }

  async settled(): Promise<void> {
    await this.running;
  }

  /** The first-run screen's 从备份恢复. */
  startAtFirstRun(request: RestoreRequest): RestoreJobStatus {
    if (this.running) return this.current;
    if (isInitialized(this.options.data)) throw new ApiFailure('ALREADY_SET_UP');
    if (this.options.busyElsewhere()) throw new ApiFailure('ALREADY_SET_UP', '本机正在从县级服务器或本院主机恢复数据，不能同时从备份恢复。');
    return this.begin(request, null);
  }

  /** 管理 → 备份与恢复: only a backup of this clinic replaces its data. */
  startReplacing(request: RestoreRequest, clinicCode: string): RestoreJobStatus {
    if (this.running) return this.current;
    return this.begin(request, clinicCode);
  }

  private begin(request: RestoreRequest, expectClinicCode: string | null): RestoreJobStatus {
    this.current = { ...IDLE, state: 'running', progress: { phase: 'decrypt', done: 0, total: 1 } };
    this.running = this.run(request, expectClinicCode).finally(() => {
      this.running = null;
    });
    return this.current;
  }

  private async run(request: RestoreRequest, expectClinicCode: string | null): Promise<void> {
    const { data } = this.options;
    const workstation = data.meta.get(META_WORKSTATION);
    try {
      const outcome = await restoreBackup({
        file: request.file,
        passphrase: request.passphrase,
        liveFile: this.options.liveFile,
        workDir: data.dataDir,
        identify: identifyClinicDatabase,
        expectClinicCode,
        confirmLive: () => {
          const doc = data.store.get(CLINIC_SETTINGS_ID);
          if (!doc || doc.type !== 'clinic_settings' || data.users.count() === 0) throw new Error('the restored database did not open');
        },
        onProgress: (progress: RestoreProgress) => {
          this.current = { ...this.current, progress };
        },
      });
      // 管理's restore keeps this PC's number; the first run takes the one typed, or the backup's.
      const ownNumber = expectClinicCode ? workstation : (request.workstationId ?? null);
      if (ownNumber) data.meta.set(META_WORKSTATION, ownNumber);
      if (data.meta.get(META_WORKSTATION) === null) data.meta.set(META_WORKSTATION, outcome.header.workstation);
      if (data.meta.get(META_INITIALIZED_AT) === null) data.meta.set(META_INITIALIZED_AT, new Date().toISOString());
      data.counters.raiseFromRecord();
      writePassphrase(data, this.options.secrets, request.passphrase);
      this.options.audit({
        actor: request.actor,
        action: expectClinicCode ? 'backup.restore' : 'backup.restoreAtFirstRun',
        outcome: 'ok',
        targetIds: [],
        detail: JSON.stringify({ file: request.file, backupCreatedAt: outcome.header.createdAt, backupWorkstation: outcome.header.workstation }),
      });
      this.options.onReplaced();
      this.current = { state: 'done', progress: null, error: null, clinicName: readClinicSettings(data)?.name ?? outcome.clinic.clinicName };
    } catch (error) {
      const refused = error instanceof BackupRefused;
      this.options.log?.(
        `backup restore failed: ${refused ? `${error.code} ${error.detail ?? ''}` : error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      this.current = {
        state: 'failed',
        progress: null,
        clinicName: null,
        error: refused
          ? { code: error.code, message: error.message }
          : { code: 'BACKUP_RESTORE_FAILED', message: `恢复没有完成（${error instanceof Error ? error.message : String(error)}），本机数据没有改动。` },
      };
    }
  }
}
