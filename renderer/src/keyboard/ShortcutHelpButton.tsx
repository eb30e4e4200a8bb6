import { useKeymapRuntime } from './keymap-context';
import { HELP_TEXT as T } from './text';

/** The visible way to the 快捷键 panel, for whoever does not know Shift+F1. */
export function ShortcutHelpButton({ className }: { readonly className?: string }) {
  const runtime = useKeymapRuntime();
  if (runtime === null) return null;
  return (
    <button type="button" data-testid="shortcut-help-open" title={T.buttonHint} onClick={runtime.openHelp} className={className}>
      {T.button}
    </button>
  );
}
