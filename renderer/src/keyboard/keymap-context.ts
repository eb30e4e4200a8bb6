import { createContext, useContext } from 'react';
import type { ShortcutId } from './keymap';
import type { ScreenId } from './keymap';

export interface BindingRequest {
  readonly ids: ReadonlyArray<ShortcutId>;
  readonly run: (id: ShortcutId) => void;
  readonly within: (() => Element | null) | null;
  readonly modal: boolean;
}

/** What the one key listener offers the components below it. */
export interface KeymapRuntime {
  /** Adds a binding; returns its removal. */
  readonly bind: (request: BindingRequest) => () => void;
  /** Marks the screen the user is on (for the help panel); returns the unmarking. */
  readonly markScreen: (screen: ScreenId) => () => void;
  readonly openHelp: () => void;
}

export const KeymapContext = createContext<KeymapRuntime | null>(null);

export function useKeymapRuntime(): KeymapRuntime | null {
  return useContext(KeymapContext);
}
