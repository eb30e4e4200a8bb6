/**
 * The simple TLV used in the card files and FCIs of this project's card model: one tag byte, one
 * length byte (0..255), then the value. Tags 00 and FF are not tags: a file is padded to its fixed
 * size with 00 or FF after the last record, as card files usually are.
 */
export interface TlvRecord {
  readonly tag: number;
  readonly value: Uint8Array;
}

export type TlvParse = { readonly ok: true; readonly records: readonly TlvRecord[] } | { readonly ok: false; readonly problem: string };

function isPadding(byte: number): boolean {
  return byte === 0x00 || byte === 0xff;
}

export function parseTlv(bytes: Uint8Array): TlvParse {
  const records: TlvRecord[] = [];
  let i = 0;
  while (i < bytes.length) {
    const tag = bytes[i];
    if (isPadding(tag)) {
      // Padding runs to the end; a record after it means the file is damaged, not padded.
      for (let j = i; j < bytes.length; j++) {
        if (!isPadding(bytes[j])) return { ok: false, problem: `data after padding at offset ${j}` };
      }
      break;
    }
    if (i + 1 >= bytes.length) return { ok: false, problem: `tag ${hexByte(tag)} at offset ${i} has no length` };
    const length = bytes[i + 1];
    const end = i + 2 + length;
    if (end > bytes.length) return { ok: false, problem: `tag ${hexByte(tag)} at offset ${i} runs past the end` };
    records.push({ tag, value: bytes.slice(i + 2, end) });
    i = end;
  }
  return { ok: true, records };
}

export function encodeTlv(records: readonly TlvRecord[]): Uint8Array {
  const parts: number[] = [];
  for (const { tag, value } of records) {
    if (tag === 0x00 || tag === 0xff || tag > 0xff) throw new RangeError(`invalid TLV tag ${tag}`);
    if (value.length > 255) throw new RangeError(`TLV value for tag ${hexByte(tag)} is ${value.length} bytes; at most 255`);
    parts.push(tag, value.length, ...value);
  }
  return Uint8Array.from(parts);
}

function hexByte(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}
