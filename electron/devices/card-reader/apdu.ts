/**
 * Short command and response APDUs (ISO/IEC 7816-4 §5): building the few commands a host sends,
 * and parsing commands on the card side (the simulator).
 */
export interface ResponseApdu {
  readonly data: Uint8Array;
  /** SW1 << 8 | SW2. */
  readonly sw: number;
}

export interface CommandApdu {
  readonly cla: number;
  readonly ins: number;
  readonly p1: number;
  readonly p2: number;
  readonly data: Uint8Array;
  /** Expected response length, 1..256, or null when the command expects no data. */
  readonly le: number | null;
}

export const INS = { select: 0xa4, readBinary: 0xb0, getResponse: 0xc0 } as const;

/** Le is one byte on the wire; 256 is written as 00. */
function leByte(length: number): number {
  if (length < 1 || length > 256) throw new RangeError(`Le must be 1..256, got ${length}`);
  return length & 0xff;
}

/** SELECT by file identifier (P1 = 00), asking for the FCI (P2 = 00). */
export function selectFileApdu(fileId: number): Uint8Array {
  return Uint8Array.of(0x00, INS.select, 0x00, 0x00, 0x02, fileId >> 8, fileId & 0xff);
}

export function getResponseApdu(length: number): Uint8Array {
  return Uint8Array.of(0x00, INS.getResponse, 0x00, 0x00, leByte(length));
}

/** READ BINARY from the current EF; the 15-bit offset goes in P1 (bit 8 clear: no short file id) and P2. */
export function readBinaryApdu(offset: number, length: number): Uint8Array {
  if (offset < 0 || offset > 0x7fff) throw new RangeError(`READ BINARY offset out of range: ${offset}`);
  return Uint8Array.of(0x00, INS.readBinary, offset >> 8, offset & 0xff, leByte(length));
}

export function splitResponseApdu(bytes: Uint8Array): ResponseApdu {
  const end = bytes.length - 2;
  return { data: bytes.slice(0, end), sw: (bytes[end] << 8) | bytes[end + 1] };
}

export function joinResponseApdu(data: Uint8Array, sw: number): Uint8Array {
  const out = new Uint8Array(data.length + 2);
  out.set(data, 0);
  out[data.length] = sw >> 8;
  out[data.length + 1] = sw & 0xff;
  return out;
}

/** Parses the four short-APDU cases; null when the length bytes do not add up (the card answers 6700). */
export function parseCommandApdu(bytes: Uint8Array): CommandApdu | null {
  if (bytes.length < 4) return null;
  const [cla, ins, p1, p2] = bytes;
  const header = { cla, ins, p1, p2 };
  if (bytes.length === 4) return { ...header, data: new Uint8Array(0), le: null };
  if (bytes.length === 5) return { ...header, data: new Uint8Array(0), le: bytes[4] === 0 ? 256 : bytes[4] };
  const lc = bytes[4];
  if (lc === 0) return null;
  if (bytes.length === 5 + lc) return { ...header, data: bytes.slice(5), le: null };
  if (bytes.length === 6 + lc) return { ...header, data: bytes.slice(5, 5 + lc), le: bytes[5 + lc] === 0 ? 256 : bytes[5 + lc] };
  return null;
}
