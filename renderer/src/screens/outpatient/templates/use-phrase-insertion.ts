import { useState } from 'react';
import type { TemplateView } from '../../../../../shared/api';
import { NOTE_TEXT_FIELDS, type NoteTextField } from '../../../../../shared/docs/outpatient-note';
import { insertPhraseAt } from '../note-form';
import { phrasesFor } from './template-editor-state';

/** Where the phrase goes: the part of the note, its text area and the selection when Alt+Y was pressed. */
interface PhraseTarget {
  readonly field: NoteTextField;
  readonly area: HTMLTextAreaElement;
  readonly start: number;
  readonly end: number;
}

const isNoteField = (value: string | undefined): value is NoteTextField => (NOTE_TEXT_FIELDS as ReadonlyArray<string>).includes(value ?? '');

/**
 * 常用语 at the cursor: `open` reads which part of the note has the cursor (null: none, say so),
 * `pick` writes the phrase there and puts the cursor after it once the menu has closed.
 */
export function usePhraseInsertion(templates: ReadonlyArray<TemplateView>, write: (field: NoteTextField, text: string) => void) {
  const [target, setTarget] = useState<PhraseTarget | null>(null);

  const open = (): boolean => {
    const area = document.activeElement;
    if (!(area instanceof HTMLTextAreaElement) || area.readOnly || !area.closest('[data-testid="note-editor"]')) return false;
    const field = area.closest<HTMLElement>('[data-field]')?.dataset.field;
    if (!isNoteField(field)) return false;
    setTarget({ field, area, start: area.selectionStart, end: area.selectionEnd });
    return true;
  };

  const pick = (phrase: string) => {
    if (!target) return;
    const { text, caret } = insertPhraseAt(target.area.value, target.start, target.end, phrase);
    write(target.field, text);
    setTarget(null);
    // The menu gives the cursor back to the text area as it closes; then it goes after the phrase.
    requestAnimationFrame(() => target.area.setSelectionRange(caret, caret));
  };

  return {
    target: target && { field: target.field, phrases: phrasesFor(templates, target.field) },
    open,
    pick,
    close: () => setTarget(null),
  };
}
