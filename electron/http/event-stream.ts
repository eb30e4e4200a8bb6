/**
 * Browser mode's change events (shared/api/events.ts) as Server-Sent Events
 * (https://html.spec.whatwg.org/multipage/server-sent-events.html) on `GET /api/events`, for the
 * logged-in session named by `X-Clinic-Session` (the page's token is checked first, as for every
 * call). The renderer reads the stream with fetch, so both headers travel as headers, never in the
 * address. The stream ends when its session does (logged out, idle, the account stopped or its roles
 * changed, here or at another PC): the page then learns it at once rather than at its next call.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChangeBatch } from '../../shared/api/events';

export interface ChangeStreamSource {
  subscribe(listener: (batch: ChangeBatch) => void): () => void;
  /** The session is open (without counting this as activity: an open page must not keep it alive). */
  sessionOpen(token: string): boolean;
}

/** A comment line now and then keeps proxies and idle timers from closing a quiet stream. */
const KEEPALIVE_MS = 15_000;

export function serveChangeStream(source: ChangeStreamSource, req: IncomingMessage, res: ServerResponse): void {
  const session = req.headers['x-clinic-session'];
  if (typeof session !== 'string' || !source.sessionOpen(session)) {
    res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' }).end('请先登录。');
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.socket?.setNoDelay(true);
  const send = (batch: ChangeBatch): void => void res.write(`data: ${JSON.stringify(batch)}\n\n`);
  const endIfSessionEnded = (): boolean => {
    if (source.sessionOpen(session)) return false;
    res.end('event: session-ended\ndata: {}\n\n');
    return true;
  };
  // Whatever happened before the page connected is unknown to it: it reads its lists once.
  send({ events: [], resync: true });
  const unsubscribe = source.subscribe((batch) => {
    if (batch.events.some((e) => e.kind === 'users') && endIfSessionEnded()) return;
    send(batch);
  });
  const keepAlive = setInterval(() => {
    if (!endIfSessionEnded()) res.write(': keep-alive\n\n');
  }, KEEPALIVE_MS);
  res.once('close', () => {
    unsubscribe();
    clearInterval(keepAlive);
  });
}
