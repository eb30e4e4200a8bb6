/**
 * Test helpers: a hub (HubHost over a real SQLite file, HTTPS on 127.0.0.1, port 0) and plain
 * HTTPS requests to it that trust only its pinned certificate.
 */
import https from 'node:https';
import { keyFileSecretBox } from '../../security/secret-box';
import { openTemporaryDatabase, type TemporaryDatabase } from '../../../db/testing/fixtures';
import { HubHost } from '../host';
import type { HubStateStore } from '../state';
import { pinnedAgent, type PinnedCertificate } from '../pinned-tls';

export const HUB_CLINIC = { code: 'demo01', name: '青山镇卫生院' } as const;

export function memoryState(): HubStateStore & { readonly values: Map<string, string> } {
  const values = new Map<string, string>();
  return { values, get: (key) => values.get(key) ?? null, set: (key, value) => void values.set(key, value) };
}

export interface TestHub {
  readonly db: TemporaryDatabase;
  readonly host: HubHost;
  readonly state: ReturnType<typeof memoryState>;
  readonly address: string;
  readonly pin: PinnedCertificate;
  dispose(): Promise<void>;
}

export async function startTestHub(options: { now?: () => Date } = {}): Promise<TestHub> {
  const db = openTemporaryDatabase();
  const state = memoryState();
  const host = new HubHost({
    state,
    store: db.store,
    secrets: keyFileSecretBox(db.dir),
    clinic: () => HUB_CLINIC,
    hubWorkstation: () => 'W01',
    now: options.now,
  });
  const status = await host.enable({ host: '127.0.0.1', port: 0 });
  const settings = JSON.parse(state.get('hub_server') ?? '{}') as { certificatePem: string };
  return {
    db,
    host,
    state,
    address: `https://127.0.0.1:${status.listeningPort}`,
    pin: { fingerprint: status.fingerprint ?? '', certificatePem: settings.certificatePem },
    async dispose() {
      await host.stop();
      db.dispose();
    },
  };
}

export interface PlainReply {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** One request to the hub over a connection pinned to its certificate. */
export function hubRequest(
  hub: Pick<TestHub, 'address' | 'pin'>,
  method: string,
  path: string,
  options: { auth?: { user: string; secret: string }; body?: unknown } = {},
): Promise<PlainReply> {
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers: Record<string, string | number> = { accept: 'application/json' };
  if (options.auth) headers.authorization = `Basic ${Buffer.from(`${options.auth.user}:${options.auth.secret}`).toString('base64')}`;
  if (body !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  return new Promise((resolve, reject) => {
    const request = https.request(`${hub.address}${path}`, { method, headers, agent: pinnedAgent(hub.pin, { keepAlive: false }) }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: Record<string, unknown> = {};
        try {
          parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
        } catch {
          parsed = { text };
        }
        resolve({ status: response.statusCode ?? 0, body: parsed });
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}
