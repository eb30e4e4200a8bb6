import { adminContract } from './admin';
import { archiveContract } from './archive';
import { authContract } from './auth';
import { backupContract } from './backup';
import { clinicContract } from './clinic';
import { custodyContract } from './custody';
import { copiesContract } from './copies';
import type { MethodInput, MethodOutput } from './define';
import { devicesContract } from './devices';
import { dictionaryContract } from './dictionary';
import { hubContract } from './hub';
import { lanContract } from './lan';
import { outpatientContract } from './outpatient';
import { patientsContract } from './patients';
import { recordsContract } from './records';
import { setupContract } from './setup';
import { signingContract } from './signing';
import { syncContract } from './sync';
import { systemContract } from './system';
import { visitsContract } from './visits';

export * from './errors';
export * from './define';
export { sessionUser, type SessionUser } from './auth';
export { setupInput, passwordRule, workstationId } from './setup';
export { departmentView, userView } from './admin';
export * from './patient-views';
export { searchKind } from './patients';
export { ENCOUNTER_STATUS_LABELS, visitView, type VisitView } from './visits';
export { divisionView } from './clinic';
export * from './outpatient';
export * from './signing';
export * from './custody';
export * from './archive';
export * from './records';
export * from './copies';

/** Every method the main process offers the renderer, across both transports (IPC and HTTP). */
export const contract = {
  ...setupContract,
  ...authContract,
  ...adminContract,
  ...systemContract,
  ...clinicContract,
  ...patientsContract,
  ...visitsContract,
  ...outpatientContract,
  ...devicesContract,
  ...syncContract,
  ...dictionaryContract,
  ...signingContract,
  ...hubContract,
  ...lanContract,
  ...backupContract,
  ...custodyContract,
  ...archiveContract,
  ...recordsContract,
  ...copiesContract,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<N extends MethodName> = MethodInput<Contract[N]>;
export type OutputOf<N extends MethodName> = MethodOutput<Contract[N]>;

export { EVENTS_CHANNEL, INVOKE_CHANNEL, type InvokeRequest } from './channel';
export * from './events';
