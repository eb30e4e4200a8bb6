import { useState, type Dispatch } from 'react';
import type { NotePhrase } from '../../../../../shared/docs/note-template';
import { NOTE_FIELD_LABELS, NOTE_TEXT_FIELDS, type NoteTextField } from '../../../../../shared/docs/outpatient-note';
import { Button, KeyboardForm, SelectField, TextField } from '../../../ui';
import type { TemplateEditorAction } from './template-editor-state';
import { TEMPLATE_TEXT as T } from './text';

const SECTION_OPTIONS = [{ value: '', label: T.everySection }, ...NOTE_TEXT_FIELDS.map((f) => ({ value: f, label: NOTE_FIELD_LABELS[f] }))];
const sectionOf = (value: string): NoteTextField | null => (value === '' ? null : (value as NoteTextField));

/** A template's 常用语: each with the part of the note it is offered in; Enter in the new one adds it. */
export function PhraseList({
  phrases,
  readOnly,
  dispatch,
}: {
  readonly phrases: ReadonlyArray<NotePhrase>;
  readonly readOnly: boolean;
  readonly dispatch: Dispatch<TemplateEditorAction>;
}) {
  const [text, setText] = useState('');
  const [section, setSection] = useState('');
  const add = () => {
    dispatch({ type: 'addPhrase', phrase: { section: sectionOf(section), text } });
    setText('');
  };
  return (
    <fieldset className="grid gap-1" data-testid="template-phrases">
      <legend className="font-medium">{T.phrases}</legend>
      {phrases.length === 0 && <p className="text-sm text-muted">{T.noPhrases}</p>}
      <ul className="grid gap-1">
        {phrases.map((phrase, index) => (
          <li key={`${phrase.section ?? ''}:${phrase.text}`} className="flex items-center gap-2" data-phrase-row={phrase.text}>
            <span className="w-20 text-sm text-muted">{phrase.section ? NOTE_FIELD_LABELS[phrase.section] : T.everySection}</span>
            <span className="flex-1">{phrase.text}</span>
            {!readOnly && (
              <Button tone="ghost" size="small" onClick={() => dispatch({ type: 'removePhrase', index })}>
                {T.removePhrase}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <KeyboardForm onSubmit={add} className="flex flex-wrap items-end gap-2">
          <SelectField label={T.phraseSection} path="phraseSection" value={section} options={SECTION_OPTIONS} onChange={setSection} />
          <TextField label={T.newPhrase} path="newPhrase" value={text} maxLength={200} onChange={setText} />
          <Button type="submit" tone="secondary" size="small" data-action="add-phrase">
            {T.addPhrase}
          </Button>
        </KeyboardForm>
      )}
    </fieldset>
  );
}
