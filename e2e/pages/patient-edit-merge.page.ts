import type { Page } from 'playwright-core';
import { fieldError, fieldInput } from './fields';

/** 修改资料 and 合并重复档案 on the registration screen's chosen patient. */
export class PatientEditMergePage {
  constructor(readonly page: Page) {}

  readonly selectedName = () => this.page.getByTestId('selected-name');
  readonly message = () => this.page.getByTestId('registration-message');

  readonly editButton = () => this.page.getByTestId('edit-patient-open');
  readonly editPanel = () => this.page.getByTestId('edit-patient');
  readonly editField = (path: string) => fieldInput(this.editPanel(), path);
  readonly editError = (path: string) => fieldError(this.editPanel(), path);
  readonly saveButton = () => this.page.getByTestId('edit-save');
  readonly conflict = () => this.page.getByTestId('edit-conflict');

  readonly mergeButton = () => this.page.getByTestId('merge-open');
  readonly mergePanel = () => this.page.getByTestId('merge-panel');
  readonly candidate = (patientId: string) => this.page.getByTestId('merge-candidates').locator(`li[data-patient-id="${patientId}"]`);
  readonly compare = () => this.page.getByTestId('merge-compare');
  readonly compareRow = (key: string) => this.compare().locator(`tr[data-row="${key}"]`);
  readonly confirm = () => this.page.getByTestId('merge-confirm');
  readonly mergedRecords = () => this.page.getByTestId('merged-records');
  readonly mergedVisits = () => this.page.getByTestId('merged-visits').locator('tbody tr');

  /** Finds a patient by name in the one search box and chooses the first hit with Enter. */
  async choose(name: string): Promise<void> {
    const box = this.page.getByTestId('search-input');
    await box.fill('');
    await box.pressSequentially(name, { delay: 20 });
    await this.page.getByTestId('search-results').getByRole('option').first().waitFor();
    await box.press('Enter');
    await this.editButton().waitFor();
  }

  async openEdit(): Promise<void> {
    await this.editButton().click();
    await this.editPanel().waitFor();
  }

  async openMerge(): Promise<void> {
    await this.mergeButton().click();
    await this.mergePanel().waitFor();
  }

  /** The side (`left` = the record the merge was started from) to keep. */
  async keep(side: 'left' | 'right'): Promise<void> {
    await this.compare().locator(`input[name="merge-survivor"][value="${side}"]`).check();
  }
}
