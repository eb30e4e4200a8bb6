import { afterEach, describe, expect, it } from 'vitest';
import { DeviceManager } from './device-manager';
import type { DeviceState } from './device-state';
import type { ScannerEvent } from './scanner/scanner-driver';
import { SimulatedReader } from './simulator/reader-device';
import { RESIDENT_HEALTH_CARD, RESIDENT_HEALTH_HOLDER, SOCIAL_SECURITY_CARD, SOCIAL_SECURITY_HOLDER } from './testing/cards';
import { FakeClock } from '../../shared/time/testing/fake-clock';
import { FakeSerialBus } from './testing/fake-serial-bus';
import type { BytePort } from './port/byte-port';
import type { CardSlot } from './card-reader/reader-session';

const READER = { kind: 'card_reader', path: '/dev/ttyUSB0', baudRate: 9600 } as const;
const SCANNER = { kind: 'scanner', path: '/dev/ttyUSB1', baudRate: 9600 } as const;

let managers: DeviceManager[] = [];
afterEach(async () => {
  await Promise.all(managers.map((m) => m.stop()));
  managers = [];
});

function frontDesk(options: { cardPollMs?: number; plugReader?: boolean } = {}) {
  const clock = new FakeClock();
  const bus = new FakeSerialBus();
  const reader = new SimulatedReader({ clock });
  let scannerPort: BytePort | null = null;
  const plugReader = () => bus.plug(READER.path, (port) => reader.attach(port));
  const plugScanner = () =>
    bus.plug(SCANNER.path, (port) => {
      scannerPort = port;
    });
  if (options.plugReader !== false) plugReader();
  plugScanner();
  const manager = new DeviceManager({
    devices: [READER, SCANNER],
    openPort: bus.open,
    clock,
    reconnect: { initialMs: 100, maxMs: 800 },
    reader: { cardPollMs: options.cardPollMs ?? 0, driver: { timeoutMs: 300, retries: 1 } },
  });
  managers.push(manager);
  const states: DeviceState[] = [];
  const scans: ScannerEvent[] = [];
  const slots: CardSlot[] = [];
  manager.onState((s) => states.push(s));
  manager.onScan((e) => scans.push(e));
  manager.onCardSlot((s) => slots.push(s));
  const scan = async (text: string) => {
    await scannerPort?.write(new Uint8Array(Buffer.from(`${text}\r\n`, 'utf8')));
    await FakeClock.settle();
  };
  const readerStates = () => states.filter((s) => s.kind === 'card_reader').map((s) => s.status);
  return { clock, bus, reader, manager, states, scans, slots, scan, plugReader, readerStates };
}

