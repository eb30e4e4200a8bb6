import { useEffect, useRef } from 'react';
import { helpFor } from './help-content';
import type { ScreenId } from './keymap';
import { HELP_TEXT as T } from './text';
import { useShortcuts } from './use-shortcuts';

interface ShortcutHelpProps {
  readonly screen: ScreenId | null;
  readonly onClose: () => void;
}

/**
 * 快捷键: the keys that act on the current screen, generated from the keymap. A small modal of its
 * own (no other key acts while it is open); Esc closes it and the cursor goes back where it was.
 */
export function ShortcutHelp({ screen, onClose }: ShortcutHelpProps) {
  const closeRef = useRef<HTMLButtonElement>(null);
  const content = helpFor(screen);
  useShortcuts({ 'help.close': onClose }, { modal: true });

  useEffect(() => {
    const before = document.activeElement;
    closeRef.current?.focus();
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);

  return (
    <div
      className="fixed inset-0 z-50 flex items-start justify-center overflow-auto bg-ink/40 p-8"
      onMouseDown={(event) => event.target === event.currentTarget && onClose()}
    >
      <section
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcut-help-title"
        data-testid="shortcut-help"
        data-screen={screen ?? ''}
        className="grid w-full max-w-2xl gap-4 rounded-lg bg-white p-6 shadow-xl"
      >
        <header className="flex items-center gap-4">
          <h2 id="shortcut-help-title" className="text-xl font-semibold">
            {T.title}
          </h2>
          <span className="flex-1" />
          <button ref={closeRef} type="button" onClick={onClose} className="rounded-md border border-border px-3 py-1 text-ink-soft hover:bg-canvas">
            {T.close}
          </button>
        </header>
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
      </section>
    </div>
  );
}
