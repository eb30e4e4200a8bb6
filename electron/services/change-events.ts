/**
 * Turns writes landing in the store (local edits and replicated documents alike) into change events
 * for the screens (shared/api/events.ts). It listens on the store's change notifier, which calls
 * after each committed burst of writes, reads the changes feed from where it last stopped, and
 * names each changed document's kind from its type and the keys screens filter by. Nothing polls.
 */
import type { ChangeBatch, ChangeEvent } from '../../shared/api/events';
import type { DocumentStoreApi, StoredDocument } from '../../db/store/types';

export type ChangeListener = (batch: ChangeBatch) => void;

/** The event a screen hears for one changed document. */
export function changeEventOf(doc: Pick<StoredDocument, '_id'> & Readonly<Record<string, unknown>>): ChangeEvent {
  const text = (field: string): string => (typeof doc[field] === 'string' ? (doc[field] as string) : '');
  switch (doc.type) {
    case 'encounter':
      return { kind: 'visits', date: text('visit_date'), department: text('department_code') };
    case 'patient':
      return { kind: 'patients' };
    case 'user':
      return { kind: 'users', username: text('username') || doc._id.replace(/^user:/, '') };
    case 'department':
      return { kind: 'departments' };
    case 'clinic_settings':
      return { kind: 'settings' };
    default:
      return { kind: 'other', type: typeof doc.type === 'string' ? doc.type : '' };
  }
}

const PAGE = 500;

export class ChangeEvents {
  private readonly listeners = new Set<ChangeListener>();
  private seq: number;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly store: DocumentStoreApi) {
    this.seq = store.info().updateSeq;
  }

  start(): void {
    this.unsubscribe ??= this.store.onChanges(() => this.readOn());
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * The database was replaced underneath (a backup restored over it): carry on from its end rather
   * than replay its whole history, and tell every screen to read again.
   */
  replaced(): void {
    this.seq = this.store.info().updateSeq;
    this.deliver({ events: [], resync: true });
  }

  /** Events that come from no document (the LAN link's state). */
  publish(events: ReadonlyArray<ChangeEvent>): void {
    this.deliver({ events: [...events], resync: false });
  }

  private readOn(): void {
    const events = new Map<string, ChangeEvent>();
    for (;;) {
      let page;
      try {
        page = this.store.changes({ since: this.seq, limit: PAGE, includeDocs: true });
      } catch {
        return; // the database was closed in between
      }
      for (const row of page.results) {
        this.seq = row.seq;
        // A deleted document has no body left to read its keys from: its id still names its kind.
        const event = row.doc && typeof row.doc.type === 'string' ? changeEventOf(row.doc) : changeEventOf({ _id: row.id, type: kindFromId(row.id) });
        events.set(JSON.stringify(event), event);
      }
      if (page.results.length < PAGE) break;
    }
    if (events.size > 0) this.deliver({ events: [...events.values()], resync: false });
  }

  private deliver(batch: ChangeBatch): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(batch);
      } catch {
        // One broken listener (a closed window, a dropped stream) must not keep the others from hearing.
      }
    }
  }
}

/** Ids begin with their type's prefix (`encounter:…`, `user:…`), which is all a tombstone still says. */
function kindFromId(id: string): string {
  const prefix = id.split(':')[0];
  return prefix === 'settings' ? 'clinic_settings' : prefix;
}
