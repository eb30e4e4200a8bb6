import type { z } from 'zod';
import type { deviceIndicator, syncIndicator } from '../../shared/api/system';
import type { AuditTrail } from '../services/audit-trail';
import type { CountyRestore } from '../services/county-restore';
import type { ClinicData } from '../services/clinic-data';
import type { DeviceHub } from '../services/device-hub';
import type { SessionStore } from '../services/sessions';
import type { SyncManager } from '../services/sync-manager';

export type SyncIndicator = z.infer<typeof syncIndicator>;
export type DeviceIndicator = z.infer<typeof deviceIndicator>;

/** Everything the IPC handlers reach: built once in `createClinicApp`. */
export interface AppContext {
  readonly data: ClinicData;
  readonly sessions: SessionStore;
  readonly audit: AuditTrail;
  readonly version: string;
  /** The card reader and scanner of this workstation. */
  readonly devices: DeviceHub;
  /** County sync of this workstation: settings, runs, conflicts, compaction. */
  readonly sync: SyncManager;
  /** First run on a replacement PC: the clinic's record back from the county. */
  readonly restore: CountyRestore;
  /** Status-bar sources; the sync engine and the device manager plug in here. */
  syncIndicator(): SyncIndicator;
  deviceIndicator(): DeviceIndicator;
}
