/**
 * A TCP proxy on loopback that behaves like a slow rural line: each direction has its own
 * bandwidth (bytes queue behind each other, shared by every connection, as on one ADSL or 4G link)
 * and its own one-way delay, and opening a connection costs one round trip before any byte moves.
 * For benchmarks and tests of how many round trips and bytes a sync run costs.
 *
 * Loopback only, on both sides.
 */
import net from 'node:net';
import { isLoopbackHost } from '../loopback';

export interface LineShape {
  /** Bits per second, client → server. */
  readonly upBitsPerSecond: number;
  /** Bits per second, server → client. */
  readonly downBitsPerSecond: number;
  /** Round-trip time; each direction gets half. */
  readonly roundTripMs: number;
}

export interface ShapedLineStats {
  connections: number;
  bytesUp: number;
  bytesDown: number;
}

export interface ShapedLine {
  readonly url: string;
  readonly port: number;
  stats(): ShapedLineStats;
  close(): Promise<void>;
}

/** One direction of the line: bytes leave in order, at the line's rate, and arrive a delay later. */
class Direction {
  private freeAt = 0;
  constructor(
    private readonly bytesPerMs: number,
    private readonly delayMs: number,
  ) {}

  /** When a chunk handed over now arrives at the far end (ms, performance.now() clock). */
  arrival(bytes: number): number {
    const now = performance.now();
    this.freeAt = Math.max(now, this.freeAt) + bytes / this.bytesPerMs;
    return this.freeAt + this.delayMs;
  }
}

/** Delivers chunks to a socket at their arrival times, in order; `null` ends the socket after them. */
function deliverer(to: net.Socket): (chunk: Buffer | null, at: number) => void {
  let last = Promise.resolve();
  return (chunk, at) => {
    last = last.then(
      () =>
        new Promise<void>((resolve) => {
          setTimeout(
            () => {
              if (!to.destroyed) {
                if (chunk === null) to.end();
                else to.write(chunk);
              }
              resolve();
            },
            Math.max(0, at - performance.now()),
          );
        }),
    );
  };
}

export async function startShapedLine(target: { host: string; port: number }, shape: LineShape): Promise<ShapedLine> {
  if (!isLoopbackHost(target.host)) throw new Error('shaped line forwards to loopback only');
  const oneWay = shape.roundTripMs / 2;
  const up = new Direction(shape.upBitsPerSecond / 8 / 1000, oneWay);
  const down = new Direction(shape.downBitsPerSecond / 8 / 1000, oneWay);
  const stats: ShapedLineStats = { connections: 0, bytesUp: 0, bytesDown: 0 };
  const open = new Set<net.Socket>();

  const server = net.createServer((client) => {
    stats.connections += 1;
    client.pause();
    const upstream = net.connect(target.port, target.host);
    open.add(client).add(upstream);
    const toServer = deliverer(upstream);
    const toClient = deliverer(client);
    // The handshake: a round trip before the client's first byte can leave.
    const ready = new Promise<void>((resolve) => setTimeout(resolve, shape.roundTripMs));
    upstream.once('connect', () => void ready.then(() => client.resume()));
    client.on('data', (chunk: Buffer) => {
      stats.bytesUp += chunk.byteLength;
      toServer(chunk, up.arrival(chunk.byteLength));
    });
    upstream.on('data', (chunk: Buffer) => {
      stats.bytesDown += chunk.byteLength;
      toClient(chunk, down.arrival(chunk.byteLength));
    });
    // An end reaches the other side after what was sent before it, a line's delay later.
    client.on('end', () => toServer(null, performance.now() + oneWay));
    upstream.on('end', () => toClient(null, performance.now() + oneWay));
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => open.delete(client));
    upstream.on('close', () => open.delete(upstream));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stats: () => ({ ...stats }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
