import type { Page } from 'playwright-core';

export type SectionId = 'registration' | 'outpatient' | 'records' | 'sync' | 'admin';

export class HomePage {
  constructor(readonly page: Page) {}

  readonly clinicName = () => this.page.getByTestId('clinic-name');
  readonly statusBar = () => this.page.getByTestId('status-bar');
  readonly statusSlot = (name: 'user' | 'clinic' | 'workstation' | 'sync' | 'devices') => this.statusBar().locator(`[data-status="${name}"]`);
  readonly openSection = () => this.page.locator('main[data-section-open]').getAttribute('data-section-open');
  readonly noPermission = () => this.page.getByTestId('no-permission');
  readonly navButton = (id: SectionId) => this.page.locator(`nav [data-section="${id}"]`);

  async pressShortcut(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  async logout(): Promise<void> {
    await this.statusBar().getByRole('button', { name: '退出登录' }).click();
  }
}
