/**
 * Scenario 6, from the first-run screen: a replacement PC is given the county server's address, the
 * clinic code and the clinic's sync password, and gets the clinic's whole record back. The pull
 * writes documents only; the projections are rebuilt once at the end (ClinicData.bulkLoad). Then
 * this PC's own facts are set (workstation id, counters raised past the record, the sync settings,
 * sealed), and the staff log in with their usual accounts.
 *
 * Runs in the background; the screen polls `status()`. A failure (wrong password, no network) leaves
 * the PC not set up, and trying again resumes from the replication checkpoint.
 */
import { ApiFailure } from '../../shared/api';
import type { InputOf, OutputOf } from '../../shared/api';
import { classifySyncError, DEFAULT_SYNC_WINDOW, SyncEngine, type BatchSettings, type CountyEndpoint, type RemoteFetch } from '../sync';
import type { ClinicData } from './clinic-data';
import { isInitialized, META_INITIALIZED_AT, META_WORKSTATION, readClinicSettings } from './setup';
import type { SyncManager } from './sync-manager';

export type RestoreInput = InputOf<'setup.restoreFromCounty'>;
export type RestoreStatus = OutputOf<'setup.restoreStatus'>;

/**
 * The sync messages speak of the 同步设置 screen, which a PC being restored does not have yet: here
 * they name what was just typed instead.
 */
const RESTORE_WORDING: Readonly<Record<string, string>> = {
  SYNC_AUTH_FAILED: '县级服务器不接受这个同步账号和密码。请核对机构编码和同步密码（区分大小写），或请县里重新发放。',
  SYNC_FORBIDDEN: '这个同步账号不能读取本院的县级数据库。请核对机构编码，或请县里检查账号权限。',
  SYNC_DATABASE_MISSING: '县级服务器上没有这个机构编码的数据库。请核对机构编码和服务器地址。',
};

/**
 * Where the record comes from and what this PC keeps afterwards: the county (`start`), or the
 * centre's hub for a workstation joining it (services/hub-join.ts). Either way documents first,
 * projections once, the same progress.
 */
export interface RestoreSource {
  readonly clinicCode: string;
  readonly endpoint: CountyEndpoint;
  readonly workstationId: string;
  /** Underlying fetch (the hub's is pinned to its certificate). */
  readonly fetch?: RemoteFetch;
  /** The county's reference database; null where there is none (the hub). */
  readonly referenceDatabase?: string | null;
  /** Messages of this source, by sync error code, where the sync's own would mislead. */
  readonly wording: Readonly<Record<string, string>>;
  /** Said when the pull brought no clinic settings or accounts. */
  readonly emptyMessage: string;
  /** This PC's own settings, once the record is in (sync settings, or the link to the hub). */
  readonly finish: () => void;
}

const IDLE: RestoreStatus = { state: 'idle', phase: null, docsDone: 0, docsPerSecond: 0, rebuildDone: 0, rebuildTotal: 0, error: null, clinicName: null };

export interface CountyRestoreOptions {
  readonly data: ClinicData;
  readonly sync: Pick<SyncManager, 'save'>;
  readonly batching?: BatchSettings;
  readonly fetch?: RemoteFetch;
  readonly log?: (line: string) => void;
}

export class CountyRestore {
  private current: RestoreStatus = IDLE;
  private running: Promise<void> | null = null;

  constructor(private readonly options: CountyRestoreOptions) {}

  status(): RestoreStatus {
    return this.current;
  }

  get isRunning(): boolean {
    return this.running !== null;
  }

  /** Starts the restore (or reports the one already running). Refused once the PC is set up. */
  start(input: RestoreInput): RestoreStatus {
    const serverUrl = input.serverUrl.replace(/\/+$/, '');
    const username = input.username ?? `clinic_${input.clinicCode}`;
    return this.startFrom({
      clinicCode: input.clinicCode,
      endpoint: { serverUrl, username, password: input.password },
      workstationId: input.workstationId,
      fetch: this.options.fetch,
      wording: RESTORE_WORDING,
      emptyMessage: `县级服务器上的 clinic_${input.clinicCode} 里没有找到本院的设置和账号。请核对机构编码；如果本院从未同步过，只能重新设置。`,
      // From now on the nightly sync continues with the same county database and password (sealed).
      finish: () =>
        this.options.sync.save({ serverUrl, database: `clinic_${input.clinicCode}`, username, password: input.password, window: { ...DEFAULT_SYNC_WINDOW } }),
    });
  }

  /** Starts pulling the clinic's record from `source` (or reports the pull already running). */
  startFrom(source: RestoreSource): RestoreStatus {
    if (this.running) return this.current;
    if (isInitialized(this.options.data)) throw new ApiFailure('ALREADY_SET_UP');
    this.current = { ...IDLE, state: 'running', phase: 'download' };
    this.running = this.run(source).finally(() => {
      this.running = null;
    });
    return this.current;
  }

  /** Resolves when the restore in progress (if any) has ended. */
  async settled(): Promise<void> {
    await this.running;
  }

  private async run(source: RestoreSource): Promise<void> {
    const { data } = this.options;
    const engine = new SyncEngine({
      store: data.store,
      clinicCode: source.clinicCode,
      endpoint: source.endpoint,
      batching: this.options.batching,
      fetch: source.fetch,
      ...(source.referenceDatabase !== undefined ? { referenceDatabase: source.referenceDatabase } : {}),
    });
    engine.on('progress', (p) => {
      this.current = { ...this.current, phase: 'download', docsDone: p.docsDone, docsPerSecond: Math.round(p.docsPerSecond) };
    });
    try {
      const outcome = await data.bulkLoad(
        () => engine.run('recovery'),
        ({ done, total }) => {
          this.current = { ...this.current, phase: 'rebuild', rebuildDone: done, rebuildTotal: total };
        },
      );
      if (!outcome.ok) return this.fail(source, outcome.error.code, outcome.error.message, outcome.error.retryable);
      const settings = readClinicSettings(data);
      if (!settings || settings.code !== source.clinicCode || data.users.count() === 0) {
        return this.fail(source, 'RESTORE_EMPTY', source.emptyMessage, false);
      }
      data.counters.raiseFromRecord();
      data.meta.set(META_WORKSTATION, source.workstationId);
      if (data.meta.get(META_INITIALIZED_AT) === null) data.meta.set(META_INITIALIZED_AT, new Date().toISOString());
      source.finish();
      this.current = { ...this.current, state: 'done', phase: null, error: null, clinicName: settings.name };
    } catch (error) {
      const classified = classifySyncError(error);
      this.options.log?.(`restore failed: ${classified.code} ${classified.detail ?? ''}`);
      this.fail(source, classified.code, classified.message, classified.retryable);
    }
  }

  private fail(source: RestoreSource, code: string, message: string, retryable: boolean): void {
    this.current = { ...this.current, state: 'failed', phase: null, error: { code, message: source.wording[code] ?? message, retryable } };
  }
}
