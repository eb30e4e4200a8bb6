import { sm3 } from 'sm-crypto-v2';
import { canonicalJson } from '../../shared/canonical-json';
import { documentRegistry, type AuditEventDoc } from '../../shared/docs';
import type { DocumentStoreApi } from '../../db/store/types';

const GENESIS = '0'.repeat(64);

export interface AuditRecord {
  readonly actor: string;
  readonly action: string;
  readonly outcome: AuditEventDoc['outcome'];
  readonly targetIds: ReadonlyArray<string>;
  readonly detail?: string;
}

export interface AuditTrailDeps {
  readonly store: DocumentStoreApi;
  readonly clinicCode: () => string;
  readonly workstation: () => string;
  /** Atomic local counter (non-replicated), e.g. `audit:<workstation>`. */
  readonly nextCounter: (name: string) => number;
  readonly now?: () => Date;
}

export const auditEventId = (workstation: string, seq: number): string => `audit:${workstation}:${String(seq).padStart(10, '0')}`;

/** An audit event is not itself a change to audit. */
export const isAuditEventId = (id: string): boolean => id.startsWith('audit:');

/** The hash of an event covers every field but `_id`, `_rev` and `hash` itself. */
export function auditHash(event: Omit<AuditEventDoc, 'hash' | '_id'>): string {
  const { ...body } = event as Record<string, unknown>;
  delete body._rev;
  return sm3(canonicalJson(body));
}

/**
 * Appends audit events as documents forming one SM3 hash chain per workstation: each event names
 * the previous one's hash, so removing or editing an event breaks every hash after it. Events
 * replicate to the county, which can walk the chain (REGULATIONS.md §4).
 */
export class AuditTrail {
  constructor(private readonly deps: AuditTrailDeps) {}

  append(record: AuditRecord): AuditEventDoc {
    const { store, workstation, nextCounter } = this.deps;
    return store.transaction(() => {
      const ws = workstation();
      const seq = nextCounter(`audit:${ws}`);
      const previous = seq > 1 ? store.get(auditEventId(ws, seq - 1)) : null;
      const prevHash = typeof previous?.hash === 'string' ? previous.hash : GENESIS;
      const unsigned = {
        type: 'audit' as const,
        schema_version: 1 as const,
        clinic_code: this.deps.clinicCode(),
        workstation: ws,
        seq,
        at: (this.deps.now?.() ?? new Date()).toISOString(),
        actor: record.actor,
        action: record.action,
        outcome: record.outcome,
        target_ids: [...record.targetIds],
        ...(record.detail ? { detail: record.detail.slice(0, 500) } : {}),
        prev_hash: prevHash,
      };
      const event: AuditEventDoc = { _id: auditEventId(ws, seq), ...unsigned, hash: auditHash(unsigned) };
      const [result] = store.bulkDocs([event]);
      if (!result.ok) throw new Error(`audit write failed: ${result.error} ${result.reason}`);
      return event;
    });
  }
}

/** Walks a workstation's chain; returns the first broken sequence number, or null when intact. */
export function verifyAuditChain(events: ReadonlyArray<AuditEventDoc>): number | null {
  let prev = GENESIS;
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  for (let i = 0; i < sorted.length; i += 1) {
    const event = sorted[i];
    const { _id, hash, ...rest } = event;
    if (event.seq !== i + 1 || event.prev_hash !== prev || auditHash(rest) !== hash || _id !== auditEventId(event.workstation, event.seq)) return event.seq;
    prev = hash;
  }
  return null;
}

/**
 * Document ids named in a call's input or output, for the audit record (never the values): any
 * string that is the id of a type the registry declares an audit target (shared/docs/types.ts).
 */
export function collectTargetIds(...values: unknown[]): string[] {
  const found = new Set<string>();
  const isTarget = documentRegistry.auditTargetPattern();
  const visit = (value: unknown, depth: number): void => {
    if (found.size >= 50 || depth > 4) return;
    if (typeof value === 'string') {
      if (isTarget.test(value)) found.add(value);
    } else if (Array.isArray(value)) value.slice(0, 100).forEach((v) => visit(v, depth + 1));
    // A password is never looked into, whatever it looks like.
    else if (value && typeof value === 'object') for (const [key, v] of Object.entries(value)) if (!/password/i.test(key)) visit(v, depth + 1);
  };
  values.forEach((v) => visit(v, 0));
  return [...found];
}
