/**
 * The restore screen's state in one reducer: the form (what is typed stays in its form reducer), or
 * the restore under way, followed by polling until it is done or has failed. From a failure the
 * person either goes back to correct what was typed (返回修改, the cursor on the field the failure
 * points at) or tries the same again (重试).
 */
import { missingCase } from '../../../../shared/missing-case';
import type { RestoreStatus } from './restore-draft';

export type RestoreView = { readonly kind: 'form'; readonly focusPath?: string } | { readonly kind: 'progress'; readonly status: RestoreStatus };

export type RestoreAction =
  /** The server took the restore (or one was found running): its first status. */
  | { readonly type: 'started'; readonly status: RestoreStatus }
  /** A later status from polling. */
  | { readonly type: 'polled'; readonly status: RestoreStatus }
  /** 返回修改: back to the form, the cursor where the failure points. */
  | { readonly type: 'edit'; readonly code: string | null };

export function initialRestoreView(resumed: RestoreStatus | null | undefined): RestoreView {
  return resumed ? { kind: 'progress', status: resumed } : { kind: 'form' };
}

export function restoreReducer(view: RestoreView, action: RestoreAction): RestoreView {
  switch (action.type) {
    case 'started':
      return { kind: 'progress', status: action.status };
    case 'polled':
      // An answer that arrives after the person went back to the form is not theirs any more.
      return view.kind === 'progress' ? { kind: 'progress', status: action.status } : view;
    case 'edit':
      return { kind: 'form', focusPath: action.code === null ? undefined : fieldToCorrect(action.code) };
    default:
      return missingCase(action);
  }
}

/** True while the screen should keep asking how the restore is going. */
export function isPolling(view: RestoreView): boolean {
  return view.kind === 'progress' && view.status.state === 'running';
}

/** Where the cursor goes to correct what a failure points at: the password after a refusal, the address when the server was not reached. */
export function fieldToCorrect(code: string): string {
  switch (code) {
    case 'SYNC_AUTH_FAILED':
      return 'password';
    case 'RESTORE_EMPTY':
    case 'SYNC_FORBIDDEN':
    case 'SYNC_DATABASE_MISSING':
      return 'clinicCode';
    default:
      return 'serverUrl';
  }
}
