import { describe, expect, it } from 'vitest';
import { joinResponseApdu, parseCommandApdu } from './apdu';
import { CardSession } from './card-session';
import type { CardReaderCommands } from './reader-driver';
import { VirtualCardChip } from '../simulator/virtual-card';

/** A reader whose card answers through `answer`; records the APDUs it was sent. */
function scriptedReader(answer: (apdu: Uint8Array, sent: Uint8Array[]) => Uint8Array) {
  const sent: Uint8Array[] = [];
  const reader: CardReaderCommands = {
    version: async () => 'scripted',
    beep: async () => undefined,
    cardStatus: async () => 'powered',
    powerOn: async () => Uint8Array.of(0x3b, 0x00),
    powerOff: async () => undefined,
    transmit: async (apdu) => {
      sent.push(apdu);
      return answer(apdu, sent);
    },
  };
  return { reader, sent };
}

const ins = (apdu: Uint8Array) => parseCommandApdu(apdu)?.ins;
const fileBytes = Uint8Array.from({ length: 300 }, (_, i) => i & 0xff);

describe('CardSession against the virtual chip', () => {
  const chip = new VirtualCardChip(new Map([[0xdf01, new Map([[0x0016, fileBytes]])]]));
  const { reader, sent } = scriptedReader((apdu) => chip.process(apdu));
  const session = new CardSession(reader);

  it('selects with GET RESPONSE for the FCI and reads a file larger than one chunk', async () => {
    expect(await session.select(0x3f00)).toEqual({ found: true, isDedicatedFile: true, size: null });
    expect(await session.select(0xdf01)).toEqual({ found: true, isDedicatedFile: true, size: null });
    expect(await session.select(0x0099)).toEqual({ found: false });
    expect(await session.select(0x0016)).toEqual({ found: true, isDedicatedFile: false, size: 300 });
    expect(await session.readBinary(300)).toEqual(fileBytes);
    expect(sent.map(ins).filter((i) => i === 0xb0)).toHaveLength(3);
  });

  it('reads a file of unknown size until the card says it ended (6Cxx gives the rest)', async () => {
    await session.select(0x0016);
    expect(await session.readBinary(null)).toEqual(fileBytes);
  });
});

describe('CardSession status-word handling', () => {
  it('repeats a command with the Le a 6Cxx answer names', async () => {
    const { reader, sent } = scriptedReader((apdu) => (apdu[4] === 0x10 ? joinResponseApdu(Uint8Array.of(1, 2), 0x9000) : Uint8Array.of(0x6c, 0x10)));
    const session = new CardSession(reader);
    expect((await session.command(Uint8Array.of(0x00, 0xb0, 0, 0, 0x80))).sw).toBe(0x9000);
    expect(sent.map((a) => a[4])).toEqual([0x80, 0x10]);
  });

  it('accepts 6282 as an early end of file but fails on 6281', async () => {
    const short = new CardSession(scriptedReader(() => joinResponseApdu(Uint8Array.of(9, 9), 0x6282)).reader);
    expect(await short.readBinary(null)).toEqual(Uint8Array.of(9, 9));
    const corrupt = new CardSession(scriptedReader(() => joinResponseApdu(Uint8Array.of(9, 9), 0x6281)).reader);
    await expect(corrupt.readBinary(null)).rejects.toMatchObject({ code: 'card_read_failed', detail: expect.stringContaining('6281') });
  });

  it('sends the whole command again when its GET RESPONSE finds nothing pending', async () => {
    let lostOnce = false;
    const { reader, sent } = scriptedReader((apdu) => {
      if (ins(apdu) === 0xa4) return Uint8Array.of(0x61, 0x02);
      if (!lostOnce) {
        lostOnce = true;
        return Uint8Array.of(0x69, 0x85); // as if the first GET RESPONSE's answer had been lost and retried
      }
      return joinResponseApdu(Uint8Array.of(0xaa, 0xbb), 0x9000);
    });
    const response = await new CardSession(reader).command(Uint8Array.of(0x00, 0xa4, 0x00, 0x00, 0x02, 0x3f, 0x00));
    expect(response).toEqual({ data: Uint8Array.of(0xaa, 0xbb), sw: 0x9000 });
    expect(sent.map(ins)).toEqual([0xa4, 0xc0, 0xa4, 0xc0]);
  });

  it('reports a file shorter than its FCI says', async () => {
    const session = new CardSession(scriptedReader(() => joinResponseApdu(Uint8Array.of(1), 0x6282)).reader);
    await expect(session.readBinary(10)).rejects.toMatchObject({ code: 'card_read_failed' });
  });
});
