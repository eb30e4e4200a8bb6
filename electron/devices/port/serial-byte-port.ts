import { SerialPort } from 'serialport';
import { DeviceError, type DeviceErrorCode } from '../errors';
import { Listeners } from '../listeners';
import type { BytePort, PortClosed, PortConfig } from './byte-port';

export type SerialPortInfo = Awaited<ReturnType<typeof SerialPort.list>>[number];

/** Lists the machine's serial ports for the settings screen (USB adapters show vendor and serial number). */
export function listSerialPorts(): Promise<SerialPortInfo[]> {
  return SerialPort.list();
}

// serialport's open errors carry no errno code, only libc's text, so classify by message.
function openFailureCode(message: string): DeviceErrorCode {
  if (/no such file|ENOENT|cannot find|file not found/i.test(message)) return 'port_not_found';
  if (/permission denied|EACCES|access denied/i.test(message)) return 'port_permission_denied';
  if (/cannot lock port|resource busy|EBUSY|temporarily unavailable/i.test(message)) return 'port_busy';
  return 'port_open_failed';
}

class SerialBytePort implements BytePort {
  private readonly data = new Listeners<Uint8Array>();
  private readonly closed = new Listeners<PortClosed>();
  private closing = false;
  private closeReported = false;

  constructor(private readonly port: SerialPort) {
    port.on('data', (chunk: Buffer) => this.data.emit(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
    port.on('close', (error: (Error & { disconnected?: boolean }) | null) => {
      this.reportClose({ unexpected: !this.closing, reason: error?.message });
    });
    // After open, errors show up here (a failed write to a vanished device); the close follows.
    port.on('error', (error: Error) => {
      if (!port.isOpen) this.reportClose({ unexpected: !this.closing, reason: error.message });
    });
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
        if (error) reject(new DeviceError('port_closed', error.message));
        else resolve();
      });
    });
  }

  onData(listener: (chunk: Uint8Array) => void) {
    return this.data.add(listener);
  }

  onClose(listener: (closed: PortClosed) => void) {
    return this.closed.add(listener);
  }

  close(): Promise<void> {
    this.closing = true;
    if (!this.port.isOpen) {
      this.reportClose({ unexpected: false });
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.port.close(() => {
        this.reportClose({ unexpected: false });
        resolve();
      });
    });
  }

  private reportClose(closed: PortClosed): void {
    if (this.closeReported) return;
    this.closeReported = true;
    this.closed.emit(closed);
    this.data.clear();
    this.closed.clear();
  }
}

/** Opens a real serial port (or a pseudo-terminal) as a `BytePort`. */
export function openSerialBytePort(config: PortConfig): Promise<BytePort> {
  return new Promise((resolve, reject) => {
    const port = new SerialPort({ path: config.path, baudRate: config.baudRate, autoOpen: false });
    port.open((error) => {
      if (error) reject(new DeviceError(openFailureCode(error.message), `${config.path}: ${error.message}`));
      else resolve(new SerialBytePort(port));
    });
  });
}
