import { windowAhead } from '../support/window-ahead';
import type { Locator, Page } from 'playwright-core';
import { fieldInput } from './fields';

/** 同步: overview with 立即同步, conflict inbox, history with its chart, settings. */
export class SyncPage {
  constructor(readonly page: Page) {}

  readonly section = () => this.page.getByTestId('sync-section');
  readonly overview = () => this.page.getByTestId('sync-overview');
  readonly state = () => this.page.getByTestId('sync-state');
  readonly fact = (name: 'pending' | 'last-success' | 'next-run' | 'database-size' | 'conflicts') => this.overview().locator(`[data-fact="${name}"] dd`);
  readonly syncError = () => this.page.getByTestId('sync-error');
  readonly settings = () => this.page.getByTestId('sync-settings');
  readonly settingsField = (path: string) => fieldInput(this.settings(), path);
  readonly historyRows = () => this.page.getByTestId('sync-history').locator('tbody tr');
  readonly chart = () => this.page.getByTestId('sync-history-chart');
  readonly chartSummary = () => this.page.getByTestId('sync-history-summary');
  readonly storage = () => this.page.getByTestId('sync-storage');
  readonly inbox = () => this.page.getByTestId('conflict-inbox');
  readonly inboxItem = (id: string) => this.inbox().locator(`li[data-conflict="${id}"]`);
  readonly inboxEmpty = () => this.page.getByTestId('conflict-inbox-empty');
  readonly detail = () => this.page.getByTestId('conflict-detail');
  readonly fieldRow = (name: string) => this.detail().locator(`tr[data-field-row="${name}"]`);
  readonly fieldCell = (name: string, side: number): Locator => this.fieldRow(name).locator(`td[data-side="${side}"]`);

  async open(): Promise<void> {
    await this.page.locator('nav [data-section="sync"]').click();
    await this.overview().waitFor();
  }

  /** Fills the settings form and presses Enter in the last field, as staff do. */
  async configure(settings: { serverUrl: string; password: string }): Promise<void> {
    await this.settingsField('serverUrl').fill(settings.serverUrl);
    await this.settingsField('password').fill(settings.password);
    // Away from the clinic's time now: inside the nightly window, saving would start a run of its own.
    const window = windowAhead();
    await this.settingsField('window.start').fill(window.start);
    await this.settingsField('window.end').fill(window.end);
    await this.settings().getByRole('button', { name: '保存设置' }).click();
  }

  async compact(): Promise<void> {
    await this.storage().getByRole('button', { name: '立即整理' }).click();
  }

  async syncNow(): Promise<void> {
    await this.overview().getByRole('button', { name: '立即同步' }).click();
  }

  async openConflict(id: string): Promise<void> {
    await this.inboxItem(id).getByRole('button', { name: '核对' }).click();
    await this.detail().waitFor();
  }

  /** Chooses side `side`'s value for one field (a differing one: its cells are buttons). */
  async pick(field: string, side: number): Promise<void> {
    await this.fieldCell(field, side).getByRole('button').click();
  }

  async saveChoice(): Promise<void> {
    await this.detail().getByRole('button', { name: '按所选保存' }).click();
  }
}
