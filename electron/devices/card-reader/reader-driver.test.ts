import { describe, expect, it } from 'vitest';
import { DeviceError } from '../errors';
import { memoryReaderRig } from '../testing/memory-reader';
import { RESIDENT_HEALTH_CARD } from '../testing/cards';
import { FakeClock } from '../../../shared/time/testing/fake-clock';
import { createMemoryPortPair } from '../port/memory-byte-port';
import { encodeFrame } from './frame';
import { FrameDecoder } from './frame-decoder';
import { READER_COMMANDS, READER_STATUS, decodeCommand, encodeResponse } from './messages';
import { CardReaderDriver } from './reader-driver';
import { selectFileApdu } from './apdu';

async function rejection(promise: Promise<unknown>): Promise<DeviceError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DeviceError) return error;
    throw error;
  }
  throw new Error('expected the promise to reject');
}

describe('CardReaderDriver against the simulated reader (in memory)', () => {
  it('runs every command of the protocol', async () => {
    const { clock, reader, driver } = memoryReaderRig();
    expect(await clock.run(driver.version())).toBe('TC-SIM-READER 1.0');
    await clock.run(driver.beep(50));
    expect(await clock.run(driver.cardStatus())).toBe('absent');
    reader.insert(RESIDENT_HEALTH_CARD);
    expect(await clock.run(driver.cardStatus())).toBe('present');
    const atr = await clock.run(driver.powerOn());
    expect(atr[0]).toBe(0x3b);
    expect(await clock.run(driver.cardStatus())).toBe('powered');
    const response = await clock.run(driver.transmit(selectFileApdu(0x3f00), { idempotent: true }));
    expect(response[response.length - 2]).toBe(0x61);
    await clock.run(driver.powerOff());
    expect(await clock.run(driver.cardStatus())).toBe('present');
  });

  it('maps reader statuses to the registrar’s messages', async () => {
    const { clock, reader, driver } = memoryReaderRig();
    expect((await rejection(clock.run(driver.powerOn()))).code).toBe('card_absent');
    reader.insert({ ...RESIDENT_HEALTH_CARD, mute: true });
    const mute = await rejection(clock.run(driver.powerOn()));
    expect(mute.code).toBe('card_unresponsive');
    expect(mute.message).toBe('卡片无应答，请取出卡片，擦拭芯片后重新插入');
    reader.insert(RESIDENT_HEALTH_CARD);
    expect((await rejection(clock.run(driver.transmit(selectFileApdu(0x3f00), { idempotent: true })))).code).toBe('card_removed');
  });

  it('retries an idempotent command after a timeout, then reports the reader silent', async () => {
    const { clock, reader, driver } = memoryReaderRig({ timeoutMs: 500, retries: 2 });
    reader.setBehaviour({ silent: true });
    const started = clock.now();
    const error = await rejection(clock.run(driver.version()));
    expect(error.code).toBe('reader_timeout');
    expect(error.message).toBe('读卡器无响应，请检查读卡器的电源和连线后重试');
    expect(clock.now() - started).toBe(1500);
    expect(driver.stats.retries).toBe(2);
  });

  it('never repeats a non-idempotent command', async () => {
    const { clock, line, reader, driver } = memoryReaderRig({ timeoutMs: 500 });
    let commandsSeen = 0;
    line.setHostToDevice((chunk) => {
      commandsSeen++;
      return [chunk];
    });
    reader.setBehaviour({ silent: true });
    expect((await rejection(clock.run(driver.beep()))).code).toBe('reader_timeout');
    expect((await rejection(clock.run(driver.transmit(Uint8Array.of(0x80, 0x50, 0, 0), { idempotent: false })))).code).toBe('reader_timeout');
    expect(commandsSeen).toBe(2);
  });

  it('recovers from a bad checksum by retrying soon, not after the full timeout', async () => {
    const { clock, reader, driver } = memoryReaderRig({ timeoutMs: 1000, faultRetryDelayMs: 150 });
    reader.setBehaviour({ corruptChecksums: 1 });
    const started = clock.now();
    expect(await clock.run(driver.version())).toBe('TC-SIM-READER 1.0');
    expect(clock.now() - started).toBe(150);
    expect(driver.stats.faults).toBe(1);
  });

  it('reports a line that keeps garbling answers as a communication error', async () => {
    const { clock, reader, driver } = memoryReaderRig();
    reader.setBehaviour({ corruptChecksums: 10 });
    expect((await rejection(clock.run(driver.version()))).code).toBe('reader_comm_error');
  });

  it('retries at once when the reader says it could not decode the command', async () => {
    const { clock, line, driver } = memoryReaderRig();
    let first = true;
    line.setHostToDevice((chunk) => {
      if (!first) return [chunk];
      first = false;
      const damaged = chunk.slice();
      damaged[3] ^= 0x01;
      return [damaged];
    });
    const started = clock.now();
    expect(await clock.run(driver.version())).toBe('TC-SIM-READER 1.0');
    // Not the 1 s timeout. (The reader itself may take its 100 ms inter-byte pause to resynchronise:
    // the damaged frame's LEN_LO is 0x02, which looks like an STX; see PROTOCOL.md.)
    expect(clock.now() - started).toBeLessThanOrEqual(100);
    expect(driver.stats.retries).toBeGreaterThanOrEqual(1);
  });

  it('reads through noise and byte-by-byte delivery', async () => {
    const { clock, line, reader, driver } = memoryReaderRig();
    reader.setBehaviour({ noiseBeforeResponse: Uint8Array.of(0x00, 0xff, 0x13, 0x37) });
    line.setDeviceToHost((chunk) => [...chunk].map((byte) => Uint8Array.of(byte)));
    expect(await clock.run(driver.version())).toBe('TC-SIM-READER 1.0');
    expect(driver.stats.noiseBytes).toBeGreaterThan(0);
  });

  it('reports an unplugged line, at once and for later commands too', async () => {
    const { clock, line, reader, driver } = memoryReaderRig();
    reader.setBehaviour({ silent: true });
    const pending = driver.version();
    await FakeClock.settle();
    line.unplug();
    expect((await rejection(clock.run(pending))).code).toBe('reader_disconnected');
    expect((await rejection(clock.run(driver.cardStatus()))).code).toBe('reader_disconnected');
  });
});

