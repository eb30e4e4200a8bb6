/**
 * The county's databases as PouchDB HTTP databases. Credentials go in PouchDB's `auth` option
 * (an Authorization header), never into the URL, so they cannot end up in logs or run history.
 * `skip_setup`: a clinic user may not create databases, and a missing one must be reported as
 * such (https://docs.couchdb.org/en/stable/api/database/common.html).
 */
import { createRemoteFetch, type RemoteFetch } from './remote-fetch';
import type { PouchDatabase, PouchStatic } from './pouch';

export interface CountyEndpoint {
  /** e.g. `https://county.example.cn:6984` (a path prefix is allowed). */
  readonly serverUrl: string;
  readonly username: string;
  readonly password: string;
}

export function databaseUrl(serverUrl: string, database: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/${encodeURIComponent(database)}`;
}

export function clinicDatabaseName(clinicCode: string): string {
  return `clinic_${clinicCode}`;
}

export function openRemoteDatabase(
  PouchDB: PouchStatic,
  endpoint: CountyEndpoint,
  database: string,
  options: { timeoutMs: number; fetch?: RemoteFetch },
): PouchDatabase {
  return new PouchDB(databaseUrl(endpoint.serverUrl, database), {
    skip_setup: true,
    auth: { username: endpoint.username, password: endpoint.password },
    fetch: createRemoteFetch({ timeoutMs: options.timeoutMs, fetch: options.fetch }),
  });
}
