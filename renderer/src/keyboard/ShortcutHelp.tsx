import { useRef } from 'react';
import { Button, Dialog } from '../ui';
import { helpFor } from './help-content';
import type { ScreenId } from './keymap';
import { HELP_TEXT as T } from './text';
import { useShortcuts } from './use-shortcuts';

interface ShortcutHelpProps {
  readonly screen: ScreenId | null;
  readonly onClose: () => void;
}

/**
 * 快捷键: the keys that act on the current screen, generated from the keymap, in the toolkit's
 * Dialog: Tab stays inside it, Esc closes it and the cursor goes back where it was. It is the top
 * layer of the keymap: no other key acts while it is open.
 */
export function ShortcutHelp({ screen, onClose }: ShortcutHelpProps) {
  const closeRef = useRef<HTMLButtonElement>(null);
  const content = helpFor(screen);
  useShortcuts({ 'help.close': onClose }, { modal: true });

  return (
    <Dialog title={T.title} onClose={onClose} modal size="wide" initialFocus={closeRef} testId="shortcut-help" data={{ 'data-screen': screen ?? '' }}>
      <div className="grid max-h-[70vh] gap-4 overflow-auto">
        {content.changes.length > 0 && (
          <div data-testid="shortcut-changes" className="rounded-md border border-warning-edge bg-warning-soft px-4 py-2 text-warning-ink">
            <p className="font-medium">{T.changesTitle}</p>
            {content.changes.map((change) => (
              <p key={change}>{change}</p>
            ))}
          </div>
        )}
        {content.groups.map((group) => (
          <section key={group.title} data-help-group={group.title} className="grid gap-1">
            <h3 className="font-semibold text-ink">{group.title}</h3>
            {group.rows.length === 0 ? (
              <p className="text-sm text-muted">{T.noKeys}</p>
            ) : (
              <table className="w-full text-left">
                <thead className="sr-only">
                  <tr>
                    <th>{T.keyColumn}</th>
                    <th>{T.actionColumn}</th>
                  </tr>
                </thead>
                <tbody>
                  {group.rows.map((row) => (
                    <tr key={row.id} data-shortcut={row.id} className="border-t border-divider">
                      <td className="w-40 py-1 pr-4 align-top">
                        {row.keys.map((key, index) => (
                          <span key={key}>
                            {index > 0 && <span className="text-sm text-muted">{T.or}</span>}
                            <kbd className="rounded border border-border bg-surface-muted px-1.5 font-sans text-sm text-ink">{key}</kbd>
                          </span>
                        ))}
                      </td>
                      <td className="py-1 text-ink">{row.description}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        ))}
      </div>
      <div className="flex justify-end">
        <Button ref={closeRef} onClick={onClose}>
          {T.close}
        </Button>
      </div>
    </Dialog>
  );
}