describe('CardReaderDriver against a hand-driven line', () => {
  /** A device end that records commands and lets the test answer them. */
  function handDriven() {
    const clock = new FakeClock();
    const line = createMemoryPortPair();
    const decoder = new FrameDecoder();
    const received: { seq: number; command: number }[] = [];
    line.device.onData((chunk) => {
      for (const event of decoder.push(chunk)) if (event.type === 'frame') received.push(decodeCommand(event.body));
    });
    const answer = (seq: number, command: number, data: number[]) =>
      line.device.write(encodeFrame(encodeResponse({ seq, command, status: READER_STATUS.ok, data: Uint8Array.from(data) })));
    const driver = new CardReaderDriver(line.host, { clock, timeoutMs: 500 });
    return { clock, received, answer, driver };
  }

  it('drops a late answer to an abandoned attempt instead of taking it for the next command', async () => {
    const { clock, received, answer, driver } = handDriven();
    const status = driver.cardStatus();
    await clock.elapse(500); // first attempt times out; the retry goes out with a new SEQ
    expect(received.map((c) => c.seq)).toEqual([1, 2]);
    await answer(1, READER_COMMANDS.cardStatus, [0x02]); // late answer to attempt 1: "powered"
    await answer(2, READER_COMMANDS.cardStatus, [0x00]); // the real answer: "absent"
    expect(await clock.run(status)).toBe('absent');
    expect(driver.stats.strayFrames).toBe(1);
  });

  it('puts one command on the line at a time', async () => {
    const { clock, received, answer, driver } = handDriven();
    const version = driver.version();
    const status = driver.cardStatus();
    await FakeClock.settle();
    expect(received.map((c) => c.command)).toEqual([READER_COMMANDS.version]);
    await answer(1, READER_COMMANDS.version, [0x41]);
    await FakeClock.settle();
    expect(received.map((c) => c.command)).toEqual([READER_COMMANDS.version, READER_COMMANDS.cardStatus]);
    await answer(2, READER_COMMANDS.cardStatus, [0x01]);
    expect(await clock.run(version)).toBe('A');
    expect(await clock.run(status)).toBe('present');
  });

  it('ignores an answer whose command byte does not match', async () => {
    const { clock, answer, driver } = handDriven();
    const version = driver.version();
    await FakeClock.settle();
    await answer(1, READER_COMMANDS.cardStatus, [0x01]);
    await answer(1, READER_COMMANDS.version, [0x42]);
    expect(await clock.run(version)).toBe('B');
  });
});
