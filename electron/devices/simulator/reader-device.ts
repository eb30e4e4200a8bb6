import { encodeFrame } from '../card-reader/frame';
import type { DecodeEvent } from '../card-reader/frame-decoder';
import { FrameReceiver } from '../card-reader/frame-receiver';
import { CARD_PRESENCE, READER_COMMANDS, READER_STATUS, UNSEQUENCED, decodeCommand, encodeResponse, type CommandMessage } from '../card-reader/messages';
import { systemClock, type Clock } from '../../../shared/time/clock';
import type { Unsubscribe } from '../listeners';
import type { BytePort } from '../port/byte-port';
import { DEFAULT_ATR, buildCardImage } from './card-image';
import type { VirtualCardData } from './card-file';
import { VirtualCardChip } from './virtual-card';

/** Misbehaviour on demand, so tests can show the driver copes with each kind of trouble. */
export interface ReaderBehaviour {
  /** Ignore every command (a hung reader): the host times out. */
  readonly silent: boolean;
  readonly responseDelayMs: number;
  /** Write responses in pieces of this many bytes (0: whole frames), `fragmentGapMs` apart. */
  readonly fragmentSize: number;
  readonly fragmentGapMs: number;
  /** Bytes sent before each response (line noise). */
  readonly noiseBeforeResponse: Uint8Array;
  /** How many upcoming responses go out with a wrong BCC. */
  readonly corruptChecksums: number;
}

const NORMAL_BEHAVIOUR: ReaderBehaviour = {
  silent: false,
  responseDelayMs: 0,
  fragmentSize: 0,
  fragmentGapMs: 0,
  noiseBeforeResponse: new Uint8Array(0),
  corruptChecksums: 0,
};

interface InsertedCard {
  readonly data: VirtualCardData;
  readonly chip: VirtualCardChip;
  powered: boolean;
}

/**
 * A card reader as seen from the wire: decodes command frames, answers with response frames, holds
 * at most one virtual card. Attach it to any BytePort (a pty end, or an in-memory port in unit tests).
 */
export class SimulatedReader {
  readonly version: string;
  private behaviour: ReaderBehaviour = NORMAL_BEHAVIOUR;
  private card: InsertedCard | null = null;
  private port: BytePort | null = null;
  private detachListeners: Unsubscribe = () => undefined;
  private outgoing: Promise<void> = Promise.resolve();
  private readonly clock: Clock;
  private readonly interByteTimeoutMs: number;

  constructor(options: { readonly version?: string; readonly clock?: Clock; readonly interByteTimeoutMs?: number } = {}) {
    this.version = options.version ?? 'TC-SIM-READER 1.0';
    this.clock = options.clock ?? systemClock;
    this.interByteTimeoutMs = options.interByteTimeoutMs ?? 100;
  }

  /** Plays the reader on `port` (replacing any earlier port: a replugged line). */
  attach(port: BytePort): void {
    this.detach();
    this.port = port;
    const receiver = new FrameReceiver(this.clock, this.interByteTimeoutMs, (events) => this.handle(events));
    const offData = port.onData((chunk) => receiver.push(chunk));
    const offClose = port.onClose(() => {
      if (this.port === port) this.port = null;
    });
    this.detachListeners = () => {
      offData();
      offClose();
      receiver.dispose();
    };
  }

  detach(): void {
    this.detachListeners();
    this.detachListeners = () => undefined;
    this.port = null;
  }

  insert(card: VirtualCardData): void {
    this.card = { data: card, chip: new VirtualCardChip(buildCardImage(card)), powered: false };
  }

  remove(): void {
    this.card = null;
  }

  setBehaviour(change: Partial<ReaderBehaviour>): void {
    this.behaviour = { ...this.behaviour, ...change };
  }

  /** Raw bytes onto the line, outside any frame (noise, or a hand-made frame). */
  sendRaw(bytes: Uint8Array): Promise<void> {
    return this.enqueue(() => this.writeNow(bytes));
  }

  private handle(events: readonly DecodeEvent[]): void {
    for (const event of events) {
      if (this.behaviour.silent) continue;
      if (event.type === 'frame') this.respond(this.answer(decodeCommand(event.body)), event.body[0]);
      else if (event.type === 'fault') this.respond({ command: 0x00, status: READER_STATUS.frameError, data: new Uint8Array(0) }, UNSEQUENCED);
    }
  }

  private answer(command: CommandMessage): { command: number; status: number; data: Uint8Array } {
    const reply = (status: number, data: Uint8Array = new Uint8Array(0)) => ({ command: command.command, status, data });
    const card = this.card;
    switch (command.command) {
      case READER_COMMANDS.version:
        return reply(READER_STATUS.ok, new TextEncoder().encode(this.version));
      case READER_COMMANDS.beep:
        return reply(command.data.length === 2 ? READER_STATUS.ok : READER_STATUS.badParameter);
      case READER_COMMANDS.cardStatus: {
        const presence = card === null ? CARD_PRESENCE.absent : card.powered ? CARD_PRESENCE.powered : CARD_PRESENCE.present;
        return reply(READER_STATUS.ok, Uint8Array.of(presence));
      }
      case READER_COMMANDS.powerOn:
        if (card === null) return reply(READER_STATUS.noCard);
        if (card.data.mute === true) return reply(READER_STATUS.cardMute);
        card.powered = true;
        card.chip.reset();
        return reply(READER_STATUS.ok, Uint8Array.from(Buffer.from(card.data.atr ?? DEFAULT_ATR, 'hex')));
      case READER_COMMANDS.powerOff:
        if (card === null) return reply(READER_STATUS.noCard);
        card.powered = false;
        return reply(READER_STATUS.ok);
      case READER_COMMANDS.apdu:
        if (card === null) return reply(READER_STATUS.noCard);
        if (!card.powered) return reply(READER_STATUS.cardNotPowered);
        return reply(READER_STATUS.ok, card.chip.process(command.data));
      default:
        return reply(READER_STATUS.unknownCommand);
    }
  }

  private respond(message: { command: number; status: number; data: Uint8Array }, seq: number): void {
    const frame = encodeFrame(encodeResponse({ seq, ...message }));
    if (this.behaviour.corruptChecksums > 0) {
      this.behaviour = { ...this.behaviour, corruptChecksums: this.behaviour.corruptChecksums - 1 };
      frame[frame.length - 2] ^= 0x5a;
    }
    const { noiseBeforeResponse, responseDelayMs, fragmentSize, fragmentGapMs } = this.behaviour;
    void this.enqueue(async () => {
      if (responseDelayMs > 0) await sleep(responseDelayMs);
      if (noiseBeforeResponse.length > 0) await this.writeNow(noiseBeforeResponse);
      if (fragmentSize <= 0) return this.writeNow(frame);
      for (let at = 0; at < frame.length; at += fragmentSize) {
        await this.writeNow(frame.subarray(at, at + fragmentSize));
        if (fragmentGapMs > 0) await sleep(fragmentGapMs);
      }
    });
  }

  private enqueue(write: () => Promise<void>): Promise<void> {
    const next = this.outgoing.then(write).catch(() => undefined);
    this.outgoing = next;
    return next;
  }

  private async writeNow(bytes: Uint8Array): Promise<void> {
    // An unplugged line swallows what is written to it, as a real one does.
    if (this.port?.isOpen) await this.port.write(bytes);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
