import { AsyncLocalStorage } from 'node:async_hooks';
import type { AuditEventDoc } from '../../shared/docs';
import type { AuditTrail } from './audit-trail';
import { collectTargetIds, isAuditEventId } from './audit-trail';

/** An audited API call while its handler runs. */
export interface AuditedCall {
  readonly method: string;
  readonly kind: 'write' | 'read';
  /** The username, or `anonymous` for a public call made without a session. */
  readonly actor: string;
  readonly input: unknown;
}

/** An audit event of a call, appended on its own. */
export interface CallEvent {
  readonly method: string;
  readonly actor: string;
  readonly outcome: AuditEventDoc['outcome'];
  readonly input: unknown;
  readonly output?: unknown;
}

/** What the router needs of the audit chain. */
export interface CallAuditor {
  /**
   * Runs an audited call's handler. Every document the handler edits is committed together with an
   * audit event of the call; `recordedWithWrite` says whether any was, so that the router appends
   * the event of a call that wrote nothing on its own.
   */
  run<T>(call: AuditedCall, handler: () => T | Promise<T>): Promise<{ value: T; recordedWithWrite: boolean }>;
  /** An event on its own: refusals, failures, reads, and write calls that edited no document. */
  record(event: CallEvent): void;
}

interface OpenCall extends AuditedCall {
  open: boolean;
  /** Id of the call's first audit event; later write transactions of the call point back to it. */
  firstEvent: string | null;
  writes: number;
}

/**
 * Commits a call's audit event in the transaction of the call's document edits.
 *
 * Why this design: handlers are async (password hashing, PDF fonts, network) while better-sqlite3
 * transactions are synchronous, so the router cannot wrap a handler in one transaction, and having
 * every handler hand its writes back to the router would reshape every service. Instead the router
 * runs each audited handler inside an AsyncLocalStorage context naming the call, and the document
 * store calls `onLocalWrite` inside each transaction that edited documents, just before it commits
 * (db/store/local-write-hook.ts). The event is appended there, in the same transaction: a crash
 * leaves both or neither. A later write transaction of the same call appends its own event, linked
 * to the first by `detail.sameCallAs`, because an event already in the hash chain cannot be changed.
 */
export class CallAudits implements CallAuditor {
  private readonly calls = new AsyncLocalStorage<OpenCall>();

  constructor(
    private readonly trail: AuditTrail,
    /** False before first-run setup: there is no clinic and no workstation to audit for yet. */
    private readonly enabled: () => boolean,
  ) {}

  async run<T>(call: AuditedCall, handler: () => T | Promise<T>): Promise<{ value: T; recordedWithWrite: boolean }> {
    const open: OpenCall = { ...call, open: true, firstEvent: null, writes: 0 };
    try {
      const value = await this.calls.run(open, handler);
      return { value, recordedWithWrite: open.writes > 0 };
    } finally {
      // Work the call leaves running (a sync it started, a timer) no longer edits in its name.
      open.open = false;
    }
  }

  /** The document store's local-write hook: runs inside the transaction, before it commits. */
  readonly onLocalWrite = (editedIds: ReadonlyArray<string>): void => {
    const call = this.calls.getStore();
    if (!call?.open) return;
    const changed = editedIds.filter((id) => !isAuditEventId(id));
    if (changed.length === 0) return;
    // Thrown inside the transaction: the edit is rolled back and the call fails as a fault.
    if (call.kind === 'read') throw new Error(`${call.method} is declared a read of patient data but edited ${changed.join(', ')}`);
    if (!this.enabled()) return;
    const event = this.trail.append({
      actor: call.actor,
      action: call.method,
      outcome: 'ok',
      targetIds: [...new Set([...collectTargetIds(call.input), ...changed])],
      ...(call.firstEvent ? { detail: JSON.stringify({ sameCallAs: call.firstEvent, write: call.writes + 1 }) } : {}),
    });
    call.writes += 1;
    call.firstEvent ??= event._id;
  };

  record(event: CallEvent): void {
    if (!this.enabled()) return;
    this.trail.append({ actor: event.actor, action: event.method, outcome: event.outcome, targetIds: collectTargetIds(event.input, event.output) });
  }
}
