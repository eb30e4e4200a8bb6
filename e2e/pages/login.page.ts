import type { Page } from 'playwright-core';
import { openBrowser, type BrowserOptions, type BrowserSession } from '../support/browser';
import type { ClinicServer } from '../support/server';
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

/** A front-desk PC as the clinic's screens are tested on: 1366×768, its clock zone left at UTC. */
export const CLINIC_PC = { viewport: { width: 1366, height: 768 }, timezoneId: 'UTC' } as const;

/** A fresh browser on the clinic's address, logged in as `username`. */
export async function openLoggedIn(server: ClinicServer, username: string, password: string, options: BrowserOptions = CLINIC_PC): Promise<BrowserSession> {
  const browser = await openBrowser(options);
  await browser.page.goto(server.url);
  await new LoginPage(browser.page).login(username, password);
  return browser;
}
