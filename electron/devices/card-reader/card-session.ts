import { DeviceError } from '../errors';
import { getResponseApdu, readBinaryApdu, selectFileApdu, splitResponseApdu, type ResponseApdu } from './apdu';
import type { CardReaderCommands } from './reader-driver';
import { SW_END_OF_FILE, SW_FILE_NOT_FOUND, SW_OFFSET_OUT_OF_RANGE, classifyStatusWord, describeStatusWord } from './status-words';
import { parseFci } from './fci';

export type SelectResult = { readonly found: true; readonly isDedicatedFile: boolean; readonly size: number | null } | { readonly found: false };

/** Largest READ BINARY asked for at once: keeps frames short on a 9600-baud line. */
const READ_CHUNK = 128;
/** A holder file bigger than this is not a holder file. */
const MAX_FILE_SIZE = 4096;
/** Times a command is sent whole when its GET RESPONSE part keeps failing. */
const CHAIN_ATTEMPTS = 3;
/** A card that keeps answering 61xx is broken, not generous. */
const MAX_GET_RESPONSE = 32;

/**
 * File access on a powered card, following ISO 7816-4's T=0 conventions: a 61xx answer is completed
 * with GET RESPONSE, a 6Cxx answer is repeated with the length the card asked for. Only idempotent
 * APDUs are sent, so the driver may retry every one of them.
 */
export class CardSession {
  constructor(private readonly reader: CardReaderCommands) {}

  /**
   * Sends one command and follows 61xx / 6Cxx to its complete answer. If the GET RESPONSE part
   * fails (its answer was lost on the line and the retry found nothing pending), the card has
   * discarded the data, so the whole command is sent again.
   */
  async command(apdu: Uint8Array): Promise<ResponseApdu> {
    for (let round = 1; ; round++) {
      const outcome = await this.commandOnce(apdu);
      if (outcome.complete || round >= CHAIN_ATTEMPTS) return outcome.response;
    }
  }

  private async commandOnce(apdu: Uint8Array): Promise<{ complete: boolean; response: ResponseApdu }> {
    let response = splitResponseApdu(await this.reader.transmit(apdu, { idempotent: true }));
    const first = classifyStatusWord(response.sw);
    if (first.kind === 'wrong_le') {
      const repeated = apdu.slice();
      repeated[repeated.length - 1] = first.exactLength & 0xff;
      response = splitResponseApdu(await this.reader.transmit(repeated, { idempotent: true }));
    }
    let data: Uint8Array = response.data;
    for (let round = 0; ; round++) {
      const status = classifyStatusWord(response.sw);
      if (status.kind !== 'more_data') return { complete: true, response: { data, sw: response.sw } };
      if (round >= MAX_GET_RESPONSE) throw new DeviceError('card_read_failed', 'too many GET RESPONSE rounds');
      response = splitResponseApdu(await this.reader.transmit(getResponseApdu(status.available), { idempotent: true }));
      const next = classifyStatusWord(response.sw);
      if (next.kind !== 'ok' && next.kind !== 'more_data') return { complete: false, response };
      data = concat(data, response.data);
    }
  }

  async select(fileId: number): Promise<SelectResult> {
    const response = await this.command(selectFileApdu(fileId));
    if (response.sw === SW_FILE_NOT_FOUND) return { found: false };
    if (classifyStatusWord(response.sw).kind !== 'ok') {
      throw new DeviceError('card_read_failed', `SELECT ${hexId(fileId)}: ${describeStatusWord(response.sw)}`);
    }
    return { found: true, ...parseFci(response.data) };
  }

  /** Reads the current EF: `size` bytes if the FCI gave it, else until the card says the file ended. */
  async readBinary(size: number | null): Promise<Uint8Array> {
    const limit = size ?? MAX_FILE_SIZE;
    if (limit > MAX_FILE_SIZE) throw new DeviceError('card_data_invalid', `file size ${limit} too large`);
    let content: Uint8Array = new Uint8Array(0);
    while (content.length < limit) {
      const want = Math.min(READ_CHUNK, limit - content.length);
      const response = await this.command(readBinaryApdu(content.length, want));
      const status = classifyStatusWord(response.sw);
      // 6282: the file ended before Le bytes. (Other warnings, such as 6281 "data may be corrupted", are failures.)
      const endOfFile = response.sw === SW_END_OF_FILE || (size === null && response.sw === SW_OFFSET_OUT_OF_RANGE);
      if (status.kind !== 'ok' && !endOfFile) {
        throw new DeviceError('card_read_failed', `READ BINARY at ${content.length}: ${describeStatusWord(response.sw)}`);
      }
      if (response.data.length > want) throw new DeviceError('card_read_failed', 'card returned more than asked');
      content = concat(content, response.data);
      if (endOfFile || response.data.length < want) break;
    }
    if (size !== null && content.length !== size) {
      throw new DeviceError('card_read_failed', `file shorter than its FCI says (${content.length} of ${size})`);
    }
    return content;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function hexId(fileId: number): string {
  return fileId.toString(16).toUpperCase().padStart(4, '0');
}
