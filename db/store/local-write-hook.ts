/**
 * Lets the app add rows to the transaction of a local edit before it commits: the main process
 * appends the audit event of the call that made the edit, so the change and its event are stored
 * together or not at all (a crash in between rolls both back). The store knows nothing of audit;
 * it only reports which documents a transaction edited locally.
 */

/**
 * Called inside the outermost store transaction that made local edits, just before it commits,
 * with the ids edited (replicated revisions and `_local` documents are not reported). Writes the
 * hook makes are not reported again. Throwing rolls the whole transaction back.
 */
export type LocalWriteHook = (editedIds: ReadonlyArray<string>) => void;

/** Tracks the store's transaction nesting and the local edits made at each level. */
export class LocalWriteTracker {
  private hook: LocalWriteHook | null = null;
  private depth = 0;
  private edited: string[] = [];
  private inHook = false;

  setHook(hook: LocalWriteHook | null): void {
    this.hook = hook;
  }

  /** Runs one level of a store transaction (already inside SQLite's); the outermost level reports to the hook. */
  run<T>(fn: () => T): T {
    const mark = this.edited.length;
    this.depth += 1;
    try {
      const result = fn();
      if (this.depth === 1) this.report();
      return result;
    } catch (error) {
      // This level's savepoint (or the whole transaction) is rolled back: so are its edits.
      this.edited.length = mark;
      throw error;
    } finally {
      this.depth -= 1;
    }
  }

  /** A local edit was written (not yet committed). */
  record(id: string): void {
    if (this.hook && !this.inHook) this.edited.push(id);
  }

  private report(): void {
    if (!this.hook || this.edited.length === 0) return;
    const ids = [...new Set(this.edited)];
    this.edited = [];
    this.inHook = true;
    try {
      this.hook(ids);
    } finally {
      this.inHook = false;
    }
  }
}
