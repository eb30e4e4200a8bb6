import type { Locator, Page } from 'playwright-core';
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

type AdminPanel = 'departments' | 'users';
export type RowAction = 'edit' | 'password' | 'toggle-active';
/** The inline editors, by their form's `data-form`. */
export type EditorName = 'edit-user' | 'password' | 'edit-department';

/** 管理: departments and users, each a list (with actions on each row) and a form under it. */
export class AdminPage {
  constructor(readonly page: Page) {}

  readonly departmentsPanel = () => this.page.getByTestId('departments-panel');
  readonly usersPanel = () => this.page.getByTestId('users-panel');
  readonly panel = (panel: AdminPanel) => (panel === 'departments' ? this.departmentsPanel() : this.usersPanel());
  /** The 新增 form under a list (the inline editors are forms too). */
  readonly addForm = (panel: AdminPanel) => this.panel(panel).locator('form[data-form="add"]');
  readonly departmentRow = (code: string) => this.departmentsPanel().locator(`tr[data-department-code="${code}"]`);
  readonly userRow = (username: string) => this.usersPanel().locator(`tr[data-username="${username}"]`);
  readonly departmentError = (path: string) => fieldError(this.addForm('departments'), path);
  readonly departmentBanner = () => errorBanner(this.addForm('departments'));
  readonly userError = (path: string) => fieldError(this.addForm('users'), path);
  /** The line the 新增 form shows after adding. */
  readonly notice = (panel: AdminPanel) => this.addForm(panel).getByTestId('notice');
  /** The line above a list saying what the last change to a row did. */
  readonly changeNotice = (panel: AdminPanel) => this.panel(panel).locator('[data-notice="change"]').getByTestId('notice');

  readonly userAction = (username: string, action: RowAction) => this.userRow(username).locator(`[data-action="${action}"]`);
  readonly departmentAction = (code: string, action: RowAction) => this.departmentRow(code).locator(`[data-action="${action}"]`);
  /** 'true' or 'false': whether the row's account or department is in use. */
  readonly userActive = (username: string) => this.userRow(username).getAttribute('data-active');
  readonly departmentActive = (code: string) => this.departmentRow(code).getAttribute('data-active');
  readonly userRowError = (username: string, path: string) => fieldError(this.userRow(username), path);
  /** The line under a field saying what it did to what was typed (made it lower case). */
  readonly userNote = (path: string) => this.addForm('users').locator(`[data-note-for="${path}"]`);
  /** 停用科室's question, under the department's row. */
  readonly stopQuestion = () => this.departmentsPanel().locator('[data-form="stop-department"]');
  readonly stopConcern = (what: 'patients' | 'staff') => this.stopQuestion().locator(`[data-stop="${what}"]`);

  readonly editor = (panel: AdminPanel, name: EditorName) => this.panel(panel).locator(`form[data-form="${name}"]`);
  readonly editorField = (editor: Locator, path: string) => fieldInput(editor, path);
  readonly editorError = (editor: Locator, path: string) => fieldError(editor, path);
  readonly editorChoice = (editor: Locator, path: string, label: string) => editor.locator(`[data-field="${path}"]`).getByLabel(label, { exact: true });

  /** The contract path of the field that has the cursor, or null. */
  focusedField(): Promise<string | null> {
    return this.page.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field') ?? null);
  }

  /** The `data-action` of the focused button, or null. */
  focusedAction(): Promise<string | null> {
    return this.page.evaluate(() => document.activeElement?.getAttribute('data-action') ?? null);
  }

  /** Code, Enter, name, Enter (to the outpatient box), Enter again: saved. */
  async addDepartment(code: string, name: string): Promise<void> {
    const form = this.addForm('departments');
    await fieldInput(form, 'code').fill(code);
    await fieldInput(form, 'code').press('Enter');
    await this.page.keyboard.type(name);
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.press('Enter');
  }

  async addUser(user: NewUser): Promise<void> {
    const form = this.addForm('users');
    await fieldInput(form, 'username').fill(user.username);
    await this.fillRestOfUser(user);
  }

  /** Everything but the login name (typed by the test itself, key by key, to see what the field says). */
  async fillRestOfUser(user: NewUser): Promise<void> {
    const form = this.addForm('users');
    await fieldInput(form, 'displayName').fill(user.displayName);
    for (const role of user.roles) await form.getByLabel(ROLE_LABELS[role], { exact: true }).check();
    for (const department of user.departments) await form.locator('[data-field="departmentCodes"]').getByLabel(department, { exact: true }).check();
    await fieldInput(form, 'password').fill(user.password);
    await fieldInput(form, 'passwordAgain').fill(user.password);
    await form.getByRole('button', { name: '新增用户' }).click();
  }

  /** 停用 on a department's row: the question appears, naming who it concerns. */
  async askToStopDepartment(code: string): Promise<void> {
    await this.departmentAction(code, 'toggle-active').click();
    await this.stopQuestion().locator('[data-stop="staff"]').waitFor();
  }

  async confirmStop(): Promise<void> {
    await this.stopQuestion().getByRole('button', { name: '确定停用' }).click();
  }

  /** Opens a row's editor and waits for it (it opens with the row's values, the cursor in its first field). */
  async openUserEditor(username: string, name: 'edit-user' | 'password'): Promise<Locator> {
    await this.userAction(username, name === 'edit-user' ? 'edit' : 'password').click();
    const editor = this.editor('users', name);
    await editor.waitFor();
    return editor;
  }

  async openDepartmentEditor(code: string): Promise<Locator> {
    await this.departmentAction(code, 'edit').click();
    const editor = this.editor('departments', 'edit-department');
    await editor.waitFor();
    return editor;
  }

  /** As staff type it: the password, Enter, the password again, Enter (saves). The cursor starts in the first field. */
  async typeNewPassword(password: string, again: string): Promise<void> {
    await this.page.keyboard.type(password);
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.type(again);
    await this.page.keyboard.press('Enter');
  }
}
