import { describe, expect, it } from 'vitest';
import type { CardHolder, CardSlot, DeviceConfig, DeviceResult, DeviceState, ScannerEvent } from '../devices';
import { DeviceHub, type DeviceManagerLike } from './device-hub';
import { META_DEVICE_SETTINGS } from './device-settings';
import { SOCIAL_SECURITY_HOLDER } from '../devices/testing/cards';

const HOLDER: CardHolder = SOCIAL_SECURITY_HOLDER;

/** Stands in for the DeviceManager: the hub's own logic (queueing, settings) is what is tested here. */
class FakeManager implements DeviceManagerLike {
  configs: DeviceConfig[];
  cardResult: DeviceResult<CardHolder> = { ok: true, value: HOLDER };
  private readonly slot = new Set<(slot: CardSlot) => void>();
  private readonly scan = new Set<(event: ScannerEvent) => void>();
  constructor(configs: DeviceConfig[]) {
    this.configs = configs;
  }
  start() {}
  async stop() {}
  async configure(list: readonly DeviceConfig[]) {
    this.configs = [...list];
  }
  states(): DeviceState[] {
    return this.configs.map((c) => ({ kind: c.kind, path: c.path, status: 'ready', message: '已就绪' }));
  }
  onState() {
    return () => {};
  }
  onScan(listener: (event: ScannerEvent) => void) {
    this.scan.add(listener);
    return () => void this.scan.delete(listener);
  }
  onCardSlot(listener: (slot: CardSlot) => void) {
    this.slot.add(listener);
    return () => void this.slot.delete(listener);
  }
  async readCard() {
    return this.cardResult;
  }
  async testRead(): Promise<DeviceResult<never>> {
    return { ok: false, error: { code: 'port_not_found', message: '找不到该串口' } };
  }
  emitSlot(slot: CardSlot) {
    for (const l of this.slot) l(slot);
  }
  emitScan(event: ScannerEvent) {
    for (const l of this.scan) l(event);
  }
}

function hubWith(environment: Record<string, string> = {}, saved?: string) {
  const meta = new Map<string, string>(saved ? [[META_DEVICE_SETTINGS, saved]] : []);
  let manager: FakeManager | null = null;
  const hub = new DeviceHub({
    data: { meta: { get: (k) => meta.get(k) ?? null, set: (k, v) => void meta.set(k, v) } },
    environment,
    createManager: (devices) => (manager = new FakeManager(devices)),
  });
  if (manager === null) throw new Error('no manager');
  return { hub, manager: manager as FakeManager, meta };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('device hub', () => {
  it('reads an inserted card at once and queues the result for the screens', async () => {
    const { hub, manager } = hubWith({ CLINIC_CARD_READER: '/tmp/reader' });
    const start = hub.events(undefined, undefined);
    expect(start.events).toEqual([]);
    manager.emitSlot('present');
    await settle();
    manager.cardResult = { ok: false, error: { code: 'card_removed', message: '读卡过程中卡片被拔出，请重新插卡' } };
    manager.emitSlot('present');
    await settle();
    manager.emitSlot('absent');
    const { events } = hub.events(start.stream, start.cursor);
    expect(events.map((e) => e.type)).toEqual(['card_read', 'card_failed', 'card_removed']);
    expect(events[0]).toMatchObject({ type: 'card_read', card: { name: '张建国', insuranceNumber: '330783196211022131' } });
    expect(events[1]).toMatchObject({ type: 'card_failed', error: { code: 'card_removed' } });
  });

  it('queues scans by kind, without the voucher token', () => {
    const { hub, manager } = hubWith();
    const start = hub.events(undefined, undefined);
    manager.emitScan({
      type: 'scan',
      encoding: 'utf-8',
      scan: {
        kind: 'insurance_voucher',
        text: 'YBPZ:1:330783196211022131:MFRGGZDFMZTWQ2LKNNWG23TP',
        insuranceNumber: '330783196211022131',
        token: 'MFRGGZDFMZTWQ2LKNNWG23TP',
      },
    });
    manager.emitScan({ type: 'error', error: { code: 'scan_too_long', message: '扫码内容过长，已忽略，请重新扫码' } });
    const { events } = hub.events(start.stream, start.cursor);
    expect(events[0]).toMatchObject({ type: 'scan', scan: { kind: 'insurance_voucher', insuranceNumber: '330783196211022131' } });
    expect(JSON.stringify(events[0])).not.toContain('MFRGGZ');
    expect(events[1]).toMatchObject({ type: 'scan_failed', error: { code: 'scan_too_long' } });
  });

  it('takes the saved settings, lets the environment win, and saves on this machine only', async () => {
    const saved = JSON.stringify({ cardReader: { path: 'COM3', baudRate: 9600 }, scanner: null });
    expect(hubWith({}, saved).hub.config()).toMatchObject({ source: 'saved', settings: { cardReader: { path: 'COM3' } } });
    expect(hubWith({ CLINIC_SCANNER: '/tmp/scanner' }, saved).hub.config()).toMatchObject({
      source: 'environment',
      settings: { cardReader: null, scanner: { path: '/tmp/scanner' } },
    });

    const { hub, manager, meta } = hubWith();
    expect(hub.config().source).toBe('none');
    expect(hub.indicator().state).toBe('not_configured');
    const next = await hub.save({ cardReader: { path: 'COM5', baudRate: 115200 }, scanner: null });
    expect(next).toMatchObject({ source: 'saved', states: [{ kind: 'card_reader', path: 'COM5' }] });
    expect(manager.configs).toEqual([{ kind: 'card_reader', path: 'COM5', baudRate: 115200 }]);
    expect(JSON.parse(meta.get(META_DEVICE_SETTINGS) ?? '')).toEqual({ cardReader: { path: 'COM5', baudRate: 115200 }, scanner: null });
    expect(hub.indicator()).toEqual({ state: 'ready', message: '读卡器已连接' });
  });

  it('reports a failed test read in the registrar’s words', async () => {
    const { hub } = hubWith();
    expect(await hub.testRead('card_reader', { path: 'COM9', baudRate: 9600 })).toEqual({
      outcome: 'failed',
      error: { code: 'port_not_found', message: '找不到该串口' },
    });
  });
});
