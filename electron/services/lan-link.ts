/**
 * The app's side of the centre's LAN: keeps one live replication (electron/lan) running with this
 * workstation's 本院主机 settings, tells the screens when the link changes, and answers the status
 * bar and the 同步 screen. Hub mode plugs in through `useRemote` (its pairing gives the address,
 * the workstation's account and a certificate-pinning agent as a remote factory).
 */
import { ApiFailure } from '../../shared/api';
import { chinaDateOf } from '../../shared/identity';
import type { LanIndicator } from '../../shared/api/lan';
import type { z } from 'zod';
import type { lanSettingsView, workstationSeen } from '../../shared/api/lan';
import type { BackoffOptions } from '../../shared/time/backoff';
import { hubEndpointOf, hubRemoteFactory, readHubLink } from '../hub';
import { couchRemoteFactory, LAN_REQUEST_TIMEOUT_MS, LiveReplication, readLanState, type LanEndpoint, type LanLinkStatus, type LanRemoteFactory } from '../lan';
import type { SecretBox } from '../security/secret-box';
import type { ChangeEvents } from './change-events';
import type { ClinicData } from './clinic-data';
import { lanSettingsFromEnvironment, readSavedLanSettings, writeLanSettings } from './lan-settings';

type LanSettingsView = z.infer<typeof lanSettingsView>;
export type WorkstationSeen = z.infer<typeof workstationSeen>;

export const LAN_MESSAGES: Readonly<Record<LanIndicator['state'], string>> = {
  off: '未连接本院主机（本机单独使用）。',
  connecting: '正在连接本院主机…',
  connected: '已连接本院主机，各电脑的记录实时互通。',
  unreachable: '本院主机连接中断，本机继续工作，恢复后自动同步。',
  refused: '本院主机拒绝了本机的连接（账号、密码或数据库不对）。本机继续工作；请在 管理 → 本院主机 里核对设置；本机每隔几分钟会自动再试。',
};

export interface LanLinkOptions {
  readonly data: ClinicData;
  readonly secrets: SecretBox;
  readonly environment: Readonly<Record<string, string | undefined>>;
  readonly clinicCode: () => string | null;
  readonly events: ChangeEvents;
  readonly log?: (line: string) => void;
  /** Tests: quick retries. */
  readonly backoff?: BackoffOptions;
}

export class LanLink {
  private settings: LanEndpoint | null = null;
  private source: LanSettingsView['source'] = 'none';
  private remote: { factory: LanRemoteFactory; view: LanSettingsView } | null = null;
  private replication: LiveReplication | null = null;
  private started = false;
  private loaded = false;
  private directory: (() => WorkstationSeen[] | null) | null = null;

  constructor(private readonly options: LanLinkOptions) {
    // The link starts as soon as the clinic is set up (first-run setup or a restore writes its settings).
    options.events.subscribe((batch) => {
      if (this.started && !this.replication && batch.events.some((e) => e.kind === 'settings')) this.apply();
    });
  }

  start(): void {
    this.started = true;
    this.apply();
  }

  stop(): void {
    this.started = false;
    this.replication?.stop();
    this.replication = null;
  }

  /** Hub mode: replicate through this factory instead of the saved settings (null: back to them). */
  useRemote(factory: LanRemoteFactory | null, view?: Omit<LanSettingsView, 'source'>): void {
    this.remote = factory ? { factory, view: { source: 'hub', ...(view ?? { serverUrl: '', database: '', username: '', passwordSet: true }) } } : null;
    this.restart();
  }

  /**
   * A paired workstation (加入本院) replicates with its hub: the address, its own account and the
   * pinned certificate saved at pairing. Called at start and right after a join has pulled the
   * centre's records; false when this PC is not paired.
   */
  useHubLinkIfPaired(): boolean {
    const link = readHubLink(this.options.data.meta);
    if (!link) return false;
    const factory = hubRemoteFactory(hubEndpointOf(link, this.options.secrets), { timeoutMs: LAN_REQUEST_TIMEOUT_MS });
    this.useRemote(factory, { serverUrl: link.address, database: link.database, username: link.account, passwordSet: true });
    return true;
  }

  /** Hub mode: where the hub keeps each workstation's last contact (shown on the 同步 screen). */
  useWorkstationDirectory(list: (() => WorkstationSeen[] | null) | null): void {
    this.directory = list;
  }

  settingsView(): LanSettingsView {
    this.load();
    if (this.remote) return this.remote.view;
    const s = this.settings;
    if (!s) {
      const code = this.options.clinicCode();
      const database = code ? `clinic_${code}` : '';
      return { source: 'none', serverUrl: '', database, username: database, passwordSet: false };
    }
    return { source: this.source, serverUrl: s.serverUrl, database: s.database, username: s.username, passwordSet: s.password.length > 0 };
  }

