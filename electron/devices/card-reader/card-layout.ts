/**
 * The project's simplified model of the two cards a township front desk sees. It borrows the shape of
 * the real cards (a master file, one application DF per card, holder data in transparent EFs, names
 * in GB18030, dates in BCD) but is NOT the national specifications verbatim: the real 居民健康卡 and
 * 社保卡 use application identifiers, secure messaging and file layouts that a certified reader
 * integration must follow. See PROTOCOL.md, "Virtual card file layout".
 */
export type CardKind = 'resident_health' | 'social_security';

export const MASTER_FILE_ID = 0x3f00;

/** TLV tags in the holder files. The same tag means the same field on both cards. */
export const HOLDER_TAGS = {
  name: 0x01,
  sex: 0x02,
  ethnicity: 0x03,
  birthDate: 0x04,
  idNumber: 0x05,
  cardNumber: 0x06,
  insuranceNumber: 0x07,
  address: 0x08,
  phone: 0x09,
  divisionCode: 0x0a,
} as const;
export type HolderField = keyof typeof HOLDER_TAGS;

/** How each field's value bytes are written on the card. */
export type FieldEncoding = 'gb18030' | 'ascii' | 'bcd_date';
export const FIELD_ENCODINGS: Readonly<Record<HolderField, FieldEncoding>> = {
  name: 'gb18030',
  sex: 'ascii',
  ethnicity: 'ascii',
  birthDate: 'bcd_date',
  idNumber: 'ascii',
  cardNumber: 'ascii',
  insuranceNumber: 'ascii',
  address: 'gb18030',
  phone: 'ascii',
  divisionCode: 'ascii',
};

export interface CardFileSpec {
  readonly fileId: number;
  /** Absent optional files are fine (6A82); absent required files make the card unreadable. */
  readonly required: boolean;
  readonly fields: readonly HolderField[];
}

export interface CardApplicationSpec {
  readonly kind: CardKind;
  readonly dedicatedFileId: number;
  readonly files: readonly CardFileSpec[];
}

export const CARD_APPLICATIONS: readonly CardApplicationSpec[] = [
  {
    kind: 'resident_health',
    dedicatedFileId: 0xdf01,
    files: [
      { fileId: 0x0015, required: true, fields: ['cardNumber'] },
      { fileId: 0x0016, required: true, fields: ['name', 'sex', 'ethnicity', 'birthDate', 'idNumber'] },
      { fileId: 0x0017, required: false, fields: ['address', 'phone'] },
    ],
  },
  {
    kind: 'social_security',
    dedicatedFileId: 0xdf02,
    files: [
      { fileId: 0x0005, required: true, fields: ['cardNumber', 'insuranceNumber', 'divisionCode'] },
      { fileId: 0x0006, required: true, fields: ['name', 'sex', 'ethnicity', 'birthDate', 'idNumber'] },
    ],
  },
];

export function cardApplication(kind: CardKind): CardApplicationSpec {
  const app = CARD_APPLICATIONS.find((candidate) => candidate.kind === kind);
  if (app === undefined) throw new Error(`no layout for card kind ${kind}`);
  return app;
}
