import { INS, joinResponseApdu, parseCommandApdu } from '../card-reader/apdu';
import { MASTER_FILE_ID } from '../card-reader/card-layout';
import { encodeFci } from '../card-reader/fci';
import type { CardImage } from './card-image';

type Selection =
  { readonly level: 'mf' } | { readonly level: 'df'; readonly dfId: number } | { readonly level: 'ef'; readonly dfId: number; readonly content: Uint8Array };

const SW = {
  ok: 0x9000,
  wrongLength: 0x6700,
  noCurrentEf: 0x6986,
  conditionsNotSatisfied: 0x6985,
  functionNotSupported: 0x6a81,
  fileNotFound: 0x6a82,
  wrongP1P2: 0x6a86,
  offsetOutOfRange: 0x6b00,
  insNotSupported: 0x6d00,
  claNotSupported: 0x6e00,
} as const;

/**
 * The chip of a virtual card: answers SELECT, GET RESPONSE and READ BINARY the way a T=0 card does.
 * SELECT without Le answers 61xx and leaves the FCI for GET RESPONSE; a READ BINARY asking for more
 * than the file holds answers 6Cxx with the exact length. So a host that mishandles either will fail
 * against the simulator, as it would against a real card.
 */
export class VirtualCardChip {
  private selection: Selection = { level: 'mf' };
  private pending: Uint8Array | null = null;

  constructor(private readonly image: CardImage) {}

  /** A power cycle: back to the MF, nothing pending. */
  reset(): void {
    this.selection = { level: 'mf' };
    this.pending = null;
  }

  process(commandBytes: Uint8Array): Uint8Array {
    const command = parseCommandApdu(commandBytes);
    if (command === null) return sw(SW.wrongLength);
    if (command.cla !== 0x00) return sw(SW.claNotSupported);
    const pending = this.pending;
    this.pending = null;
    switch (command.ins) {
      case INS.select:
        return this.select(command.p1, command.p2, command.data, command.le);
      case INS.getResponse:
        return this.getResponse(pending, command.le ?? 256);
      case INS.readBinary:
        return this.readBinary(command.p1, command.p2, command.le ?? 256);
      default:
        return sw(SW.insNotSupported);
    }
  }

  private select(p1: number, p2: number, data: Uint8Array, le: number | null): Uint8Array {
    if (p1 !== 0x00 || p2 !== 0x00) return sw(SW.wrongP1P2);
    if (data.length !== 2) return sw(SW.wrongLength);
    const fileId = (data[0] << 8) | data[1];
    const found = this.find(fileId);
    if (found === null) return sw(SW.fileNotFound);
    this.selection = found;
    const fci = encodeFci(fileId, {
      isDedicatedFile: found.level !== 'ef',
      size: found.level === 'ef' ? found.content.length : null,
    });
    if (le !== null) return joinResponseApdu(fci.slice(0, le), SW.ok);
    this.pending = fci;
    return sw(0x6100 | (fci.length & 0xff));
  }

  /** MF by its id; a DF from anywhere (they all hang off the MF); an EF only inside the current DF. */
  private find(fileId: number): Selection | null {
    if (fileId === MASTER_FILE_ID) return { level: 'mf' };
    if (this.image.has(fileId)) return { level: 'df', dfId: fileId };
    const current = this.selection;
    if (current.level === 'mf') return null;
    const content = this.image.get(current.dfId)?.get(fileId);
    return content === undefined ? null : { level: 'ef', dfId: current.dfId, content };
  }

  private getResponse(pending: Uint8Array | null, le: number): Uint8Array {
    if (pending === null) return sw(SW.conditionsNotSatisfied);
    if (le > pending.length) {
      this.pending = pending;
      return sw(0x6c00 | (pending.length & 0xff));
    }
    const rest = pending.slice(le);
    if (rest.length > 0) {
      this.pending = rest;
      return joinResponseApdu(pending.slice(0, le), 0x6100 | (rest.length & 0xff));
    }
    return joinResponseApdu(pending, SW.ok);
  }

  private readBinary(p1: number, p2: number, le: number): Uint8Array {
    if (this.selection.level !== 'ef') return sw(SW.noCurrentEf);
    if (p1 & 0x80) return sw(SW.functionNotSupported);
    const offset = (p1 << 8) | p2;
    const content = this.selection.content;
    if (offset >= content.length) return sw(SW.offsetOutOfRange);
    const available = content.length - offset;
    if (le > available) return sw(0x6c00 | (available & 0xff));
    return joinResponseApdu(content.slice(offset, offset + le), SW.ok);
  }
}

function sw(word: number): Uint8Array {
  return Uint8Array.of(word >> 8, word & 0xff);
}
