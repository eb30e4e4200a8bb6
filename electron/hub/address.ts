/**
 * The hub's address as staff type it: `192.168.1.10`, `192.168.1.10:6984`, `jilu-pc`, or a full
 * `https://…` address. The hub speaks HTTPS only; its default port is CouchDB's TLS port.
 */
export const DEFAULT_HUB_PORT = 6984;

export interface HubAddress {
  readonly host: string;
  readonly port: number;
  /** `https://host:port`, no trailing slash. */
  readonly url: string;
}

export function parseHubAddress(text: string): HubAddress | null {
  const trimmed = text.trim();
  if (trimmed === '' || /^http:\/\//i.test(trimmed)) return null;
  let url: URL;
  try {
    url = new URL(/^https:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return null;
  }
  if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) return null;
  const port = url.port === '' ? DEFAULT_HUB_PORT : Number(url.port);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return { host, port, url: `https://${shownHost}:${port}` };
}
