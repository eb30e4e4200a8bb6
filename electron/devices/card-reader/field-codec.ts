import iconv from 'iconv-lite';
import { missingCase } from '../../../shared/missing-case';
import type { FieldEncoding } from './card-layout';

/**
 * Field values as stored on the card. Decoding is strict: a byte sequence that is not valid in its
 * encoding yields null (the card is then reported unreadable), never a string with replacement marks.
 */
const gb18030 = new TextDecoder('gb18030', { fatal: true });

export function decodeField(encoding: FieldEncoding, bytes: Uint8Array): string | null {
  switch (encoding) {
    case 'gb18030':
      try {
        return gb18030.decode(bytes).trim();
      } catch {
        return null;
      }
    case 'ascii':
      for (const byte of bytes) if (byte < 0x20 || byte > 0x7e) return null;
      return String.fromCharCode(...bytes).trim();
    case 'bcd_date':
      return decodeBcdDate(bytes);
    default:
      return missingCase(encoding);
  }
}

/** YYYYMMDD in four BCD bytes → 'YYYY-MM-DD'; null if a nibble is not a decimal digit. */
function decodeBcdDate(bytes: Uint8Array): string | null {
  if (bytes.length !== 4) return null;
  let digits = '';
  for (const byte of bytes) {
    const high = byte >> 4;
    const low = byte & 0x0f;
    if (high > 9 || low > 9) return null;
    digits += `${high}${low}`;
  }
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
}

/** The card side (simulator, test fixtures): text → bytes as a card issuer would write them. */
export function encodeField(encoding: FieldEncoding, text: string): Uint8Array {
  switch (encoding) {
    case 'gb18030':
      return new Uint8Array(iconv.encode(text, 'gb18030'));
    case 'ascii':
      return Uint8Array.from(text, (char) => char.charCodeAt(0) & 0x7f);
    case 'bcd_date': {
      const digits = text.replace(/-/g, '');
      if (!/^\d{8}$/.test(digits)) throw new RangeError(`not a YYYY-MM-DD date: ${text}`);
      return Uint8Array.from({ length: 4 }, (_, i) => (Number(digits[2 * i]) << 4) | Number(digits[2 * i + 1]));
    }
    default:
      return missingCase(encoding);
  }
}
