import { REG_TEXT } from './text';

const T = REG_TEXT.keys;

const KEYS: ReadonlyArray<readonly [string, string]> = [
  ['F6', T.readCard],
  ['F7', T.newPatient],
  ['F8', T.register],
  ['F9', T.printSlip],
  ['Esc', T.escape],
  ['↑ ↓', T.arrows],
  ['Enter', T.enter],
];

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
