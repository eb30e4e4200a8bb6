import { encodeTlv, parseTlv } from './tlv';

/**
 * The file control information a SELECT returns in this project's card model: template 62 holding
 * 80 (file size, 2 bytes), 82 (descriptor: 38 = DF, 01 = transparent EF) and 83 (file id). Same
 * tags as ISO 7816-4's FCP; nothing else from it.
 */
const TEMPLATE = 0x62;
const FILE_SIZE = 0x80;
const DESCRIPTOR = 0x82;
const FILE_ID = 0x83;
const DESCRIPTOR_DF = 0x38;
const DESCRIPTOR_TRANSPARENT_EF = 0x01;

export interface FileControlInfo {
  readonly isDedicatedFile: boolean;
  /** Null when the card did not say (a DF, or a sloppy card): read until it reports the end. */
  readonly size: number | null;
}

export function encodeFci(fileId: number, info: FileControlInfo): Uint8Array {
  const inner = [
    ...(info.size === null ? [] : [{ tag: FILE_SIZE, value: Uint8Array.of(info.size >> 8, info.size & 0xff) }]),
    { tag: DESCRIPTOR, value: Uint8Array.of(info.isDedicatedFile ? DESCRIPTOR_DF : DESCRIPTOR_TRANSPARENT_EF) },
    { tag: FILE_ID, value: Uint8Array.of(fileId >> 8, fileId & 0xff) },
  ];
  return encodeTlv([{ tag: TEMPLATE, value: encodeTlv(inner) }]);
}

/** Lenient on purpose: the FCI only sizes the read; the file's content is what gets validated. */
export function parseFci(fci: Uint8Array): FileControlInfo {
  const outer = parseTlv(fci);
  const template = outer.ok ? outer.records.find((record) => record.tag === TEMPLATE) : undefined;
  const inner = template === undefined ? null : parseTlv(template.value);
  const records = inner?.ok ? inner.records : [];
  const size = records.find((record) => record.tag === FILE_SIZE && record.value.length === 2);
  const descriptor = records.find((record) => record.tag === DESCRIPTOR && record.value.length >= 1);
  return {
    isDedicatedFile: descriptor?.value[0] === DESCRIPTOR_DF,
    size: size === undefined ? null : (size.value[0] << 8) | size.value[1],
  };
}
