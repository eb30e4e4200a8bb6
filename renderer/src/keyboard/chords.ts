/**
 * A chord is one key press written the way the keymap declares it: modifiers in a fixed order
 * (Ctrl, Alt, Shift, Meta), then the key, e.g. `F8`, `Shift+F1`, `Alt+1`, `Ctrl+S`, `Escape`.
 * One spelling per press, so the keymap and a live event compare as plain strings.
 */
export type Chord = string;

export interface KeyPress {
  readonly key: string;
  /** Physical key; optional because a synthetic press may not carry it. */
  readonly code?: string;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
  readonly metaKey: boolean;
}

const MODIFIER_KEYS = new Set(['Control', 'Alt', 'Shift', 'Meta', 'AltGraph', 'CapsLock']);

/** The chord of a key press, or null for a bare modifier. */
export function chordOf(press: KeyPress): Chord | null {
  if (MODIFIER_KEYS.has(press.key)) return null;
  const parts: string[] = [];
  if (press.ctrlKey) parts.push('Ctrl');
  if (press.altKey) parts.push('Alt');
  if (press.shiftKey) parts.push('Shift');
  if (press.metaKey) parts.push('Meta');
  parts.push(keyName(press));
  return parts.join('+');
}

/**
 * Letters and digits are read from the physical key: with Alt held, some layouts report another
 * character for the digit row (macOS: Alt+1 is `¡`), and Ctrl+S should not depend on Caps Lock.
 */
function keyName(press: KeyPress): string {
  const physical = /^(?:Key([A-Z])|Digit([0-9]))$/.exec(press.code ?? '');
  if (physical) return physical[1] ?? physical[2] ?? press.key;
  return press.key.length === 1 ? press.key.toUpperCase() : press.key;
}

/** True when the chord types a character into a field (a letter, digit or sign with at most Shift). */
export function typesCharacter(chord: Chord): boolean {
  const parts = chord.split('+');
  const key = parts.pop() ?? '';
  return [...key].length === 1 && parts.every((modifier) => modifier === 'Shift');
}

/** True when the chord is written in the one spelling `chordOf` produces. */
export function isCanonical(chord: Chord): boolean {
  const parts = chord.split('+');
  const key = parts.pop() ?? '';
  const order = ['Ctrl', 'Alt', 'Shift', 'Meta'];
  const indexes = parts.map((modifier) => order.indexOf(modifier));
  const ordered = indexes.every((index, i) => index >= 0 && (i === 0 || index > (indexes[i - 1] ?? -1)));
  const keyOk =
    key.length === 1
      ? key === key.toUpperCase()
      : /^(?:F[1-9]|F1[0-2]|Escape|Enter|Tab|Backspace|Delete|Insert|Home|End|PageUp|PageDown|Arrow(?:Up|Down|Left|Right)| )$/.test(key);
  return ordered && keyOk && !MODIFIER_KEYS.has(key);
}

const KEY_LABELS: Readonly<Record<string, string>> = { Escape: 'Esc', ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', ' ': '空格' };

/** How a chord is shown to the user: `Esc`, `↑`, `Shift+F1`. */
export function chordLabel(chord: Chord): string {
  return chord
    .split('+')
    .map((part) => KEY_LABELS[part] ?? part)
    .join('+');
}
