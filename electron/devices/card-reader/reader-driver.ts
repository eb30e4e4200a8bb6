import { schedule, systemClock, type CancelTimer, type Clock } from '../../../shared/time/clock';
import { DeviceError, type DeviceErrorCode } from '../errors';
import type { Unsubscribe } from '../listeners';
import { missingCase } from '../../../shared/missing-case';
import type { BytePort } from '../port/byte-port';
import { encodeFrame } from './frame';
import type { DecodeEvent } from './frame-decoder';
import { FrameReceiver } from './frame-receiver';
import {
  READER_COMMANDS,
  READER_STATUS,
  UNSEQUENCED,
  decodeResponse,
  encodeCommand,
  presenceName,
  statusName,
  type CardPresence,
  type ReaderCommandName,
  type ResponseMessage,
} from './messages';

/** What card-reading code needs from a reader; the driver below is the real one. */
export interface CardReaderCommands {
  version(): Promise<string>;
  beep(durationMs?: number): Promise<void>;
  cardStatus(): Promise<CardPresence>;
  /** Powers the card and returns its ATR. */
  powerOn(): Promise<Uint8Array>;
  powerOff(): Promise<void>;
  /** Sends a command APDU, returns the response APDU (data + SW1 SW2). Only idempotent APDUs are retried. */
  transmit(apdu: Uint8Array, options: { readonly idempotent: boolean }): Promise<Uint8Array>;
}

export interface ReaderDriverOptions {
  readonly clock?: Clock;
  /** How long to wait for the answer to one attempt of a command. */
  readonly timeoutMs?: number;
  /** Power-on waits for the card's ATR, which some cards are slow to give. */
  readonly powerOnTimeoutMs?: number;
  /** Extra attempts for commands that are safe to repeat. */
  readonly retries?: number;
  /** A frame that stops arriving for this long is abandoned (see FrameDecoder.abandonPartial). */
  readonly interByteTimeoutMs?: number;
  /** After a garbled frame, an idempotent command is retried this soon instead of waiting out its timeout. */
  readonly faultRetryDelayMs?: number;
}

export interface ReaderLineStats {
  noiseBytes: number;
  faults: number;
  timeouts: number;
  retries: number;
  /** Well-formed answers that matched no command in flight (late answers to abandoned attempts). */
  strayFrames: number;
}

type AttemptOutcome =
  | { readonly type: 'response'; readonly response: ResponseMessage }
  | { readonly type: 'timeout' }
  | { readonly type: 'garbled' }
  | { readonly type: 'closed'; readonly reason: string };

interface Attempt {
  readonly seq: number;
  readonly command: number;
  readonly idempotent: boolean;
  readonly deadline: number;
  sawFault: boolean;
  cancelTimer: CancelTimer;
  finish(outcome: AttemptOutcome): void;
}

interface CommandPolicy {
  readonly idempotent: boolean;
  readonly timeoutMs: number;
}

/**
 * Driver for the framed card-reader protocol over any BytePort.
 *
 * One command is on the line at a time (callers queue behind each other). Each attempt carries a
 * fresh sequence number, so a late answer to an abandoned attempt is recognised and dropped rather
 * than taken as the answer to the next command. Commands that are safe to repeat are retried after
 * a timeout, a garbled answer or a frame-error report from the reader; others fail instead of risking
 * running twice.
 */
export class CardReaderDriver implements CardReaderCommands {
  readonly stats: ReaderLineStats = { noiseBytes: 0, faults: 0, timeouts: 0, retries: 0, strayFrames: 0 };
  private readonly clock: Clock;
  private readonly timeoutMs: number;
  private readonly powerOnTimeoutMs: number;
  private readonly retries: number;
  private readonly faultRetryDelayMs: number;
  private readonly receiver: FrameReceiver;
  private readonly unsubscribe: Unsubscribe[];
  private queue: Promise<unknown> = Promise.resolve();
  private current: Attempt | null = null;
  private lastSeq = 0;
  private closedReason: string | null = null;

