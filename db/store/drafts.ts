import type Database from 'better-sqlite3';
import { DRAFT_KEY, draftDoc, draftId, username, type DraftDoc } from '../../shared/docs';
import { validateDocument } from '../projections/validation';
import { DocumentStoreError } from './errors';

/**
 * Drafts (the registered `draft` kind, shared/docs/draft.ts): one person's work in progress, such as
 * the note editor's autosave. Kept as `_local/draft/<owner>/<key>` documents, which are never in
 * the changes feed, so a draft never replicates, never projects and is never audited as a record.
 * Each save replaces the last; nothing is kept of earlier ones.
 */
export class DraftStore {
  private readonly select: Database.Statement<[string], { body: string }>;
  private readonly selectRange: Database.Statement<[string, string], { body: string }>;
  private readonly upsert: Database.Statement<[string, string]>;
  private readonly remove: Database.Statement<[string]>;

  constructor(sqlite: Database.Database) {
    this.select = sqlite.prepare('SELECT body FROM local_docs WHERE id = ?');
    this.selectRange = sqlite.prepare('SELECT body FROM local_docs WHERE id >= ? AND id < ? ORDER BY id');
    // `rev` counts saves as `_local` documents do (0-N), so PouchDB-style readers see a valid one.
    this.upsert = sqlite.prepare(
      `INSERT INTO local_docs (id, rev, body) VALUES (?, '0-1', ?)
       ON CONFLICT (id) DO UPDATE SET rev = '0-' || (CAST(substr(rev, 3) AS INTEGER) + 1), body = excluded.body`,
    );
    this.remove = sqlite.prepare('DELETE FROM local_docs WHERE id = ?');
  }

  put(owner: string, key: string, content: Readonly<Record<string, unknown>>, savedAt: Date = new Date()): DraftDoc {
    const id = checkedId(owner, key);
    const checked = validateDocument(draftDoc, { _id: id, type: 'draft', schema_version: 1, owner, key, saved_at: savedAt.toISOString(), content });
    if (!checked.ok) throw new DocumentStoreError('bad_request', checked.reason);
    const { _id: _ignored, ...body } = checked.value;
    this.upsert.run(id, JSON.stringify(body));
    return checked.value;
  }

  get(owner: string, key: string): DraftDoc | null {
    const id = checkedId(owner, key);
    const row = this.select.get(id);
    return row ? { _id: id, ...(JSON.parse(row.body) as Omit<DraftDoc, '_id'>) } : null;
  }

  /** The owner's drafts, by key. */
  list(owner: string): DraftDoc[] {
    checkOwner(owner);
    const prefix = draftId(owner, '');
    // Every id under `<prefix>` sorts below the prefix with its last character ('/') raised by one.
    const end = `${prefix.slice(0, -1)}0`;
    return this.selectRange.all(prefix, end).map((row) => {
      const body = JSON.parse(row.body) as Omit<DraftDoc, '_id'>;
      return { _id: draftId(owner, body.key), ...body };
    });
  }

  /** Whether there was a draft to delete. */
  delete(owner: string, key: string): boolean {
    return this.remove.run(checkedId(owner, key)).changes > 0;
  }
}

function checkOwner(owner: string): void {
  if (!username.safeParse(owner).success) throw new DocumentStoreError('bad_request', `草稿的所有者不是有效的登录名：${owner}`);
}

function checkedId(owner: string, key: string): string {
  checkOwner(owner);
  if (!DRAFT_KEY.test(key)) throw new DocumentStoreError('bad_request', `草稿的键只能用字母、数字和 : _ . -，最多 120 个字符：${key}`);
  return draftId(owner, key);
}
