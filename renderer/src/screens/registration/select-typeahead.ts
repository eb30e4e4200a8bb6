/**
 * Typing in a drop-down, as staff do in older systems: the first letters of the option's pinyin
 * ("hz" → 汉族, "nk" → 03 内科, "cz" → 城镇职工医保). A browser's own type-ahead matches the label's
 * first character only, which for a Chinese label no keyboard letter ever does.
 */
import type { KeyboardEvent } from 'react';
import { pinyin } from 'pinyin-pro';

const initialsCache = new Map<string, string>();

/** `汉族` → `hz`; `03 内科` → `nk`: the pinyin initials of the Chinese characters, other letters kept, the rest dropped. */
export function initialsOf(label: string): string {
  let initials = initialsCache.get(label);
  if (initials === undefined) {
    const firsts = pinyin(label, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' });
    initials = firsts
      .join('')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
    initialsCache.set(label, initials);
  }
  return initials;
}

/**
 * The option the typed letters choose, or -1. A single letter typed again goes on to the next option
 * with that initial (汉族 → 回族 …), as the browser does with first characters.
 */
export function optionByInitials(labels: ReadonlyArray<string>, typed: string, current: number): number {
  if (typed === '') return -1;
  const repeat = /^(.)\1*$/.test(typed);
  const wanted = repeat ? typed[0] : typed;
  const start = repeat ? current + 1 : 0;
  for (let step = 0; step < labels.length; step += 1) {
    const index = (start + step) % labels.length;
    if (initialsOf(labels[index]).startsWith(wanted)) return index;
  }
  return -1;
}

/** Letters typed within this long of each other make one word. */
const TYPING_PAUSE_MS = 900;
const typing = new WeakMap<HTMLSelectElement, { text: string; at: number }>();

/** A container's onKeyDown: letters typed on a drop-down inside it choose by pinyin initials. */
export function chooseByInitials(event: KeyboardEvent<HTMLElement>): void {
  const select = event.target;
  if (!(select instanceof HTMLSelectElement) || event.altKey || event.ctrlKey || event.metaKey) return;
  if (!/^[a-zA-Z]$/.test(event.key)) return;
  event.preventDefault();
  const now = event.timeStamp;
  const last = typing.get(select);
  const text = (last && now - last.at < TYPING_PAUSE_MS ? last.text : '') + event.key.toLowerCase();
  typing.set(select, { text, at: now });
  const labels = Array.from(select.options, (option) => (option.value === '' ? '' : option.label));
  const index = optionByInitials(labels, text, select.selectedIndex);
  if (index < 0 || index === select.selectedIndex) return;
  // React listens to the native change event of a select: set the value as the browser would and tell it.
  const setValue = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set;
  setValue?.call(select, select.options[index].value);
  select.dispatchEvent(new Event('change', { bubbles: true }));
}
