import { FIELD_ENCODINGS, HOLDER_TAGS, MASTER_FILE_ID, cardApplication } from '../card-reader/card-layout';
import { encodeField } from '../card-reader/field-codec';
import { encodeTlv, type TlvRecord } from '../card-reader/tlv';
import type { VirtualCardData } from './card-file';

/** The card's files: application DF id → (EF id → content). The MF holds only the DFs. */
export type CardImage = ReadonlyMap<number, ReadonlyMap<number, Uint8Array>>;

/** Card files have a fixed size chosen at issue; the unused tail is padding. */
const FILE_GRANULE = 32;
const PADDING = 0xff;

/** Lays the holder data out as an issuer would write it, then applies raw overrides. */
export function buildCardImage(card: VirtualCardData): CardImage {
  const app = cardApplication(card.kind);
  const files = new Map<number, Uint8Array>();
  for (const file of app.files) {
    const records: TlvRecord[] = [];
    for (const field of file.fields) {
      const value = card.holder[field];
      if (value !== undefined) records.push({ tag: HOLDER_TAGS[field], value: encodeField(FIELD_ENCODINGS[field], value) });
    }
    if (records.length > 0 || file.required) files.set(file.fileId, padded(encodeTlv(records)));
  }
  const image = new Map<number, Map<number, Uint8Array>>([[app.dedicatedFileId, files]]);
  for (const [path, hex] of Object.entries(card.files ?? {})) {
    const [dfId, efId] = path.split('/').map((part) => parseInt(part, 16));
    if (dfId === MASTER_FILE_ID) throw new Error('the MF holds no EFs in this card model');
    const df = image.get(dfId) ?? new Map<number, Uint8Array>();
    image.set(dfId, df);
    if (hex === null) df.delete(efId);
    else df.set(efId, Uint8Array.from(Buffer.from(hex, 'hex')));
  }
  return image;
}

function padded(content: Uint8Array): Uint8Array {
  const size = Math.max(FILE_GRANULE, Math.ceil((content.length + 1) / FILE_GRANULE) * FILE_GRANULE);
  const file = new Uint8Array(size).fill(PADDING);
  file.set(content, 0);
  return file;
}

export const DEFAULT_ATR = '3B6D00000081318065B08701000000829000';
