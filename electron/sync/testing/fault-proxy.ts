/**
 * A TCP proxy for tests that stands between the clinic and the CouchDB-protocol peer and breaks
 * the line the way a rural link does: connections dropped on arrival, reset or cut off part-way
 * through a request or a response, stalled, and slowed down. Every decision comes from a seeded
 * generator, so a failing run can be replayed from its seed.
 *
 * It can also answer every connection itself with a canned HTTP response (a 500, malformed JSON),
 * which is how tests make "the server" misbehave without touching the server.
 *
 * Loopback only, on both sides.
 */
import net from 'node:net';
import { isLoopbackHost } from '../loopback';
import { seededRandom, type SeededRandom } from './seeded-random';

export type FaultKind = 'drop' | 'reset-request' | 'reset-response' | 'close-response' | 'stall';

export type ProxyMode =
  | { readonly kind: 'pass'; readonly maxDelayMs?: number }
  | {
      readonly kind: 'faulty';
      /** Faults left to inject; after that the line is clean (so a run can converge). */
      readonly faults: number;
      /** Chance that a new connection gets one of the remaining faults. */
      readonly faultProbability: number;
      /** Largest delay added to each chunk, in ms (order is kept). */
      readonly maxDelayMs?: number;
      /** Which faults may be picked; all by default. */
      readonly kinds?: ReadonlyArray<FaultKind>;
      /** Cut points are chosen in [0, maxCutBytes]. */
      readonly maxCutBytes?: number;
    }
  | { readonly kind: 'respond'; readonly status: number; readonly body: string; readonly contentType?: string }
  /** Accept and never answer: the client must time out. */
  | { readonly kind: 'blackhole' };

export interface FaultProxyStats {
  connections: number;
  faults: Record<FaultKind, number>;
  bytesToServer: number;
  bytesToClient: number;
}

export interface FaultProxy {
  readonly url: string;
  readonly port: number;
  setMode(mode: ProxyMode): void;
  stats(): FaultProxyStats;
  /** Cut every open connection now (the line goes down). */
  cutAll(): void;
  close(): Promise<void>;
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  401: 'Unauthorized',
  403: 'Forbidden',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};
const ALL_KINDS: ReadonlyArray<FaultKind> = ['drop', 'reset-request', 'reset-response', 'close-response', 'stall'];

export async function startFaultProxy(options: { target: { host: string; port: number }; seed: number; mode?: ProxyMode }): Promise<FaultProxy> {
  if (!isLoopbackHost(options.target.host)) throw new Error('fault proxy forwards to loopback only');
  const random: SeededRandom = seededRandom(options.seed);
  let mode: ProxyMode = options.mode ?? { kind: 'pass' };
  let faultsLeft = mode.kind === 'faulty' ? mode.faults : 0;
  const open = new Set<net.Socket>();
  const stats: FaultProxyStats = {
    connections: 0,
    faults: { drop: 0, 'reset-request': 0, 'reset-response': 0, 'close-response': 0, stall: 0 },
    bytesToServer: 0,
    bytesToClient: 0,
  };

  const server = net.createServer((client) => {
    stats.connections += 1;
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => undefined);
    const current = mode;
    switch (current.kind) {
      case 'respond':
        answerWith(client, current);
        return;
      case 'blackhole':
        client.resume();
        return;
      case 'pass':
        forward(client, null, current.maxDelayMs ?? 0);
        return;
      case 'faulty': {
        let fault: { kind: FaultKind; at: number } | null = null;
        if (faultsLeft > 0 && random.chance(current.faultProbability)) {
          faultsLeft -= 1;
          fault = { kind: random.pick(current.kinds ?? ALL_KINDS), at: random.int(0, current.maxCutBytes ?? 6000) };
          stats.faults[fault.kind] += 1;
        }
        if (fault?.kind === 'drop') {
          client.resetAndDestroy();
          return;
        }
        forward(client, fault, current.maxDelayMs ?? 0);
        return;
      }
      default:
        throw new Error(`unknown proxy mode ${JSON.stringify(current satisfies never)}`);
    }
  });

  function answerWith(client: net.Socket, canned: { status: number; body: string; contentType?: string }): void {
    client.once('data', () => {
      const body = Buffer.from(canned.body, 'utf8');
      client.end(
        `HTTP/1.1 ${canned.status} ${STATUS_TEXT[canned.status] ?? 'Status'}\r\n` +
          `Content-Type: ${canned.contentType ?? 'application/json'}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n` +
          body.toString('utf8'),
      );
    });
  }

  function forward(client: net.Socket, fault: { kind: FaultKind; at: number } | null, maxDelayMs: number): void {
    const upstream = net.connect(options.target.port, options.target.host);
    open.add(upstream);
    upstream.on('close', () => open.delete(upstream));
    // Errors end in 'close'; the pipes below decide what the other side sees.
    upstream.on('error', () => undefined);

    const pipe = (from: net.Socket, to: net.Socket, direction: 'request' | 'response'): void => {
      let passed = 0;
      let chain = Promise.resolve();
      let stopped = false;
      from.on('data', (chunk: Buffer) => {
        if (stopped) return;
        let piece = chunk;
        let cutHere = false;
        const faultHere =
          fault && ((fault.kind === 'reset-request' && direction === 'request') || (fault.kind !== 'reset-request' && direction === 'response'));
        if (faultHere && fault && passed + chunk.length >= fault.at) {
          piece = chunk.subarray(0, Math.max(0, fault.at - passed));
          cutHere = true;
          stopped = true;
        }
        passed += piece.length;
        const delay = maxDelayMs > 0 ? random.int(0, maxDelayMs) : 0;
        const kind = fault?.kind;
        chain = chain.then(async () => {
          if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
          if (piece.length > 0 && !to.destroyed) {
            to.write(piece);
            if (direction === 'request') stats.bytesToServer += piece.length;
            else stats.bytesToClient += piece.length;
          }
          if (!cutHere) return;
          if (kind === 'close-response') {
            client.end();
            upstream.destroy();
          } else if (kind === 'stall') {
            // Keep both sockets open and silent; the client's timeout has to notice.
            from.pause();
          } else {
            client.resetAndDestroy();
            upstream.resetAndDestroy();
          }
        });
      });
      // A clean end is passed on once the delayed chunks are out; an abrupt close is passed on
      // as an abrupt close.
      let ended = false;
      from.on('end', () => {
        ended = true;
        void chain.then(() => {
          if (!stopped && !to.destroyed) to.end();
        });
      });
      from.on('close', () => {
        void chain.then(() => {
          if (!ended && !stopped && !to.destroyed) to.destroy();
        });
      });
    };
    pipe(client, upstream, 'request');
    pipe(upstream, client, 'response');
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    setMode(next) {
      mode = next;
      faultsLeft = next.kind === 'faulty' ? next.faults : 0;
    },
    stats: () => structuredClone(stats),
    cutAll() {
      for (const socket of open) socket.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
