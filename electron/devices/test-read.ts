import type { CardHolder } from './card-reader/card-holder';
import { readCardHolder } from './card-reader/read-card';
import { CardReaderDriver, type ReaderDriverOptions } from './card-reader/reader-driver';
import { schedule, type Clock } from '../../shared/time/clock';
import type { DeviceConfig } from './device-config';
import { DeviceError, toDeviceErrorInfo, type DeviceErrorInfo, type DeviceResult } from './errors';
import { missingCase } from '../../shared/missing-case';
import type { BytePort, PortOpener } from './port/byte-port';
import type { Scan } from './scanner/classify-scan';
import type { ScanEncoding } from './scanner/scan-text';
import { ScannerDriver } from './scanner/scanner-driver';

export interface TestReadOptions {
  /** How long to wait for someone to scan something. */
  readonly scanTimeoutMs?: number;
}

export type TestReadReport =
  | {
      readonly kind: 'card_reader';
      readonly readerVersion: string;
      /** The reader works; what happened with the card (if any) is reported separately. */
      readonly card:
        { readonly present: false } | { readonly present: true; readonly holder: CardHolder } | { readonly present: true; readonly error: DeviceErrorInfo };
    }
  | { readonly kind: 'scanner'; readonly scan: Scan; readonly encoding: ScanEncoding };

interface TestReadContext extends TestReadOptions {
  readonly openPort: PortOpener;
  readonly clock: Clock;
  readonly readerDriver?: Omit<ReaderDriverOptions, 'clock'>;
}

/** Opens the port named in `config`, proves the device works, closes the port again. */
export async function runTestRead(config: DeviceConfig, context: TestReadContext): Promise<DeviceResult<TestReadReport>> {
  let port: BytePort | null = null;
  try {
    port = await context.openPort({ path: config.path, baudRate: config.baudRate });
    switch (config.kind) {
      case 'card_reader':
        return { ok: true, value: await testReader(port, context) };
      case 'scanner':
        return { ok: true, value: await testScanner(port, context) };
      default:
        return missingCase(config.kind);
    }
  } catch (error) {
    return { ok: false, error: toDeviceErrorInfo(error, 'port_open_failed') };
  } finally {
    await port?.close().catch(() => undefined);
  }
}

async function testReader(port: BytePort, context: TestReadContext): Promise<TestReadReport> {
  const driver = new CardReaderDriver(port, { ...context.readerDriver, clock: context.clock });
  try {
    const readerVersion = await driver.version();
    if ((await driver.cardStatus()) === 'absent') return { kind: 'card_reader', readerVersion, card: { present: false } };
    try {
      return { kind: 'card_reader', readerVersion, card: { present: true, holder: await readCardHolder(driver) } };
    } catch (error) {
      return { kind: 'card_reader', readerVersion, card: { present: true, error: toDeviceErrorInfo(error, 'card_read_failed') } };
    }
  } finally {
    driver.dispose();
  }
}

function testScanner(port: BytePort, context: TestReadContext): Promise<TestReadReport> {
  const driver = new ScannerDriver(port);
  return new Promise<TestReadReport>((resolve, reject) => {
    const cancel = schedule(context.clock, context.scanTimeoutMs ?? 15_000, () => reject(new DeviceError('scanner_no_scan')));
    port.onClose(() => {
      cancel();
      reject(new DeviceError('scanner_disconnected'));
    });
    driver.onEvent((event) => {
      // A garbled line still proves the scanner is connected, but the test wants a good scan.
      if (event.type !== 'scan') return;
      cancel();
      resolve({ kind: 'scanner', scan: event.scan, encoding: event.encoding });
    });
  }).finally(() => driver.dispose());
}
