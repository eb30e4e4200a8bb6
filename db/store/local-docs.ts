import { DocumentStoreError } from './errors';
import { LOCAL_PREFIX } from './input';
import type { StoreStatements } from './statements';
import type { LocalDocument } from './types';

/**
 * `_local/` documents (https://docs.couchdb.org/en/stable/api/local.html): replication checkpoints
 * and other per-database state. Never replicated, no history: each write replaces the body and
 * bumps the revision `0-N`.
 */

function checkLocalId(id: string): void {
  if (typeof id !== 'string' || !id.startsWith(LOCAL_PREFIX) || id.length === LOCAL_PREFIX.length) {
    throw new DocumentStoreError('bad_request', `本地文档的 _id 必须以 ${LOCAL_PREFIX} 开头：${String(id)}`);
  }
}

export function getLocalDocument(statements: StoreStatements, id: string): LocalDocument | null {
  checkLocalId(id);
  const row = statements.selectLocal.get(id);
  if (!row) return null;
  return { _id: id, _rev: row.rev, ...(JSON.parse(row.body) as Record<string, unknown>) };
}

export function putLocalDocument(
  statements: StoreStatements,
  doc: { _id: string; _rev?: string; [field: string]: unknown },
): { ok: true; id: string; rev: string } {
  checkLocalId(doc._id);
  const current = statements.selectLocal.get(doc._id);
  if (current ? doc._rev !== current.rev : doc._rev !== undefined) {
    throw new DocumentStoreError('conflict', `本地文档 ${doc._id} 已被修改（修订号不符）`);
  }
  const count = current ? Number(current.rev.slice(2)) : 0;
  const rev = `0-${count + 1}`;
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(doc)) if (key !== '_id' && key !== '_rev') body[key] = doc[key];
  statements.upsertLocal.run(doc._id, rev, JSON.stringify(body));
  return { ok: true, id: doc._id, rev };
}

export function removeLocalDocument(statements: StoreStatements, id: string, rev: string): void {
  checkLocalId(id);
  const current = statements.selectLocal.get(id);
  if (!current) throw new DocumentStoreError('not_found', `本地文档 ${id} 不存在`);
  if (current.rev !== rev) throw new DocumentStoreError('conflict', `本地文档 ${id} 已被修改（修订号不符）`);
  statements.deleteLocal.run(id);
}
