/**
 * The app's side of county sync: keeps one SyncService (electron/sync) running with this
 * workstation's settings, answers the sync screen and the status bar, and keeps the local database
 * from growing without end (compaction after a nightly sync, at most weekly, or by hand).
 */
import { ApiFailure } from '../../shared/api';
import type { SyncSettingsView, SyncStatusView } from '../../shared/api/sync';
import type { CompactionReport } from '../../db/store/compaction';
import type { SecretBox } from '../security/secret-box';
import {
  countPendingChanges,
  createSyncService,
  isNeverPushed,
  readRunHistory,
  readSyncState,
  type BatchSettings,
  type Clock,
  type RemoteFetch,
  type SyncService,
  type SyncWindow,
} from '../sync';
import type { ClinicData } from './clinic-data';
import { readClinicSettings } from './setup';
import { conflictSummaries } from './sync-conflicts';
import { watchNetwork, type OnlineProbe } from './sync-network';
import {
  clinicCodeOf,
  endpointOf,
  readSavedPassword,
  readSavedSyncSettings,
  syncSettingsFromEnvironment,
  syncSettingsView,
  writeSyncSettings,
  type SyncSettings,
  type SyncSettingsSource,
} from './sync-settings';
import { nextRunView, progressView, syncErrorView, syncIndicatorOf, syncRunView, type SyncIndicator } from './sync-views';

export const META_LAST_COMPACTION = 'sync_last_compaction';
const AUTO_COMPACT_EVERY_MS = 7 * 24 * 3600_000;

export interface SyncManagerOptions {
  readonly data: ClinicData;
  /** Compacts the open database (db/store/compaction.ts). */
  readonly compact: () => CompactionReport;
  /** The clinic's own code once it is set up (the default database is `clinic_<code>`). */
  readonly clinicCode: () => string | null;
  /** Usually `process.env`: CLINIC_SYNC_URL … (see sync-settings.ts). */
  readonly environment: Readonly<Record<string, string | undefined>>;
  /** Seals the saved sync password (electron/security/secret-box.ts). */
  readonly secrets: SecretBox;
  readonly log?: (line: string) => void;
  /** Tests: a fake clock, small batches, a faulty line. */
  readonly clock?: Clock;
  readonly batching?: BatchSettings;
  readonly fetch?: RemoteFetch;
  /** Online check for "the network came back" (default: any non-internal address); null to not watch. */
  readonly onlineProbe?: OnlineProbe | null;
}

export class SyncManager {
  private settings: SyncSettings | null = null;
  private source: SyncSettingsSource = 'none';
  private service: SyncService | null = null;
  private serviceDatabase: string | null = null;
  private started = false;
  private stopWatching: (() => void) | null = null;
  private loaded = false;
  private countedSeq = -1;
  private pendingWhenOff = 0;
  private readonly log: (line: string) => void;

  constructor(private readonly options: SyncManagerOptions) {
    this.log = options.log ?? (() => undefined);
  }

  /** Arms the nightly schedule when sync is configured and the clinic is set up. Safe to call again. */
  start(): void {
    this.started = true;
    if (this.options.onlineProbe !== null && !this.stopWatching) {
      this.stopWatching = watchNetwork(() => this.service?.networkReturned(), { probe: this.options.onlineProbe });
    }
    this.apply();
  }

  stop(): void {
    this.started = false;
    this.stopWatching?.();
    this.stopWatching = null;
    this.service?.stop();
    this.service = null;
    this.serviceDatabase = null;
  }

  settingsView(): SyncSettingsView {
    this.load();
    return syncSettingsView(this.settings, this.source, this.options.clinicCode());
  }

  save(input: { serverUrl: string; database: string; username: string; password?: string; window: { start: string; end: string } }): SyncSettingsView {
    this.load();
    const clinicCode = this.options.clinicCode();
    if (clinicCode && input.database !== `clinic_${clinicCode}`) {
      const message = `本院编码是 ${clinicCode}，县级数据库名应为 clinic_${clinicCode}（县级平台只收本院编码的记录）。`;
      throw new ApiFailure('VALIDATION_FAILED', message, [{ path: 'database', message }]);
    }
    const password = input.password && input.password.length > 0 ? input.password : (this.settings?.password ?? '');
    if (password.length === 0) throw new ApiFailure('VALIDATION_FAILED', '请填写同步密码。', [{ path: 'password', message: '请填写同步密码' }]);
    const next: SyncSettings = { serverUrl: input.serverUrl, database: input.database, username: input.username, password, window: { ...input.window } };
    writeSyncSettings(this.options.data, next, this.options.secrets);
    this.settings = next;
    this.source = 'saved';
    this.apply();
    return this.settingsView();
  }

