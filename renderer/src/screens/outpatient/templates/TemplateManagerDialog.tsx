import { useEffect, useReducer, useRef, useState } from 'react';
import type { TemplateView } from '../../../../../shared/api';
import { NOTE_FIELD_LABELS, NOTE_TEXT_FIELDS, type NoteTextField } from '../../../../../shared/docs/outpatient-note';
import { useClient } from '../../../app/client-context';
import { useShortcuts } from '../../../keyboard/use-shortcuts';
import { Button, Confirm, Dialog, ErrorBanner, SelectField, StatusLine, TextField } from '../../../ui';
import { NoteTextArea } from '../NoteTextArea';
import { PhraseList } from './PhraseList';
import { INITIAL_TEMPLATE_EDITOR, saveInputOf, templateEditorReducer, type TemplateScope } from './template-editor-state';
import { TEMPLATE_TEXT as T } from './text';

interface TemplateManagerProps {
  readonly templates: ReadonlyArray<TemplateView>;
  /** After a save or a delete: the screen reloads its list. */
  readonly onChanged: () => void;
  readonly onClose: () => void;
}

/**
 * 常用模板管理: the doctor's own templates and their department's, each with text for parts of the note
 * and 常用语 per part. A template another doctor owns is listed but read only.
 */
export function TemplateManagerDialog({ templates, onChanged, onClose }: TemplateManagerProps) {
  const client = useClient();
  const [state, dispatch] = useReducer(templateEditorReducer, INITIAL_TEMPLATE_EDITOR);
  const [busy, setBusy] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const draft = state.draft;
  const readOnly = draft?.id ? !templates.find((t) => t.id === draft.id)?.editable : false;
  useShortcuts({ 'noteTemplates.close': onClose }, { modal: true });

  useEffect(() => {
    if (draft && !draft.id) nameInput.current?.focus();
  }, [draft?.id, draft === null]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = async (retired = false) => {
    if (!draft || busy) return;
    setBusy(true);
    const result = await client.api.outpatient.saveTemplate(saveInputOf(draft, retired));
    setBusy(false);
    if (!result.ok) return dispatch({ type: 'failed', error: result.error });
    dispatch(retired ? { type: 'deleted', notice: T.deleted(draft.name) } : { type: 'saved', template: result.value, notice: T.saved(result.value.name) });
    onChanged();
  };

  return (
    <Dialog title={T.title} onClose={onClose} modal size="wide" testId="template-manager">
      <div className="grid max-h-[80vh] grid-cols-[12rem_1fr] gap-3 overflow-auto">
        <div className="grid content-start gap-1" data-testid="template-list">
          <Button tone="secondary" size="small" onClick={() => dispatch({ type: 'new' })} data-action="new-template">
            {T.create}
          </Button>
          {templates.map((t) => (
            <button
              key={t.id}
              type="button"
              data-template={t.name}
              onClick={() => dispatch({ type: 'open', template: t })}
              className={`rounded px-2 py-1 text-left ${draft?.id === t.id ? 'bg-primary-soft font-semibold' : 'hover:bg-surface-muted'}`}
            >
              {t.name}
              <span className="ml-1 text-sm text-muted">{t.scope === 'personal' ? T.personal : T.department}</span>
            </button>
          ))}
          {templates.length === 0 && <p className="text-sm text-muted">{T.empty}</p>}
        </div>
        <div className="grid content-start gap-2">
          <ErrorBanner error={state.error} />
          {state.notice && <StatusLine tone="success">{state.notice}</StatusLine>}
          {!draft ? (
            <p className="text-ink-soft">{T.pick}</p>
          ) : (
            <>
              {readOnly && <p className="text-sm text-muted">{T.readOnly}</p>}
              <div className="flex flex-wrap gap-3">
                <TextField
                  label={T.name}
                  path="templateName"
                  value={draft.name}
                  maxLength={40}
                  readOnly={readOnly}
                  inputRef={nameInput}
                  onChange={(value) => dispatch({ type: 'name', value })}
                />
                <SelectField
                  label={T.scope}
                  path="templateScope"
                  value={draft.scope}
                  options={[
                    { value: 'personal', label: T.personal },
                    { value: 'department', label: T.department },
                  ]}
                  onChange={(value) => dispatch({ type: 'scope', value: value as TemplateScope })}
                />
              </div>
              {NOTE_TEXT_FIELDS.map((field: NoteTextField) => (
                <NoteTextArea
                  key={field}
                  label={NOTE_FIELD_LABELS[field]}
                  path={`template.${field}`}
                  value={draft.fields[field]}
                  readOnly={readOnly}
                  onChange={(value) => dispatch({ type: 'field', field, value })}
                  rows={1}
                />
              ))}
              <PhraseList phrases={draft.phrases} readOnly={readOnly} dispatch={dispatch} />
              {!readOnly && (
                <div className="flex gap-2">
                  <Button onClick={() => void save()} disabled={busy} data-action="save-template">
                    {T.save}
                  </Button>
                  {draft.id && (
                    <Button tone="danger" onClick={() => dispatch({ type: 'askDelete', asking: true })} data-action="delete-template">
                      {T.delete}
                    </Button>
                  )}
                </div>
              )}
              {state.confirmingDelete && (
                <Confirm
                  title={T.deleteQuestion(draft.name)}
                  confirmLabel={T.delete}
                  tone="danger"
                  onConfirm={() => void save(true)}
                  onCancel={() => dispatch({ type: 'askDelete', asking: false })}
                />
              )}
            </>
          )}
        </div>
      </div>
    </Dialog>
  );
}
