import type { Page } from 'playwright-core';

/** 快捷键: the help panel generated from the keymap, opened by Shift+F1 or the status bar's button. */
export class ShortcutHelpPage {
  constructor(readonly page: Page) {}

  readonly panel = () => this.page.getByTestId('shortcut-help');
  readonly openButton = () => this.page.getByTestId('shortcut-help-open');
  readonly row = (id: string) => this.panel().locator(`[data-shortcut="${id}"]`);
  readonly group = (title: string) => this.panel().locator(`[data-help-group="${title}"]`);
  readonly changes = () => this.panel().getByTestId('shortcut-changes');

  /** The ids of the shortcuts listed, in order. */
  async listedIds(): Promise<string[]> {
    return this.panel()
      .locator('[data-shortcut]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-shortcut') ?? ''));
  }

  async openWithKey(): Promise<void> {
    await this.page.keyboard.press('Shift+F1');
    await this.panel().waitFor();
  }

  async openWithButton(): Promise<void> {
    await this.openButton().click();
    await this.panel().waitFor();
  }

  async closeWithEsc(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.panel().waitFor({ state: 'detached' });
  }
}