  status(): SyncStatusView {
    // Settings from the environment wait for the clinic's set-up: pick them up as soon as it is done.
    if (!this.service) this.apply();
    const lastCompaction = this.lastCompaction();
    const conflictCount = this.conflictCount();
    if (!this.service) {
      const saved = readSyncState(this.options.data.store);
      return {
        state: 'not_configured',
        running: false,
        pendingChanges: this.pendingWithoutService(saved.pushedSeq),
        lastSuccessAt: saved.lastSuccessAt,
        lastRunAt: saved.lastRunAt,
        lastError: null,
        progress: null,
        nextRun: null,
        conflictCount,
        localDatabaseBytes: this.options.data.store.info().fileSizeBytes,
        lastCompaction,
      };
    }
    this.refreshPendingIfChanged();
    const status = this.service.status();
    return {
      state: status.state,
      running: status.running,
      pendingChanges: status.pendingChanges,
      lastSuccessAt: status.lastSuccessAt,
      lastRunAt: readSyncState(this.options.data.store).lastRunAt,
      lastError: syncErrorView(status.lastError),
      progress: progressView(status.progress),
      nextRun: nextRunView(status.nextRun),
      conflictCount,
      localDatabaseBytes: status.localDatabaseBytes,
      lastCompaction,
      refusedDocuments: this.service.engine.refusedDocuments(),
    };
  }

  indicator(): SyncIndicator {
    return syncIndicatorOf(this.status());
  }

  async syncNow(wait: boolean) {
    this.load();
    this.apply();
    const service = this.service;
    if (!service) throw new ApiFailure('VALIDATION_FAILED', '还没有设置县级平台同步：请先在“同步设置”里填写地址、账号和密码并保存。');
    const joined = service.scheduler.isRunning();
    const run = service.syncNow();
    if (!wait) return { joined, outcome: null };
    const outcome = await run;
    return { joined, outcome: outcome.ok ? { ok: true, error: null } : { ok: false, error: syncErrorView(outcome.error) } };
  }

  history(limit: number) {
    this.load();
    // The history lives in the database, so runs of an earlier configuration stay visible.
    const runs = this.service ? this.service.engine.history() : readRunHistory(this.options.data.store);
    return { runs: runs.slice(0, limit).map(syncRunView) };
  }

  conflicts() {
    return { conflicts: conflictSummaries(this.options.data.store, this.options.data.documents) };
  }

  /** After a resolution or any local edit the screen knows of: recount what waits to go up. */
  touched(): void {
    this.countedSeq = -1;
  }

  compact(): CompactionReport {
    if (this.service?.scheduler.isRunning()) throw new ApiFailure('CONFLICT', '正在同步，请等同步结束后再整理本机数据库。');
    let report: CompactionReport;
    try {
      report = this.options.compact();
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (code === 'SQLITE_FULL' || /disk is full|no space/i.test(error instanceof Error ? error.message : '')) {
        throw new ApiFailure('INTERNAL', '磁盘空间不足：整理数据库需要与数据库文件差不多大的空闲空间。请先清理磁盘（例如删除不用的安装包、旧备份），再整理。');
      }
      throw error;
    }
    this.options.data.meta.set(
      META_LAST_COMPACTION,
      JSON.stringify({ at: new Date().toISOString(), bytesBefore: report.bytesBefore, bytesAfter: report.bytesAfter }),
    );
    this.touched();
    return report;
  }

  private load(): void {
    if (this.loaded) return;
    const clinicCode = this.options.clinicCode();
    let fromEnvironment: SyncSettings | null = null;
    try {
      fromEnvironment = syncSettingsFromEnvironment(this.options.environment, clinicCode);
    } catch (error) {
      this.log(error instanceof Error ? error.message : String(error));
    }
    // Before set-up the default database name is not known yet: try again on the next call.
    if (fromEnvironment === null && this.options.environment.CLINIC_SYNC_URL && !clinicCode) return;
    this.loaded = true;
    const saved = fromEnvironment === null ? readSavedSyncSettings(this.options.data, this.options.secrets) : null;
    if (saved) this.checkSavedPassword(saved);
    this.settings = fromEnvironment ?? saved;
    this.source = fromEnvironment ? 'environment' : saved ? 'saved' : 'none';
  }

