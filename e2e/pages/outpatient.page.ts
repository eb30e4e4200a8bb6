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

  readonly versions = () => this.page.getByTestId('note-versions').locator('[data-version]');
  readonly version = (n: number) => this.page.getByTestId('note-versions').locator(`[data-version="${n}"]`);
  readonly templateManager = () => this.page.getByTestId('template-manager');
  readonly phraseMenu = () => this.page.getByTestId('phrase-menu');

  /** 更正 by its key: the corrected part, the reason, then the signing PIN. */
  async amend(field: string, text: string, reason: string, pin: string): Promise<void> {
    await this.page.keyboard.press('Alt+E');
    const form = this.page.getByTestId('amend-note');
    await form.waitFor();
    await form.locator(`[data-field="amend.${field}"] textarea`).fill(text);
    await form.locator('[data-field="reason"] input').fill(reason);
    await form.locator('[data-action="amend-next"]').click();
    const dialog = this.page.getByTestId('signing-pin-dialog');
    await dialog.locator('input').fill(pin);
    await dialog.locator('input').press('Enter');
    await dialog.waitFor({ state: 'detached' });
  }

  /** 常用模板 by its key: a new personal template with one part's text and one phrase for 体格检查. */
  async createTemplate(name: string, field: string, text: string, phrase: string): Promise<void> {
    await this.page.keyboard.press('Alt+M');
    const manager = this.templateManager();
    await manager.waitFor();
    await manager.locator('[data-action="new-template"]').click();
    await manager.locator('[data-field="templateName"] input').fill(name);
    await manager.locator(`[data-field="template.${field}"] textarea`).fill(text);
    await manager.locator('[data-field="phraseSection"] select').selectOption('physical_exam');
    await manager.locator('[data-field="newPhrase"] input').fill(phrase);
    await manager.locator('[data-field="newPhrase"] input').press('Enter');
    await manager.locator(`[data-phrase-row="${phrase}"]`).waitFor();
    await manager.locator('[data-action="save-template"]').click();
    await manager.getByText(`已保存模板“${name}”`).waitFor();
    await this.page.keyboard.press('Escape');
    await manager.waitFor({ state: 'detached' });
  }
}
