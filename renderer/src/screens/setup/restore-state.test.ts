import { describe, expect, it } from 'vitest';
import type { RestoreStatus } from './restore-draft';
import { fieldToCorrect, initialRestoreView, isPolling, restoreReducer } from './restore-state';

const status = (state: RestoreStatus['state'], error: RestoreStatus['error'] = null): RestoreStatus => ({
  state,
  phase: state === 'running' ? 'download' : null,
  docsDone: 0,
  docsPerSecond: 0,
  rebuildDone: 0,
  rebuildTotal: 0,
  error,
  clinicName: null,
});
const unreachable = { code: 'SYNC_HOST_UNREACHABLE', message: '连不上县级服务器', retryable: true };

describe('the restore screen reducer', () => {
  it('opens on the form, or on the progress of a restore already running', () => {
    expect(initialRestoreView(null)).toEqual({ kind: 'form' });
    expect(initialRestoreView(status('running'))).toEqual({ kind: 'progress', status: status('running') });
  });

  it('polls while running and stops at a failure', () => {
    const running = restoreReducer({ kind: 'form' }, { type: 'started', status: status('running') });
    expect(isPolling(running)).toBe(true);
    const failed = restoreReducer(running, { type: 'polled', status: status('failed', unreachable) });
    expect(failed).toEqual({ kind: 'progress', status: status('failed', unreachable) });
    expect(isPolling(failed)).toBe(false);
  });

  it('goes back to the form at the field the failure points at (返回修改)', () => {
    const failed = restoreReducer({ kind: 'form' }, { type: 'started', status: status('failed', unreachable) });
    expect(restoreReducer(failed, { type: 'edit', code: 'SYNC_HOST_UNREACHABLE' })).toEqual({ kind: 'form', focusPath: 'serverUrl' });
    expect(restoreReducer(failed, { type: 'edit', code: 'SYNC_AUTH_FAILED' })).toEqual({ kind: 'form', focusPath: 'password' });
  });

  it('ignores a late poll once the form is back', () => {
    const form = { kind: 'form' as const, focusPath: 'serverUrl' };
    expect(restoreReducer(form, { type: 'polled', status: status('running') })).toBe(form);
  });

  it('points a missing database or an empty restore at the clinic code', () => {
    expect(fieldToCorrect('SYNC_DATABASE_MISSING')).toBe('clinicCode');
    expect(fieldToCorrect('RESTORE_EMPTY')).toBe('clinicCode');
    expect(fieldToCorrect('SYNC_TIMEOUT')).toBe('serverUrl');
  });
});
