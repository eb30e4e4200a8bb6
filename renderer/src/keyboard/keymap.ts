import { SECTION_IDS, type SectionId } from '../screens/home/sections';
import { HOME_TEXT } from '../screens/home/text';
import type { Chord } from './chords';

/**
 * Every shortcut of the program, in one place. A component never reads keys itself: it names the
 * shortcuts it acts on (`useShortcuts`), and one listener dispatches each press by layer:
 * a dialog's keys first, then the screen's (section), then the global ones.
 * `keymap.test.ts` fails on any clash; the 快捷键 panel is generated from this list.
 */
export type Layer = 'global' | 'section' | 'dialog';

/** The screens a user can be on: the home sections, and the screens before login. */
export type ScreenId = SectionId | 'setup' | 'restore' | 'login';
export const SCREEN_IDS: ReadonlyArray<ScreenId> = [...SECTION_IDS, 'setup', 'restore', 'login'];

/** Parts of a screen that, while open, take some keys for themselves. */
export type DialogId = 'help' | 'editPatient' | 'merge' | 'duplicates' | 'cancelVisit' | 'adminEditor' | 'noteTemplates' | 'notePhrases' | 'amendNote';

export type Placement =
  /** `home`: once logged in, on every section; `everywhere`: also before login. */
  | { readonly layer: 'global'; readonly on: 'home' | 'everywhere' }
  | { readonly layer: 'section'; readonly screen: ScreenId }
  /** A modal dialog (the help panel) takes every key while open, so it shadows the others by design. */
  | { readonly layer: 'dialog'; readonly dialog: DialogId; readonly screen: ScreenId | 'everywhere'; readonly modal?: true };

export type ShortcutDeclaration = Placement & {
  readonly id: string;
  readonly keys: ReadonlyArray<Chord>;
  /** What it does, as the help panel says it. */
  readonly description: string;
  /** A word or two for a screen's always-visible key bar, when the description is longer. */
  readonly short?: string;
  /** Ids of lower-layer shortcuts this one takes the keys of, on purpose. */
  readonly overrides?: ReadonlyArray<string>;
  /**
   * Handled by the focused field itself (Enter walks a form, ↑ ↓ move in the search results):
   * listed in the help and checked for clashes, never dispatched by the listener.
   */
  readonly byField?: true;
};

const openSection = <const Id extends SectionId>(id: Id, key: number) =>
  ({ id: `home.${id}`, layer: 'global', on: 'home', keys: [`F${key}`, `Alt+${key}`], description: `打开“${HOME_TEXT.sections[id]}”` }) as const;

