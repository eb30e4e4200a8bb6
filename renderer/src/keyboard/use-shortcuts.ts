import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import type { ScreenId, ShortcutId } from './keymap';
import { useKeymapRuntime } from './keymap-context';

export type ShortcutHandlers = Partial<Readonly<Record<ShortcutId, () => void>>>;

export interface ShortcutOptions {
  /** Act only on presses inside this element (the cursor is in the editor). */
  readonly within?: RefObject<Element | null>;
  /** False while the shortcuts should rest (e.g. during a save). */
  readonly enabled?: boolean;
  /** While mounted, no other shortcut acts (the help panel). */
  readonly modal?: boolean;
}

/**
 * Acts on the named shortcuts of the keymap while the component is mounted. The keys themselves
 * are declared in `keymap.ts`; the handlers always see the component's latest state.
 */
export function useShortcuts(handlers: ShortcutHandlers, options: ShortcutOptions = {}): void {
  const runtime = useKeymapRuntime();
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  const ids = (Object.keys(handlers) as ShortcutId[]).filter((id) => handlers[id] !== undefined).sort();
  const idsKey = ids.join(' ');
  const enabled = options.enabled ?? true;
  const modal = options.modal ?? false;
  const within = options.within;
  useEffect(() => {
    if (runtime === null || !enabled) return;
    return runtime.bind({
      ids: idsKey === '' ? [] : (idsKey.split(' ') as ShortcutId[]),
      run: (id) => latest.current[id]?.(),
      within: within ? () => within.current : null,
      modal,
    });
  }, [runtime, idsKey, enabled, modal, within]);
}

/** Tells the help panel which screen the user is on. */
export function useKeymapScreen(screen: ScreenId): void {
  const runtime = useKeymapRuntime();
  useEffect(() => runtime?.markScreen(screen), [runtime, screen]);
}
