import { chordLabel } from '../../keyboard/chords';
import { DECLARED_SHORTCUTS } from '../../keyboard/keymap';

/** The screen's own keys from the keymap (F6–F9, Esc, ↑ ↓, Enter), in the order declared there. */
const KEYS = DECLARED_SHORTCUTS.flatMap((s) =>
  s.layer === 'section' && s.screen === 'registration' ? [[s.keys.map(chordLabel).join(' '), s.short ?? s.description] as const] : [],
);

/** The screen's keys, always in sight: staff learn them from here, not from a manual. */
export function KeyBar() {
  return (
    <p data-testid="key-bar" className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-ink-soft">
      {KEYS.map(([key, label]) => (
        <span key={key}>
          <kbd className="mr-1 rounded border border-border bg-surface px-1.5 font-sans text-xs text-ink-soft">{key}</kbd>
          {label}
        </span>
      ))}
    </p>
  );
}
