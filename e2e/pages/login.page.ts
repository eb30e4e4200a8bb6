import type { Page } from 'playwright-core';
import { errorBanner, fieldError, fieldInput } from './fields';

export class LoginPage {
  constructor(readonly page: Page) {}

  readonly form = () => this.page.getByTestId('login-form');
  readonly clinicName = () => this.page.getByTestId('login-clinic-name');
  readonly submitButton = () => this.page.getByRole('button', { name: '登录', exact: true });
  readonly banner = () => errorBanner(this.page);
  readonly error = (path: string) => fieldError(this.form(), path);
  readonly field = (path: string) => fieldInput(this.form(), path);

  /**
   * Waits for the login form (other screens have a `username` field too), types both fields and
   * presses Enter twice, as staff do: to the password, then to log in.
   */
  async login(username: string, password: string): Promise<void> {
    await this.form().waitFor();
    await this.field('username').fill(username);
    await this.field('username').press('Enter');
    await this.page.keyboard.type(password);
    await this.page.keyboard.press('Enter');
  }
}
