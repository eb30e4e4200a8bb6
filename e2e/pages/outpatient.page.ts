import type { Page } from 'playwright-core';

/** 门诊: the doctor's queue, the banner, the note, diagnoses, the prescription and signing. */
export class OutpatientPage {
  constructor(readonly page: Page) {}

  readonly screen = () => this.page.getByTestId('outpatient');
  readonly banner = () => this.page.getByTestId('patient-banner');
  readonly bannerName = async () => ((await this.page.getByTestId('banner-name').count()) > 0 ? this.page.getByTestId('banner-name').textContent() : null);
  readonly noteField = (field: string) => this.page.getByTestId('note-editor').locator(`[data-field="${field}"] textarea`);
  readonly diagnoses = () => this.page.locator('[data-diagnosis]');
  readonly quantities = () => this.page.getByTestId('rx-quantity');
  readonly warning = (code: string) => this.page.locator(`[data-warning="${code}"]`);
  readonly draftSaved = () => this.page.getByTestId('draft-saved');
  readonly signedNotice = () => this.page.getByText('病历已签名，不能再改');

  async openVisit(id: string): Promise<void> {
    await this.page.locator(`[data-visit-id="${id}"]`).dblclick();
  }

  async applyTemplate(name: string): Promise<void> {
    await this.page.getByTestId('note-editor').locator('[data-field="template"] select').selectOption({ label: name });
  }

  async addDiagnosis(query: string): Promise<void> {
    const input = this.page.locator('[data-field="diagnosisSearch"] input');
    await input.fill(query);
    await this.page.getByTestId('icd-hits').waitFor();
    await input.press('Enter');
  }

  async addDrug(query: string): Promise<void> {
    const input = this.page.locator('[data-field="drugSearch"] input');
    await input.fill(query);
    await this.page.getByTestId('drug-hits').waitFor();
    await input.press('Enter');
  }

  async savePrescription(): Promise<void> {
    await this.page.locator('[data-action="save-prescription"]').click();
  }

  async answerWarning(code: string, answer: string): Promise<void> {
    await this.warning(code).locator('input').fill(answer);
  }

  async sign(pin: string): Promise<void> {
    await this.page.keyboard.press('F8');
    const dialog = this.page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.locator('input').fill(pin);
    await dialog.locator('input').press('Enter');
  }
}
