import type { Page } from 'playwright-core';
import { errorBanner, fieldError, fieldInput } from './fields';

export interface RestoreValues {
  readonly serverUrl: string;
  readonly clinicCode: string;
  readonly password: string;
  readonly workstationId?: string;
}

/** 从县级服务器恢复: the path on the wizard's first screen, its form, and the progress that follows. */
export class RestorePage {
  constructor(readonly page: Page) {}

  readonly heading = () => this.page.getByRole('heading', { name: '从县级服务器恢复' });
  readonly form = () => this.page.getByTestId('restore-form');
  readonly field = (path: string) => fieldInput(this.form(), path);
  readonly error = (path: string) => fieldError(this.form(), path);
  readonly banner = () => errorBanner(this.page);
  readonly progress = () => this.page.getByTestId('restore-progress');
  readonly state = () => this.progress().getAttribute('data-state');
  readonly failure = () => this.page.getByTestId('restore-error');
  readonly done = () => this.page.getByTestId('restore-done');
  readonly focusedField = () => this.page.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field') ?? null);

  /** From the wizard's first step: the restore path's button, reached with Tab like any other. */
  async choose(): Promise<void> {
    await this.page.getByRole('button', { name: '从县级服务器恢复（换了新电脑）' }).click();
    await this.form().waitFor();
  }

  async fill(values: RestoreValues): Promise<void> {
    await this.field('serverUrl').fill(values.serverUrl);
    await this.field('clinicCode').fill(values.clinicCode);
    await this.field('password').fill(values.password);
    if (values.workstationId !== undefined) await this.field('workstationId').fill(values.workstationId);
  }

  /** Enter in the last field starts the restore. */
  async startWithEnter(): Promise<void> {
    await this.field('workstationId').press('Enter');
  }

  /** The same with the keyboard: Shift+Tab from the first field of the new-clinic form reaches it. */
  async chooseWithKeyboard(): Promise<void> {
    await this.page.keyboard.press('Shift+Tab');
    await this.page.keyboard.press('Enter');
    await this.form().waitFor();
  }

  /** 返回修改: back to the form from a failure, what was typed kept. */
  async editAgain(): Promise<void> {
    await this.page.getByRole('button', { name: '返回修改' }).click();
    await this.form().waitFor();
  }

  /** 重试: the same again, straight from the failure. */
  async retry(): Promise<void> {
    await this.page.getByRole('button', { name: '重试' }).click();
  }

  async goToLogin(): Promise<void> {
    await this.page.getByRole('button', { name: '去登录' }).click();
  }
}