  constructor(
    private readonly port: BytePort,
    options: ReaderDriverOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.timeoutMs = options.timeoutMs ?? 1000;
    this.powerOnTimeoutMs = options.powerOnTimeoutMs ?? 2500;
    this.retries = options.retries ?? 2;
    this.faultRetryDelayMs = options.faultRetryDelayMs ?? 150;
    this.receiver = new FrameReceiver(this.clock, options.interByteTimeoutMs ?? 100, (events) => this.handle(events));
    this.unsubscribe = [port.onData((chunk) => this.receiver.push(chunk)), port.onClose((closed) => this.shutDown(closed.reason ?? 'port closed'))];
    if (!port.isOpen) this.closedReason = 'port closed';
  }

  async version(): Promise<string> {
    const response = await this.run('version', new Uint8Array(0), this.safe());
    this.expectOk(response, 'version');
    return new TextDecoder('latin1').decode(response.data).trim();
  }

  async beep(durationMs = 100): Promise<void> {
    const ms = Math.max(0, Math.min(0xffff, Math.round(durationMs)));
    // A repeated beep would be harmless, but it is what a registrar hears: do not retry it.
    const response = await this.run('beep', Uint8Array.of(ms >> 8, ms & 0xff), { idempotent: false, timeoutMs: this.timeoutMs });
    this.expectOk(response, 'beep');
  }

  async cardStatus(): Promise<CardPresence> {
    const response = await this.run('cardStatus', new Uint8Array(0), this.safe());
    this.expectOk(response, 'cardStatus');
    const presence = response.data.length === 1 ? presenceName(response.data[0]) : null;
    if (presence === null) throw new DeviceError('reader_comm_error', `card status data ${hex(response.data)}`);
    return presence;
  }

  async powerOn(): Promise<Uint8Array> {
    const response = await this.run('powerOn', new Uint8Array(0), { idempotent: true, timeoutMs: this.powerOnTimeoutMs });
    this.expectOk(response, 'powerOn');
    if (response.data.length === 0) throw new DeviceError('card_unresponsive', 'empty ATR');
    return response.data;
  }

  async powerOff(): Promise<void> {
    const response = await this.run('powerOff', new Uint8Array(0), this.safe());
    // Powering off a card that is already gone is success: the goal state is reached.
    if (response.status === READER_STATUS.noCard) return;
    this.expectOk(response, 'powerOff');
  }

  async transmit(apdu: Uint8Array, options: { readonly idempotent: boolean }): Promise<Uint8Array> {
    const response = await this.run('apdu', apdu, { idempotent: options.idempotent, timeoutMs: this.timeoutMs });
    this.expectOk(response, 'apdu');
    if (response.data.length < 2) throw new DeviceError('reader_comm_error', `APDU response too short: ${hex(response.data)}`);
    return response.data;
  }

  /** Detaches from the port; commands still queued fail as if the reader were unplugged. */
  dispose(): void {
    this.shutDown('driver disposed');
  }

  private safe(): CommandPolicy {
    return { idempotent: true, timeoutMs: this.timeoutMs };
  }

  private run(name: ReaderCommandName, data: Uint8Array, policy: CommandPolicy): Promise<ResponseMessage> {
    const task = this.queue.then(() => this.exchange(READER_COMMANDS[name], data, policy));
    this.queue = task.catch(() => undefined);
    return task;
  }

