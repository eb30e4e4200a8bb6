import type { Page } from 'playwright-core';
import { errorBanner, fieldError, fieldInput } from './fields';

export interface ClinicStepValues {
  readonly name: string;
  readonly code: string;
  readonly countyKey?: string;
  readonly workstationId?: string;
}

export interface AdminStepValues {
  readonly username: string;
  readonly displayName: string;
  readonly password: string;
  readonly passwordAgain?: string;
}

/** 设置向导: four steps, driven the way a user at the keyboard would (Enter / Esc). */
export class SetupWizardPage {
  constructor(readonly page: Page) {}

  readonly heading = () => this.page.getByRole('heading', { name: '设置向导' });
  readonly stepTitle = () => this.page.getByTestId('wizard-step-title');
  readonly currentStep = () => this.page.locator('[data-step]').getAttribute('data-step');
  readonly field = (path: string) => fieldInput(this.page, path);
  readonly error = (path: string) => fieldError(this.page, path);
  readonly banner = () => errorBanner(this.page);

  async fillClinic(values: ClinicStepValues): Promise<void> {
    await this.field('clinic.name').fill(values.name);
    await this.field('clinic.code').fill(values.code);
    await this.field('patientIdKey').fill(values.countyKey ?? '');
    if (values.workstationId !== undefined) await this.field('workstationId').fill(values.workstationId);
  }

  /** Enter in the focused field: the next field, or the next step from the last one. */
  async pressEnter(): Promise<void> {
    await this.page.keyboard.press('Enter');
  }

  async next(): Promise<void> {
    await this.page.getByRole('button', { name: '下一步' }).click();
  }

  async back(): Promise<void> {
    await this.page.keyboard.press('Escape');
  }

  departmentCode(row: number) {
    return this.field(`departments.${row}.code`);
  }

  departmentRows() {
    return this.page.locator('[data-department-row]');
  }

  async addDepartment(code: string, name: string): Promise<void> {
    await this.page.getByRole('button', { name: '添加科室' }).click();
    const row = (await this.departmentRows().count()) - 1;
    await this.departmentCode(row).fill(code);
    await this.field(`departments.${row}.name`).fill(name);
  }

  async fillAdmin(values: AdminStepValues): Promise<void> {
    await this.field('admin.username').fill(values.username);
    await this.field('admin.displayName').fill(values.displayName);
    await this.field('admin.password').fill(values.password);
    await this.field('admin.passwordAgain').fill(values.passwordAgain ?? values.password);
  }

  async finish(): Promise<void> {
    await this.page.getByRole('button', { name: '完成设置' }).click();
  }
}

/** The page after setup that shows the county key once. */
export class SetupCompletePage {
  constructor(readonly page: Page) {}

  readonly heading = () => this.page.getByRole('heading', { name: '设置完成' });

  async countyKey(): Promise<string> {
    return this.page.getByTestId('county-key').inputValue();
  }

  async goToLogin(): Promise<void> {
    await this.page.getByRole('button', { name: '去登录' }).click();
  }
}
