import { randomBytes } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { apiError } from '../../shared/api';
import type { Invoker } from '../ipc/router';
import { missingCase } from '../../shared/missing-case';
import { EVENTS_PATH } from '../../shared/api/events';
import { serveChangeStream, type ChangeStreamSource } from './event-stream';
import { createGuard, type Guard } from './guard';
import { readTextBody } from './request-body';
import { serveStatic } from './static-files';

export interface BrowserServer {
  /** Open this in a browser; the token travels in the fragment so it never reaches a log. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

/**
 * Browser mode: the same router as Electron's IPC, over HTTP on 127.0.0.1 only, serving the same
 * renderer build. A fresh random token per start authorises API calls.
 */
export async function startBrowserServer(options: { router: Invoker; staticDir: string; port?: number; changes?: ChangeStreamSource }): Promise<BrowserServer> {
  const token = randomBytes(24).toString('hex');
  const root = path.resolve(options.staticDir);
  let guard: Guard | null = null;

  const server = createServer((req, res) => {
    if (!guard || !guard.hostAllowed(req)) return refuse(res, 421, '地址不对：请用启动时打印的地址打开。');
    if (!guard.originAllowed(req)) return refuse(res, 403, '拒绝来自其他网站的请求。');
    if (req.url === '/api/invoke') {
      if (req.method !== 'POST') return refuse(res, 405, '只接受 POST。');
      if (!guard.tokenValid(req)) return refuse(res, 401, '访问令牌不对：请用启动时打印的完整地址重新打开。');
      void handleInvoke(options.router, req, res);
      return;
    }
    if (req.url === EVENTS_PATH && options.changes) {
      if (req.method !== 'GET') return refuse(res, 405, '只接受 GET。');
      if (!guard.tokenValid(req)) return refuse(res, 401, '访问令牌不对：请用启动时打印的完整地址重新打开。');
      serveChangeStream(options.changes, req, res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, '不支持的请求。');
    serveStatic(root, req.url ?? '/', res);
  });
  server.headersTimeout = 15_000;
  server.requestTimeout = 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  guard = createGuard(port, token);
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handleInvoke(router: Invoker, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readTextBody(req).catch(() => null);
  if (body === null) return void req.destroy();
  switch (body.kind) {
    case 'too_large':
      // Answer, then close: the connection is not reused after a refused upload, and a client still
      // sending past the discard limit is cut off once the answer has gone out.
      res.once('finish', () => {
        if (!body.drained) req.socket.destroy();
      });
      return sendJson(res, 413, { ok: false, error: apiError('PAYLOAD_TOO_LARGE') }, { connection: 'close' });
    case 'bad_encoding':
      return sendJson(res, 400, { ok: false, error: apiError('BAD_ENCODING') });
    case 'text':
      break;
    default:
      return missingCase(body);
  }
  let envelope: unknown;
  try {
    envelope = JSON.parse(body.text);
  } catch {
    return sendJson(res, 400, { ok: false, error: apiError('BAD_REQUEST') });
  }
  sendJson(res, 200, await router.invoke(envelope));
}

function sendJson(res: ServerResponse, status: number, value: unknown, headers: Readonly<Record<string, string>> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
  res.end(JSON.stringify(value));
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(message);
}
