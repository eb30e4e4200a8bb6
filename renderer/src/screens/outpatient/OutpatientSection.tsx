import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { HistoryEntry, PrescriptionItemInput, QueueVisit, SessionUser, TemplateView, VisitAction } from '../../../../shared/api';
import { NOTE_FIELD_LABELS, NOTE_TEXT_FIELDS, type NoteTextField } from '../../../../shared/docs/outpatient-note';
import { clinicTime } from '../../../../shared/time/clinic-time';
import { useClinicZone } from '../../app/clinic-clock';
import { useClient } from '../../app/client-context';
import { useShortcuts } from '../../keyboard/use-shortcuts';
import { Button, ErrorBanner, Panel, SelectField, StatusLine, TextField } from '../../ui';
import { DiagnosisPicker } from './DiagnosisPicker';
import { HistoryPanel } from './HistoryPanel';
import { LogPanel } from './LogPanel';
import { addDiagnosis, applyTemplate, contentOfForm, copyEarlierNote, removeDiagnosis } from './note-form';
import { NoteTextArea } from './NoteTextArea';
import { INITIAL_OUTPATIENT_STATE, noteEditable, outpatientReducer } from './outpatient-state';
import { PatientBanner } from './PatientBanner';
import { PrescriptionEditor } from './PrescriptionEditor';
import { QueuePanel } from './QueuePanel';
import { SigningPinDialog } from './signing/SigningPinDialog';
import { OUTPATIENT_TEXT } from './text';
import { useDoctorQueue } from './use-doctor-queue';
import { useNoteAutosave } from './use-note-autosave';
import { VitalsFields } from './VitalsFields';

const T = OUTPATIENT_TEXT;
const ACTION_NOTICES: Readonly<Record<VisitAction, (name: string) => string>> = {
  recall: T.queue.recalled,
  pass: T.queue.passedNotice,
  put_back: T.queue.putBackNotice,
  complete: T.queue.completed,
};

