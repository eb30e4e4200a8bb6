import type { Locator, Page } from 'playwright-core';
import { errorBanner } from './fields';

/** 管理 → 诊断与药品字典: the ICD import, the drug import, the doctors' antibiotic grades. */
export class DictionariesPage {
  constructor(readonly page: Page) {}

  readonly icdPanel = () => this.page.getByTestId('icd-import-panel');
  readonly drugPanel = () => this.page.getByTestId('drug-import-panel');
  readonly versions = () => this.icdPanel().getByTestId('icd-versions');
  readonly icdSummary = () => this.icdPanel().getByTestId('import-summary');
  readonly icdRejected = () => this.icdPanel().getByTestId('rejected-rows');
  readonly icdError = () => errorBanner(this.icdPanel());
  readonly icdNotice = () => this.icdPanel().getByTestId('notice');
  readonly drugSummary = () => this.drugPanel().getByTestId('import-summary');
  readonly drugNotice = () => this.drugPanel().getByTestId('notice');

  /** Fills the ICD form, chooses a file (name and bytes) and asks for the preview. */
  async previewIcd(version: string, file: { name: string; text: string | Buffer }): Promise<void> {
    const panel = this.icdPanel();
    await panel.locator('[data-field="version"] input').fill(version);
    await this.choose(panel, file);
    await panel.getByTestId('icd-preview').click();
  }

  async previewDrugs(file: { name: string; text: string | Buffer }): Promise<void> {
    await this.choose(this.drugPanel(), file);
    await this.drugPanel().getByTestId('drug-preview').click();
  }

  applyIcd = () => this.icdPanel().getByTestId('import-apply').click();
  applyDrugs = () => this.drugPanel().getByTestId('import-apply').click();

  private async choose(panel: Locator, file: { name: string; text: string | Buffer }): Promise<void> {
    const buffer = typeof file.text === 'string' ? Buffer.from(file.text, 'utf8') : file.text;
    await panel.locator('input[type="file"]').setInputFiles({ name: file.name, mimeType: 'text/csv', buffer });
  }
}
