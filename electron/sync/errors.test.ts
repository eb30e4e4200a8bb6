import { describe, expect, it } from 'vitest';
import { classifySyncError, SYNC_ERROR_MESSAGES, type SyncErrorCode } from './errors';

function code(error: unknown): SyncErrorCode {
  return classifySyncError(error).code;
}

describe('sync error classification', () => {
  it('reads CouchDB statuses', () => {
    expect(code({ status: 401, name: 'unauthorized', message: 'Name or password is incorrect.' })).toBe('SYNC_AUTH_FAILED');
    expect(code({ status: 403, name: 'forbidden', message: 'no' })).toBe('SYNC_FORBIDDEN');
    expect(code({ status: 404, name: 'not_found', message: 'Database does not exist.' })).toBe('SYNC_DATABASE_MISSING');
    expect(code({ status: 404, name: 'not_found', reason: 'no_db_file', message: '' })).toBe('SYNC_DATABASE_MISSING');
    expect(code({ status: 503, name: 'service_unavailable', message: '' })).toBe('SYNC_SERVER_ERROR');
    expect(code({ status: 500, name: 'internal_server_error', message: '' })).toBe('SYNC_SERVER_ERROR');
  });

  it('reads network failures from node-fetch', () => {
    expect(code({ type: 'system', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' })).toBe('SYNC_HOST_UNREACHABLE');
    expect(code({ type: 'system', code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND' })).toBe('SYNC_DNS_FAILED');
    expect(code({ type: 'system', code: 'ECONNRESET', message: 'socket hang up' })).toBe('SYNC_CONNECTION_LOST');
    expect(code({ type: 'aborted', message: 'The user aborted a request.' })).toBe('SYNC_TIMEOUT');
    expect(code({ type: 'system', code: 'CERT_HAS_EXPIRED', message: 'certificate has expired' })).toBe('SYNC_CERTIFICATE');
    expect(code({ type: 'system', code: 'DEPTH_ZERO_SELF_SIGNED_CERT', message: 'self signed' })).toBe('SYNC_CERTIFICATE');
    expect(code({ type: 'invalid-json', message: 'invalid json response body' })).toBe('SYNC_BAD_RESPONSE');
  });

  it('never reports a full local disk as a network problem', () => {
    expect(code({ code: 'SQLITE_FULL', message: 'database or disk is full' })).toBe('SYNC_LOCAL_DISK_FULL');
    expect(code({ code: 'SQLITE_IOERR', message: 'disk I/O error' })).toBe('SYNC_LOCAL_STORE');
    expect(classifySyncError({ code: 'SQLITE_FULL', message: '' }).retryable).toBe(false);
  });

  it('has a Chinese message for every code', () => {
    for (const message of Object.values(SYNC_ERROR_MESSAGES)) expect(message).toMatch(/[\u4e00-\u9fff]/);
    expect(classifySyncError(new Error('weird')).code).toBe('SYNC_UNKNOWN');
  });
});
