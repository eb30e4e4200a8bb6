import { describe, expect, it } from 'vitest';
import { findClashes, findDeclarationProblems } from './clashes';
import { helpFor } from './help-content';
import { DECLARED_SHORTCUTS, SCREEN_IDS, type ShortcutDeclaration } from './keymap';

describe('the keymap', () => {
  it('has no clash: no keys twice in one layer and place, no undeclared shadowing of a lower layer', () => {
    expect(findClashes(DECLARED_SHORTCUTS)).toEqual([]);
  });

  it('declares every shortcut well: unique ids, Chinese descriptions, canonical keys that never steal typing', () => {
    expect(findDeclarationProblems(DECLARED_SHORTCUTS)).toEqual([]);
  });

  it('lists every shortcut in the help of some screen', () => {
    const listed = new Set(SCREEN_IDS.flatMap((screen) => helpFor(screen).groups.flatMap((group) => group.rows.map((row) => row.id))));
    const unlisted = DECLARED_SHORTCUTS.filter((s) => !(s.layer === 'dialog' && s.screen === 'everywhere') && !listed.has(s.id)).map((s) => s.id);
    expect(unlisted).toEqual([]);
  });
});

describe('the clash check', () => {
  const section = (
    id: string,
    keys: string[],
    screen: 'registration' | 'admin' = 'registration',
    extra: Partial<ShortcutDeclaration> = {},
  ): ShortcutDeclaration => ({ id, layer: 'section', screen, keys, description: '测试', ...extra }) as ShortcutDeclaration;
  const global: ShortcutDeclaration = { id: 'home.registration', layer: 'global', on: 'home', keys: ['F1', 'Alt+1'], description: '打开挂号' };

  it('finds the same keys twice on one screen', () => {
    expect(findClashes([section('a', ['F8']), section('b', ['F8'])])).toHaveLength(1);
    expect(findClashes([section('a', ['F8']), section('b', ['F8'], 'admin')])).toEqual([]);
  });

  it('finds a screen key that shadows a global key, unless it declares the override', () => {
    expect(findClashes([global, section('a', ['F1'])])).toHaveLength(1);
    expect(findClashes([global, section('a', ['Alt+1'], 'registration', { overrides: ['home.registration'] })])).toEqual([]);
  });

  it('finds a dialog key that shadows the screen’s, unless declared; a modal dialog may shadow anything', () => {
    const dialog = (extra: Partial<ShortcutDeclaration>): ShortcutDeclaration =>
      ({ id: 'd', layer: 'dialog', dialog: 'editPatient', screen: 'registration', keys: ['Escape'], description: '关闭', ...extra }) as ShortcutDeclaration;
    expect(findClashes([section('esc', ['Escape']), dialog({})])).toHaveLength(1);
    expect(findClashes([section('esc', ['Escape']), dialog({ overrides: ['esc'] })])).toEqual([]);
    expect(findClashes([section('esc', ['Escape']), dialog({ modal: true, screen: 'everywhere', dialog: 'help' })])).toEqual([]);
  });

  it('refuses keys that type a character, reserved keys, odd spellings, and stale overrides', () => {
    const problems = findDeclarationProblems([
      section('a', ['S']),
      section('b', ['F12']),
      section('c', ['Shift+Ctrl+S']),
      section('d', ['F6'], 'registration', { overrides: ['a'] }),
      section('a', ['F7']),
    ]);
    expect(problems.join('\n')).toMatch(/a: “S”会在输入框里打出字来/);
    expect(problems.join('\n')).toMatch(/b: “F12”留给窗口/);
    expect(problems.join('\n')).toMatch(/c: “Shift\+Ctrl\+S”的写法不规范/);
    expect(problems.join('\n')).toMatch(/d: 并没有遮住 a/);
    expect(problems.join('\n')).toMatch(/a: 同一个 id 声明了两次/);
  });
});

describe('the help panel’s content', () => {
  it('shows the global keys and the screen’s own, with its dialogs, on 挂号', () => {
    const help = helpFor('registration');
    const ids = help.groups.flatMap((group) => group.rows.map((row) => row.id));
    expect(ids).toEqual(expect.arrayContaining(['app.help', 'home.admin', 'registration.register', 'editPatient.save', 'merge.back']));
    expect(ids).not.toContain('adminEditor.cancel');
    expect(help.groups.map((group) => group.title)).toEqual(expect.arrayContaining(['本页：挂号', '修改资料时']));
    expect(help.changes.join('')).toContain('F8 已改为');
  });

  it('leaves the section keys out before login', () => {
    const ids = helpFor('login').groups.flatMap((group) => group.rows.map((row) => row.id));
    expect(ids).toContain('app.help');
    expect(ids).not.toContain('home.registration');
    expect(helpFor(null).groups).toHaveLength(1);
  });

  it('shows keys as the user sees them', () => {
    const rows = helpFor('registration').groups.flatMap((group) => group.rows);
    expect(rows.find((row) => row.id === 'registration.escape')?.keys).toEqual(['Esc']);
    expect(rows.find((row) => row.id === 'registration.pickHit')?.keys).toEqual(['↑', '↓']);
  });
});
