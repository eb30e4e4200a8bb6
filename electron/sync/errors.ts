/**
 * Why a sync failed, as a stable code and a sentence a clinic's staff can act on.
 *
 * Errors reach us from three places, each with its own shape: the HTTP adapter (a PouchDB error
 * with `status`/`name`, built from CouchDB's `{error, reason}` body —
 * https://docs.couchdb.org/en/stable/api/basics.html#http-status-codes), node-fetch underneath it
 * (a system `code` such as ECONNREFUSED, or `type: 'invalid-json'`), and our own SQLite store
 * (better-sqlite3's `code`, e.g. SQLITE_FULL). PouchDB copies an error's own properties when it
 * re-wraps it, so we classify by those properties, never by class.
 *
 * Codes never change meaning once shipped: the history screen and the logs key on them.
 */

import { clinicTime } from '../../shared/time/clinic-time';

export const SYNC_ERROR_MESSAGES = {
  SYNC_AUTH_FAILED: '县级平台拒绝了本院的同步账号或密码。请核对“同步设置”里的账号和密码，或请县里重新发放。',
  SYNC_ACCOUNT_LOCKED:
    '县级平台因多次密码错误暂时锁定了本院的同步账号（登录保护），锁定期间本院所有电脑都无法同步，密码正确也不行。请先核对“同步设置”里的密码，等锁定解除后再点“立即同步”；本机不会自动重试。',
  SYNC_FORBIDDEN: '同步账号没有访问本院县级数据库的权限。请联系县级平台管理员检查账号授权。',
  SYNC_DATABASE_MISSING: '县级平台上还没有本院的数据库。请联系县级平台管理员完成开通（county-setup）。',
  SYNC_HOST_UNREACHABLE: '连不上县级平台：网络不通或服务器没有开机。数据已安全保存在本机，网络恢复后会自动重试。',
  SYNC_DNS_FAILED: '找不到县级平台的服务器地址（域名解析失败）。请检查网络连接和“同步设置”里的服务器地址。',
  SYNC_CONNECTION_LOST: '与县级平台的连接中途断开。数据已安全保存在本机，稍后会从断点继续同步。',
  SYNC_TIMEOUT: '县级平台长时间没有响应（网络太慢或中断）。数据已安全保存在本机，稍后会自动重试。',
  SYNC_CERTIFICATE: '县级平台的安全证书有问题（过期、不受信任或与地址不符），为安全起见已停止同步。请联系县级平台管理员。',
  SYNC_SERVER_ERROR: '县级平台服务器内部出错。数据已安全保存在本机，稍后会自动重试；如果一直出现，请联系县级平台管理员。',
  SYNC_BAD_RESPONSE: '县级平台返回了无法识别的数据（可能被网络设备截断或篡改）。本机数据未受影响，稍后会自动重试。',
  SYNC_REPLY_TOO_LARGE:
    '县级平台的一次回复超过了本机接收的上限（64 MB），为保护本机已停止接收。本机数据未受影响，下次会分小批重试；如果一直出现，请联系县级平台管理员。',
  SYNC_LOCAL_DISK_FULL: '本机磁盘空间已满，无法保存从县级平台收到的记录。本机已有数据没有受损；请清理磁盘后再同步。',
  SYNC_LOCAL_STORE: '本机数据库读写出错，同步已停止，本机已有数据没有受损。请把出错时间告诉管理员。',
  SYNC_DOCUMENT_DENIED: '有记录被县级平台拒收（没有写入权限）。其余记录已正常同步。',
  SYNC_CANCELLED: '同步已被取消。',
  SYNC_UNKNOWN: '同步时出现未知错误。数据已安全保存在本机，稍后会自动重试；如果一直出现，请把出错时间告诉管理员。',
} as const;

export type SyncErrorCode = keyof typeof SYNC_ERROR_MESSAGES;