  private async exchange(command: number, data: Uint8Array, policy: CommandPolicy): Promise<ResponseMessage> {
    const attempts = policy.idempotent ? 1 + this.retries : 1;
    let garbled = false;
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (this.closedReason !== null) throw new DeviceError('reader_disconnected', this.closedReason);
      if (attempt > 0) this.stats.retries++;
      const outcome = await this.attempt(command, data, policy);
      switch (outcome.type) {
        case 'response':
          return outcome.response;
        case 'timeout':
          this.stats.timeouts++;
          break;
        case 'garbled':
          garbled = true;
          break;
        case 'closed':
          throw new DeviceError('reader_disconnected', outcome.reason);
        default:
          return missingCase(outcome);
      }
    }
    const detail = `command 0x${command.toString(16)} failed after ${attempts} attempt(s)`;
    throw new DeviceError(garbled ? 'reader_comm_error' : 'reader_timeout', detail);
  }

  private attempt(command: number, data: Uint8Array, policy: CommandPolicy): Promise<AttemptOutcome> {
    return new Promise((resolve) => {
      this.lastSeq = (this.lastSeq % 255) + 1;
      let done = false;
      const attempt: Attempt = {
        seq: this.lastSeq,
        command,
        idempotent: policy.idempotent,
        deadline: this.clock.now() + policy.timeoutMs,
        sawFault: false,
        cancelTimer: () => undefined,
        finish: (outcome) => {
          if (done) return;
          done = true;
          attempt.cancelTimer();
          if (this.current === attempt) this.current = null;
          resolve(outcome);
        },
      };
      attempt.cancelTimer = schedule(this.clock, policy.timeoutMs, () => attempt.finish(attempt.sawFault ? { type: 'garbled' } : { type: 'timeout' }));
      this.current = attempt;
      const frame = encodeFrame(encodeCommand({ seq: attempt.seq, command, data }));
      this.port.write(frame).catch((error: unknown) => {
        attempt.finish({ type: 'closed', reason: error instanceof Error ? error.message : String(error) });
      });
    });
  }

  private handle(events: readonly DecodeEvent[]): void {
    for (const event of events) {
      switch (event.type) {
        case 'noise':
          this.stats.noiseBytes += event.byteCount;
          break;
        case 'fault':
          this.noteFault();
          break;
        case 'frame':
          this.accept(event.body);
          break;
        default:
          missingCase(event);
      }
    }
  }

  private accept(body: Uint8Array): void {
    const response = decodeResponse(body);
    const attempt = this.current;
    if (response === null) {
      this.noteFault();
      return;
    }
    if (attempt === null) {
      this.stats.strayFrames++;
      return;
    }
    if (response.seq === attempt.seq && response.command === attempt.command) {
      attempt.finish({ type: 'response', response });
      return;
    }
    // The reader could not decode a command. If it was ours, repeating is safe only for idempotent
    // commands; a non-idempotent one waits for its own answer or its timeout.
    if (response.seq === UNSEQUENCED && response.status === READER_STATUS.frameError) {
      attempt.sawFault = true;
      if (attempt.idempotent) attempt.finish({ type: 'garbled' });
      return;
    }
    this.stats.strayFrames++;
  }

  private noteFault(): void {
    this.stats.faults++;
    const attempt = this.current;
    if (attempt === null) return;
    attempt.sawFault = true;
    if (!attempt.idempotent) return;
    // Likely our answer was damaged: retry soon, but leave time for a real answer behind the noise.
    const remaining = attempt.deadline - this.clock.now();
    if (remaining > this.faultRetryDelayMs) {
      attempt.cancelTimer();
      attempt.cancelTimer = schedule(this.clock, this.faultRetryDelayMs, () => attempt.finish({ type: 'garbled' }));
    }
  }

  private expectOk(response: ResponseMessage, name: ReaderCommandName): void {
    if (response.status === READER_STATUS.ok) return;
    const status = statusName(response.status);
    const detail = `${name}: reader status ${status ?? `0x${response.status.toString(16)}`}`;
    throw new DeviceError(status === null || status === 'ok' ? 'reader_comm_error' : statusErrorCode(status, name), detail);
  }

  private shutDown(reason: string): void {
    this.closedReason ??= reason;
    this.receiver.dispose();
    for (const off of this.unsubscribe) off();
    this.current?.finish({ type: 'closed', reason });
  }
}

function statusErrorCode(status: Exclude<keyof typeof READER_STATUS, 'ok'>, command: ReaderCommandName): DeviceErrorCode {
  switch (status) {
    case 'noCard':
      // Mid-session (an APDU) a missing card means it was pulled out; before that, it was never there.
      return command === 'apdu' ? 'card_removed' : 'card_absent';
    case 'cardMute':
      return 'card_unresponsive';
    case 'cardNotPowered':
      return 'card_removed';
    case 'frameError':
      return 'reader_comm_error';
    case 'unknownCommand':
    case 'badParameter':
      return 'reader_rejected';
    default:
      return missingCase(status);
  }
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}
