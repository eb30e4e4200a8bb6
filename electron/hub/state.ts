/**
 * Where the hub keeps what it must remember: the `meta` table of its local database (key → text),
 * which is never replicated. A workstation's account therefore never leaves the hub, and a copied
 * database file carries the certificate's key only sealed (electron/security/secret-box.ts).
 */
export interface HubStateStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

export const HUB_STATE_KEYS = {
  /** Hub mode: on or off, where it listens, its certificate and sealed key (`HubServerSettings`). */
  server: 'hub_server',
  /** Paired workstations and their hashed secrets (`WorkstationAccount[]`). */
  workstations: 'hub_workstations',
  /** On a paired workstation: the hub it belongs to (`HubLink`, the secret sealed). */
  link: 'hub_link',
} as const;

export function readJson<T>(state: HubStateStore, key: string, parse: (value: unknown) => T, fallback: T): T {
  const raw = state.get(key);
  if (raw === null) return fallback;
  try {
    return parse(JSON.parse(raw));
  } catch {
    return fallback;
  }
}

export function writeJson(state: HubStateStore, key: string, value: unknown): void {
  state.set(key, JSON.stringify(value));
}