export interface SyncError {
  readonly code: SyncErrorCode;
  /** For the user, Simplified Chinese. */
  readonly message: string;
  /** Worth retrying by itself (the line or the server may recover); false: a person must act. */
  readonly retryable: boolean;
  /** For logs and support: what the library said. Never shown as the main message. */
  readonly detail: string;
  readonly status?: number;
  /** SYNC_ACCOUNT_LOCKED: when the server's login lockout ends at the latest (ISO time). */
  readonly lockedUntil?: string;
}

/**
 * CouchDB 3.5 locks a user and address out after 5 failed logins, for at most 5 minutes from the
 * first failure (`[chttpd_auth_lockout] max_lifetime`, default 300000 ms), and answers 403 with
 * this reason even to the right password.
 */
export const LOCKOUT_REASON = /temporarily locked/i;
export const LOCKOUT_MAX_MS = 5 * 60 * 1000;

/**
 * The lockout error, naming when it ends on the clinic's clock (Beijing time; the message is made
 * deep in the sync engine, which does not know the clinic's settings), whatever the PC's zone.
 */
export function accountLocked(now: number, detail = ''): SyncError {
  const until = new Date(now + LOCKOUT_MAX_MS);
  const hhmm = clinicTime(until);
  const message = `${SYNC_ERROR_MESSAGES.SYNC_ACCOUNT_LOCKED.replace('等锁定解除后', `等 ${hhmm}（最迟）锁定解除后`)}`;
  return { ...syncError('SYNC_ACCOUNT_LOCKED', detail, 403), message, lockedUntil: until.toISOString() };
}

const RETRYABLE: Readonly<Record<SyncErrorCode, boolean>> = {
  SYNC_AUTH_FAILED: false,
  SYNC_ACCOUNT_LOCKED: false,
  SYNC_FORBIDDEN: false,
  SYNC_DATABASE_MISSING: false,
  SYNC_HOST_UNREACHABLE: true,
  SYNC_DNS_FAILED: true,
  SYNC_CONNECTION_LOST: true,
  SYNC_TIMEOUT: true,
  SYNC_CERTIFICATE: false,
  SYNC_SERVER_ERROR: true,
  SYNC_BAD_RESPONSE: true,
  SYNC_REPLY_TOO_LARGE: true,
  SYNC_LOCAL_DISK_FULL: false,
  SYNC_LOCAL_STORE: false,
  SYNC_DOCUMENT_DENIED: false,
  SYNC_CANCELLED: false,
  SYNC_UNKNOWN: true,
};

export function syncError(code: SyncErrorCode, detail = '', status?: number): SyncError {
  const base = { code, message: SYNC_ERROR_MESSAGES[code], retryable: RETRYABLE[code], detail };
  return status === undefined ? base : { ...base, status };
}

export function isSyncError(value: unknown): value is SyncError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    Object.hasOwn(SYNC_ERROR_MESSAGES, (value as { code: string }).code) &&
    typeof (value as { retryable?: unknown }).retryable === 'boolean'
  );
}

const CONNECTION_REFUSED = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'EADDRNOTAVAIL']);
const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);
const CONNECTION_LOST = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'ERR_STREAM_PREMATURE_CLOSE']);
const TIMEOUT = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
// https://nodejs.org/api/tls.html#x509-certificate-error-codes
const CERTIFICATE = /^(CERT_|UNABLE_TO_(GET|VERIFY|DECRYPT)|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT|ERR_TLS_CERT|HOSTNAME_MISMATCH|ERR_SSL_)/;

interface ErrorFields {
  status?: number;
  name?: string;
  code?: string;
  type?: string;
  message: string;
  reason?: string;
  cause?: unknown;
}

function fieldsOf(value: unknown): ErrorFields {
  if (typeof value !== 'object' || value === null) return { message: String(value) };
  const v = value as Record<string, unknown>;
  const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
  return {
    status: typeof v.status === 'number' ? v.status : undefined,
    name: str(v.name),
    code: str(v.code),
    type: str(v.type),
    message: str(v.message) ?? '',
    reason: str(v.reason),
    cause: v.cause,
  };
}

