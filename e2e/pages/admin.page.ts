import type { Page } from 'playwright-core';
import type { Role } from '../../shared/permissions';
import { ROLE_LABELS } from '../../shared/permissions';
import { errorBanner, fieldError, fieldInput } from './fields';

export interface NewUser {
  readonly username: string;
  readonly displayName: string;
  readonly roles: ReadonlyArray<Role>;
  readonly departments: ReadonlyArray<string>;
  readonly password: string;
}

/** 管理: departments and users, each a list with a form under it. */
export class AdminPage {
  constructor(readonly page: Page) {}

  readonly departmentsPanel = () => this.page.getByTestId('departments-panel');
  readonly usersPanel = () => this.page.getByTestId('users-panel');
  readonly departmentRow = (code: string) => this.departmentsPanel().locator(`tr[data-department-code="${code}"]`);
  readonly userRow = (username: string) => this.usersPanel().locator(`tr[data-username="${username}"]`);
  readonly departmentError = (path: string) => fieldError(this.departmentsPanel(), path);
  readonly departmentBanner = () => errorBanner(this.departmentsPanel().locator('form'));
  readonly userError = (path: string) => fieldError(this.usersPanel(), path);
  readonly notice = (panel: 'departments' | 'users') => (panel === 'departments' ? this.departmentsPanel() : this.usersPanel()).getByTestId('notice');

  /** Code, Enter, name, Enter (to the outpatient box), Enter again: saved. */
  async addDepartment(code: string, name: string): Promise<void> {
    const form = this.departmentsPanel().locator('form');
    await fieldInput(form, 'code').fill(code);
    await fieldInput(form, 'code').press('Enter');
    await this.page.keyboard.type(name);
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.press('Enter');
  }

  async addUser(user: NewUser): Promise<void> {
    const form = this.usersPanel().locator('form');
    await fieldInput(form, 'username').fill(user.username);
    await fieldInput(form, 'displayName').fill(user.displayName);
    for (const role of user.roles) await form.getByLabel(ROLE_LABELS[role], { exact: true }).check();
    for (const department of user.departments) await form.locator('[data-field="departmentCodes"]').getByLabel(department, { exact: true }).check();
    await fieldInput(form, 'password').fill(user.password);
    await fieldInput(form, 'passwordAgain').fill(user.password);
    await form.getByRole('button', { name: '新增用户' }).click();
  }
}
