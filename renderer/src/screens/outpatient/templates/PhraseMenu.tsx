import { useRef, type KeyboardEvent } from 'react';
import { NOTE_FIELD_LABELS, type NoteTextField } from '../../../../../shared/docs/outpatient-note';
import { keyLabel } from '../../../keyboard/key-label';
import { useShortcuts } from '../../../keyboard/use-shortcuts';
import { Dialog } from '../../../ui';
import { TEMPLATE_TEXT as T } from './text';

interface PhraseMenuProps {
  readonly field: NoteTextField;
  readonly phrases: ReadonlyArray<string>;
  readonly onPick: (phrase: string) => void;
  readonly onClose: () => void;
}

/** 常用语 for the part being written: ↑ ↓ choose, Enter inserts at the cursor, Esc goes back to the note. */
export function PhraseMenu({ field, phrases, onPick, onClose }: PhraseMenuProps) {
  const list = useRef<HTMLUListElement>(null);
  useShortcuts({ 'notePhrases.close': onClose }, { modal: true });
  const move = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const buttons = [...(list.current?.querySelectorAll('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    buttons[(at + (event.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length]?.focus();
  };
  return (
    <Dialog title={T.menuTitle(NOTE_FIELD_LABELS[field])} onClose={onClose} modal testId="phrase-menu">
      {phrases.length === 0 ? (
        <p className="text-ink-soft">{T.menuEmpty(keyLabel('outpatient.templates'))}</p>
      ) : (
        <ul ref={list} className="grid gap-1" onKeyDown={move}>
          {phrases.map((phrase) => (
            <li key={phrase}>
              <button
                type="button"
                className="w-full rounded px-2 py-1 text-left hover:bg-surface-muted focus:bg-primary-soft"
                onClick={() => onPick(phrase)}
                data-phrase={phrase}
              >
                {phrase}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