export const SHORTCUTS = [
  { id: 'app.help', layer: 'global', on: 'everywhere', keys: ['Shift+F1'], description: '打开快捷键说明（也可点右下角的“快捷键”按钮）' },
  // Front-desk staff know F-keys from older hospital systems; Alt+digit for laptops whose F-keys are taken.
  openSection('registration', 1),
  openSection('outpatient', 2),
  openSection('records', 3),
  openSection('sync', 4),
  openSection('admin', 5),

  {
    id: 'records.switchTab',
    layer: 'section',
    screen: 'records',
    keys: ['ArrowLeft', 'ArrowRight'],
    byField: true,
    description: '光标在病案室的页签上时，切换到左边或右边的一页',
    short: '换页',
  },

  // F1–F5 open the sections and F10–F12 belong to the window, so the front desk's actions take F6–F9.
  { id: 'registration.readCard', layer: 'section', screen: 'registration', keys: ['F6'], description: '读卡' },
  { id: 'registration.newPatient', layer: 'section', screen: 'registration', keys: ['F7'], description: '新建患者' },
  { id: 'registration.register', layer: 'section', screen: 'registration', keys: ['F8'], description: '挂号' },
  { id: 'registration.printSlip', layer: 'section', screen: 'registration', keys: ['F9'], description: '打印挂号单' },
  {
    id: 'registration.escape',
    layer: 'section',
    screen: 'registration',
    keys: ['Escape'],
    description: '一步步退回：离开表单、清空查找、放下所选患者',
    short: '清空 / 返回',
  },
  {
    id: 'registration.pickHit',
    layer: 'section',
    screen: 'registration',
    keys: ['ArrowUp', 'ArrowDown'],
    byField: true,
    description: '在查找结果中上下选择',
    short: '选择',
  },
  {
    id: 'registration.enter',
    layer: 'section',
    screen: 'registration',
    keys: ['Enter'],
    byField: true,
    description: '在查找框中选中患者；在表单中到下一项',
    short: '下一项',
  },

  { id: 'editPatient.save', layer: 'dialog', dialog: 'editPatient', screen: 'registration', keys: ['Ctrl+S'], description: '保存修改' },
  {
    id: 'editPatient.close',
    layer: 'dialog',
    dialog: 'editPatient',
    screen: 'registration',
    keys: ['Escape'],
    overrides: ['registration.escape'],
    description: '放弃修改（改过资料时要按两次）',
  },
  {
    id: 'editPatient.enter',
    layer: 'dialog',
    dialog: 'editPatient',
    screen: 'registration',
    keys: ['Enter'],
    byField: true,
    overrides: ['registration.enter'],
    description: '到下一项；最后一项保存',
  },
  {
    id: 'merge.back',
    layer: 'dialog',
    dialog: 'merge',
    screen: 'registration',
    keys: ['Escape'],
    overrides: ['registration.escape'],
    description: '退一步：取消确认、关闭比较，再按一次关闭合并',
  },
  {
    id: 'duplicates.back',
    layer: 'dialog',
    dialog: 'duplicates',
    screen: 'registration',
    keys: ['Escape'],
    overrides: ['registration.escape'],
    description: '回到新建表单',
  },
  {
    id: 'cancelVisit.close',
    layer: 'dialog',
    dialog: 'cancelVisit',
    screen: 'registration',
    keys: ['Escape'],
    overrides: ['registration.escape'],
    description: '不退号',
  },

  // The doctor's room: F6–F9 for the queue as at the front desk, Ctrl/Alt chords for the note.
  { id: 'outpatient.callNext', layer: 'section', screen: 'outpatient', keys: ['F6'], description: '叫号：请下一位患者' },
  { id: 'outpatient.recall', layer: 'section', screen: 'outpatient', keys: ['F7'], description: '重呼当前患者' },
  { id: 'outpatient.sign', layer: 'section', screen: 'outpatient', keys: ['F8'], description: '签名病历（输入签名 PIN）' },
  { id: 'outpatient.history', layer: 'section', screen: 'outpatient', keys: ['F9'], description: '打开或关闭既往就诊', short: '既往' },
  { id: 'outpatient.pass', layer: 'section', screen: 'outpatient', keys: ['Alt+G'], description: '过号：患者没来，先放到一边' },
  { id: 'outpatient.putBack', layer: 'section', screen: 'outpatient', keys: ['Alt+H'], description: '回队：过号的患者回来了' },
  { id: 'outpatient.complete', layer: 'section', screen: 'outpatient', keys: ['Alt+J'], description: '结束就诊（病历须已签名并有诊断）' },
  { id: 'outpatient.saveNote', layer: 'section', screen: 'outpatient', keys: ['Ctrl+S'], description: '保存病历' },
  { id: 'outpatient.copyNote', layer: 'section', screen: 'outpatient', keys: ['Alt+C'], description: '复制上次病历为草稿（复制内容须核对）' },
  { id: 'outpatient.copyPrescription', layer: 'section', screen: 'outpatient', keys: ['Alt+R'], description: '复制上次处方' },
  { id: 'outpatient.diagnosis', layer: 'section', screen: 'outpatient', keys: ['Alt+D'], description: '到诊断查找框' },
  { id: 'outpatient.prescription', layer: 'section', screen: 'outpatient', keys: ['Alt+P'], description: '到处方' },
  { id: 'outpatient.log', layer: 'section', screen: 'outpatient', keys: ['Alt+L'], description: '打开门诊日志' },
  { id: 'outpatient.queueFocus', layer: 'section', screen: 'outpatient', keys: ['Alt+Q'], description: '到候诊队列' },
  { id: 'outpatient.back', layer: 'section', screen: 'outpatient', keys: ['Escape'], description: '从既往就诊或门诊日志回到病历', short: '返回' },
  { id: 'outpatient.templates', layer: 'section', screen: 'outpatient', keys: ['Alt+M'], description: '管理常用模板和常用语', short: '模板' },
  {
    id: 'outpatient.phrases',
    layer: 'section',
    screen: 'outpatient',
    keys: ['Alt+Y'],
    description: '在光标处插入常用语（列出正在写的这一项的常用语）',
    short: '常用语',
  },
  {
    id: 'outpatient.amend',
    layer: 'section',
    screen: 'outpatient',
    keys: ['Alt+E'],
    description: '更正已签名的病历（写明原因，用签名 PIN 签名）',
    short: '更正',
  },
  // The doctor's own dialogs take every key while open: F6 must not call the next patient from under a form.
  { id: 'noteTemplates.close', layer: 'dialog', dialog: 'noteTemplates', screen: 'outpatient', modal: true, keys: ['Escape'], description: '关闭常用模板' },
  { id: 'notePhrases.close', layer: 'dialog', dialog: 'notePhrases', screen: 'outpatient', modal: true, keys: ['Escape'], description: '不插入，回到病历' },
  { id: 'amendNote.close', layer: 'dialog', dialog: 'amendNote', screen: 'outpatient', modal: true, keys: ['Escape'], description: '不更正，关闭更正表' },
  {
    id: 'outpatient.pickHit',
    layer: 'section',
    screen: 'outpatient',
    keys: ['ArrowUp', 'ArrowDown', 'Enter'],
    byField: true,
    description: '在诊断或药品查找结果中上下选择，Enter 选中',
    short: '选择',
  },

  { id: 'admin.enter', layer: 'section', screen: 'admin', keys: ['Enter'], byField: true, description: '在表单中到下一项；最后一项添加' },
  { id: 'adminEditor.cancel', layer: 'dialog', dialog: 'adminEditor', screen: 'admin', keys: ['Escape'], description: '不保存，关闭编辑框' },
  {
    id: 'adminEditor.enter',
    layer: 'dialog',
    dialog: 'adminEditor',
    screen: 'admin',
    keys: ['Enter'],
    byField: true,
    overrides: ['admin.enter'],
    description: '到下一项；最后一项保存',
  },

  { id: 'sync.enter', layer: 'section', screen: 'sync', keys: ['Enter'], byField: true, description: '在同步设置中到下一项；最后一项保存' },
  { id: 'login.enter', layer: 'section', screen: 'login', keys: ['Enter'], byField: true, description: '到下一项；在密码框中登录' },
  { id: 'setup.back', layer: 'section', screen: 'setup', keys: ['Escape'], description: '回到上一步' },
  { id: 'setup.enter', layer: 'section', screen: 'setup', keys: ['Enter'], byField: true, description: '到下一项；最后一项进入下一步' },
  { id: 'restore.cancel', layer: 'section', screen: 'restore', keys: ['Escape'], description: '不恢复，回到设置向导' },
  { id: 'restore.enter', layer: 'section', screen: 'restore', keys: ['Enter'], byField: true, description: '到下一项；最后一项开始恢复' },

  { id: 'help.close', layer: 'dialog', dialog: 'help', screen: 'everywhere', modal: true, keys: ['Escape', 'Shift+F1'], description: '关闭快捷键说明' },
] as const satisfies ReadonlyArray<ShortcutDeclaration>;

