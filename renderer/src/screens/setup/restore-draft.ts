import { contract, type InputOf, type OutputOf } from '../../../../shared/api';
import { checkWithSchema } from '../../forms/check-with-schema';
import { mergeFieldErrors, type FieldErrors } from '../../forms/field-errors';
import { SETUP_TEXT as T } from './text';

export type RestoreStatus = OutputOf<'setup.restoreStatus'>;

/** What the user has typed on the restore form, before it is shaped into `setup.restoreFromCounty`'s input. */
export interface RestoreDraft {
  readonly serverUrl: string;
  readonly clinicCode: string;
  readonly password: string;
  readonly workstationId: string;
  /** Blank: the account county setup made, `clinic_<机构编码>`. */
  readonly username: string;
}

export function initialRestoreDraft(): RestoreDraft {
  return { serverUrl: '', clinicCode: '', password: '', workstationId: 'W01', username: '' };
}

/** The sync account used when none is typed. */
export function defaultSyncAccount(clinicCode: string): string {
  return `clinic_${clinicCode.trim() || '机构编码'}`;
}

/** Shapes the draft into the contract's input; a blank sync account is left out (the server uses the default). */
export function toRestoreInput(draft: RestoreDraft): InputOf<'setup.restoreFromCounty'> {
  const username = draft.username.trim();
  return {
    serverUrl: draft.serverUrl.trim(),
    clinicCode: draft.clinicCode.trim(),
    password: draft.password,
    workstationId: draft.workstationId.trim(),
    ...(username ? { username } : {}),
  };
}

/** Plain "please fill in" messages first, then the contract's own schema for the rest. */
export function checkRestore(draft: RestoreDraft): FieldErrors {
  const missing: Record<string, string> = {};
  if (draft.serverUrl.trim() === '') missing.serverUrl = T.restoreServerUrlRequired;
  if (draft.clinicCode.trim() === '') missing.clinicCode = T.clinicCodeRequired;
  if (draft.password === '') missing.password = T.restorePasswordRequired;
  if (draft.workstationId.trim() === '') missing.workstationId = T.workstationIdRequired;
  return mergeFieldErrors(missing, checkWithSchema(contract['setup.restoreFromCounty'].input, toRestoreInput(draft)));
}

/** How far the index rebuild is, 0–100 (0 until its size is known). */
export function rebuildPercent(status: Pick<RestoreStatus, 'rebuildDone' | 'rebuildTotal'>): number {
  if (status.rebuildTotal <= 0) return 0;
  return Math.min(100, Math.round((status.rebuildDone / status.rebuildTotal) * 100));
}
