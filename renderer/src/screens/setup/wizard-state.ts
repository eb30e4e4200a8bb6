import type { ApiError } from '../../../../shared/api';
import { missingCase } from '../../../../shared/missing-case';
import { NO_FIELD_ERRORS, withoutField, type FieldErrors } from '../../forms/field-errors';
import type { RestoreStatus } from './restore-draft';
import { initialDraft, type WizardDraft, type WizardStep } from './wizard-draft';

export type SetupPath = 'new' | 'restore' | 'join' | 'backup';

/** The first-run wizard: what was typed, which step shows, the messages, and which path was taken. */
export interface WizardState {
  readonly draft: WizardDraft;
  readonly step: WizardStep;
  readonly errors: FieldErrors;
  readonly serverError: ApiError | null;
  readonly submitting: boolean;
  /** A new clinic (the default), a replacement PC restored from the county, or one more PC joining the centre's hub. */
  readonly path: SetupPath;
  /** A restore already running (the window was reloaded, or opened twice): its progress is shown. */
  readonly resumed: RestoreStatus | null;
}

export type WizardAction =
  | { readonly type: 'change'; readonly draft: WizardDraft; readonly paths: ReadonlyArray<string> }
  | { readonly type: 'goTo'; readonly step: WizardStep }
  /** Errors found: shown, on the first step that has any (when given). */
  | { readonly type: 'showErrors'; readonly errors: FieldErrors; readonly step?: WizardStep }
  | { readonly type: 'submitStarted' }
  | { readonly type: 'submitFailed'; readonly error: ApiError }
  | { readonly type: 'submitEnded' }
  | { readonly type: 'dismissError' }
  | { readonly type: 'choosePath'; readonly path: SetupPath }
  | { readonly type: 'restoreRunning'; readonly status: RestoreStatus };

export function initialWizardState(): WizardState {
  return { draft: initialDraft(), step: 'clinic', errors: NO_FIELD_ERRORS, serverError: null, submitting: false, path: 'new', resumed: null };
}

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'change':
      return { ...state, draft: action.draft, errors: action.paths.reduce(withoutField, state.errors) };
    case 'goTo':
      return { ...state, step: action.step };
    case 'showErrors':
      return { ...state, errors: action.errors, step: action.step ?? state.step };
    case 'submitStarted':
      return { ...state, submitting: true, serverError: null };
    case 'submitFailed':
      return { ...state, submitting: false, serverError: action.error };
    case 'submitEnded':
      return { ...state, submitting: false };
    case 'dismissError':
      return { ...state, serverError: null };
    case 'choosePath':
      return { ...state, path: action.path };
    case 'restoreRunning':
      return { ...state, resumed: action.status, path: 'restore' };
    default:
      return missingCase(action);
  }
}
