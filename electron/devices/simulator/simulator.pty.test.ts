import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { readCardHolder } from '../card-reader/read-card';
import { CardReaderDriver } from '../card-reader/reader-driver';
import { STX } from '../card-reader/frame';
import { DeviceManager } from '../device-manager';
import type { DeviceState } from '../device-state';
import type { BytePort } from '../port/byte-port';
import { openSerialBytePort } from '../port/serial-byte-port';
import { ScannerDriver, type ScannerEvent } from '../scanner/scanner-driver';
import { RESIDENT_HEALTH_CARD, RESIDENT_HEALTH_HOLDER, SOCIAL_SECURITY_CARD, SOCIAL_SECURITY_HOLDER } from '../testing/cards';
import { startSimulator, type Simulator, type SimulatorOptions } from './simulator';

// Real pseudo-terminals through socat, real serialport on the app side: the same path a COM port takes.
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function simulator(options: SimulatorOptions): Promise<Simulator> {
  const sim = await startSimulator(options);
  cleanups.push(() => sim.stop());
  return sim;
}

async function appPort(path: string): Promise<BytePort> {
  const port = await openSerialBytePort({ path, baudRate: 9600 }, { watchIntervalMs: 50 });
  cleanups.push(() => port.close());
  return port;
}

async function readerDriver(sim: Simulator, options: ConstructorParameters<typeof CardReaderDriver>[1] = {}) {
  const driver = new CardReaderDriver(await appPort(sim.appPath), { timeoutMs: 400, ...options });
  cleanups.push(async () => driver.dispose());
  return driver;
}

