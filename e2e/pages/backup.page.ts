import type { Page } from 'playwright-core';
import { errorBanner, fieldInput } from './fields';

/** 管理 → 备份与恢复. */
export class BackupPanelPage {
  constructor(readonly page: Page) {}

  readonly panel = () => this.page.getByTestId('backup-panel');
  readonly settings = () => this.page.getByTestId('backup-settings');
  readonly field = (path: string) => fieldInput(this.settings(), path);
  readonly historyRows = () => this.page.locator('[data-testid="backup-history"] [data-ok]');
  readonly nextAt = () => this.page.getByTestId('backup-next');
  readonly banner = () => errorBanner(this.panel());

  async save(settings: { folder: string; time: string; passphrase: string }): Promise<void> {
    await this.field('folder').fill(settings.folder);
    await this.field('time').fill(settings.time);
    await this.field('passphrase').fill(settings.passphrase);
    await this.settings().getByRole('button', { name: '保存设置' }).click();
  }

  async runNow(): Promise<void> {
    await this.page.getByTestId('backup-run-now').click();
  }
}

/** 从备份恢复 on the first-run screen. */
export class BackupRestorePage {
  constructor(readonly page: Page) {}

  readonly screen = () => this.page.getByTestId('backup-restore-screen');
  readonly form = () => this.page.getByTestId('backup-restore-form');
  readonly field = (path: string) => fieldInput(this.form(), path);
  readonly choice = () => this.form().locator('[data-field="file"] select');
  readonly progress = () => this.page.getByTestId('backup-restore-progress');
  readonly state = () => this.progress().getAttribute('data-state');
  readonly failure = () => errorBanner(this.progress());

  async choose(): Promise<void> {
    await this.page.getByRole('button', { name: '从备份恢复（U盘上的加密备份）' }).click();
    await this.form().waitFor();
  }

  async find(folder: string): Promise<void> {
    await this.field('folder').fill(folder);
    await this.page.getByTestId('backup-find').click();
    await this.choice().waitFor();
  }

  async start(passphrase: string, workstationId = ''): Promise<void> {
    await this.field('passphrase').fill(passphrase);
    await this.field('workstationId').fill(workstationId);
    await this.form().getByRole('button', { name: '开始恢复' }).click();
  }

  async tryAgain(): Promise<void> {
    await this.progress().getByRole('button', { name: '改一改再试' }).click();
    await this.form().waitFor();
  }

  async goToLogin(): Promise<void> {
    await this.page.getByTestId('backup-restore-login').click();
  }
}
