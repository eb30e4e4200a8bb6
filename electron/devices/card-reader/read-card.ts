import { DeviceError } from '../errors';
import { validateResidentId } from '../../../shared/identity/resident-id';
import { CARD_APPLICATIONS, FIELD_ENCODINGS, HOLDER_TAGS, MASTER_FILE_ID, type CardApplicationSpec, type HolderField } from './card-layout';
import { holderFieldErrorCode, validateCardHolder, type CardHolder } from './card-holder';
import { CardSession } from './card-session';
import { decodeField } from './field-codec';
import type { CardReaderCommands } from './reader-driver';
import { parseTlv } from './tlv';

export interface ReadCardOptions {
  /**
   * The files are read until two passes agree byte for byte, at most this many passes. The line's
   * XOR checksum misses two flips in the same bit position, and a wrong name must never reach a
   * patient record, so one read is not trusted alone. Costs one more read (~0.3 s at 9600 baud).
   */
  readonly maxPasses?: number;
}

type FileContents = ReadonlyMap<number, Uint8Array | null>;

/**
 * Reads the holder of the card in the reader: power on, find which application the card carries,
 * read its holder files, decode and validate. Resolves with complete, checked data or rejects with
 * a DeviceError; the card is powered off either way.
 */
export async function readCardHolder(reader: CardReaderCommands, options: ReadCardOptions = {}): Promise<CardHolder> {
  const maxPasses = Math.max(2, options.maxPasses ?? 3);
  await reader.powerOn();
  try {
    const session = new CardSession(reader);
    const app = await detectApplication(session);
    const files = await readUntilTwoPassesAgree(() => readFiles(session, app), maxPasses);
    return holderFromFiles(app, files);
  } finally {
    // Best effort: if the card or reader is gone, there is nothing left to power off.
    await reader.powerOff().catch(() => undefined);
  }
}

async function detectApplication(session: CardSession): Promise<CardApplicationSpec> {
  for (const app of CARD_APPLICATIONS) {
    await selectMasterFile(session);
    const df = await session.select(app.dedicatedFileId);
    if (df.found) return app;
  }
  throw new DeviceError('card_unsupported', 'no known application DF on the card');
}

async function selectMasterFile(session: CardSession): Promise<void> {
  const mf = await session.select(MASTER_FILE_ID);
  if (!mf.found) throw new DeviceError('card_unsupported', 'card has no master file 3F00');
}

async function readFiles(session: CardSession, app: CardApplicationSpec): Promise<FileContents> {
  await selectMasterFile(session);
  const df = await session.select(app.dedicatedFileId);
  if (!df.found) throw new DeviceError('card_read_failed', 'application DF vanished between reads');
  const contents = new Map<number, Uint8Array | null>();
  for (const file of app.files) {
    const selected = await session.select(file.fileId);
    if (!selected.found) {
      if (file.required) throw new DeviceError('card_data_invalid', `required file ${file.fileId.toString(16)} missing`);
      contents.set(file.fileId, null);
      continue;
    }
    contents.set(file.fileId, await session.readBinary(selected.size));
  }
  return contents;
}

async function readUntilTwoPassesAgree(read: () => Promise<FileContents>, maxPasses: number): Promise<FileContents> {
  const passes: FileContents[] = [];
  while (passes.length < maxPasses) {
    const next = await read();
    if (passes.some((earlier) => sameContents(earlier, next))) return next;
    passes.push(next);
  }
  throw new DeviceError('reader_comm_error', `${maxPasses} reads of the card disagreed`);
}

function sameContents(a: FileContents, b: FileContents): boolean {
  if (a.size !== b.size) return false;
  for (const [fileId, bytes] of a) {
    const other = b.get(fileId);
    if (bytes === null || other === null || other === undefined) {
      if (bytes !== other) return false;
    } else if (!Buffer.from(bytes).equals(Buffer.from(other))) {
      return false;
    }
  }
  return true;
}

function holderFromFiles(app: CardApplicationSpec, files: FileContents): CardHolder {
  const values: Partial<Record<HolderField, string>> = {};
  for (const file of app.files) {
    const bytes = files.get(file.fileId);
    if (bytes === null || bytes === undefined) continue;
    const parsed = parseTlv(bytes);
    if (!parsed.ok) throw new DeviceError('card_data_invalid', `file ${file.fileId.toString(16)}: ${parsed.problem}`);
    for (const record of parsed.records) {
      // Tags this file is not meant to hold are skipped: later card versions may add fields.
      const field = file.fields.find((candidate) => HOLDER_TAGS[candidate] === record.tag);
      if (field === undefined) continue;
      if (values[field] !== undefined) throw new DeviceError('card_data_invalid', `field ${field} appears twice`);
      const text = decodeField(FIELD_ENCODINGS[field], record.value);
      if (text === null) throw new DeviceError(holderFieldErrorCode(field), `field ${field} is not valid ${FIELD_ENCODINGS[field]}`);
      // Issuers blank unused fields with spaces: an empty value is an absent value.
      if (text !== '') values[field] = text;
    }
  }
  // The model's 社保卡 may omit the birth date; the ID number carries it.
  const fromId = values.idNumber === undefined ? null : validateResidentId(values.idNumber);
  const birthDate = values.birthDate ?? (fromId?.ok ? fromId.birthDate : undefined);
  return validateCardHolder({ cardKind: app.kind, ...values, ...(birthDate === undefined ? {} : { birthDate }) });
}