export type ShortcutId = (typeof SHORTCUTS)[number]['id'];

/** The same list, seen through the declaration type (for code that walks all of it). */
export const DECLARED_SHORTCUTS: ReadonlyArray<ShortcutDeclaration> = SHORTCUTS;

/**
 * Keys that changed meaning, told in the help panel of the screen concerned so that staff who
 * learned the old key find the new one.
 */
export const KEY_CHANGES: ReadonlyArray<{ readonly screen: ScreenId; readonly text: string }> = [
  { screen: 'registration', text: 'F8 已改为只用于挂号：修改资料时请按 Ctrl+S 保存（在修改资料时按 F8 会提示先保存）。' },
];

export const SCREEN_NAMES: Readonly<Record<ScreenId, string>> = {
  ...HOME_TEXT.sections,
  setup: '设置向导',
  restore: '从县级服务器恢复',
  login: '登录',
};

export const DIALOG_NAMES: Readonly<Record<DialogId, string>> = {
  help: '快捷键说明',
  editPatient: '修改资料时',
  merge: '合并重复档案时',
  duplicates: '提示可能重复时',
  cancelVisit: '退号时',
  adminEditor: '修改或重设密码的编辑框中',
  noteTemplates: '管理常用模板时',
  notePhrases: '选择常用语时',
  amendNote: '更正病历时',
};

const BY_ID: ReadonlyMap<string, ShortcutDeclaration> = new Map(DECLARED_SHORTCUTS.map((shortcut) => [shortcut.id, shortcut]));

export function shortcut(id: ShortcutId): ShortcutDeclaration {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`no shortcut ${id}`);
  return found;
}

/** The shortcut that opens a home section (F1–F5, Alt+1–5). */
export function sectionShortcut(id: SectionId): ShortcutDeclaration {
  return shortcut(`home.${id}`);
}

/** The screens on which a shortcut can act. */
export function screensOf(declaration: Placement): ReadonlyArray<ScreenId> {
  switch (declaration.layer) {
    case 'global':
      return declaration.on === 'home' ? SECTION_IDS : SCREEN_IDS;
    case 'section':
      return [declaration.screen];
    case 'dialog':
      return declaration.screen === 'everywhere' ? SCREEN_IDS : [declaration.screen];
  }
}

/** Precedence: a dialog's keys before the screen's, the screen's before the global ones. */
export const LAYER_RANK: Readonly<Record<Layer, number>> = { global: 0, section: 1, dialog: 2 };
