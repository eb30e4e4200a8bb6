/**
 * The sync module's public surface, for the app's services, IPC handlers and CLI.
 * See ./COUNTY-SERVER.md for the county side.
 */
export { createSyncService, type SyncService, type SyncServiceOptions } from './service';
export { SyncEngine, type SyncEngineOptions, type SyncPhase, type SyncProgress, type SyncState, type SyncStatus } from './engine';
export { SyncScheduler, type ScheduledRun, type SyncRunOutcome, type SyncTrigger } from './schedule';
export { DEFAULT_SYNC_WINDOW, isInSyncWindow, nextWindowStart, validateSyncWindow, type SyncWindow } from './sync-window';
export { FAST_LINE, RURAL_LINE, type BatchSettings } from './batching';
export { classifySyncError, SYNC_ERROR_MESSAGES, type SyncError, type SyncErrorCode } from './errors';
export type { SyncRunRecord } from './sync-state';
export type { CountyEndpoint } from './remote-db';
export {
  inboxTypes,
  listConflicts,
  resolveConflict,
  showConflict,
  ConflictChangedError,
  ImmutableConflictError,
  type ConflictDetail,
  type ConflictResolution,
  type ConflictResolved,
  type ConflictSummary,
  type ResolveConflictInput,
} from './conflicts';
export { countySetup, CountySetupError, mergeReplicationDoc, type CountySetupInput, type CountySetupResult } from './county-setup';
export { parseClinicDatabaseUrl, recoverClinic, RecoveryError, type RecoverClinicInput, type RecoveryResult } from './recovery';
export { readReferenceDictionary, referenceDictionaryDoc, REFERENCE_DATABASE, type ReferenceDictionaryDoc, type ReferenceLookup } from './reference-data';
// What the app's sync service reads between runs (pending count, run history) and the seams its tests inject.
export type { Clock } from '../../shared/time/clock';
export { countPendingChanges } from './pending';
export { isNeverPushed } from './reference-data';
export type { RemoteFetch } from './remote-fetch';
export { readRunHistory, readSyncState } from './sync-state';
// The centre hub (electron/hub) serves the same store over the replication protocol, and live replication on the
// centre's LAN (electron/lan) builds on the same adapter, remote database (deadlines, boundary checks on pulled
// documents) and refused-documents list.
export { clinicPouchDB, openLocalPouch } from './pouch-adapter';
export type { PouchDatabase, PouchStatic, Replication, ReplicationInfo } from './pouch';
export { asReplicationSource, openRemoteDatabase } from './remote-db';
export { createRemoteFetch, keepAliveAgents, type KeepAliveAgents } from './remote-fetch';
export { nodeHttpFetch } from './http-fetch';
export { describeRefused, keepRefusedDocuments, type RefusedDocument } from './refused-documents';
