import type { Page } from 'playwright-core';
import { fieldInput } from './fields';

/** 管理 → 外接设备. */
export class DevicesPage {
  constructor(readonly page: Page) {}

  readonly panel = () => this.page.getByTestId('devices-panel');
  readonly row = (kind: 'card_reader' | 'scanner') => this.panel().locator(`[data-device-row="${kind}"]`);
  readonly path = (kind: 'card_reader' | 'scanner') => fieldInput(this.row(kind), kind === 'card_reader' ? 'cardReader.path' : 'scanner.path');
  readonly state = (kind: 'card_reader' | 'scanner') => this.row(kind).locator('[data-device-state]');
  readonly testResult = (kind: 'card_reader' | 'scanner') => this.row(kind).getByTestId('test-read-result');

  async testRead(kind: 'card_reader' | 'scanner'): Promise<void> {
    await this.row(kind).getByRole('button', { name: '试读' }).click();
  }
}
