/**
 * A few CouchDB admin calls (databases, `_users`, `_security`, design documents) over plain HTTP,
 * for county setup. The replicator never uses this; it is only for the admin's one-off work.
 * https://docs.couchdb.org/en/stable/api/index.html
 */

export type AdminFetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal },
) => Promise<{
  status: number;
  text(): Promise<string>;
}>;

export interface AdminResponse {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

export interface CouchAdmin {
  request(method: 'GET' | 'PUT' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<AdminResponse>;
}

export function couchAdmin(options: { serverUrl: string; user: string; password: string; fetch?: AdminFetch; timeoutMs?: number }): CouchAdmin {
  const base = options.serverUrl.replace(/\/+$/, '');
  const authorization = `Basic ${Buffer.from(`${options.user}:${options.password}`, 'utf8').toString('base64')}`;
  const fetchImpl: AdminFetch = options.fetch ?? ((url, init) => fetch(url, init));
  return {
    async request(method, path, body) {
      const response = await fetchImpl(`${base}${path}`, {
        method,
        headers: { authorization, accept: 'application/json', 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : {};
      } catch {
        throw Object.assign(new Error(`invalid json from ${method} ${path}`), { type: 'invalid-json', status: response.status });
      }
      const record = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { value: parsed };
      return { status: response.status, body: record };
    },
  };
}
