import type { Page } from 'playwright-core';
import { errorBanner, fieldError, fieldInput } from './fields';

export interface JoinValues {
  readonly address: string;
  readonly code: string;
  readonly fingerprint: string;
  readonly label: string;
}

/** 管理 → 本院主机 on the hub: its fingerprint, the pairing code, the workstations and 停用. */
export class HubPanelPage {
  constructor(readonly page: Page) {}

  readonly panel = () => this.page.getByTestId('hub-panel');
  readonly code = () => this.page.getByTestId('hub-pairing-code');
  readonly fingerprint = () => this.page.getByTestId('hub-fingerprint').getAttribute('data-fingerprint');
  readonly row = (workstation: string) => this.page.locator(`[data-testid="hub-workstations"] tr[data-workstation="${workstation}"]`);

  async newCode(): Promise<string> {
    await this.panel().getByRole('button', { name: '生成配对码' }).click();
    await this.code().waitFor();
    return (await this.code().textContent()) ?? '';
  }

  async revoke(workstation: string): Promise<void> {
    await this.row(workstation).getByRole('button', { name: '停用' }).click();
    await this.page.getByTestId('hub-revoke-confirm').getByRole('button', { name: '停用' }).click();
  }
}

/** 加入本院 on a new PC's first-run screen. */
export class JoinPage {
  constructor(readonly page: Page) {}

  readonly form = () => this.page.getByTestId('join-form');
  readonly field = (path: string) => fieldInput(this.form(), path);
  readonly error = (path: string) => fieldError(this.form(), path);
  readonly banner = () => errorBanner(this.page);
  readonly done = () => this.page.getByTestId('restore-done');
  readonly focusedField = () => this.page.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field') ?? null);

  async choose(): Promise<void> {
    await this.page.getByRole('button', { name: '加入本院（本院已有本院主机）' }).click();
    await this.form().waitFor();
  }

  async fill(values: JoinValues): Promise<void> {
    await this.field('address').fill(values.address);
    await this.field('code').fill(values.code);
    await this.field('fingerprint').fill(values.fingerprint);
    await this.field('label').fill(values.label);
  }

  /** Enter in the last field starts pairing. */
  async startWithEnter(): Promise<void> {
    await this.field('label').press('Enter');
  }
}
