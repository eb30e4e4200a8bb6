/**
 * Test helper: start the CouchDB-protocol peer (./server.ts) as a separate process on 127.0.0.1,
 * on a free port the kernel picks, with a server admin.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnTsScript } from '../spawn-ts';

export interface PeerServer {
  /** `http://127.0.0.1:<port>` without credentials. */
  readonly url: string;
  readonly port: number;
  readonly admin: { readonly user: string; readonly password: string };
  /** Per database: documents received through `_bulk_docs` with `new_edits:false`. */
  stats(): Promise<{ bulkDocsReceived: Record<string, number> }>;
  /** SIGTERM and wait. */
  stop(): Promise<void>;
  /** SIGKILL and wait: the server vanishes mid-request. */
  kill(): Promise<void>;
}

const SERVER_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'server.ts');

/** `port`: a fixed port, to start a peer again where its clients expect it (0, the default: any free one). */
export async function startPeerServer(options: { adminUser?: string; adminPassword?: string; port?: number } = {}): Promise<PeerServer> {
  const admin = { user: options.adminUser ?? 'county_admin', password: options.adminPassword ?? `pw-${process.pid}-${Date.now()}` };
  const script = spawnTsScript(SERVER_FILE, ['--port', String(options.port ?? 0), '--exit-with-stdin'], {
    PEER_HOST: '127.0.0.1',
    PEER_ADMIN_USER: admin.user,
    PEER_ADMIN_PASSWORD: admin.password,
  });
  const ready = await script.ready;
  const port = Number(ready.port);
  const url = `http://127.0.0.1:${port}`;
  const authorization = `Basic ${Buffer.from(`${admin.user}:${admin.password}`).toString('base64')}`;
  const end = async (signal: NodeJS.Signals): Promise<void> => {
    if (script.child.exitCode === null && script.child.signalCode === null) script.child.kill(signal);
    await script.exited;
  };
  return {
    url,
    port,
    admin,
    async stats() {
      const response = await fetch(`${url}/_peer/stats`, { headers: { authorization } });
      if (!response.ok) throw new Error(`peer stats: HTTP ${response.status}`);
      return (await response.json()) as { bulkDocsReceived: Record<string, number> };
    },
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
  };
}
