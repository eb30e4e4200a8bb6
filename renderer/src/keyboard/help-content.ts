import { chordLabel } from './chords';
import { DIALOG_NAMES, KEY_CHANGES, DECLARED_SHORTCUTS, SCREEN_NAMES, screensOf, type ScreenId, type ShortcutDeclaration } from './keymap';
import { HELP_TEXT as T } from './text';

export interface HelpRow {
  readonly id: string;
  readonly keys: ReadonlyArray<string>;
  readonly description: string;
}

export interface HelpGroup {
  readonly title: string;
  readonly rows: ReadonlyArray<HelpRow>;
}

export interface HelpContent {
  readonly groups: ReadonlyArray<HelpGroup>;
  /** Keys that changed meaning on this screen. */
  readonly changes: ReadonlyArray<string>;
}

const rowOf = (shortcut: ShortcutDeclaration): HelpRow => ({ id: shortcut.id, keys: shortcut.keys.map(chordLabel), description: shortcut.description });

/**
 * The help panel's content for a screen (null: not known, e.g. while starting): the global keys
 * that act there, the screen's own keys, then the keys of each part that can open on it.
 */
export function helpFor(screen: ScreenId | null): HelpContent {
  const globals = DECLARED_SHORTCUTS.filter((s) => s.layer === 'global' && (screen === null ? s.on === 'everywhere' : screensOf(s).includes(screen)));
  const groups: HelpGroup[] = [{ title: T.globalGroup, rows: globals.map(rowOf) }];
  if (screen !== null) {
    const own = DECLARED_SHORTCUTS.filter((s) => s.layer === 'section' && s.screen === screen);
    groups.push({ title: T.screenGroup(SCREEN_NAMES[screen]), rows: own.map(rowOf) });
    const dialogs = DECLARED_SHORTCUTS.flatMap((s) => (s.layer === 'dialog' && s.screen === screen ? [s] : []));
    for (const dialog of new Set(dialogs.map((s) => s.dialog))) {
      groups.push({ title: DIALOG_NAMES[dialog], rows: dialogs.filter((s) => s.dialog === dialog).map(rowOf) });
    }
  }
  const changes = KEY_CHANGES.filter((change) => change.screen === screen).map((change) => change.text);
  return { groups, changes };
}