/**
 * Turns whatever a replication threw into a SyncError. `where` says which side the failing call was
 * on when the caller knows; errors from the local store are recognised by their SQLite codes anyway.
 */
export function classifySyncError(error: unknown): SyncError {
  if (isSyncError(error)) return error;
  const f = fieldsOf(error);
  const detail = [f.status, f.name, f.code, f.type, f.message || f.reason].filter((x) => x !== undefined && x !== '').join(' ');

  // Local store first: a full disk must never be reported as a network problem.
  if (f.code === 'SQLITE_FULL' || f.code === 'ENOSPC' || /database or disk is full|no space left/i.test(f.message)) {
    return syncError('SYNC_LOCAL_DISK_FULL', detail);
  }
  if (f.code?.startsWith('SQLITE_')) return syncError('SYNC_LOCAL_STORE', detail);

  if (f.name === 'AbortError' || f.name === 'TimeoutError' || f.type === 'aborted' || f.type === 'request-timeout' || (f.code && TIMEOUT.has(f.code))) {
    return syncError('SYNC_TIMEOUT', detail);
  }
  if (f.code && CERTIFICATE.test(f.code)) return syncError('SYNC_CERTIFICATE', detail);
  if (f.code && DNS.has(f.code)) return syncError('SYNC_DNS_FAILED', detail);
  if (f.code && CONNECTION_REFUSED.has(f.code)) return syncError('SYNC_HOST_UNREACHABLE', detail);
  if (f.code && CONNECTION_LOST.has(f.code)) return syncError('SYNC_CONNECTION_LOST', detail);
  if (f.type === 'max-size') return syncError('SYNC_REPLY_TOO_LARGE', detail);
  if (f.type === 'reply-cut-short') return syncError('SYNC_CONNECTION_LOST', detail);
  if (f.type === 'invalid-json' || f.name === 'SyntaxError' || /invalid json|unexpected token|unexpected end of json/i.test(f.message)) {
    return syncError('SYNC_BAD_RESPONSE', detail);
  }
  // node-fetch reports a body cut short as a "system" error without a code.
  if (f.type === 'system' || /premature close|socket hang up|other side closed/i.test(f.message)) {
    return syncError('SYNC_CONNECTION_LOST', detail);
  }

  if (f.status !== undefined) {
    if (f.status === 401 || f.name === 'unauthorized') return syncError('SYNC_AUTH_FAILED', detail, f.status);
    if (f.status === 403 && LOCKOUT_REASON.test(`${f.message} ${f.reason ?? ''}`)) return accountLocked(Date.now(), detail);
    if (f.status === 403 || f.name === 'forbidden') return syncError('SYNC_FORBIDDEN', detail, f.status);
    if (f.status === 404 && /no_db_file|database (does not exist|not found)|Database not found/i.test(`${f.message} ${f.reason ?? ''}`)) {
      return syncError('SYNC_DATABASE_MISSING', detail, f.status);
    }
    if (f.status >= 500 && f.status <= 599 && f.status !== 500) return syncError('SYNC_SERVER_ERROR', detail, f.status);
    if (f.status === 500) {
      // PouchDB gives status 500 to errors it could not read a status from; a real 500 carries a name.
      return f.name && f.name !== 'unknown' && f.name !== 'unknown_error' && f.name !== 'Error'
        ? syncError('SYNC_SERVER_ERROR', detail, f.status)
        : syncError('SYNC_UNKNOWN', detail, f.status);
    }
  }
  if (f.cause !== undefined && f.cause !== error) {
    const inner = classifySyncError(f.cause);
    if (inner.code !== 'SYNC_UNKNOWN') return inner;
  }
  return syncError('SYNC_UNKNOWN', detail, f.status);
}
