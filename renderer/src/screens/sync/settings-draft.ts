import { syncSettingsInput, type SyncSettingsInput, type SyncSettingsView } from '../../../../shared/api/sync';
import { checkWithSchema } from '../../forms/check-with-schema';
import type { FieldErrors } from '../../forms/field-errors';

export interface SyncSettingsDraft {
  readonly serverUrl: string;
  readonly database: string;
  readonly username: string;
  readonly password: string;
  readonly windowStart: string;
  readonly windowEnd: string;
}

export function draftFromView(view: SyncSettingsView): SyncSettingsDraft {
  return {
    serverUrl: view.serverUrl,
    database: view.database,
    username: view.username,
    password: '',
    windowStart: view.window.start,
    windowEnd: view.window.end,
  };
}

/** The request; an empty password is left out, which keeps the saved one. */
export function inputFromDraft(draft: SyncSettingsDraft): SyncSettingsInput {
  return {
    serverUrl: draft.serverUrl.trim(),
    database: draft.database.trim(),
    username: draft.username.trim(),
    ...(draft.password.length > 0 ? { password: draft.password } : {}),
    window: { start: draft.windowStart, end: draft.windowEnd },
  };
}

/** The contract's own checks, plus: a password is needed until one is saved. */
export function checkSettingsDraft(draft: SyncSettingsDraft, passwordSet: boolean): FieldErrors {
  const errors: Record<string, string> = { ...checkWithSchema(syncSettingsInput, inputFromDraft(draft)) };
  if (!passwordSet && draft.password.length === 0) errors.password ??= '请填写同步密码';
  return errors;
}
