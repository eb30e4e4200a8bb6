import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { HistoryEntry, PrescriptionItemInput, QueueVisit, SessionUser, TemplateView, VisitAction } from '../../../../shared/api';
import { clinicTime } from '../../../../shared/time/clinic-time';
import { useClinicZone } from '../../app/clinic-clock';
import { useClient } from '../../app/client-context';
import { useShortcuts } from '../../keyboard/use-shortcuts';
import { keyLabel } from '../../keyboard/key-label';
import { Button, ErrorBanner, StatusLine } from '../../ui';
import { noteTextOf } from './amend/amend-form';
import { AmendNoteDialog } from './amend/AmendNoteDialog';
import { AMEND_TEXT } from './amend/text';
import { VersionHistory } from './amend/VersionHistory';
import { DiagnosisPicker } from './DiagnosisPicker';
import { HistoryPanel } from './HistoryPanel';
import { LogPanel } from './LogPanel';
import { NoteEditor } from './NoteEditor';
import { addDiagnosis, contentOfForm, copyEarlierNote, removeDiagnosis, toggleCertainty } from './note-form';
import { INITIAL_OUTPATIENT_STATE, noteEditable, outpatientReducer } from './outpatient-state';
import { PatientBanner } from './PatientBanner';
import { PrescriptionEditor } from './PrescriptionEditor';
import { QueuePanel } from './QueuePanel';
import { SigningPinDialog } from './signing/SigningPinDialog';
import { PhraseMenu } from './templates/PhraseMenu';
import { TemplateManagerDialog } from './templates/TemplateManagerDialog';
import { TEMPLATE_TEXT } from './templates/text';
import { usePhraseInsertion } from './templates/use-phrase-insertion';
import { OUTPATIENT_TEXT } from './text';
import { useDoctorQueue } from './use-doctor-queue';
import { useNoteAutosave } from './use-note-autosave';
import { useNoteVersions } from './use-note-versions';

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
  const [dialog, setDialog] = useState<'none' | 'sign' | 'templates' | 'amend'>('none');
  const [copiedItems, setCopiedItems] = useState<ReadonlyArray<PrescriptionItemInput> | null>(null);
  const diagnosisInput = useRef<HTMLInputElement>(null);
  const drugInput = useRef<HTMLInputElement>(null);
  const editable = noteEditable(state, user.username);
  const chart = state.chart;
  useNoteAutosave(state, dispatch, editable);
  const signedNoteId = chart?.note?.status === 'signed' ? chart.note.id : null;
  const versions = useNoteVersions(signedNoteId);
  const phrases = usePhraseInsertion(templates, (field, value) => dispatch({ type: 'text', field, value }));

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

  const loadTemplates = useCallback(() => {
    void client.api.outpatient.templates({}).then((result) => result.ok && setTemplates(result.value.templates));
  }, [client]);
  useEffect(loadTemplates, [loadTemplates]);

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
    if (saved) setDialog('sign');
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

  const openPhrases = () => {
    if (editable && !phrases.open()) dispatch({ type: 'notice', notice: TEMPLATE_TEXT.menuNoField(keyLabel('outpatient.phrases')) });
  };
  const openAmendment = () => {
    if (signedNoteId && versions.history) setDialog('amend');
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
    'outpatient.templates': () => setDialog('templates'),
    'outpatient.phrases': openPhrases,
    'outpatient.amend': openAmendment,
    'outpatient.queueFocus': () => document.querySelector<HTMLElement>('[data-testid="doctor-queue"] tbody tr')?.focus(),
  });

  const latest = versions.history?.versions.at(-1);
  return (
    <div className="grid grid-cols-[19rem_minmax(0,1fr)] items-start gap-section" data-testid="outpatient">
      <aside className="sticky top-0 grid content-start gap-3" data-testid="outpatient-side">
        <div className="flex flex-wrap gap-2">
          <Button onClick={() => void callNext()} data-action="call-next">
            {T.queue.callNext}（{keyLabel('outpatient.callNext')}）
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
        {/* Panels about the doctor's own work (e.g. 病案整改) go here, under the queue. */}
      </aside>
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
                <NoteEditor
                  state={state}
                  dispatch={dispatch}
                  editable={editable}
                  templates={templates}
                  commands={{
                    save: () => void saveNote(),
                    sign: () => void startSigning(),
                    complete: () => void act('complete'),
                    copyNote: copyLastNote,
                    copyPrescription: copyLastPrescription,
                    manageTemplates: () => setDialog('templates'),
                    phrases: openPhrases,
                    amend: openAmendment,
                  }}
                />
                <DiagnosisPicker
                  diagnoses={state.form.diagnoses}
                  readOnly={!editable}
                  inputRef={diagnosisInput}
                  onAdd={(d) => dispatch({ type: 'form', form: addDiagnosis(state.form, d) })}
                  onRemove={(code) => dispatch({ type: 'form', form: removeDiagnosis(state.form, code) })}
                  onToggleCertainty={(code) => dispatch({ type: 'form', form: toggleCertainty(state.form, code) })}
                />
                <PrescriptionEditor
                  key={`${chart.visit.id}:${copiedItems ? 'copied' : 'own'}`}
                  encounterId={chart.visit.id}
                  saved={chart.prescriptions[0] ?? null}
                  initialItems={copiedItems}
                  readOnly={chart.visit.status !== 'in_progress'}
                  inputRef={drugInput}
                  onSaved={() => void loadChart(chart.visit.id)}
                />
                {signedNoteId && <VersionHistory history={versions.history} />}
              </>
            )}
          </>
        )}
      </div>
      {dialog === 'sign' && chart?.note && (
        <SigningPinDialog
          title={`签名：门诊病历（${chart.banner.name}）`}
          submit={(pin) => client.api.signing.sign({ targetId: chart.note!.id, pin })}
          onSigned={() => {
            setDialog('none');
            void loadChart(chart.visit.id);
          }}
          onCancel={() => setDialog('none')}
        />
      )}
      {dialog === 'templates' && <TemplateManagerDialog templates={templates} onChanged={loadTemplates} onClose={() => setDialog('none')} />}
      {dialog === 'amend' && chart && signedNoteId && latest && (
        <AmendNoteDialog
          noteId={signedNoteId}
          patientName={chart.banner.name}
          latest={noteTextOf(latest.content)}
          onAmended={() => {
            setDialog('none');
            void versions.reload();
            dispatch({ type: 'notice', notice: AMEND_TEXT.done });
          }}
          onCancel={() => setDialog('none')}
        />
      )}
      {phrases.target && <PhraseMenu field={phrases.target.field} phrases={phrases.target.phrases} onPick={phrases.pick} onClose={phrases.close} />}
    </div>
  );
}