  save(input: { serverUrl: string; database: string; username: string; password?: string }): LanSettingsView {
    this.load();
    const password = input.password && input.password.length > 0 ? input.password : (this.settings?.password ?? '');
    if (password.length === 0) throw new ApiFailure('VALIDATION_FAILED', '请填写本院主机给本机的密码。', [{ path: 'password', message: '请填写密码' }]);
    this.settings = { serverUrl: input.serverUrl.replace(/\/+$/, ''), database: input.database, username: input.username, password };
    this.source = 'saved';
    writeLanSettings(this.options.data, this.settings, this.options.secrets);
    this.restart();
    return this.settingsView();
  }

  turnOff(): LanSettingsView {
    this.load();
    this.settings = null;
    this.source = 'none';
    writeLanSettings(this.options.data, null, this.options.secrets);
    this.restart();
    return this.settingsView();
  }

  /** This PC replicates with a centre (its county sync then goes through the hub, see README). */
  isWorkstationOfCentre(): boolean {
    this.load();
    return this.remote !== null || this.settings !== null;
  }

  /**
   * The 就诊序号 to give a visit registered now in `department` (electron/lan/README.md): none on a
   * single PC (the day's list numbers it); in a centre the next number claimed on the hub, or, when
   * the hub cannot settle it at once, this workstation's own with its prefix (`2-07` from W02).
   */
  async queueNumberFor(department: string, workstation: string, now = new Date()): Promise<string | undefined> {
    const clinicCode = this.options.clinicCode();
    if (!this.isWorkstationOfCentre() || !clinicCode) return undefined;
    this.apply();
    const day = chinaDateOf(now);
    const from = this.options.data.encounters.highestQueueNumber(day, department) + 1;
    const claimed = (await this.replication?.claimQueueNumber({ day, department, workstation, clinicCode, from })) ?? null;
    if (claimed !== null) return String(claimed);
    const alone = this.options.data.counters.next(`queue:${workstation}:${day}:${department}`);
    const prefix = /\d/.test(workstation) ? String(Number(workstation.replace(/\D/g, ''))) : workstation;
    return `${prefix}-${String(alone).padStart(2, '0')}`;
  }

  /** When the centre's endpoint last answered (ISO), or null. */
  lastContactAt(): string | null {
    return readLanState(this.options.data.store).lastContactAt;
  }

  indicator(): LanIndicator {
    if (!this.replication) this.apply();
    const saved = readLanState(this.options.data.store);
    if (!this.replication)
      return {
        state: 'off',
        lastReceivedAt: saved.lastReceivedAt,
        lastContactAt: saved.lastContactAt,
        pendingChanges: 0,
        message: LAN_MESSAGES.off,
        lastError: null,
        retryAt: null,
      };
    const status = this.replication.status();
    const state = status.state === 'stopped' ? 'off' : status.state;
    const message = state === 'refused' && status.lastError ? `${LAN_MESSAGES.refused}（${status.lastError.detail.slice(0, 120)}）` : LAN_MESSAGES[state];
    return {
      state,
      lastReceivedAt: status.lastReceivedAt,
      lastContactAt: status.lastContactAt,
      pendingChanges: status.pendingChanges,
      message,
      lastError: status.lastError ? { code: status.lastError.code, detail: status.lastError.detail } : null,
      retryAt: status.retryAt,
    };
  }

  status(): { link: LanIndicator; workstations: WorkstationSeen[] | null } {
    return { link: this.indicator(), workstations: this.directory?.() ?? null };
  }

  private load(): void {
    if (this.loaded) return;
    const code = this.options.clinicCode();
    let fromEnvironment: LanEndpoint | null = null;
    try {
      fromEnvironment = lanSettingsFromEnvironment(this.options.environment, code);
    } catch (error) {
      this.options.log?.(error instanceof Error ? error.message : String(error));
    }
    // Before set-up the default database name is not known yet: try again on the next call.
    if (fromEnvironment === null && this.options.environment.CLINIC_LAN_URL && !code) return;
    this.loaded = true;
    const saved = fromEnvironment ? null : readSavedLanSettings(this.options.data, this.options.secrets);
    this.settings = fromEnvironment ?? saved;
    this.source = fromEnvironment ? 'environment' : saved ? 'saved' : 'none';
  }

  private restart(): void {
    this.replication?.stop();
    this.replication = null;
    this.apply();
  }

  /** Starts replication once the clinic is set up and there is an endpoint to replicate with. */
  private apply(): void {
    this.load();
    if (!this.started || this.replication || !this.options.clinicCode()) return;
    const factory = this.remote?.factory ?? (this.settings ? couchRemoteFactory(this.settings) : null);
    if (!factory) return;
    const replication = new LiveReplication({ store: this.options.data.store, remote: factory, backoff: this.options.backoff });
    let lastState: LanLinkStatus['state'] | null = null;
    replication.on('status', (status) => {
      this.options.events.publish([{ kind: 'lan' }]);
      if (status.state === lastState) return;
      lastState = status.state;
      if (status.state === 'unreachable' || status.state === 'refused')
        this.options.log?.(`本院主机：${status.lastError?.code ?? ''} ${status.lastError?.detail ?? ''}`);
    });
    this.replication = replication;
    replication.start();
    this.options.log?.(`本院主机实时同步已启动：${this.remote ? '本院主机（配对）' : this.settings?.serverUrl}`);
  }
}
