/**
 * Five wrong signing PINs in a row stop that clinician's signing on this PC for 15 minutes. The
 * count is kept in a `_local` document, so restarting the program does not reset it; a right PIN
 * does. Local, like the sealed key it protects: each PC holds its own key (README.md).
 */
import type { DocumentStoreApi } from '../../db/store/types';

export const MAX_WRONG_PINS = 5;
export const LOCK_MS = 15 * 60 * 1000;

export interface PinLockState {
  readonly failures: number;
  /** Epoch ms until which signing is refused, or null. */
  readonly lockedUntil: number | null;
}

const localId = (username: string) => `_local/signing_lock/${username}`;

export class PinLock {
  constructor(
    private readonly store: DocumentStoreApi,
    private readonly now: () => number,
  ) {}

  state(username: string): PinLockState {
    const doc = this.store.getLocal(localId(username));
    const failures = typeof doc?.failures === 'number' ? doc.failures : 0;
    const lockedUntil = typeof doc?.locked_until === 'number' && doc.locked_until > this.now() ? doc.locked_until : null;
    // A lock that has run out starts a fresh count.
    if (typeof doc?.locked_until === 'number' && lockedUntil === null) return { failures: 0, lockedUntil: null };
    return { failures, lockedUntil };
  }

  /** Counts a wrong PIN; the fifth locks. Returns the state after it. */
  recordFailure(username: string): PinLockState {
    const failures = this.state(username).failures + 1;
    const lockedUntil = failures >= MAX_WRONG_PINS ? this.now() + LOCK_MS : null;
    this.write(username, { failures: lockedUntil === null ? failures : MAX_WRONG_PINS, locked_until: lockedUntil });
    return { failures, lockedUntil };
  }

  reset(username: string): void {
    if (this.store.getLocal(localId(username))) this.write(username, { failures: 0, locked_until: null });
  }

  private write(username: string, fields: { failures: number; locked_until: number | null }): void {
    const existing = this.store.getLocal(localId(username));
    this.store.putLocal({ _id: localId(username), ...(existing ? { _rev: existing._rev } : {}), ...fields });
  }
}
