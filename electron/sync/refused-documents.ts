/**
 * Documents refused at the boundary (incoming-check.ts), kept aside in `_local/clinic-sync-refused`
 * for the administrator (the 同步 screen shows them): which document, which revision, why, when,
 * and the start of what the server sent. Never replicated; the newest first, bounded.
 */
import type { DocumentStoreApi } from '../../db/store/types';

export interface RefusedDocument {
  readonly id: string;
  readonly rev: string;
  readonly reason: string;
  readonly at: string;
  /** The first characters of the document as received, for the county's administrator. */
  readonly excerpt: string;
}

const REFUSED_ID = '_local/clinic-sync-refused';
export const REFUSED_KEPT = 100;

export function describeRefused(doc: unknown, requestedId: string, reason: string, at: string): RefusedDocument {
  const record = typeof doc === 'object' && doc !== null ? (doc as Record<string, unknown>) : {};
  let excerpt: string;
  try {
    excerpt = (JSON.stringify(doc) ?? String(doc)).slice(0, 1000);
  } catch {
    excerpt = String(doc).slice(0, 1000);
  }
  return { id: requestedId.slice(0, 600), rev: String(record._rev ?? '').slice(0, 80), reason, at, excerpt };
}

export function readRefusedDocuments(store: DocumentStoreApi): RefusedDocument[] {
  const doc = store.getLocal(REFUSED_ID);
  return Array.isArray(doc?.documents) ? (doc.documents as RefusedDocument[]) : [];
}

export function keepRefusedDocuments(store: DocumentStoreApi, refused: ReadonlyArray<RefusedDocument>): void {
  if (refused.length === 0) return;
  const current = store.getLocal(REFUSED_ID);
  const documents = [...refused, ...readRefusedDocuments(store)].slice(0, REFUSED_KEPT);
  store.putLocal({ _id: REFUSED_ID, ...(current ? { _rev: current._rev } : {}), documents });
}
