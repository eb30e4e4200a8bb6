import type { KeyboardEvent } from 'react';

const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

/**
 * Where Tab goes inside a trapped box: past the last element back to the first, before the first
 * back to the last; -1 when focus is outside the box (then it goes to the first, or the last on Shift).
 */
export function trappedTabTarget(current: number, count: number, backwards: boolean): number {
  if (count === 0) return -1;
  if (current < 0) return backwards ? count - 1 : 0;
  return (current + (backwards ? count - 1 : 1)) % count;
}

export function focusableIn(box: HTMLElement): HTMLElement[] {
  return Array.from(box.querySelectorAll<HTMLElement>(FOCUSABLE));
}

/**
 * The keys of a dialog: Tab and Shift+Tab stay inside it, Esc closes it. Neither reaches the screen
 * behind (a dialog is the top layer of the keymap).
 */
export function trapKeys(event: KeyboardEvent<HTMLElement>, onClose: () => void): void {
  if (event.nativeEvent.isComposing) return;
  if (event.key === 'Escape') {
    event.preventDefault();
    event.stopPropagation();
    onClose();
    return;
  }
  if (event.key !== 'Tab') return;
  const items = focusableIn(event.currentTarget);
  const target = items[trappedTabTarget(items.indexOf(document.activeElement as HTMLElement), items.length, event.shiftKey)];
  event.preventDefault();
  event.stopPropagation();
  target?.focus();
}
