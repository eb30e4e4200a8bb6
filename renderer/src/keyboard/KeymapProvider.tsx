import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { chordOf } from './chords';
import { pickShortcut, type Binding } from './dispatch';
import type { ScreenId } from './keymap';
import { KeymapContext, type BindingRequest, type KeymapRuntime } from './keymap-context';
import { ShortcutHelp } from './ShortcutHelp';

type LiveBinding = Binding & Pick<BindingRequest, 'run'>;

/**
 * The one key listener of the window, and the 快捷键 panel. Mounted once around the whole app;
 * components take part through `useShortcuts` and `useKeymapScreen`.
 */
export function KeymapProvider({ children }: { readonly children: ReactNode }) {
  const bindings = useRef<LiveBinding[]>([]);
  const nextOrder = useRef(0);
  const [screens, setScreens] = useState<ReadonlyArray<{ readonly token: number; readonly screen: ScreenId }>>([]);
  const [helpOpen, setHelpOpen] = useState(false);

  const runtime = useMemo<KeymapRuntime>(
    () => ({
      bind: (request) => {
        const binding: LiveBinding = { ...request, order: nextOrder.current++ };
        bindings.current = [...bindings.current, binding];
        return () => {
          bindings.current = bindings.current.filter((each) => each !== binding);
        };
      },
      markScreen: (screen) => {
        const token = nextOrder.current++;
        setScreens((current) => [...current, { token, screen }]);
        return () => setScreens((current) => current.filter((each) => each.token !== token));
      },
      openHelp: () => setHelpOpen(true),
    }),
    [],
  );

  useEffect(() => runtime.bind({ ids: ['app.help'], run: () => setHelpOpen(true), within: null, modal: false }), [runtime]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // While a Chinese input method composes a word, Enter, Esc and digits belong to it (keyCode 229
      // is how some input methods mark those presses); a field that handled a press itself keeps it.
      if (event.isComposing || event.keyCode === 229 || event.defaultPrevented) return;
      const chord = chordOf(event);
      if (chord === null) return;
      const picked = pickShortcut(chord, bindings.current, event.target instanceof Node ? event.target : null);
      if (picked === null) return;
      // F-keys also mean something to the browser (F1 help, F5 reload): the program's meaning wins.
      event.preventDefault();
      picked.binding.run(picked.id);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const screen = screens[screens.length - 1]?.screen ?? null;
  return (
    <KeymapContext.Provider value={runtime}>
      {children}
      {helpOpen && <ShortcutHelp screen={screen} onClose={() => setHelpOpen(false)} />}
    </KeymapContext.Provider>
  );
}
