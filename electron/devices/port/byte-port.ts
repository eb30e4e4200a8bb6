import type { Unsubscribe } from '../listeners';

export interface PortConfig {
  readonly path: string;
  readonly baudRate: number;
}

export interface PortClosed {
  /** True when the port went away by itself (cable pulled, device gone), false after `close()`. */
  readonly unexpected: boolean;
  readonly reason?: string;
}

/**
 * The only thing drivers know about a serial line: bytes in, bytes out, and a close. Real serial
 * ports, pseudo-terminals and in-memory pairs all fit, so the same driver code is tested over each.
 */
export interface BytePort {
  readonly path: string;
  readonly isOpen: boolean;
  write(bytes: Uint8Array): Promise<void>;
  onData(listener: (chunk: Uint8Array) => void): Unsubscribe;
  /** Fires once, however the port closed. */
  onClose(listener: (closed: PortClosed) => void): Unsubscribe;
  close(): Promise<void>;
}

/** Opens a port or throws a `DeviceError` whose code says why (missing, busy, no permission…). */
export type PortOpener = (config: PortConfig) => Promise<BytePort>;
