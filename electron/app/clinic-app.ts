import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { openClinicDatabase } from '../../db/open';
import { compactDatabase } from '../../db/store/compaction';
import { buildRouter } from '../ipc';
import type { Router } from '../ipc/router';
import { AuditTrail } from '../services/audit-trail';
import { BackupManager } from '../services/backup/backup-manager';
import { RestoreJob } from '../services/backup/restore-job';
import { CallAudits } from '../services/call-audit';
import { ChangeEvents } from '../services/change-events';
import { LanLink } from '../services/lan-link';
import { DeviceHub } from '../services/device-hub';
import { SessionStore, actorOf } from '../services/sessions';
import { CountyRestore } from '../services/county-restore';
import { createCentreHub } from '../services/centre-hub';
import { HubJoin } from '../services/hub-join';
import { SyncManager } from '../services/sync-manager';
import { META_WORKSTATION, isInitialized, readClinicSettings } from '../services/setup';
import { keyFileSecretBox, type SecretBox } from '../security/secret-box';
import { Amendments, SigningService } from '../signing';
import { bindClinicData } from './bind-data';
import type { AppContext } from '../ipc/context';

export interface ClinicApp {
  readonly router: Router;
  readonly context: AppContext;
  /** What changed in the store, for the renderer (IPC in Electron, Server-Sent Events in browser mode). */
  readonly changes: ChangeEvents;
  close(): void;
}

export const DATABASE_FILE = 'clinic.sqlite';

/**
 * Builds the whole app around one data folder: opens (and migrates) the database, wires services
 * and the router. Electron's main process and browser mode both start here; so do the tests.
 */
export async function createClinicApp(options: {
  dataDir: string;
  version: string;
  log?: (line: string) => void;
  /** Where CLINIC_CARD_READER / CLINIC_SCANNER / CLINIC_SYNC_* are read from; `process.env` by default. */
  environment?: Readonly<Record<string, string | undefined>>;
  /** Seals saved secrets; the data folder's key file by default (electron/security/secret-box.ts). */
  secrets?: SecretBox;
}): Promise<ClinicApp> {
  mkdirSync(options.dataDir, { recursive: true });
  const handle = openClinicDatabase(path.join(options.dataDir, DATABASE_FILE));
  const data = bindClinicData(handle, options.dataDir);
  const log = options.log ?? ((line: string) => console.error(line));
  const audit = new AuditTrail({
    store: data.store,
    clinicCode: () => readClinicSettings(data)?.code ?? 'unset',
    workstation: () => data.meta.get(META_WORKSTATION) ?? 'W01',
    nextCounter: (name) => data.counters.next(name),
  });
  const secrets = options.secrets ?? keyFileSecretBox(options.dataDir);
  const devices = new DeviceHub({ data, environment: options.environment ?? process.env, log });
  const sync = new SyncManager({
    data,
    compact: () => compactDatabase(handle),
    clinicCode: () => (isInitialized(data) ? (readClinicSettings(data)?.code ?? null) : null),
    environment: options.environment ?? process.env,
    secrets,
    log,
  });
  const restore = new CountyRestore({ data, sync, log });
  const changes = new ChangeEvents(data.store);
  const lan = new LanLink({
    data,
    secrets,
    environment: options.environment ?? process.env,
    clinicCode: () => (isInitialized(data) ? (readClinicSettings(data)?.code ?? null) : null),
    events: changes,
    log,
  });
  const sessions = new SessionStore();
  // Accounts replicate: a stopped account or changed roles end its sessions on this PC too.
  changes.subscribe((batch) => {
    for (const event of batch.events)
      if (event.kind === 'users') sessions.reconcile(event.username, data.users.list().find((u) => u.username === event.username) ?? null);
  });
  const hub = createCentreHub(data, secrets, log);
  // On the hub, the 同步 screen lists each paired workstation: last seen, hub changes it has not pulled yet.
  lan.useWorkstationDirectory(() =>
    hub.status().enabled
      ? hub
          .workstations()
          .filter((w) => w.revokedAt === null)
          .map((w) => ({ workstation: w.workstationNumber, lastSeenAt: w.lastSeenAt, pendingChanges: w.pending }))
      : null,
  );
  const clinicOf = () => {
    const settings = isInitialized(data) ? readClinicSettings(data) : null;
    return settings ? { code: settings.code, name: settings.name } : null;
  };
  const liveFile = path.join(options.dataDir, DATABASE_FILE);
  const backup = new BackupManager({ data, liveFile, secrets, version: options.version, clinic: clinicOf, log });
  const backupRestore = new RestoreJob({
    data,
    liveFile,
    secrets,
    busyElsewhere: () => restore.isRunning,
    audit: (record) => audit.append(record),
    // The database changed underneath: nobody stays logged in to the old one, screens reload, the schedule follows the restored settings.
    onReplaced: () => {
      for (const user of data.users.list()) sessions.closeAllFor(user.username);
      changes.replaced();
      backup.start();
    },
    log,
  });
  const signing = new SigningService({ store: data.store, queries: data.signing, clinicCode: () => readClinicSettings(data)?.code ?? 'unset' });
  const context: AppContext = {
    data,
    restore,
    signing,
    amendments: new Amendments(signing),
    hub,
    hubJoin: new HubJoin({ data, restore, secrets, onJoined: () => lan.useHubLinkIfPaired() }),
    backup,
    backupRestore,
    sessions,
    audit,
    version: options.version,
    sync,
    lan,
    syncIndicator: () => sync.indicator(),
    devices,
    deviceIndicator: () => devices.indicator(),
  };
  // Before setup there is no clinic to audit for; setup.initialize is audited in the transaction that sets the clinic up.
  const callAudits = new CallAudits(audit, () => isInitialized(data));
  handle.store.onLocalWrite(callAudits.onLocalWrite);
  const router = buildRouter(context, {
    resolveCaller: (token) => {
      const { session, expired } = context.sessions.resolve(token);
      return { actor: session ? actorOf(session, data.meta.get(META_WORKSTATION) ?? '') : null, expired };
    },
    clinic: clinicOf,
    audit: callAudits,
    logError: (method, error) => log(`[${new Date().toISOString()}] ${method}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  });
  devices.start();
  sync.start();
  changes.start();
  // A paired workstation replicates with its hub; otherwise with the centre's CouchDB if one is set.
  lan.useHubLinkIfPaired();
  lan.start();
  backup.start();
  // Hub mode comes back on with the app; a port in use is shown in 管理 → 本院主机, not a failed start.
  await hub.startIfEnabled();
  return {
    router,
    context,
    changes,
    close: () => {
      // Ports close on their own when the process ends; stopping here frees them for a test's next app.
      void devices.stop();
      sync.stop();
      backup.stop();
      void hub.stop();
      lan.stop();
      changes.stop();
      handle.close();
    },
  };
}
