import type { Page } from 'playwright-core';
import { fieldError, fieldInput } from './fields';

/** 挂号: the search box, the patient area, the visit form, the result and today's list. */
export class RegistrationPage {
  constructor(readonly page: Page) {}

  readonly root = () => this.page.getByTestId('registration');
  readonly searchInput = () => this.page.getByTestId('search-input');
  readonly searchKind = () => this.page.getByTestId('search-kind');
  readonly results = () => this.page.getByTestId('search-results').getByRole('option');
  readonly activeResult = () => this.page.getByTestId('search-results').locator('[aria-selected="true"]');
  readonly selectedPatient = () => this.page.getByTestId('selected-patient');
  readonly selectedName = () => this.page.getByTestId('selected-name');
  readonly newPatientForm = () => this.page.getByTestId('new-patient-form');
  readonly patientField = (path: string) => fieldInput(this.newPatientForm(), path);
  readonly patientError = (path: string) => fieldError(this.newPatientForm(), path);
  readonly visitForm = () => this.page.getByTestId('visit-form');
  readonly visitSelect = (path: string) => this.visitForm().locator(`[data-field="${path}"] select`);
  readonly registered = () => this.page.getByTestId('registered-visit');
  readonly visitNumber = () => this.page.getByTestId('visit-number');
  readonly queueNumber = () => this.page.getByTestId('queue-number');
  readonly message = () => this.page.getByTestId('registration-message');
  readonly deviceChip = (kind: 'card_reader' | 'scanner') => this.page.getByTestId('device-chips').locator(`[data-device="${kind}"]`);
  readonly todayList = () => this.page.getByTestId('today-list');
  readonly todayRow = (patientName: string) => this.todayList().locator('tbody tr[data-visit-number]', { hasText: patientName });
  readonly cancelForm = () => this.page.getByTestId('cancel-form');
  readonly duplicateWarning = () => this.page.getByTestId('duplicate-warning');
  readonly patientSelect = (path: string) => this.newPatientForm().locator(`[data-field="${path}"] select`).first();
  readonly todayCounts = () => this.page.getByTestId('today-counts');
  readonly todayRows = () => this.todayList().locator('tbody tr[data-visit-number]');
  readonly resultWith = (text: string) => this.page.getByTestId('search-results').getByRole('option').filter({ hasText: text });
  readonly keyHint = () => this.page.getByTestId('new-patient-keys');
  /** The contract path of the field that has the cursor. */
  readonly focusedField = () => this.page.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field') ?? null);

  /** Back to an empty screen: Esc leaves the form, Esc again clears the patient. */
  async clear(): Promise<void> {
    await this.press('Escape');
    await this.press('Escape');
  }

  async waitForScreen(): Promise<void> {
    await this.root().waitFor();
  }

  /** Types into the one search box as a registrar would, key by key. */
  async search(text: string): Promise<void> {
    await this.searchInput().fill('');
    await this.searchInput().pressSequentially(text, { delay: 20 });
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  /** Chooses in the focused drop-down by the department code typed, as staff do. */
  async chooseDepartment(code: string): Promise<void> {
    await this.visitSelect('departmentCode').selectOption(code);
  }

  async chooseDoctor(username: string): Promise<void> {
    await this.visitSelect('doctorUsername').selectOption(username);
  }

  async chooseFeeCategory(code: string): Promise<void> {
    await this.visitSelect('feeCategory').selectOption(code);
  }

  async cancelVisit(patientName: string, reason: string): Promise<void> {
    await this.todayRow(patientName).getByRole('button', { name: '退号' }).click();
    await this.cancelForm().locator('input').fill(reason);
    await this.cancelForm().locator('input').press('Enter');
  }
}
