import { schedule, type CancelTimer, type Clock } from '../../../shared/time/clock';
import { DeviceError, type DeviceErrorCode } from '../errors';
import type { BytePort } from '../port/byte-port';
import type { CardHolder } from './card-holder';
import type { CardPresence } from './messages';
import { readCardHolder, type ReadCardOptions } from './read-card';
import { CardReaderDriver, type ReaderDriverOptions } from './reader-driver';

export type CardSlot = 'present' | 'absent';

export interface ReaderSessionOptions {
  readonly clock: Clock;
  readonly driver?: Omit<ReaderDriverOptions, 'clock'>;
  readonly read?: ReadCardOptions;
  /**
   * How often to ask whether a card is in the slot (0: never). Lets the front desk read a card the
   * moment it goes in, and doubles as a liveness check: a reader that stops answering is reported.
   */
  readonly cardPollMs: number;
  readonly onCardSlot: (slot: CardSlot) => void;
}

/** Consecutive failed polls after which the reader is declared dead and the port reopened. */
const DEAD_AFTER_FAILED_POLLS = 2;

/** A connected, answering card reader: reads cards on request and watches the slot. */
export class ReaderSession {
  private reading: Promise<CardHolder> | null = null;
  private slot: CardSlot | null = null;
  private failedPolls = 0;
  private cancelPoll: CancelTimer | null = null;
  private stopped = false;

  private constructor(
    private readonly driver: CardReaderDriver,
    readonly version: string,
    private readonly options: ReaderSessionOptions,
    private readonly fail: (code: DeviceErrorCode, detail?: string) => void,
  ) {}

  /** Opens a session if the reader answers a version request; otherwise throws (reader_timeout…). */
  static async start(port: BytePort, options: ReaderSessionOptions, fail: (code: DeviceErrorCode, detail?: string) => void): Promise<ReaderSession> {
    const driver = new CardReaderDriver(port, { ...options.driver, clock: options.clock });
    try {
      const version = await driver.version();
      const session = new ReaderSession(driver, version, options, fail);
      session.schedulePoll();
      return session;
    } catch (error) {
      driver.dispose();
      throw error;
    }
  }

  /** Reads the inserted card. A second call while a read runs gets the same read, not a second one. */
  readCard(): Promise<CardHolder> {
    this.reading ??= readCardHolder(this.driver, this.options.read)
      .then((holder) => {
        // The registrar hears that the card can come out; a failed beep changes nothing.
        this.driver.beep(80).catch(() => undefined);
        return holder;
      })
      .finally(() => {
        this.reading = null;
      });
    return this.reading;
  }

  cardPresence(): Promise<CardPresence> {
    return this.driver.cardStatus();
  }

  stop(): void {
    this.stopped = true;
    this.cancelPoll?.();
    this.cancelPoll = null;
    this.driver.dispose();
  }

  private schedulePoll(): void {
    if (this.stopped || this.options.cardPollMs <= 0) return;
    this.cancelPoll = schedule(this.clock, this.options.cardPollMs, () => void this.poll());
  }

  private get clock(): Clock {
    return this.options.clock;
  }

  private async poll(): Promise<void> {
    this.cancelPoll = null;
    if (this.stopped) return;
    // A read in progress already talks to the reader; polling would only queue behind it.
    if (this.reading === null) {
      try {
        const presence = await this.driver.cardStatus();
        this.failedPolls = 0;
        this.noteSlot(presence === 'absent' ? 'absent' : 'present');
      } catch (error) {
        const code = error instanceof DeviceError ? error.code : 'reader_comm_error';
        // An unplugged port is handled by the connection's close listener, not here.
        if (code === 'reader_disconnected' || this.stopped) return;
        if (++this.failedPolls >= DEAD_AFTER_FAILED_POLLS) {
          this.fail('reader_timeout', `${this.failedPolls} card-status polls failed (${code})`);
          return;
        }
      }
    }
    this.schedulePoll();
  }

  private noteSlot(slot: CardSlot): void {
    if (this.slot === slot) return;
    this.slot = slot;
    this.options.onCardSlot(slot);
  }
}
