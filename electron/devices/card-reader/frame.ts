/**
 * Framing of the card-reader line protocol (see PROTOCOL.md):
 *
 *   STX | LEN_HI LEN_LO | body (LEN bytes) | BCC | ETX
 *
 * LEN counts the body only, big-endian. BCC is the XOR of LEN_HI, LEN_LO and every body byte. The
 * body's own layout (sequence, command, status, data) belongs to `messages.ts`; this file only knows
 * bytes, so the decoder can be tested on its own.
 */
export const STX = 0x02;
export const ETX = 0x03;
/** A body holds at least a sequence number and a command byte. */
export const MIN_BODY_LENGTH = 2;
/**
 * Largest body either side may send: a 256-byte APDU response plus its status word and the header
 * bytes fit with room to spare. Anything longer is line noise that happened to follow an STX.
 */
export const MAX_BODY_LENGTH = 512;
/** STX, two length bytes, BCC and ETX. */
export const FRAME_OVERHEAD = 5;

export function blockCheck(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let bcc = 0;
  for (let i = start; i < end; i++) bcc ^= bytes[i];
  return bcc;
}

/** Wraps a body in a frame. A body outside the allowed length is a programming error, so it throws. */
export function encodeFrame(body: Uint8Array): Uint8Array {
  if (body.length < MIN_BODY_LENGTH || body.length > MAX_BODY_LENGTH) {
    throw new RangeError(`frame body must be ${MIN_BODY_LENGTH}..${MAX_BODY_LENGTH} bytes, got ${body.length}`);
  }
  const frame = new Uint8Array(body.length + FRAME_OVERHEAD);
  frame[0] = STX;
  frame[1] = body.length >> 8;
  frame[2] = body.length & 0xff;
  frame.set(body, 3);
  frame[frame.length - 2] = blockCheck(frame, 1, frame.length - 2);
  frame[frame.length - 1] = ETX;
  return frame;
}
