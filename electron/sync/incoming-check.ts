/**
 * The boundary for documents arriving by replication: every document a `_bulk_get` brings is
 * checked here before the replicator may write it. A document that fails is refused alone (kept
 * aside with its reason, see refused-documents.ts); the rest of the batch, and of the pull, goes on.
 *
 * What is checked, and why:
 * - `_id` is the one asked for (a reply once carried another patient's id, and became that
 *   patient's winning revision) and no longer than the store accepts (8 KiB, db/store/input.ts;
 *   CouchDB itself sets no limit);
 * - `_rev` is `<generation>-<hash>` with a sane generation and a short hash (a `999999999-`
 *   revision or a 1 MB hash would be written and pushed on);
 * - `_revisions` matches `_rev` and is no longer than CouchDB's default `revs_limit`;
 * - `_deleted`, when present, is a boolean (`"yes"` was stored as a live document);
 * - `_attachments` is an object of attachment stubs or inline data.
 */
import { MAX_ID_BYTES, oversizedIdBytes } from '../../db/store/input';

/** CouchDB's default `revs_limit`: no server history we accept is longer. */
export const MAX_HISTORY = 1000;
/** Far above any real edit count; refuses revision numbers made up to win every conflict. */
export const MAX_GENERATION = 100_000;
/** CouchDB's hashes are 32 hex digits; PouchDB's too. */
const REV_HASH = /^[0-9a-zA-Z]{1,64}$/;

export interface RevisionParts {
  readonly generation: number;
  readonly hash: string;
}

export function parseRevision(rev: unknown): RevisionParts | null {
  if (typeof rev !== 'string' || rev.length > 80) return null;
  const match = /^([1-9][0-9]{0,5})-(.+)$/.exec(rev);
  if (!match || !REV_HASH.test(match[2])) return null;
  const generation = Number(match[1]);
  return generation <= MAX_GENERATION ? { generation, hash: match[2] } : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkHistory(revisions: unknown, rev: RevisionParts): string | null {
  if (revisions === undefined) return null;
  if (!isObject(revisions) || !Array.isArray(revisions.ids) || typeof revisions.start !== 'number') return '_revisions 格式不对';
  const ids: unknown[] = revisions.ids;
  if (ids.length === 0 || ids.length > MAX_HISTORY) return `_revisions 的长度 ${ids.length} 不在 1–${MAX_HISTORY} 之内`;
  if (revisions.start !== rev.generation || ids[0] !== rev.hash) return '_revisions 与 _rev 不符';
  if (ids.length > rev.generation) return '_revisions 比版本号还长';
  if (!ids.every((id) => typeof id === 'string' && REV_HASH.test(id))) return '_revisions 里有格式不对的版本';
  return null;
}

function checkAttachments(attachments: unknown): string | null {
  if (attachments === undefined) return null;
  if (!isObject(attachments)) return '_attachments 不是对象';
  for (const [name, att] of Object.entries(attachments)) {
    if (!isObject(att)) return `附件 ${name.slice(0, 40)} 不是对象`;
    const hasData = typeof att.data === 'string';
    if (!hasData && att.stub !== true) return `附件 ${name.slice(0, 40)} 既没有内容也不是存根`;
    if (att.content_type !== undefined && typeof att.content_type !== 'string') return `附件 ${name.slice(0, 40)} 的类型不对`;
  }
  return null;
}

/** Why this document may not be written, or null when it may. */
export function refuseIncoming(doc: unknown, requestedId: string): string | null {
  if (!isObject(doc)) return '不是一个文档对象';
  if (typeof doc._id !== 'string' || doc._id === '') return '缺少 _id';
  if (doc._id !== requestedId) return `_id 与所请求的不同（请求 ${requestedId.slice(0, 80)}）`;
  const idBytes = oversizedIdBytes(doc._id);
  if (idBytes !== null) return `_id 长 ${idBytes} 字节，超过本机上限 ${MAX_ID_BYTES} 字节`;
  const rev = parseRevision(doc._rev);
  if (!rev) return `_rev 格式不对或过大（${String(doc._rev).slice(0, 40)}）`;
  if (doc._deleted !== undefined && typeof doc._deleted !== 'boolean') return '_deleted 不是真假值';
  return checkHistory(doc._revisions, rev) ?? checkAttachments(doc._attachments);
}
