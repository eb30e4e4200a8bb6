import { describe, expect, it } from 'vitest';
import { DEVICE_ERROR_MESSAGES, DeviceError, type DeviceErrorCode } from '../errors';
import { RESIDENT_HEALTH_CARD, RESIDENT_HEALTH_HOLDER, SOCIAL_SECURITY_CARD, SOCIAL_SECURITY_HOLDER, withHolder } from '../testing/cards';
import { memoryReaderRig } from '../testing/memory-reader';
import type { VirtualCardData } from '../simulator/card-file';
import { joinResponseApdu } from './apdu';
import { readCardHolder } from './read-card';
import type { CardReaderCommands } from './reader-driver';

async function readInserted(card: VirtualCardData) {
  const { clock, reader, driver } = memoryReaderRig();
  reader.insert(card);
  return clock.run(readCardHolder(driver));
}

async function failureOf(card: VirtualCardData): Promise<DeviceErrorCode> {
  try {
    await readInserted(card);
  } catch (error) {
    if (!(error instanceof DeviceError)) throw error;
    expect(error.message).toBe(DEVICE_ERROR_MESSAGES[error.code]);
    return error.code;
  }
  throw new Error('expected the read to fail');
}

describe('readCardHolder', () => {
  it('reads a resident health card', async () => {
    expect(await readInserted(RESIDENT_HEALTH_CARD)).toEqual(RESIDENT_HEALTH_HOLDER);
  });

  it('reads a social-security card, taking the birth date from the ID number', async () => {
    expect(await readInserted(SOCIAL_SECURITY_CARD)).toEqual(SOCIAL_SECURITY_HOLDER);
  });

  it('reads rare name characters written in GB18030’s four-byte range', async () => {
    const holder = await readInserted(withHolder(RESIDENT_HEALTH_CARD, { name: '刘䶮' }));
    expect(holder.name).toBe('刘䶮');
  });

  it('leaves the card powered off afterwards', async () => {
    const { clock, reader, driver } = memoryReaderRig();
    reader.insert(RESIDENT_HEALTH_CARD);
    await clock.run(readCardHolder(driver));
    expect(await clock.run(driver.cardStatus())).toBe('present');
  });

  it('refuses a card whose ID number fails the check digit', async () => {
    expect(await failureOf(withHolder(RESIDENT_HEALTH_CARD, { idNumber: '330783195603141283' }))).toBe('card_id_number_invalid');
    // Typed input may be a 15-digit legacy number or padded with spaces; card data may not.
    expect(await failureOf(withHolder(RESIDENT_HEALTH_CARD, { idNumber: '330783560314128' }))).toBe('card_id_number_invalid');
    expect(await failureOf(withHolder(RESIDENT_HEALTH_CARD, { idNumber: '330783 19560314 1282' }))).toBe('card_id_number_invalid');
  });

  it('refuses a birth date or sex that contradicts the ID number', async () => {
    expect(await failureOf(withHolder(RESIDENT_HEALTH_CARD, { birthDate: '1956-03-15' }))).toBe('card_birth_date_invalid');
    expect(await failureOf(withHolder(RESIDENT_HEALTH_CARD, { sex: '1' }))).toBe('card_sex_invalid');
  });

  it('refuses a missing name, and a name that is not valid GB18030', async () => {
    expect(await failureOf(withHolder(RESIDENT_HEALTH_CARD, { name: undefined }))).toBe('card_name_invalid');
    // Tag 01, length 2, bytes 81 20: a GB18030 lead byte followed by a space.
    const identity = '01028120020132030230310404195603140512' + Buffer.from('330783195603141282').toString('hex');
    expect(await failureOf({ ...RESIDENT_HEALTH_CARD, files: { 'DF01/0016': identity } })).toBe('card_name_invalid');
  });

  it('refuses damaged TLV, duplicate fields and missing required files', async () => {
    expect(await failureOf({ ...RESIDENT_HEALTH_CARD, files: { 'DF01/0015': '0610333037' } })).toBe('card_data_invalid');
    expect(await failureOf({ ...RESIDENT_HEALTH_CARD, files: { 'DF01/0015': '0606333037383330060633303738333000' } })).toBe('card_data_invalid');
    expect(await failureOf({ ...RESIDENT_HEALTH_CARD, files: { 'DF01/0016': null } })).toBe('card_data_invalid');
    expect(await failureOf({ ...SOCIAL_SECURITY_CARD, files: { 'DF02/0005': 'ffff06' } })).toBe('card_data_invalid');
  });

  it('accepts a card without the optional contact file', async () => {
    const { address: _address, phone: _phone, ...rest } = RESIDENT_HEALTH_HOLDER;
    expect(await readInserted({ ...RESIDENT_HEALTH_CARD, files: { 'DF01/0017': null } })).toEqual(rest);
  });

  it('skips unknown tags a later card version might add', async () => {
    const cardInfo = '0610' + Buffer.from('3307830001234567').toString('hex') + '7e03010203';
    expect(await readInserted({ ...RESIDENT_HEALTH_CARD, files: { 'DF01/0015': cardInfo } })).toEqual(RESIDENT_HEALTH_HOLDER);
  });

  it('reports no card, a mute card, and a card pulled out mid-read', async () => {
    const { clock, driver } = memoryReaderRig();
    await expect(clock.run(readCardHolder(driver))).rejects.toMatchObject({ code: 'card_absent' });
    expect(await failureOf({ ...RESIDENT_HEALTH_CARD, mute: true })).toBe('card_unresponsive');

    const rig = memoryReaderRig();
    rig.reader.insert(RESIDENT_HEALTH_CARD);
    let frames = 0;
    rig.line.setDeviceToHost((chunk) => {
      if (++frames === 8) rig.reader.remove();
      return [chunk];
    });
    await expect(rig.clock.run(readCardHolder(rig.driver))).rejects.toMatchObject({ code: 'card_removed' });
  });

  it('reports a card with neither application as unsupported', async () => {
    const notFound: CardReaderCommands = {
      version: async () => 'fake',
      beep: async () => undefined,
      cardStatus: async () => 'present',
      powerOn: async () => Uint8Array.of(0x3b, 0x00),
      powerOff: async () => undefined,
      transmit: async () => joinResponseApdu(new Uint8Array(0), 0x6a82),
    };
    await expect(readCardHolder(notFound)).rejects.toMatchObject({ code: 'card_unsupported', message: DEVICE_ERROR_MESSAGES.card_unsupported });
  });

  it('does not trust a single read: two passes must agree', async () => {
    // A reader whose answers to READ BINARY differ on every pass (as a line with undetected flips would).
    const { clock, line, reader, driver } = memoryReaderRig();
    reader.insert(RESIDENT_HEALTH_CARD);
    let reads = 0;
    line.setDeviceToHost((chunk) => {
      // Response frames to READ BINARY of the 0016 file carry the name bytes (CD F5 = 王).
      const at = Buffer.from(chunk).indexOf(Buffer.from([0xcd, 0xf5]));
      if (at < 0) return [chunk];
      const changed = chunk.slice();
      // Two flips in the same bit column: the XOR check cannot see them.
      const flip = 1 << (reads++ % 8);
      changed[at] ^= flip;
      changed[at + 1] ^= flip;
      return [changed];
    });
    await expect(clock.run(readCardHolder(driver))).rejects.toMatchObject({ code: 'reader_comm_error' });
    expect(reads).toBe(3);
  });

  it('keeps reading past one silently damaged pass and returns the data two passes agree on', async () => {
    const { clock, line, reader, driver } = memoryReaderRig();
    reader.insert(RESIDENT_HEALTH_CARD);
    let damaged = false;
    line.setDeviceToHost((chunk) => {
      const at = Buffer.from(chunk).indexOf(Buffer.from([0xcd, 0xf5]));
      if (at < 0 || damaged) return [chunk];
      damaged = true;
      const changed = chunk.slice();
      changed[at] ^= 0x04; // 王 (CD F5) becomes C9 F1 = 神, and the BCC still matches
      changed[at + 1] ^= 0x04;
      return [changed];
    });
    expect(await clock.run(readCardHolder(driver))).toEqual(RESIDENT_HEALTH_HOLDER);
    expect(damaged).toBe(true);
  });
});
