import type { KeyboardEvent } from 'react';

const FIELD_SELECTOR = 'input:not([type=hidden]):not([disabled]):not([readonly]), select:not([disabled])';

/**
 * Front-desk habit from older systems: Enter moves to the next field, and Enter in the last field
 * goes on (next step, or submit). Attach to a container's onKeyDown. Buttons keep their own Enter.
 */
export function advanceOnEnter(event: KeyboardEvent<HTMLElement>, onLastField: () => void): void {
  if (event.key !== 'Enter' || event.altKey || event.ctrlKey || event.metaKey) return;
  // Chinese input methods use Enter to confirm the pinyin being composed: that Enter is not ours.
  if (event.nativeEvent.isComposing) return;
  const target = event.target;
  if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
  event.preventDefault();
  // A field marked data-enter-skip was filled for the user (sex and birth date from the ID number):
  // Enter passes it by, Tab and Shift+Tab still reach it.
  const fields = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(FIELD_SELECTOR)).filter(
    (f) => f === target || !f.hasAttribute('data-enter-skip'),
  );
  const next = fields[fields.indexOf(target) + 1];
  if (next) {
    next.focus();
    if (next instanceof HTMLInputElement && next.type !== 'checkbox') next.select();
  } else {
    onLastField();
  }
}

/** Focuses the first field in a container, e.g. when a step or form appears. */
export function focusFirstField(container: HTMLElement | null): void {
  container?.querySelector<HTMLElement>(FIELD_SELECTOR)?.focus();
}
