import type { Page } from 'playwright-core';
import { fieldInput } from './fields';

/** The record room's 借阅 / 我的借阅 / 封存 tabs. */
export class RecordsCustodyPage {
  constructor(readonly page: Page) {}

  async openTab(key: 'lending' | 'my-grants' | 'sealing'): Promise<void> {
    await this.page.locator('nav [data-section="records"]').click();
    await this.page.locator(`[role="tab"][data-tab="${key}"]`).click();
  }

  readonly myGrants = () => this.page.getByTestId('my-grants');
  readonly grantedCase = () => this.page.getByTestId('granted-case');
  readonly notice = () => this.page.getByTestId('notice');

  async openGrantedCase(caseNumber: string): Promise<void> {
    await this.myGrants().locator(`[data-action="open-${caseNumber}"]`).click();
  }

  /** Types a folder code at the desk as a scanner would, ending with Enter. */
  async scanFolder(code: string): Promise<void> {
    const input = fieldInput(this.page.getByTestId('paper-desk'), 'code');
    await input.fill(code);
    await input.press('Enter');
  }

  async lend(fields: { borrowerName: string; reason: string; approverName: string; dueDate: string }): Promise<void> {
    const form = this.page.getByTestId('lend-form');
    await form.waitFor();
    for (const [path, value] of Object.entries(fields)) await fieldInput(form, path).fill(value);
    await form.getByRole('button', { name: '借出' }).click();
  }

  async returnFolder(): Promise<void> {
    await this.page.getByTestId('folder-out').getByRole('button', { name: '归还' }).click();
  }

  readonly loanRows = () => this.page.getByTestId('paper-loans').locator('[data-case]');
}
