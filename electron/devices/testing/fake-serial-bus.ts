import { DeviceError } from '../errors';
import type { BytePort, PortOpener } from '../port/byte-port';
import { createMemoryPortPair, type MemoryPortPair } from '../port/memory-byte-port';

/**
 * Serial ports with devices that can be plugged and unplugged, for device-manager unit tests. Each
 * open makes a fresh in-memory line and hands its far end to the device plugged at that path.
 */
export class FakeSerialBus {
  private readonly devices = new Map<string, (devicePort: BytePort) => void>();
  private readonly lines = new Map<string, MemoryPortPair>();
  opens = 0;

  /** Puts a device at `path`; `attach` is called with the device's end each time the app opens the port. */
  plug(path: string, attach: (devicePort: BytePort) => void): void {
    this.devices.set(path, attach);
  }

  /** Pulls the cable: the open port (if any) closes under the app, and opening fails until replugged. */
  unplug(path: string): void {
    this.devices.delete(path);
    this.lines.get(path)?.unplug();
    this.lines.delete(path);
  }

  readonly open: PortOpener = async ({ path }) => {
    const attach = this.devices.get(path);
    if (attach === undefined) throw new DeviceError('port_not_found', `${path}: No such file or directory`);
    if (this.lines.get(path)?.host.isOpen) throw new DeviceError('port_busy', `${path}: Cannot lock port`);
    const line = createMemoryPortPair(path);
    this.lines.set(path, line);
    this.opens++;
    attach(line.device);
    return line.host;
  };
}
