import type { ApiError, OutputOf } from '../../../../shared/api';
import type { DeviceKindName } from '../../../../shared/api/devices';
import { missingCase } from '../../../../shared/missing-case';
import { NO_FIELD_ERRORS, withoutField, type FieldErrors } from '../../forms/field-errors';
import { draftFromSettings, SETTINGS_FIELD, type DeviceSettingsDraft } from './device-form';

export type DeviceConfig = OutputOf<'devices.getConfig'>;
export type DevicePorts = OutputOf<'devices.listPorts'>;

/** The 外接设备 panel: the settings as saved and as being typed, the ports seen, the last save. */
export interface DevicesState {
  /** null until the saved settings are read: the form waits, so nothing typed early is overwritten. */
  readonly config: DeviceConfig | null;
  readonly ports: DevicePorts | null;
  readonly draft: DeviceSettingsDraft;
  readonly errors: FieldErrors;
  readonly error: ApiError | null;
  readonly saving: boolean;
  readonly saved: boolean;
}

export type DevicesAction =
  | { readonly type: 'configRead'; readonly config: DeviceConfig }
  /** The periodic re-read: only the states, never the draft being typed. */
  | { readonly type: 'statesRead'; readonly states: DeviceConfig['states'] }
  | { readonly type: 'portsRead'; readonly ports: DevicePorts }
  | { readonly type: 'failed'; readonly error: ApiError }
  | { readonly type: 'edit'; readonly kind: DeviceKindName; readonly patch: Partial<DeviceSettingsDraft[DeviceKindName]>; readonly field: 'path' | 'baudRate' }
  | { readonly type: 'checked'; readonly errors: FieldErrors }
  | { readonly type: 'saveStarted' }
  | { readonly type: 'saveFailed'; readonly error: ApiError; readonly errors: FieldErrors }
  | { readonly type: 'saved'; readonly config: DeviceConfig }
  | { readonly type: 'dismissError' };

export const INITIAL_DEVICES: DevicesState = {
  config: null,
  ports: null,
  draft: draftFromSettings({ cardReader: null, scanner: null }),
  errors: NO_FIELD_ERRORS,
  error: null,
  saving: false,
  saved: false,
};

export function devicesReducer(state: DevicesState, action: DevicesAction): DevicesState {
  switch (action.type) {
    case 'configRead':
      return { ...state, config: action.config, draft: draftFromSettings(action.config.settings) };
    case 'statesRead':
      return state.config ? { ...state, config: { ...state.config, states: action.states } } : state;
    case 'portsRead':
      return { ...state, ports: action.ports };
    case 'failed':
      return { ...state, error: action.error };
    case 'edit':
      return {
        ...state,
        draft: { ...state.draft, [action.kind]: { ...state.draft[action.kind], ...action.patch } },
        errors: withoutField(state.errors, `${SETTINGS_FIELD[action.kind]}.${action.field}`),
        saved: false,
      };
    case 'checked':
      return { ...state, errors: action.errors };
    case 'saveStarted':
      return { ...state, saving: true };
    case 'saveFailed':
      return { ...state, saving: false, error: action.error, errors: action.errors };
    case 'saved':
      return { ...state, saving: false, error: null, config: action.config, saved: true };
    case 'dismissError':
      return { ...state, error: null };
    default:
      return missingCase(action);
  }
}
