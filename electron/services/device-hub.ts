import { randomBytes } from 'node:crypto';
import type { OutputOf } from '../../shared/api';
import type { DeviceKindName, DevicePort, DeviceSettings } from '../../shared/api/devices';
import { DeviceManager, listSerialPorts, type DeviceConfig } from '../devices';
import type { ClinicData } from './clinic-data';
import { DeviceEventQueue } from './device-events';
import { deviceIndicatorOf, type DeviceIndicator } from './device-indicator';
import { NO_DEVICES, readSavedSettings, saveSettings, settingsFromEnvironment, toDeviceConfigs, type SettingsSource } from './device-settings';
import { cardHolderView, deviceErrorView, deviceStateView, scanView, testReadView } from './device-views';

/** The part of the DeviceManager the hub uses (tests pass a stand-in). */
export type DeviceManagerLike = Pick<DeviceManager, 'start' | 'stop' | 'configure' | 'states' | 'onState' | 'onScan' | 'onCardSlot' | 'readCard' | 'testRead'>;

export interface DeviceHubOptions {
  readonly data: Pick<ClinicData, 'meta'>;
  /** Usually `process.env`: CLINIC_CARD_READER / CLINIC_SCANNER (see device-settings.ts). */
  readonly environment: Readonly<Record<string, string | undefined>>;
  readonly createManager?: (devices: DeviceConfig[]) => DeviceManagerLike;
  readonly listPorts?: typeof listSerialPorts;
  readonly log?: (line: string) => void;
}

export type DeviceConfigView = OutputOf<'devices.getConfig'>;

/** How long the settings screen's test read waits for somebody to scan a code. */
const SCAN_TEST_TIMEOUT_MS = 10_000;

/**
 * The app's side of the front-desk devices: keeps the DeviceManager running with this
 * workstation's settings, reads a card as soon as one is inserted, and queues reads and scans for
 * the screens to poll.
 */
export class DeviceHub {
  private readonly manager: DeviceManagerLike;
  private readonly queue = new DeviceEventQueue({ stream: randomBytes(6).toString('hex') });
  private settings: DeviceSettings;
  private source: SettingsSource;
  private readonly data: Pick<ClinicData, 'meta'>;
  private readonly listPorts: typeof listSerialPorts;
  private readonly log: (line: string) => void;

  constructor(options: DeviceHubOptions) {
    this.log = options.log ?? (() => undefined);
    this.listPorts = options.listPorts ?? listSerialPorts;
    const fromEnvironment = settingsFromEnvironment(options.environment);
    const saved = fromEnvironment === null ? readSavedSettings(options.data) : null;
    this.settings = fromEnvironment ?? saved ?? NO_DEVICES;
    this.source = fromEnvironment !== null ? 'environment' : saved !== null ? 'saved' : 'none';
    this.data = options.data;
    const create = options.createManager ?? ((devices) => new DeviceManager({ devices }));
    this.manager = create(toDeviceConfigs(this.settings));
    this.manager.onCardSlot((slot) => {
      if (slot === 'present') void this.readInsertedCard();
      else this.queue.push({ type: 'card_removed' });
    });
    this.manager.onScan((event) => {
      if (event.type === 'scan') this.queue.push({ type: 'scan', scan: scanView(event.scan) });
      else this.queue.push({ type: 'scan_failed', error: deviceErrorView(event.error) });
    });
    this.manager.onState((state) =>
      this.log(`[devices] ${state.kind} ${state.path}: ${state.status} ${state.message}${state.detail ? ` (${state.detail})` : ''}`),
    );
  }

  start(): void {
    this.manager.start();
  }

  stop(): Promise<void> {
    return this.manager.stop();
  }

  indicator(): DeviceIndicator {
    return deviceIndicatorOf(this.manager.states().map(deviceStateView));
  }

  config(): DeviceConfigView {
    return { settings: this.settings, source: this.source, states: this.manager.states().map(deviceStateView) };
  }

  /** Stores the settings on this machine and reopens the devices with them. */
  async save(settings: DeviceSettings): Promise<DeviceConfigView> {
    await this.manager.configure(toDeviceConfigs(settings));
    saveSettings(this.data, settings);
    this.settings = settings;
    this.source = 'saved';
    return this.config();
  }

  async ports(): Promise<OutputOf<'devices.listPorts'>> {
    try {
      const found = await this.listPorts();
      const ports = found.map((p) => ({
        path: p.path,
        manufacturer: p.manufacturer ?? null,
        serialNumber: p.serialNumber ?? null,
        vendorId: p.vendorId ?? null,
        productId: p.productId ?? null,
      }));
      return { ports, error: null };
    } catch (error) {
      this.log(`[devices] listing serial ports failed: ${error instanceof Error ? error.message : String(error)}`);
      return { ports: [], error: '无法列出本机串口，请直接填写串口名称（如 COM3）' };
    }
  }

  async testRead(kind: DeviceKindName, port: DevicePort): Promise<OutputOf<'devices.testRead'>> {
    const result = await this.manager.testRead({ kind, ...port }, { scanTimeoutMs: SCAN_TEST_TIMEOUT_MS });
    return result.ok ? testReadView(result.value) : { outcome: 'failed', error: deviceErrorView(result.error) };
  }

  async readCard(): Promise<OutputOf<'devices.readCard'>> {
    const result = await this.manager.readCard();
    return result.ok ? { status: 'read', card: cardHolderView(result.value) } : { status: 'failed', error: deviceErrorView(result.error) };
  }

  events(stream: string | undefined, after: number | undefined): OutputOf<'devices.events'> {
    return {
      stream: this.queue.stream,
      cursor: this.queue.cursor,
      events: this.queue.since(stream, after),
      states: this.manager.states().map(deviceStateView),
    };
  }

  private async readInsertedCard(): Promise<void> {
    const outcome = await this.readCard();
    if (outcome.status === 'read') this.queue.push({ type: 'card_read', card: outcome.card });
    else this.queue.push({ type: 'card_failed', error: outcome.error });
  }
}
