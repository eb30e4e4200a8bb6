/**
 * Hub mode (本院主机) on this PC: its settings, certificate, workstation accounts, pairing code and
 * the HTTPS server. The settings and accounts live in the local `meta` table (state.ts), so they
 * never replicate; the certificate's key is sealed by the app's secret box.
 */
import { z } from 'zod';
import type { DocumentStoreApi } from '../../db/store/types';
import type { SecretBox } from '../security/secret-box';
import { WorkstationAccounts, type WorkstationAccount } from './accounts';
import { generateHubCertificate, openCertificate, sealCertificate } from './certificate';
import { fingerprintOfPem } from './fingerprint';
import { PairingCodes, type OpenPairingCode } from './pairing-codes';
import { HubServer } from './server';
import { HUB_STATE_KEYS, readJson, writeJson, type HubStateStore } from './state';

export const DEFAULT_HUB_LISTEN = { host: '0.0.0.0', port: 6984 } as const;

const hubServerSettings = z.object({
  enabled: z.boolean(),
  host: z.string(),
  port: z.number().int().min(0).max(65535),
  certificatePem: z.string(),
  sealedKey: z.string(),
});
type HubServerSettings = z.infer<typeof hubServerSettings>;

export interface HubHostStatus {
  readonly enabled: boolean;
  readonly running: boolean;
  readonly host: string;
  readonly port: number;
  /** The port actually listened on (differs from `port` when that is 0). */
  readonly listeningPort: number | null;
  readonly fingerprint: string | null;
  readonly database: string | null;
  /** Why the server is not running although enabled (port taken …), in plain Chinese. */
  readonly problem: string | null;
  readonly pairingCode: OpenPairingCode | null;
}

export interface PairedWorkstation {
  readonly workstationNumber: string;
  readonly account: string;
  readonly label: string;
  readonly pairedAt: string;
  readonly lastSeenAt: string | null;
  readonly revokedAt: string | null;
  /** Changes on the hub this workstation has not asked for yet, from its last `_changes` request; null when unknown. */
  readonly pending: number | null;
}

export interface HubHostOptions {
  readonly state: HubStateStore;
  readonly store: DocumentStoreApi;
  readonly secrets: SecretBox;
  /** The clinic, once set up; hub mode needs it (the database is `clinic_<code>`). */
  readonly clinic: () => { code: string; name: string } | null;
  readonly hubWorkstation: () => string;
  readonly log?: (line: string) => void;
  readonly now?: () => Date;
}

export class HubHostError extends Error {
  override readonly name = 'HubHostError';
}

function listenProblem(error: unknown, host: string, port: number): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') return `端口 ${port} 已被别的程序占用。请换一个端口，或关闭占用它的程序。`;
  if (code === 'EADDRNOTAVAIL') return `本机没有地址 ${host}。请填写本机的局域网地址，或用 0.0.0.0 表示本机所有地址。`;
  if (code === 'EACCES') return `没有权限使用端口 ${port}。请换一个大于 1024 的端口。`;
  return `本院主机服务没能启动：${error instanceof Error ? error.message : String(error)}`;
}

export class HubHost {
  private readonly accounts: WorkstationAccounts;
  private readonly codes: PairingCodes;
  private server: HubServer | null = null;
  private problem: string | null = null;
  /** Highest `since` each account has asked `_changes` for: how far its pull has come. */
  private readonly pulledSeq = new Map<string, number>();

  constructor(private readonly options: HubHostOptions) {
    const now = options.now ?? (() => new Date());
    this.accounts = new WorkstationAccounts(options.state, now);
    this.codes = new PairingCodes(() => now().getTime());
  }

  private settings(): HubServerSettings | null {
    return readJson(this.options.state, HUB_STATE_KEYS.server, (v) => hubServerSettings.parse(v), null);
  }

  private database(): string | null {
    const clinic = this.options.clinic();
    return clinic ? `clinic_${clinic.code}` : null;
  }