  /**
   * A password saved before passwords were sealed (or sealed by the command line's key file, where
   * the OS keychain is at hand) is sealed again now; one that cannot be opened is reported.
   */
  private checkSavedPassword(saved: SyncSettings): void {
    const password = readSavedPassword(this.options.data, this.options.secrets);
    if (password.state === 'reseal') writeSyncSettings(this.options.data, saved, this.options.secrets);
    if (password.state === 'unreadable') this.log(`县级同步密码无法在这台电脑上读取（${password.reason}），请在同步设置里重新输入。`);
  }

  /** The nightly window by the clinic's clock (its settings' time zone), not the PC's. */
  private windowOf(settings: SyncSettings): SyncWindow {
    return { ...settings.window, zone: readClinicSettings(this.options.data)?.time_zone };
  }

  /** Brings the running service in line with the settings (only once the clinic is set up). */
  private apply(): void {
    this.load();
    const settings = this.settings;
    if (!this.started || !settings || !this.options.clinicCode()) return;
    if (this.service && this.serviceDatabase === settings.database) {
      this.service.engine.setEndpoint(endpointOf(settings));
      this.service.scheduler.credentialsChanged();
      this.service.setWindow(this.windowOf(settings));
      return;
    }
    this.service?.stop();
    const service = createSyncService({
      store: this.options.data.store,
      clinicCode: clinicCodeOf(settings.database),
      endpoint: endpointOf(settings),
      window: this.windowOf(settings),
      clock: this.options.clock,
      batching: this.options.batching,
      fetch: this.options.fetch,
    });
    service.engine.on('run', (run) => {
      this.touched();
      if (run.outcome === 'ok' && (run.trigger === 'nightly' || run.trigger === 'startup')) setTimeout(() => this.compactIfDue(), 0).unref?.();
    });
    this.service = service;
    this.serviceDatabase = settings.database;
    service.start();
    this.log(`县级同步已启动：${settings.serverUrl} / ${settings.database}，夜间时段 ${settings.window.start}–${settings.window.end}`);
  }

  private compactIfDue(): void {
    const last = this.lastCompaction();
    if (last && Date.now() - Date.parse(last.at) < AUTO_COMPACT_EVERY_MS) return;
    if (this.service?.scheduler.isRunning()) return;
    try {
      const report = this.compact();
      this.log(`本机数据库已整理：清理旧版本 ${report.revisionsDropped} 个，${report.bytesBefore} → ${report.bytesAfter} 字节`);
    } catch (error) {
      this.log(`本机数据库整理失败：${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private lastCompaction(): SyncStatusView['lastCompaction'] {
    const raw = this.options.data.meta.get(META_LAST_COMPACTION);
    if (!raw) return null;
    try {
      const parsed = JSON.parse(raw) as { at?: unknown; bytesBefore?: unknown; bytesAfter?: unknown };
      return typeof parsed.at === 'string' && typeof parsed.bytesBefore === 'number' && typeof parsed.bytesAfter === 'number'
        ? { at: parsed.at, bytesBefore: parsed.bytesBefore, bytesAfter: parsed.bytesAfter }
        : null;
    } catch {
      return null;
    }
  }

  private conflictCount(): number {
    return conflictSummaries(this.options.data.store, this.options.data.documents).length;
  }

  /** Re-count pending changes only when something was written since the last count. */
  private refreshPendingIfChanged(): void {
    if (!this.service || this.service.status().running || !this.changedSinceCount()) return;
    this.service.engine.refreshPending();
    this.markCounted();
  }

  private pendingWithoutService(pushedSeq: number): number {
    if (this.changedSinceCount()) {
      this.pendingWhenOff = countPendingChanges(this.options.data.store, pushedSeq, isNeverPushed);
      this.markCounted();
    }
    return this.pendingWhenOff;
  }

  private changedSinceCount(): boolean {
    return this.countedSeq < 0 || this.options.data.store.changes({ since: this.countedSeq, limit: 1 }).results.length > 0;
  }

  private markCounted(): void {
    this.countedSeq = this.options.data.store.info().updateSeq;
  }
}
