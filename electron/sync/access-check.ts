/**
 * The first request of every run: can this account read the clinic's county database?
 *
 * One plain `GET /clinic_<code>`, read here rather than through PouchDB: PouchDB's `info()` hands
 * a 401 back as an ordinary answer, so a wrong password went on to the replication's own requests,
 * three tries per run. CouchDB 3.5 locks the account after 5 failed logins (for every PC of the
 * clinic), so a wrong password must stop at its first 401, and the lockout must be told as such.
 */
import { accountLocked, classifySyncError, LOCKOUT_REASON } from './errors';
import { databaseUrl, type CountyEndpoint } from './remote-db';
import type { RemoteFetch } from './remote-fetch';

export async function checkDatabaseAccess(fetch: RemoteFetch, endpoint: CountyEndpoint, database: string, now: () => number): Promise<void> {
  const authorization = `Basic ${Buffer.from(`${endpoint.username}:${endpoint.password}`, 'utf8').toString('base64')}`;
  const response = await fetch(databaseUrl(endpoint.serverUrl, database), {
    method: 'GET',
    headers: { Authorization: authorization, Accept: 'application/json' },
  });
  if (response.ok) {
    // A 2xx that is not a database's description (a captive portal's page, say) is a bad reply.
    const body = (await response.json()) as { db_name?: unknown } | null;
    if (typeof body !== 'object' || body === null || typeof body.db_name !== 'string')
      throw Object.assign(new Error('database info without db_name'), { type: 'invalid-json' });
    return;
  }
  const body = (await response.json().catch(() => ({}))) as { error?: unknown; reason?: unknown };
  const name = typeof body.error === 'string' ? body.error : '';
  const reason = typeof body.reason === 'string' ? body.reason : `HTTP ${response.status}`;
  const detail = `${response.status} ${name} ${reason}`.trim();
  if (response.status === 403 && LOCKOUT_REASON.test(reason)) throw accountLocked(now(), detail);
  throw classifySyncError({ status: response.status, name, message: reason, reason });
}
