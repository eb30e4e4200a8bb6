import type { Dispatch } from 'react';
import type { TemplateView } from '../../../../shared/api';
import { NOTE_FIELD_LABELS, NOTE_TEXT_FIELDS } from '../../../../shared/docs/outpatient-note';
import { clinicTime } from '../../../../shared/time/clinic-time';
import { useClinicZone } from '../../app/clinic-clock';
import { keyLabel } from '../../keyboard/key-label';
import { Button, Panel, SelectField, TextField } from '../../ui';
import { AMEND_TEXT } from './amend/text';
import { applyTemplate } from './note-form';
import { NoteTextArea } from './NoteTextArea';
import type { OutpatientAction, OutpatientState } from './outpatient-state';
import { TEMPLATE_TEXT } from './templates/text';
import { OUTPATIENT_TEXT } from './text';
import { VitalsFields } from './VitalsFields';

const T = OUTPATIENT_TEXT;

/** What the note's buttons do; each is also a shortcut of the keymap (the label says which). */
export interface NoteCommands {
  readonly save: () => void;
  readonly sign: () => void;
  readonly complete: () => void;
  readonly copyNote: () => void;
  readonly copyPrescription: () => void;
  readonly manageTemplates: () => void;
  readonly phrases: () => void;
  readonly amend: () => void;
}

/** 门诊病历: the toolbar (templates, copies, 常用语), the note's parts, onset, vital signs and the note's actions. */
export function NoteEditor(props: {
  readonly state: OutpatientState;
  readonly dispatch: Dispatch<OutpatientAction>;
  readonly editable: boolean;
  readonly templates: ReadonlyArray<TemplateView>;
  readonly commands: NoteCommands;
}) {
  const { state, dispatch, editable, templates, commands } = props;
  const zone = useClinicZone();
  const chart = state.chart!;
  const signed = chart.note?.status === 'signed';
  const marks = new Set(state.form.copyMarks.filter((m) => !m.proofread).map((m) => m.field));
  return (
    <Panel title={T.note.title} testId="note-editor">
      {!editable && <p className="text-ink-soft">{signed ? T.note.signed : T.note.notInRoom}</p>}
      <div className="flex flex-wrap items-end gap-2">
        {editable && (
          <>
            <SelectField
              label={T.note.templates}
              path="template"
              value=""
              placeholder={T.note.noTemplate}
              options={templates.map((t) => ({ value: t.id, label: t.name }))}
              onChange={(id) => {
                const template = templates.find((t) => t.id === id);
                if (template) dispatch({ type: 'form', form: applyTemplate(state.form, template.fields) });
              }}
            />
            <Button tone="ghost" size="small" onClick={commands.phrases} data-action="phrases">
              {TEMPLATE_TEXT.insert(keyLabel('outpatient.phrases'))}
            </Button>
            <Button tone="ghost" size="small" onClick={commands.copyNote}>
              {T.note.copyNote}
            </Button>
            <Button tone="ghost" size="small" onClick={commands.copyPrescription}>
              {T.note.copyPrescription}
            </Button>
          </>
        )}
        <Button tone="ghost" size="small" onClick={commands.manageTemplates} data-action="manage-templates">
          {TEMPLATE_TEXT.manage(keyLabel('outpatient.templates'))}
        </Button>
        {signed && (
          <Button tone="secondary" size="small" onClick={commands.amend} data-action="amend">
            {AMEND_TEXT.open(keyLabel('outpatient.amend'))}
          </Button>
        )}
      </div>
      {/* Two parts side by side on a 1366-wide screen: the whole note fits in less scrolling. */}
      <div className="grid gap-x-4 gap-y-2 xl:grid-cols-2">
        {NOTE_TEXT_FIELDS.map((field) => (
          <NoteTextArea
            key={field}
            label={NOTE_FIELD_LABELS[field]}
            path={field}
            value={state.form.text[field]}
            onChange={(value) => dispatch({ type: 'text', field, value })}
            readOnly={!editable}
            copied={marks.has(field)}
            onProofread={() => dispatch({ type: 'proofread', field })}
            rows={field === 'present_illness' || field === 'physical_exam' ? 3 : 2}
          />
        ))}
      </div>
      <TextField
        label={T.note.onset}
        path="onset_date"
        type="date"
        value={state.form.onsetDate}
        onChange={(value) => dispatch({ type: 'onset', value })}
        readOnly={!editable}
        optional
      />
      <VitalsFields form={state.form} errors={state.fieldErrors} readOnly={!editable} onChange={(key, value) => dispatch({ type: 'vital', key, value })} />
      <div className="flex flex-wrap items-center gap-3">
        {editable && (
          <Button onClick={commands.save} data-action="save-note">
            {T.note.save}（{keyLabel('outpatient.saveNote')}）
          </Button>
        )}
        {editable && (
          <Button tone="secondary" onClick={commands.sign} data-action="sign-note">
            签名（{keyLabel('outpatient.sign')}）
          </Button>
        )}
        {chart.visit.status === 'in_progress' && (
          <Button tone="secondary" onClick={commands.complete} data-action="complete">
            {T.queue.complete}（{keyLabel('outpatient.complete')}）
          </Button>
        )}
        {state.draftSavedAt && editable && (
          <span className="text-sm text-muted" data-testid="draft-saved">
            {T.note.draftSaved(clinicTime(state.draftSavedAt, zone))}
          </span>
        )}
      </div>
    </Panel>
  );
}