describe('DeviceManager (in memory, fake clock)', () => {
  it('connects both devices and reads a card', async () => {
    const { clock, reader, manager, readerStates } = frontDesk();
    manager.start();
    await clock.elapse(0);
    expect(readerStates()).toEqual(['connecting', 'ready']);
    expect(manager.states().map((s) => [s.kind, s.status, s.message])).toEqual([
      ['card_reader', 'ready', '读卡器已就绪'],
      ['scanner', 'ready', '扫码枪已就绪'],
    ]);
    reader.insert(SOCIAL_SECURITY_CARD);
    expect(await clock.run(manager.readCard())).toEqual({ ok: true, value: SOCIAL_SECURITY_HOLDER });
  });

  it('answers readCard with a message, not an exception, when there is no reader or no card', async () => {
    const bare = new DeviceManager({ devices: [] });
    expect(await bare.readCard()).toEqual({ ok: false, error: expect.objectContaining({ code: 'reader_not_configured' }) });
    const { clock, manager } = frontDesk();
    manager.start();
    await clock.elapse(0);
    expect(await clock.run(manager.readCard())).toEqual({
      ok: false,
      error: { code: 'card_absent', message: '未检测到卡片，请将卡片芯片朝上插入读卡器', detail: 'powerOn: reader status noCard' },
    });
  });

  it('reports an unplugged reader, reconnects when it is back, and reads again', async () => {
    const { clock, bus, reader, manager, states, plugReader, readerStates } = frontDesk();
    manager.start();
    await clock.elapse(0);
    bus.unplug(READER.path);
    await clock.elapse(0);
    expect(states.at(-1)).toMatchObject({ kind: 'card_reader', status: 'disconnected', message: '读卡器已断开，请检查连线；重新插上后会自动连接' });
    expect(await manager.readCard()).toMatchObject({ ok: false, error: { code: 'reader_disconnected' } });
    await clock.elapse(2000); // retries fail while unplugged; the state stays "disconnected"
    expect(readerStates()).toEqual(['connecting', 'ready', 'disconnected']);
    plugReader();
    await clock.elapse(800);
    expect(readerStates()).toEqual(['connecting', 'ready', 'disconnected', 'ready']);
    reader.insert(RESIDENT_HEALTH_CARD);
    expect(await clock.run(manager.readCard())).toEqual({ ok: true, value: RESIDENT_HEALTH_HOLDER });
  });

  it('fails a read cut by unplugging with the unplugged message', async () => {
    const { clock, bus, reader, manager } = frontDesk();
    manager.start();
    await clock.elapse(0);
    reader.insert(RESIDENT_HEALTH_CARD);
    reader.setBehaviour({ silent: true });
    const read = manager.readCard();
    await FakeClock.settle();
    bus.unplug(READER.path);
    expect(await clock.run(read)).toMatchObject({
      ok: false,
      error: { code: 'reader_disconnected', message: '读卡器已断开，请检查连线；重新插上后会自动连接' },
    });
  });

  it('says the port is missing when the reader is not there at start-up, and connects once plugged', async () => {
    const { clock, manager, plugReader, states, readerStates } = frontDesk({ plugReader: false });
    manager.start();
    await clock.elapse(0);
    expect(states.find((s) => s.kind === 'card_reader' && s.status === 'error')).toMatchObject({ errorCode: 'port_not_found' });
    plugReader();
    await clock.elapse(800);
    expect(readerStates().at(-1)).toBe('ready');
  });

  it('keeps a port that opens but never answers in "error", and retries with growing delays', async () => {
    const { clock, bus, reader, manager, states, readerStates } = frontDesk();
    reader.setBehaviour({ silent: true });
    manager.start();
    await clock.elapse(5000);
    expect(states.filter((s) => s.kind === 'card_reader').at(-1)).toMatchObject({ status: 'error', errorCode: 'reader_timeout' });
    // 600 ms per probe (2 attempts × 300 ms) plus 100, 200, 400, 800, 800… between: 5 s holds 5 opens.
    expect(bus.opens).toBe(1 + 5);
    reader.setBehaviour({ silent: false });
    await clock.elapse(2000);
    expect(readerStates().at(-1)).toBe('ready');
  });

  it('notices a card going in and out, and a reader that stops answering', async () => {
    const { clock, reader, manager, slots, readerStates } = frontDesk({ cardPollMs: 500 });
    manager.start();
    await clock.elapse(600);
    reader.insert(RESIDENT_HEALTH_CARD);
    await clock.elapse(500);
    reader.remove();
    await clock.elapse(500);
    expect(slots).toEqual(['absent', 'present', 'absent']);
    reader.setBehaviour({ silent: true });
    await clock.elapse(3000);
    expect(readerStates()).toContain('error');
    reader.setBehaviour({ silent: false });
    await clock.elapse(3000);
    expect(readerStates().at(-1)).toBe('ready');
  });

  it('forwards classified scans', async () => {
    const { clock, manager, scans, scan } = frontDesk();
    manager.start();
    await clock.elapse(0);
    await scan('BA-hengdian-2025-000123');
    expect(scans).toEqual([{ type: 'scan', encoding: 'utf-8', scan: expect.objectContaining({ kind: 'archive_case', caseNumber: 'hengdian-2025-000123' }) }]);
  });

  it('test-reads a reader (taking the port from the running connection and giving it back)', async () => {
    const { clock, reader, manager, readerStates } = frontDesk();
    manager.start();
    await clock.elapse(0);
    expect(await clock.run(manager.testRead(READER))).toEqual({
      ok: true,
      value: { kind: 'card_reader', readerVersion: 'TC-SIM-READER 1.0', card: { present: false } },
    });
    reader.insert(RESIDENT_HEALTH_CARD);
    expect(await clock.run(manager.testRead(READER))).toEqual({
      ok: true,
      value: { kind: 'card_reader', readerVersion: 'TC-SIM-READER 1.0', card: { present: true, holder: RESIDENT_HEALTH_HOLDER } },
    });
    await clock.elapse(0);
    expect(readerStates().at(-1)).toBe('ready');
  });

  it('test-reads a scanner, and says so when nothing is scanned in time', async () => {
    const { clock, manager, scan } = frontDesk();
    const noScan = manager.testRead(SCANNER, { scanTimeoutMs: 5000 });
    expect(await clock.run(noScan)).toMatchObject({ ok: false, error: { code: 'scanner_no_scan', message: '没有收到扫码数据，请在提示时间内扫描任意条码' } });
    const scanned = manager.testRead(SCANNER, { scanTimeoutMs: 5000 });
    await FakeClock.settle();
    await scan('PT-01HZY3M5V6W7X8Y9Z0ABCDEFGH');
    expect(await clock.run(scanned)).toMatchObject({ ok: true, value: { kind: 'scanner', scan: { kind: 'patient' } } });
    expect(await clock.run(manager.testRead({ ...SCANNER, path: '/dev/nothing' }))).toMatchObject({ ok: false, error: { code: 'port_not_found' } });
  });

  it('moves to a new port when reconfigured, and keeps the old one on a bad configuration', async () => {
    const { clock, bus, reader, manager, states } = frontDesk();
    manager.start();
    await clock.elapse(0);
    await expect(manager.configure([READER, { ...READER, path: '/dev/ttyUSB2' }])).rejects.toThrow();
    expect(manager.states()[0]).toMatchObject({ path: READER.path, status: 'ready' });
    bus.plug('/dev/ttyUSB7', (port) => reader.attach(port));
    await manager.configure([{ ...READER, path: '/dev/ttyUSB7' }]);
    await clock.elapse(0);
    expect(manager.states()).toEqual([expect.objectContaining({ kind: 'card_reader', path: '/dev/ttyUSB7', status: 'ready' })]);
    expect(states.at(-1)).toMatchObject({ path: '/dev/ttyUSB7', status: 'ready' });
  });

  it('refuses two devices of one kind', () => {
    expect(() => new DeviceManager({ devices: [READER, { ...READER, path: '/dev/ttyUSB2' }] })).toThrow();
  });
});