/** 门诊: the doctor's queue on the left, the open visit's banner, note, diagnoses and prescription on the right. */
export function OutpatientSection({ user }: { readonly user: SessionUser }) {
  const client = useClient();
  const zone = useClinicZone();
  const { queue, error: queueError, reload } = useDoctorQueue();
  const [state, dispatch] = useReducer(outpatientReducer, INITIAL_OUTPATIENT_STATE);
  const [history, setHistory] = useState<ReadonlyArray<HistoryEntry> | null>(null);
  const [templates, setTemplates] = useState<ReadonlyArray<TemplateView>>([]);
  const [signing, setSigning] = useState(false);
  const [copiedItems, setCopiedItems] = useState<ReadonlyArray<PrescriptionItemInput> | null>(null);
  const lastField = useRef<NoteTextField>('chief_complaint');
  const diagnosisInput = useRef<HTMLInputElement>(null);
  const drugInput = useRef<HTMLInputElement>(null);
  const editable = noteEditable(state, user.username);
  const chart = state.chart;
  useNoteAutosave(state, dispatch, editable);

  const loadChart = useCallback(
    async (id: string) => {
      const result = await client.api.outpatient.chart({ encounterId: id });
      if (!result.ok) return dispatch({ type: 'failed', error: result.error });
      dispatch({ type: 'chartLoaded', chart: result.value });
      if (result.value.draft) dispatch({ type: 'notice', notice: T.note.draftRestored(clinicTime(result.value.draft.savedAt, zone)) });
      const past = await client.api.outpatient.history({ patientId: result.value.banner.id });
      setHistory(past.ok ? past.value.entries.filter((e) => e.encounterId !== id) : []);
    },
    [client],
  );

  useEffect(() => {
    void client.api.outpatient.templates({}).then((result) => result.ok && setTemplates(result.value.templates));
  }, [client]);

  const open = (visit: QueueVisit) => {
    setCopiedItems(null);
    dispatch({ type: 'select', id: visit.id });
    void loadChart(visit.id);
  };

  const callNext = async () => {
    const department = queue?.departmentCode;
    if (!department) return;
    const result = await client.api.outpatient.callNext({ departmentCode: department });
    if (!result.ok) return dispatch({ type: 'failed', error: result.error });
    await reload();
    open(result.value);
    dispatch({ type: 'notice', notice: T.queue.called(result.value.patient.name, result.value.queueNumber) });
  };

  const act = async (action: VisitAction, visit: QueueVisit | null = chart?.visit ?? null) => {
    if (!visit) return;
    const result = await client.api.outpatient.visitAction({ id: visit.id, action });
    if (!result.ok) return dispatch({ type: 'failed', error: result.error });
    await reload();
    await loadChart(visit.id);
    dispatch({ type: 'notice', notice: ACTION_NOTICES[action](visit.patient.name) });
  };

  const saveNote = async () => {
    if (!chart || !editable) return null;
    const content = contentOfForm(state.form);
    if (!content.ok) return (dispatch({ type: 'fieldErrors', errors: content.errors }), null);
    const result = await client.api.outpatient.saveNote({
      encounterId: chart.visit.id,
      noteId: chart.note?.id,
      rev: chart.note?.rev,
      content: content.content,
    });
    if (!result.ok) return (dispatch({ type: 'failed', error: result.error }), null);
    dispatch({ type: 'noteSaved', note: result.value });
    dispatch({ type: 'notice', notice: T.note.saved });
    return result.value;
  };

  const startSigning = async () => {
    const saved = await saveNote();
    if (saved) setSigning(true);
  };

  const copyLastNote = () => {
    const last = history?.find((e) => e.note);
    if (!last?.note) return dispatch({ type: 'notice', notice: T.note.nothingToCopy });
    dispatch({ type: 'form', form: copyEarlierNote(state.form, last.note.id, last.note.content), notice: T.note.copiedNotice });
  };

  const copyLastPrescription = () => {
    const last = history?.find((e) => e.prescriptions.length > 0);
    if (!last) return dispatch({ type: 'notice', notice: T.note.noPrescriptionToCopy });
    setCopiedItems(last.prescriptions[0].items.map(({ quantity: _q, quantity_unit: _u, ...item }) => item));
  };

  const insertPhrase = (phrase: string) => {
    const field = lastField.current;
    const current = state.form.text[field];
    dispatch({ type: 'text', field, value: current ? `${current}${/[，。；\s]$/.test(current) ? '' : '，'}${phrase}` : phrase });
  };

  const selected = queue?.visits.find((v) => v.id === state.selectedId) ?? null;
  useShortcuts({
    'outpatient.callNext': () => void callNext(),
    'outpatient.recall': () => void act('recall'),
    'outpatient.pass': () => void act('pass', selected ?? chart?.visit ?? null),
    'outpatient.putBack': () => void act('put_back', selected),
    'outpatient.complete': () => void act('complete'),
    'outpatient.sign': () => void startSigning(),
    'outpatient.saveNote': () => void saveNote(),
    'outpatient.history': () => dispatch({ type: 'view', view: state.view === 'history' ? 'chart' : 'history' }),
    'outpatient.log': () => dispatch({ type: 'view', view: 'log' }),
    'outpatient.back': () => dispatch({ type: 'view', view: 'chart' }),
    'outpatient.copyNote': copyLastNote,
    'outpatient.copyPrescription': copyLastPrescription,
    'outpatient.diagnosis': () => diagnosisInput.current?.focus(),
    'outpatient.prescription': () => drugInput.current?.focus(),
    'outpatient.queueFocus': () => document.querySelector<HTMLElement>('[data-testid="doctor-queue"] tbody tr')?.focus(),
  });

  const marks = new Set(state.form.copyMarks.filter((m) => !m.proofread).map((m) => m.field));
  const phrases = templates.flatMap((t) => t.phrases);

  return (
    <div className="grid grid-cols-[22rem_1fr] gap-section" data-testid="outpatient">
      <div className="grid content-start gap-3">
        <div className="flex flex-wrap gap-2">
          <Button onClick={() => void callNext()} data-action="call-next">
            {T.queue.callNext}（F6）
          </Button>
          <Button tone="secondary" onClick={() => void act('recall')}>
            {T.queue.recall}
          </Button>
          <Button tone="secondary" onClick={() => void act('pass', selected ?? chart?.visit ?? null)}>
            {T.queue.pass}
          </Button>
          <Button tone="secondary" onClick={() => void act('put_back', selected)}>
            {T.queue.putBack}
          </Button>
          <Button tone="ghost" onClick={() => dispatch({ type: 'view', view: 'log' })}>
            {T.views.log}
          </Button>
        </div>
        {queueError && <ErrorBanner error={queueError} />}
        <QueuePanel visits={queue?.visits ?? null} selectedId={state.selectedId} onOpen={open} />
      </div>
      <div className="grid min-w-0 content-start gap-3">
        {state.error && <ErrorBanner error={state.error} />}
        {state.notice && <StatusLine tone="success">{state.notice}</StatusLine>}
        {state.view === 'log' ? (
          <LogPanel today={queue?.date ?? new Date().toISOString().slice(0, 10)} />
        ) : !chart ? (
          <p className="text-ink-soft">{T.note.pick}</p>
        ) : (
          <>
            <PatientBanner banner={chart.banner} visit={chart.visit} />
            {state.view === 'history' ? (
              <HistoryPanel entries={history} />
            ) : (
              <>
                <Panel title={T.note.title} testId="note-editor">
                  {!editable && <p className="text-ink-soft">{chart.note?.status === 'signed' ? T.note.signed : T.note.notInRoom}</p>}
                  {editable && (
                    <div className="flex flex-wrap items-end gap-3">
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
                      <Button tone="ghost" onClick={copyLastNote}>
                        {T.note.copyNote}
                      </Button>
                      <Button tone="ghost" onClick={copyLastPrescription}>
                        {T.note.copyPrescription}
                      </Button>
                      {phrases.map((phrase) => (
                        <Button key={phrase} tone="ghost" size="small" onClick={() => insertPhrase(phrase)} data-phrase={phrase}>
                          {phrase}
                        </Button>
                      ))}
                    </div>
                  )}
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
                      onFocus={() => (lastField.current = field)}
                      rows={field === 'present_illness' || field === 'physical_exam' ? 3 : 2}
                    />
                  ))}
                  <TextField
                    label={T.note.onset}
                    path="onset_date"
                    type="date"
                    value={state.form.onsetDate}
                    onChange={(value) => dispatch({ type: 'onset', value })}
                    readOnly={!editable}
                    optional
                  />
                  <VitalsFields
                    form={state.form}
                    errors={state.fieldErrors}
                    readOnly={!editable}
                    onChange={(key, value) => dispatch({ type: 'vital', key, value })}
                  />
                  <DiagnosisPicker
                    diagnoses={state.form.diagnoses}
                    readOnly={!editable}
                    inputRef={diagnosisInput}
                    onAdd={(d) => dispatch({ type: 'form', form: addDiagnosis(state.form, d) })}
                    onRemove={(code) => dispatch({ type: 'form', form: removeDiagnosis(state.form, code) })}
                    onToggleCertainty={(code) =>
                      dispatch({
                        type: 'form',
                        form: {
                          ...state.form,
                          diagnoses: state.form.diagnoses.map((d) =>
                            d.code === code ? { ...d, certainty: d.certainty === 'confirmed' ? 'suspected' : 'confirmed' } : d,
                          ),
                        },
                      })
                    }
                  />
                  <div className="flex items-center gap-3">
                    {editable && (
                      <Button onClick={() => void saveNote()} data-action="save-note">
                        {T.note.save}（Ctrl+S）
                      </Button>
                    )}
                    {editable && (
                      <Button tone="secondary" onClick={() => void startSigning()} data-action="sign-note">
                        签名（F8）
                      </Button>
                    )}
                    {chart.visit.status === 'in_progress' && (
                      <Button tone="secondary" onClick={() => void act('complete')} data-action="complete">
                        {T.queue.complete}（Alt+J）
                      </Button>
                    )}
                    {state.draftSavedAt && editable && (
                      <span className="text-sm text-muted" data-testid="draft-saved">
                        {T.note.draftSaved(clinicTime(state.draftSavedAt, zone))}
                      </span>
                    )}
                  </div>
                </Panel>
                <PrescriptionEditor
                  key={`${chart.visit.id}:${copiedItems ? 'copied' : 'own'}`}
                  encounterId={chart.visit.id}
                  saved={chart.prescriptions[0] ?? null}
                  initialItems={copiedItems}
                  readOnly={chart.visit.status !== 'in_progress'}
                  inputRef={drugInput}
                  onSaved={() => void loadChart(chart.visit.id)}
                />
              </>
            )}
          </>
        )}
      </div>
      {signing && chart?.note && (
        <SigningPinDialog
          title={`签名：门诊病历（${chart.banner.name}）`}
          submit={(pin) => client.api.signing.sign({ targetId: chart.note!.id, pin })}
          onSigned={() => {
            setSigning(false);
            void loadChart(chart.visit.id);
          }}
          onCancel={() => setSigning(false)}
        />
      )}
    </div>
  );
}
