/**
 * The hub's HTTPS server: the centre's database over the CouchDB replication protocol, for its
 * paired workstations only. Every request passes, in order:
 *
 *   pairing path (no account) → Basic auth (401 without or with unknown credentials, 403 revoked)
 *   → size cap → gate (only the replication endpoints of the one database) → express-pouchdb.
 *
 * The server remembers each workstation's sockets, so revoking one ends its connections (and with
 * them its live `_changes` feeds) at once, not at its next request.
 */
import type http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { DocumentStoreApi } from '../../db/store/types';
import type { WorkstationAccounts } from './accounts';
import type { HubCertificate } from './certificate';
import { fingerprintDigits } from './fingerprint';
import { gateRequest } from './gate';
import { answerPairing, PAIR_PATH, sendJson, sendRefusal, type PairingContext } from './pairing-endpoint';
import type { PairingCodes } from './pairing-codes';
import { createReplicationApp, type ReplicationApp } from './replication-app';
import { answerClaim, readClaimBody } from './queue-claims';

/** The county accepts 64 MiB per request (COUNTY-SERVER.md); no replication batch to the hub is larger. */
export const MAX_REQUEST_BYTES = 64 * 1024 * 1024;

export interface HubServerOptions {
  readonly store: DocumentStoreApi;
  /** The centre's database name, `clinic_<code>`, the same name the county uses. */
  readonly database: string;
  readonly clinic: () => { code: string; name: string };
  readonly hubWorkstation: () => string;
  readonly certificate: HubCertificate;
  readonly accounts: WorkstationAccounts;
  readonly codes: PairingCodes;
  readonly host: string;
  readonly port: number;
  readonly onPaired?: PairingContext['onPaired'];
  /** A workstation asked for the changes since `since`: how far its pull has come. */
  readonly onChangesRequest?: (account: string, since: number) => void;
  readonly log?: (line: string) => void;
}

export class HubServer {
  private readonly sockets = new Map<string, Set<Socket>>();

  private constructor(
    private readonly server: https.Server,
    private readonly app: ReplicationApp,
  ) {}

  static async start(options: HubServerOptions): Promise<HubServer> {
    const app = await createReplicationApp(options.store, options.database);
    const server = https.createServer({ key: options.certificate.keyPem, cert: options.certificate.certificatePem, minVersion: 'TLSv1.2' });
    const hub = new HubServer(server, app);
    server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => hub.answer(req, res, options));
    // Idle keep-alive sockets go before a client's own 4 s idle timeout would reuse a closing one.
    server.keepAliveTimeout = 5_000;
    server.on('tlsClientError', () => {});
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    return hub;
  }

  address(): { host: string; port: number } {
    const address = this.server.address() as AddressInfo;
    return { host: address.address, port: address.port };
  }

  /** Ends every open connection of a workstation (after its account was revoked). */
  disconnect(account: string): void {
    for (const socket of this.sockets.get(account) ?? []) socket.destroy();
    this.sockets.delete(account);
  }

  async close(): Promise<void> {
    for (const account of [...this.sockets.keys()]) this.disconnect(account);
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    await this.app.close();
  }

  private remember(account: string, socket: Socket): void {
    const set = this.sockets.get(account) ?? new Set<Socket>();
    if (!set.has(socket)) {
      set.add(socket);
      socket.once('close', () => set.delete(socket));
    }
    this.sockets.set(account, set);
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse, options: HubServerOptions): void {
    const path = (req.url ?? '/').split('?')[0];
    if (path === PAIR_PATH) {
      void answerPairing(req, res, options).catch((error: unknown) => {
        options.log?.(`hub pairing failed: ${error instanceof Error ? error.message : String(error)}`);
        if (!res.headersSent) sendJson(res, 500, { error: 'internal', reason: '本院主机内部出错' });
      });
      return;
    }
    const auth = options.accounts.authenticate(req.headers.authorization);
    if (!auth.ok) {
      const status = auth.reason === 'revoked' ? 403 : 401;
      sendRefusal(res, status, auth.reason === 'revoked' ? 'HUB_REVOKED' : auth.reason === 'no-credentials' ? 'HUB_NO_CREDENTIALS' : 'HUB_BAD_CREDENTIALS');
      return;
    }
    this.remember(auth.account.account, req.socket);
    // Replicators always say how long their bodies are; a body without a length could be any size.
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > MAX_REQUEST_BYTES || (req.headers['transfer-encoding'] !== undefined && req.headers['content-length'] === undefined)) {
      sendRefusal(res, 413, 'HUB_BODY_TOO_LARGE');
      req.resume();
      return;
    }
    const decision = gateRequest(req.method ?? 'GET', req.url ?? '/', options.database);
    if (!decision.allow) return sendRefusal(res, decision.status, decision.code);
    if (decision.route === 'root') {
      // What a replicator asks of the server (its `uuid` names the replication); nothing more.
      return sendJson(res, 200, {
        couchdb: 'Welcome',
        version: '3.3.0',
        uuid: fingerprintDigits(options.certificate.fingerprint).slice(0, 32).toLowerCase(),
        vendor: { name: 'Township Clinic hub' },
      });
    }
    if (decision.route === 'claim') {
      const id = decodeURIComponent((req.url ?? '/').split('?')[0].split('/')[2] ?? '');
      void readClaimBody(req).then(
        (body) => {
          const answer = answerClaim(options.store, id, body, { workstation: auth.account.workstationNumber, clinicCode: options.clinic().code });
          sendJson(res, answer.status, answer.body);
        },
        () => sendJson(res, 400, { error: 'bad_request', reason: '占号请求没有读完整。' }),
      );
      return;
    }
    const since = changesSince(req.url ?? '/', options.database);
    if (since !== null) options.onChangesRequest?.(auth.account.account, since);
    this.app.handle(req, res);
  }
}

function changesSince(rawUrl: string, database: string): number | null {
  const url = new URL(rawUrl, 'http://hub.invalid');
  if (url.pathname !== `/${encodeURIComponent(database)}/_changes`) return null;
  const since = Number(url.searchParams.get('since') ?? 0);
  return Number.isSafeInteger(since) ? since : null;
}
