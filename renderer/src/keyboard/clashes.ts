import { isCanonical, typesCharacter } from './chords';
import { LAYER_RANK, screensOf, type ShortcutDeclaration } from './keymap';

/**
 * Keys the keymap must leave alone: the window's own (F10 menu, F11 full screen, F12 developer
 * tools), closing the window, and the editing keys every field needs.
 */
export const RESERVED_CHORDS: ReadonlyArray<string> = [
  'F10',
  'F11',
  'F12',
  'Alt+F4',
  'Ctrl+W',
  'Ctrl+R',
  'Ctrl+A',
  'Ctrl+C',
  'Ctrl+V',
  'Ctrl+X',
  'Ctrl+Z',
  'Ctrl+Y',
  'Tab',
  'Shift+Tab',
];

const CHINESE = /\p{Script=Han}/u;

function sameContext(a: ShortcutDeclaration, b: ShortcutDeclaration): boolean {
  if (a.layer === 'dialog' && b.layer === 'dialog') return a.dialog === b.dialog;
  const screensOfB = screensOf(b);
  return screensOf(a).some((screen) => screensOfB.includes(screen));
}

/**
 * Clashes: the same keys twice in one layer and context (one screen, one dialog, or overlapping
 * screens for global keys), or a key that shadows one of a lower layer on a screen where both act,
 * unless the higher one declares it `overrides` it. A modal dialog shadows everything by design.
 */
export function findClashes(shortcuts: ReadonlyArray<ShortcutDeclaration>): string[] {
  const clashes: string[] = [];
  shortcuts.forEach((a, i) => {
    for (const b of shortcuts.slice(i + 1)) {
      const shared = a.keys.filter((key) => b.keys.includes(key));
      if (shared.length === 0 || !sameContext(a, b)) continue;
      const keys = shared.join('、');
      if (a.layer === b.layer) {
        clashes.push(`${keys}: ${a.id} 和 ${b.id} 在同一层、同一处`);
        continue;
      }
      const [upper, lower] = LAYER_RANK[a.layer] > LAYER_RANK[b.layer] ? [a, b] : [b, a];
      const modal = upper.layer === 'dialog' && upper.modal === true;
      if (!modal && !(upper.overrides ?? []).includes(lower.id)) clashes.push(`${keys}: ${upper.id} 遮住了 ${lower.id}（若是有意的，请在 overrides 中写明）`);
    }
  });
  return clashes;
}

/** Mistakes in single declarations: ids, spelling of keys, keys that would steal typing, stale overrides. */
export function findDeclarationProblems(shortcuts: ReadonlyArray<ShortcutDeclaration>): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const shortcut of shortcuts) {
    if (ids.has(shortcut.id)) problems.push(`${shortcut.id}: 同一个 id 声明了两次`);
    ids.add(shortcut.id);
    if (!CHINESE.test(shortcut.description)) problems.push(`${shortcut.id}: 说明要用中文写给用户看`);
    if (shortcut.keys.length === 0) problems.push(`${shortcut.id}: 没有按键`);
    for (const key of shortcut.keys) {
      if (!isCanonical(key)) problems.push(`${shortcut.id}: “${key}”的写法不规范（修饰键按 Ctrl、Alt、Shift、Meta 的顺序，字母大写）`);
      if (typesCharacter(key)) problems.push(`${shortcut.id}: “${key}”会在输入框里打出字来，不能做快捷键`);
      if (RESERVED_CHORDS.includes(key)) problems.push(`${shortcut.id}: “${key}”留给窗口或编辑使用`);
    }
    for (const overridden of shortcut.overrides ?? []) {
      const target = shortcuts.find((other) => other.id === overridden);
      if (!target) problems.push(`${shortcut.id}: overrides 写了不存在的 ${overridden}`);
      else if (
        !target.keys.some((key) => shortcut.keys.includes(key)) ||
        !sameContext(shortcut, target) ||
        LAYER_RANK[target.layer] >= LAYER_RANK[shortcut.layer]
      )
        problems.push(`${shortcut.id}: 并没有遮住 ${overridden}，overrides 已过时`);
    }
  }
  return problems;
}
