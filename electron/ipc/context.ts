import type { AuditTrail } from '../services/audit-trail';
import type { BackupManager } from '../services/backup/backup-manager';
import type { RestoreJob } from '../services/backup/restore-job';
import type { HubHost } from '../services/centre-hub';
import type { HubJoin } from '../services/hub-join';
import type { ClinicData } from '../services/clinic-data';
import type { CountyRestore } from '../services/county-restore';
import type { DeviceHub } from '../services/device-hub';
import type { DeviceIndicator } from '../services/device-indicator';
import type { LanLink } from '../services/lan-link';
import type { SessionStore } from '../services/sessions';
import type { SyncManager } from '../services/sync-manager';
import type { SyncIndicator } from '../services/sync-views';
import type { Amendments, SigningService } from '../signing';

/**
 * Everything the IPC handlers reach. Declared here, by the layer that uses it, so handlers depend on
 * services and never on the composition root; `createClinicApp` (electron/app) builds it once.
 */
export interface AppContext {
  readonly data: ClinicData;
  readonly sessions: SessionStore;
  readonly audit: AuditTrail;
  readonly version: string;
  /** The card reader and scanner of this workstation. */
  readonly devices: DeviceHub;
  /** County sync of this workstation: settings, runs, conflicts, compaction. */
  readonly sync: SyncManager;
  /** Live replication with the centre's endpoint (本院主机). */
  readonly lan: LanLink;
  /** First run on a replacement PC: the clinic's record back from the county. */
  readonly restore: CountyRestore;
  /** Signing PINs and keys, signatures and their checks (electron/signing). */
  readonly signing: SigningService;
  readonly amendments: Amendments;
  /** 本院主机: hub mode on this PC, its paired workstations. */
  readonly hub: HubHost;
  /** First run on a new PC of the centre: 加入本院. */
  readonly hubJoin: HubJoin;
  /** 备份与恢复: the daily encrypted backup of this PC's database. */
  readonly backup: BackupManager;
  /** 从备份恢复, at first run or from 管理. */
  readonly backupRestore: RestoreJob;
  /** Status-bar sources; the sync engine and the device manager plug in here. */
  syncIndicator(): SyncIndicator;
  deviceIndicator(): DeviceIndicator;
}
