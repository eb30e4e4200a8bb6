/**
 * Body layouts of the card-reader protocol (see PROTOCOL.md):
 *
 *   command  (host → reader):  SEQ | CMD | DATA…
 *   response (reader → host):  SEQ | CMD | STATUS | DATA…
 *
 * The reader echoes SEQ and CMD, so the host can tell the answer to its current command from a late
 * answer to one it already gave up on.
 */
export const READER_COMMANDS = {
  version: 0x10,
  beep: 0x11,
  cardStatus: 0x20,
  powerOn: 0x21,
  powerOff: 0x22,
  apdu: 0x23,
} as const;
export type ReaderCommandName = keyof typeof READER_COMMANDS;

export const READER_STATUS = {
  ok: 0x00,
  noCard: 0x01,
  /** A card is inserted but gave no ATR (dirty contacts, card upside down, dead chip). */
  cardMute: 0x02,
  /** An APDU arrived before power-on. */
  cardNotPowered: 0x03,
  /** The reader received a frame it could not decode; SEQ is then 0, since it could not trust the SEQ it saw. */
  frameError: 0x10,
  unknownCommand: 0x11,
  badParameter: 0x12,
} as const;
export type ReaderStatusName = keyof typeof READER_STATUS;

/** SEQ 0 is reserved for the reader's frame-error answer; hosts count 1..255. */
export const UNSEQUENCED = 0;

/** Card presence byte in a `cardStatus` response. */
export const CARD_PRESENCE = { absent: 0x00, present: 0x01, powered: 0x02 } as const;
export type CardPresence = keyof typeof CARD_PRESENCE;

export interface CommandMessage {
  readonly seq: number;
  readonly command: number;
  readonly data: Uint8Array;
}

export interface ResponseMessage {
  readonly seq: number;
  readonly command: number;
  readonly status: number;
  readonly data: Uint8Array;
}

export function encodeCommand(message: CommandMessage): Uint8Array {
  const body = new Uint8Array(2 + message.data.length);
  body[0] = message.seq;
  body[1] = message.command;
  body.set(message.data, 2);
  return body;
}

/** Every frame body that passed the decoder is at least a valid command body. */
export function decodeCommand(body: Uint8Array): CommandMessage {
  return { seq: body[0], command: body[1], data: body.slice(2) };
}

export function encodeResponse(message: ResponseMessage): Uint8Array {
  const body = new Uint8Array(3 + message.data.length);
  body[0] = message.seq;
  body[1] = message.command;
  body[2] = message.status;
  body.set(message.data, 3);
  return body;
}

/** Null when the body is too short to be a response (a command echoed back, or noise). */
export function decodeResponse(body: Uint8Array): ResponseMessage | null {
  if (body.length < 3) return null;
  return { seq: body[0], command: body[1], status: body[2], data: body.slice(3) };
}

export function statusName(status: number): ReaderStatusName | null {
  for (const [name, value] of Object.entries(READER_STATUS)) if (value === status) return name as ReaderStatusName;
  return null;
}

export function presenceName(byte: number): CardPresence | null {
  for (const [name, value] of Object.entries(CARD_PRESENCE)) if (value === byte) return name as CardPresence;
  return null;
}
