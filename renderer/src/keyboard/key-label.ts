import { chordLabel } from './chords';
import { shortcut, type ShortcutId } from './keymap';

/**
 * The key of a shortcut as the screens name it in their words (挂号（F8）): read from the keymap, so
 * a key moved there is moved in every sentence that tells the user to press it.
 */
export function keyLabel(id: ShortcutId): string {
  return chordLabel(shortcut(id).keys[0]);
}
