import { DeviceError } from '../errors';
import { Listeners } from '../listeners';
import type { BytePort, PortClosed } from './byte-port';

/**
 * What happens to bytes on their way across the in-memory line: unit tests pass a function that
 * splits, delays, drops or corrupts them. Returns the chunks to deliver, in order.
 */
export type LineTransform = (chunk: Uint8Array) => Uint8Array[];

class MemoryBytePort implements BytePort {
  peer: MemoryBytePort | null = null;
  transform: LineTransform = (chunk) => [chunk];
  private readonly data = new Listeners<Uint8Array>();
  private readonly closed = new Listeners<PortClosed>();
  private open = true;

  constructor(readonly path: string) {}

  get isOpen(): boolean {
    return this.open;
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (!this.open) throw new DeviceError('port_closed', `write to closed port ${this.path}`);
    const peer = this.peer;
    const chunks = this.transform(Uint8Array.from(bytes));
    // Delivered on a later microtask, like real I/O: a writer never sees its answer synchronously.
    for (const chunk of chunks) {
      queueMicrotask(() => {
        if (peer?.open && chunk.length > 0) peer.data.emit(chunk);
      });
    }
  }

  onData(listener: (chunk: Uint8Array) => void) {
    return this.data.add(listener);
  }

  onClose(listener: (closed: PortClosed) => void) {
    return this.closed.add(listener);
  }

  async close(): Promise<void> {
    this.shutDown({ unexpected: false });
  }

  shutDown(closed: PortClosed): void {
    if (!this.open) return;
    this.open = false;
    this.closed.emit(closed);
    this.data.clear();
    this.closed.clear();
  }
}

export interface MemoryPortPair {
  /** The end the app's driver uses. */
  readonly host: BytePort;
  /** The end a simulated device uses. */
  readonly device: BytePort;
  /** Transforms bytes written by the host before the device sees them. */
  setHostToDevice(transform: LineTransform): void;
  /** Transforms bytes written by the device before the host sees them. */
  setDeviceToHost(transform: LineTransform): void;
  /** Both ends close as if the cable were pulled. */
  unplug(): void;
}

/** Two connected in-memory ports, for pure unit tests of drivers and device logic. */
export function createMemoryPortPair(path = '/dev/memory0'): MemoryPortPair {
  const host = new MemoryBytePort(path);
  const device = new MemoryBytePort(`${path}-device`);
  host.peer = device;
  device.peer = host;
  return {
    host,
    device,
    setHostToDevice: (transform) => {
      host.transform = transform;
    },
    setDeviceToHost: (transform) => {
      device.transform = transform;
    },
    unplug: () => {
      host.shutDown({ unexpected: true, reason: 'unplugged' });
      device.shutDown({ unexpected: true, reason: 'unplugged' });
    },
  };
}
