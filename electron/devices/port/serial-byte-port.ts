import { stat } from 'node:fs/promises';
import { SerialPort } from 'serialport';
import { DeviceError, type DeviceErrorCode } from '../errors';
import { Listeners } from '../listeners';
import type { BytePort, PortClosed, PortConfig } from './byte-port';

export type SerialPortInfo = Awaited<ReturnType<typeof SerialPort.list>>[number];

/** Lists the machine's serial ports for the settings screen (USB adapters show vendor and serial number). */
export function listSerialPorts(): Promise<SerialPortInfo[]> {
  return SerialPort.list();
}

export interface SerialPortOptions {
  /**
   * How often to check that the device file is still the one we opened (0: never). serialport
   * notices a vanished USB adapter by a read error, but a hung-up pseudo-terminal just reads as
   * end-of-file forever (serialport 13 retries such reads in a loop and never reports it), and a
   * udev-renamed device may come back under the same name. The path check catches all of these.
   */
  readonly watchIntervalMs?: number;
}

// serialport's open errors carry no errno code, only libc's text, so classify by message.
function openFailureCode(message: string): DeviceErrorCode {
  if (/no such file|ENOENT|cannot find|file not found/i.test(message)) return 'port_not_found';
  if (/permission denied|EACCES|access denied/i.test(message)) return 'port_permission_denied';
  if (/cannot lock port|resource busy|EBUSY|temporarily unavailable/i.test(message)) return 'port_busy';
  return 'port_open_failed';
}

/** Which device a path leads to right now (follows symlinks); null where paths are not files (Windows COM3). */
async function deviceIdentity(path: string): Promise<string | null> {
  if (process.platform === 'win32') return null;
  const info = await stat(path);
  return `${info.rdev}:${info.ino}`;
}

class SerialBytePort implements BytePort {
  private readonly data = new Listeners<Uint8Array>();
  private readonly closed = new Listeners<PortClosed>();
  private closing = false;
  private closeReported = false;
  private watch: NodeJS.Timeout | null = null;
  private released: Promise<void> | null = null;

  constructor(
    private readonly port: SerialPort,
    identity: string | null,
    watchIntervalMs: number,
  ) {
    port.on('data', (chunk: Buffer) => this.data.emit(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
    port.on('close', (error: Error | null) => this.reportClose({ unexpected: !this.closing, reason: error?.message }));
    // A write to a vanished device fails here or in the write callback; either way the device is gone.
    port.on('error', (error: Error) => this.lose(error.message));
    if (identity !== null && watchIntervalMs > 0) {
      this.watch = setInterval(() => void this.checkStillThere(identity), watchIntervalMs);
      this.watch.unref();
    }
  }

  get path(): string {
    return this.port.path;
  }

  get isOpen(): boolean {
    return this.port.isOpen && !this.closeReported;
  }

  write(bytes: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      if (!this.isOpen) {
        reject(new DeviceError('port_closed', `write to closed port ${this.path}`));
        return;
      }
      this.port.write(Buffer.from(bytes), (error) => {
        if (!error) return resolve();
        this.lose(error.message);
        reject(new DeviceError('port_closed', error.message));
      });
    });
  }

  onData(listener: (chunk: Uint8Array) => void) {
    return this.data.add(listener);
  }

  onClose(listener: (closed: PortClosed) => void) {
    return this.closed.add(listener);
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.releaseHandle();
    this.reportClose({ unexpected: false });
  }

  /** Closes the OS handle once, however many callers ask (close() and lose() may race). */
  private releaseHandle(): Promise<void> {
    this.released ??= new Promise<void>((resolve) => {
      if (!this.port.isOpen) return resolve();
      this.port.once('close', () => resolve());
      this.port.close(() => resolve());
    });
    return this.released;
  }

  private async checkStillThere(identity: string): Promise<void> {
    try {
      if ((await deviceIdentity(this.path)) !== identity) this.lose('a different device now answers to this path');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') this.lose('the device file disappeared');
    }
  }

  /** The device went away under us: tell listeners now, then release the handle. */
  private lose(reason: string): void {
    if (this.closing || this.closeReported) return;
    this.reportClose({ unexpected: true, reason });
    void this.releaseHandle();
  }

  private reportClose(closed: PortClosed): void {
    if (this.watch !== null) clearInterval(this.watch);
    this.watch = null;
    if (this.closeReported) return;
    this.closeReported = true;
    this.closed.emit(closed);
    this.data.clear();
    this.closed.clear();
  }
}

/** Opens a real serial port (or a pseudo-terminal) as a `BytePort`. */
export async function openSerialBytePort(config: PortConfig, options: SerialPortOptions = {}): Promise<BytePort> {
  const identity = await deviceIdentity(config.path).catch(() => null);
  return new Promise((resolve, reject) => {
    const port = new SerialPort({ path: config.path, baudRate: config.baudRate, autoOpen: false });
    port.open((error) => {
      if (error) reject(new DeviceError(openFailureCode(error.message), `${config.path}: ${error.message}`));
      else resolve(new SerialBytePort(port, identity, options.watchIntervalMs ?? 500));
    });
  });
}