function waitFor<T>(what: string, events: T[], predicate: (event: T) => boolean, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = () => {
      const found = events.find(predicate);
      if (found !== undefined) return resolve(found);
      if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}; saw ${JSON.stringify(events)}`));
      setTimeout(check, 10);
    };
    check();
  });
}

describe('card reader over a real pty pair', () => {
  it('reads both kinds of card', async () => {
    const sim = await simulator({ mode: 'reader', card: RESIDENT_HEALTH_CARD });
    const driver = await readerDriver(sim);
    expect(await readCardHolder(driver)).toEqual(RESIDENT_HEALTH_HOLDER);
    sim.insert(SOCIAL_SECURITY_CARD);
    expect(await readCardHolder(driver)).toEqual(SOCIAL_SECURITY_HOLDER);
  });

  it('reads through garbage on the line and noise before every answer', async () => {
    const sim = await simulator({ mode: 'reader', card: SOCIAL_SECURITY_CARD });
    const driver = await readerDriver(sim);
    await sim.sendRaw(Uint8Array.of(0xff, 0x00, STX, 0x00, 0x04, 0x99, 0x42, 0x13));
    sim.setBehaviour({ noiseBeforeResponse: Uint8Array.of(0x55, 0xaa, 0x00) });
    expect(await readCardHolder(driver)).toEqual(SOCIAL_SECURITY_HOLDER);
    expect(driver.stats.noiseBytes).toBeGreaterThan(0);
  });

  it('reassembles answers written a few bytes at a time', async () => {
    const sim = await simulator({ mode: 'reader', card: RESIDENT_HEALTH_CARD });
    sim.setBehaviour({ fragmentSize: 3, fragmentGapMs: 1 });
    const driver = await readerDriver(sim);
    expect(await readCardHolder(driver)).toEqual(RESIDENT_HEALTH_HOLDER);
  });

  it('retries answers with bad checksums', async () => {
    const sim = await simulator({ mode: 'reader', card: RESIDENT_HEALTH_CARD });
    const driver = await readerDriver(sim, { faultRetryDelayMs: 30 });
    sim.setBehaviour({ corruptChecksums: 2 });
    expect(await readCardHolder(driver)).toEqual(RESIDENT_HEALTH_HOLDER);
    expect(driver.stats.faults).toBeGreaterThanOrEqual(2);
  });

  it('times out on a silent reader with a clear message', async () => {
    const sim = await simulator({ mode: 'reader', card: RESIDENT_HEALTH_CARD });
    sim.setBehaviour({ silent: true });
    const driver = await readerDriver(sim, { timeoutMs: 150, powerOnTimeoutMs: 150, retries: 1 });
    const started = Date.now();
    await expect(readCardHolder(driver)).rejects.toMatchObject({ code: 'reader_timeout', message: '读卡器无响应，请检查读卡器的电源和连线后重试' });
    // Power-on: two attempts of 150 ms, then the error (a card never powered needs no power-off).
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('device manager over a real pty pair', () => {
  function manager(devices: ConstructorParameters<typeof DeviceManager>[0]['devices']) {
    const m = new DeviceManager({
      devices,
      openPort: (config) => openSerialBytePort(config, { watchIntervalMs: 50 }),
      reconnect: { initialMs: 50, maxMs: 200 },
      reader: { cardPollMs: 0, driver: { timeoutMs: 400 } },
    });
    const states: DeviceState[] = [];
    const scans: ScannerEvent[] = [];
    m.onState((s) => states.push(s));
    m.onScan((e) => scans.push(e));
    cleanups.push(() => m.stop());
    return { m, states, scans };
  }

  it('survives the reader being unplugged mid-read and reads again once it is back', async () => {
    const sim = await simulator({ mode: 'reader', card: RESIDENT_HEALTH_CARD });
    const { m, states } = manager([{ kind: 'card_reader', path: sim.appPath, baudRate: 9600 }]);
    m.start();
    await waitFor('ready', states, (s) => s.status === 'ready');
    sim.setBehaviour({ responseDelayMs: 30 });
    const read = m.readCard();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await sim.unplug();
    expect(await read).toMatchObject({ ok: false, error: { code: 'reader_disconnected', message: '读卡器已断开，请检查连线；重新插上后会自动连接' } });
    await waitFor('disconnected', states, (s) => s.status === 'disconnected');
    await new Promise((resolve) => setTimeout(resolve, 300)); // a few failed reopen attempts while unplugged
    await sim.replug();
    sim.setBehaviour({ responseDelayMs: 0 });
    await waitFor('ready again', states, () => states.filter((s) => s.status === 'ready').length === 2);
    expect(states.map((s) => s.status)).toEqual(['connecting', 'ready', 'disconnected', 'ready']);
    expect(await m.readCard()).toEqual({ ok: true, value: RESIDENT_HEALTH_HOLDER });
  });

  it('delivers scans sent in fragments, in UTF-8 and GB18030, and reconnects the scanner', async () => {
    const sim = await simulator({ mode: 'scanner' });
    const { m, states, scans } = manager([{ kind: 'scanner', path: sim.appPath, baudRate: 9600 }]);
    m.start();
    await waitFor('ready', states, (s) => s.status === 'ready');
    await sim.scan('YBPZ:1:330783196211022131:MFRGGZDFMZTWQ2LKNNWG23TP', { fragmentSize: 5, fragmentGapMs: 2 });
    await sim.scan('王秀英', { encoding: 'gb18030', terminator: '\r', fragmentSize: 1, fragmentGapMs: 1 });
    await sim.scan('BA-hengdian-2025-000123', { terminator: '\n' });
    await waitFor('three scans', scans, () => scans.length >= 3);
    expect(scans).toEqual([
      { type: 'scan', encoding: 'utf-8', scan: expect.objectContaining({ kind: 'insurance_voucher', insuranceNumber: '330783196211022131' }) },
      { type: 'scan', encoding: 'gb18030', scan: expect.objectContaining({ kind: 'unknown', text: '王秀英' }) },
      { type: 'scan', encoding: 'utf-8', scan: expect.objectContaining({ kind: 'archive_case', caseNumber: 'hengdian-2025-000123' }) },
    ]);
    await sim.unplug();
    await waitFor('disconnected', states, (s) => s.status === 'disconnected' && s.message === '扫码枪已断开，请检查连线；重新插上后会自动连接');
    await sim.replug();
    await waitFor('ready again', states, () => states.filter((s) => s.status === 'ready').length === 2);
    await sim.scan('PT-01HZY3M5V6W7X8Y9Z0ABCDEFGH');
    await waitFor('scan after replug', scans, (e) => e.type === 'scan' && e.scan.kind === 'patient');
  });

  it('drops an overlong scan with an error and keeps the next one', async () => {
    const sim = await simulator({ mode: 'scanner' });
    const port = await appPort(sim.appPath);
    const driver = new ScannerDriver(port, { maxLineBytes: 64 });
    const events: ScannerEvent[] = [];
    driver.onEvent((e) => events.push(e));
    await sim.sendRaw(new Uint8Array(iconv.encode(`${'长'.repeat(100)}\r\n`, 'gb18030')));
    await sim.scan('BA-hengdian-2025-000124');
    await waitFor('two events', events, () => events.length >= 2);
    expect(events.map((e) => (e.type === 'error' ? e.error.code : e.scan.kind))).toEqual(['scan_too_long', 'archive_case']);
    driver.dispose();
  });
});
