import type { BackoffOptions } from '../../shared/time/backoff';
import type { CardHolder } from './card-reader/card-holder';
import type { ReadCardOptions } from './card-reader/read-card';
import type { ReaderDriverOptions } from './card-reader/reader-driver';
import { ReaderSession, type CardSlot } from './card-reader/reader-session';
import { systemClock, type Clock } from '../../shared/time/clock';
import { DEFAULT_RECONNECT_BACKOFF, DeviceConnection, type SessionFactory } from './device-connection';
import { deviceConfigList, type DeviceConfig, type DeviceKind } from './device-config';
import type { DeviceState } from './device-state';
import { deviceErrorInfo, toDeviceErrorInfo, type DeviceResult } from './errors';
import { Listeners, type Unsubscribe } from './listeners';
import type { PortOpener } from './port/byte-port';
import { openSerialBytePort } from './port/serial-byte-port';
import { ScannerDriver, type ScannerEvent } from './scanner/scanner-driver';
import { runTestRead, type TestReadOptions, type TestReadReport } from './test-read';

export interface DeviceManagerOptions {
  readonly devices: readonly DeviceConfig[];
  /** Defaults to real serial ports; tests pass in-memory ports. */
  readonly openPort?: PortOpener;
  readonly clock?: Clock;
  readonly reconnect?: BackoffOptions;
  readonly reader?: {
    readonly driver?: Omit<ReaderDriverOptions, 'clock'>;
    readonly read?: ReadCardOptions;
    /** Card-slot polling interval; 0 turns polling (and the liveness check it gives) off. Default 700 ms. */
    readonly cardPollMs?: number;
  };
  /** Longest scanner line accepted. */
  readonly scannerMaxLineBytes?: number;
}

/**
 * The app's one door to the front desk's serial devices. Opens the configured card reader and
 * scanner, keeps them connected across unplugging, and offers typed events and a card read.
 * Construct it once in the main process, call `start()`, forward events to the renderer.
 */
export class DeviceManager {
  private readonly stateListeners = new Listeners<DeviceState>();
  private readonly scanListeners = new Listeners<ScannerEvent>();
  private readonly cardListeners = new Listeners<CardSlot>();
  private readonly openPort: PortOpener;
  private readonly clock: Clock;
  private reader: DeviceConnection<ReaderSession> | null = null;
  private scanner: DeviceConnection<ScannerDriver> | null = null;
  private running = false;

  constructor(private readonly options: DeviceManagerOptions) {
    this.openPort = options.openPort ?? openSerialBytePort;
    this.clock = options.clock ?? systemClock;
    this.build(deviceConfigList.parse(options.devices));
  }

  start(): void {
    this.running = true;
    this.reader?.start();
    this.scanner?.start();
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all([this.reader?.stop(), this.scanner?.stop()]);
  }

  /** Applies new settings: closes the old ports, opens the new ones. */
  async configure(devices: readonly DeviceConfig[]): Promise<void> {
    const list = deviceConfigList.parse(devices); // a bad list throws before anything is closed
    const wasRunning = this.running;
    await this.stop();
    this.build(list);
    if (wasRunning) this.start();
  }

  /** Current state of each configured device, for a screen that opens after the events went by. */
  states(): DeviceState[] {
    return [this.reader?.state, this.scanner?.state].filter((s): s is DeviceState => s !== undefined);
  }

  onState(listener: (state: DeviceState) => void): Unsubscribe {
    return this.stateListeners.add(listener);
  }

  /** Scans (classified) and scan errors, as they happen. */
  onScan(listener: (event: ScannerEvent) => void): Unsubscribe {
    return this.scanListeners.add(listener);
  }

  /** Card put in or taken out of the reader (from polling). 'present' is the cue to call readCard(). */
  onCardSlot(listener: (slot: CardSlot) => void): Unsubscribe {
    return this.cardListeners.add(listener);
  }

  /** Reads the card in the reader. Never throws: failures come back as a Chinese message. */
  async readCard(): Promise<DeviceResult<CardHolder>> {
    if (this.reader === null) return { ok: false, error: deviceErrorInfo('reader_not_configured') };
    const session = this.reader.session;
    if (session === null) {
      const state = this.reader.state;
      const code = state.status === 'error' && state.errorCode !== undefined ? state.errorCode : 'reader_disconnected';
      return { ok: false, error: deviceErrorInfo(code) };
    }
    try {
      return { ok: true, value: await session.readCard() };
    } catch (error) {
      return { ok: false, error: toDeviceErrorInfo(error, 'card_read_failed') };
    }
  }

  /**
   * For the settings screen's "test read" button: talks to the device described by `config`
   * (which need not be the saved configuration). If this manager holds that port, it lets go for
   * the test and takes it back afterwards.
   */
  async testRead(config: DeviceConfig, options: TestReadOptions = {}): Promise<DeviceResult<TestReadReport>> {
    const holders = this.connections().filter((c) => c.config.path === config.path);
    await Promise.all(holders.map((c) => c.stop()));
    try {
      return await runTestRead(config, { ...options, openPort: this.openPort, clock: this.clock, readerDriver: this.options.reader?.driver });
    } finally {
      if (this.running) for (const c of holders) c.start();
    }
  }

  private connections(): Pick<DeviceConnection<unknown>, 'config' | 'start' | 'stop'>[] {
    return [this.reader, this.scanner].filter((c) => c !== null);
  }

  private build(list: readonly DeviceConfig[]): void {
    const find = (kind: DeviceKind) => list.find((d) => d.kind === kind);
    const readerConfig = find('card_reader');
    const scannerConfig = find('scanner');
    this.reader = readerConfig === undefined ? null : this.connect(readerConfig, this.readerFactory());
    this.scanner = scannerConfig === undefined ? null : this.connect(scannerConfig, this.scannerFactory());
  }

  private connect<S>(config: DeviceConfig, factory: SessionFactory<S>): DeviceConnection<S> {
    const connection = new DeviceConnection(config, factory, this.openPort, this.clock, { ...DEFAULT_RECONNECT_BACKOFF, ...this.options.reconnect });
    connection.onState((state) => this.stateListeners.emit(state));
    return connection;
  }

  private readerFactory(): SessionFactory<ReaderSession> {
    const reader = this.options.reader;
    return {
      start: (port, connection) =>
        ReaderSession.start(
          port,
          {
            clock: this.clock,
            driver: reader?.driver,
            read: reader?.read,
            cardPollMs: reader?.cardPollMs ?? 700,
            onCardSlot: (slot) => this.cardListeners.emit(slot),
          },
          connection.fail,
        ),
      stop: (session) => session.stop(),
    };
  }

  private scannerFactory(): SessionFactory<ScannerDriver> {
    const maxLineBytes = this.options.scannerMaxLineBytes;
    return {
      start: async (port) => {
        const driver = new ScannerDriver(port, maxLineBytes === undefined ? {} : { maxLineBytes });
        driver.onEvent((event) => this.scanListeners.emit(event));
        return driver;
      },
      stop: (driver) => driver.dispose(),
    };
  }
}