  status(): HubHostStatus {
    const settings = this.settings();
    return {
      enabled: settings?.enabled ?? false,
      running: this.server !== null,
      host: settings?.host ?? DEFAULT_HUB_LISTEN.host,
      port: settings?.port ?? DEFAULT_HUB_LISTEN.port,
      listeningPort: this.server?.address().port ?? null,
      fingerprint: settings ? fingerprintOfPem(settings.certificatePem) : null,
      database: this.database(),
      problem: this.problem,
      pairingCode: this.server ? this.codes.current() : null,
    };
  }

  /** Makes this PC the centre's hub (first time: its certificate), listening where asked. */
  async enable(listen: { host: string; port: number }): Promise<HubHostStatus> {
    const clinic = this.options.clinic();
    if (!clinic) throw new HubHostError('本机还没有完成初始设置，不能作为本院主机。');
    let settings = this.settings();
    if (!settings) {
      const certificate = await generateHubCertificate(`${clinic.name} 本院主机`);
      settings = { enabled: true, ...listen, ...sealCertificate(certificate, this.options.secrets) };
    }
    settings = { ...settings, enabled: true, host: listen.host, port: listen.port };
    writeJson(this.options.state, HUB_STATE_KEYS.server, settings);
    await this.restart();
    if (this.problem) throw new HubHostError(this.problem);
    return this.status();
  }

  async disable(): Promise<HubHostStatus> {
    const settings = this.settings();
    if (settings) writeJson(this.options.state, HUB_STATE_KEYS.server, { ...settings, enabled: false });
    this.codes.withdraw();
    await this.stop();
    return this.status();
  }

  /** At start-up: serve again if hub mode was on. A failure is kept as the status's problem. */
  async startIfEnabled(): Promise<void> {
    if (this.settings()?.enabled && this.options.clinic()) await this.restart();
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    await server?.close();
  }

  newPairingCode(): OpenPairingCode {
    if (!this.server) throw new HubHostError('本院主机服务没有运行，不能配对。请先开启本院主机。');
    return this.codes.issue();
  }

  workstations(): PairedWorkstation[] {
    const updateSeq = this.options.store.info().updateSeq;
    return this.accounts.list().map((a: WorkstationAccount) => {
      const pulled = this.pulledSeq.get(a.account);
      return {
        workstationNumber: a.workstationNumber,
        account: a.account,
        label: a.label,
        pairedAt: a.pairedAt,
        lastSeenAt: a.lastSeenAt,
        revokedAt: a.revokedAt,
        pending: a.revokedAt === null && pulled !== undefined ? Math.max(0, updateSeq - pulled) : null,
      };
    });
  }

  /** Refuses the workstation at once and ends its open connections. */
  revoke(workstationNumber: string): PairedWorkstation {
    const revoked = this.accounts.revoke(workstationNumber);
    if (!revoked) throw new HubHostError(`没有找到在用的工作站 ${workstationNumber}，可能已经停用。`);
    this.server?.disconnect(revoked.account);
    const listed = this.workstations().find((w) => w.workstationNumber === workstationNumber);
    if (!listed) throw new HubHostError(`没有找到工作站 ${workstationNumber}。`);
    return listed;
  }

  private async restart(): Promise<void> {
    await this.stop();
    const settings = this.settings();
    const clinic = this.options.clinic();
    const database = this.database();
    if (!settings || !clinic || !database) return;
    this.problem = null;
    try {
      this.server = await HubServer.start({
        store: this.options.store,
        database,
        clinic: () => this.options.clinic() ?? clinic,
        hubWorkstation: this.options.hubWorkstation,
        certificate: openCertificate(settings, this.options.secrets),
        accounts: this.accounts,
        codes: this.codes,
        host: settings.host,
        port: settings.port,
        onChangesRequest: (account, since) => this.pulledSeq.set(account, Math.max(since, this.pulledSeq.get(account) ?? 0)),
        log: this.options.log,
      });
    } catch (error) {
      this.problem = listenProblem(error, settings.host, settings.port);
      this.options.log?.(`hub: ${this.problem}`);
    }
  }
}
