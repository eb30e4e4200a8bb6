import { deviceErrorInfo, type DeviceErrorInfo } from '../errors';
import { Listeners, type Unsubscribe } from '../listeners';
import type { BytePort } from '../port/byte-port';
import { classifyScan, type Scan } from './classify-scan';
import { LineSplitter } from './line-splitter';
import { decodeScan, type ScanEncoding } from './scan-text';

export type ScannerEvent =
  { readonly type: 'scan'; readonly scan: Scan; readonly encoding: ScanEncoding } | { readonly type: 'error'; readonly error: DeviceErrorInfo };

export interface ScannerDriverOptions {
  /** Longest line accepted; a QR voucher is ~100 bytes, so 2 KB leaves room for anything legitimate. */
  readonly maxLineBytes?: number;
}

/** Turns a serial barcode scanner's lines into classified scans. */
export class ScannerDriver {
  private readonly events = new Listeners<ScannerEvent>();
  private readonly splitter: LineSplitter;
  private readonly detach: Unsubscribe;

  constructor(port: BytePort, options: ScannerDriverOptions = {}) {
    this.splitter = new LineSplitter(options.maxLineBytes ?? 2048);
    this.detach = port.onData((chunk) => this.receive(chunk));
  }

  onEvent(listener: (event: ScannerEvent) => void): Unsubscribe {
    return this.events.add(listener);
  }

  dispose(): void {
    this.detach();
    this.events.clear();
  }

  private receive(chunk: Uint8Array): void {
    for (const line of this.splitter.push(chunk)) {
      if (line.type === 'too_long') {
        this.events.emit({ type: 'error', error: deviceErrorInfo('scan_too_long', `${line.byteCount} bytes`) });
        continue;
      }
      const decoded = decodeScan(line.bytes);
      if (!decoded.ok) {
        this.events.emit({ type: 'error', error: deviceErrorInfo('scan_undecodable', `${line.bytes.length} bytes`) });
      } else if (decoded.text !== '') {
        this.events.emit({ type: 'scan', scan: classifyScan(decoded.text), encoding: decoded.encoding });
      }
    }
  }
}
