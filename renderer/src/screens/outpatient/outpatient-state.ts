/**
 * The doctor's workstation in one reducer: which visit is open, its chart, the note being written
 * (and whether it changed since the last autosave), which view is shown, and what to tell the doctor.
 */
import type { ApiError, ChartView, NoteView } from '../../../../shared/api';
import type { NoteTextField } from '../../../../shared/docs/outpatient-note';
import type { VitalKey } from '../../../../shared/clinical/vitals';
import { missingCase } from '../../../../shared/missing-case';
import { EMPTY_NOTE_FORM, formOfContent, formOfDraft, type NoteForm } from './note-form';

export type OutpatientView = 'chart' | 'history' | 'log';

export interface OutpatientState {
  readonly view: OutpatientView;
  readonly selectedId: string | null;
  readonly chart: ChartView | null;
  readonly form: NoteForm;
  /** Bumped on every edit; the autosave compares it with `draftVersion`. */
  readonly editVersion: number;
  readonly draftVersion: number;
  readonly draftSavedAt: string | null;
  readonly fieldErrors: Readonly<Record<string, string>>;
  readonly error: ApiError | null;
  readonly notice: string | null;
}

export const INITIAL_OUTPATIENT_STATE: OutpatientState = {
  view: 'chart',
  selectedId: null,
  chart: null,
  form: EMPTY_NOTE_FORM,
  editVersion: 0,
  draftVersion: 0,
  draftSavedAt: null,
  fieldErrors: {},
  error: null,
  notice: null,
};

export type OutpatientAction =
  | { readonly type: 'select'; readonly id: string }
  | { readonly type: 'chartLoaded'; readonly chart: ChartView }
  | { readonly type: 'text'; readonly field: NoteTextField; readonly value: string }
  | { readonly type: 'vital'; readonly key: VitalKey; readonly value: string }
  | { readonly type: 'onset'; readonly value: string }
  | { readonly type: 'form'; readonly form: NoteForm; readonly notice?: string }
  | { readonly type: 'proofread'; readonly field: NoteTextField }
  | { readonly type: 'draftSaved'; readonly version: number; readonly savedAt: string }
  | { readonly type: 'noteSaved'; readonly note: NoteView }
  | { readonly type: 'fieldErrors'; readonly errors: Readonly<Record<string, string>> }
  | { readonly type: 'view'; readonly view: OutpatientView }
  | { readonly type: 'failed'; readonly error: ApiError }
  | { readonly type: 'notice'; readonly notice: string | null };

const edited = (state: OutpatientState, form: NoteForm): OutpatientState => ({ ...state, form, editVersion: state.editVersion + 1, notice: null });

export function outpatientReducer(state: OutpatientState, action: OutpatientAction): OutpatientState {
  switch (action.type) {
    case 'select':
      if (action.id === state.selectedId) return state;
      return { ...INITIAL_OUTPATIENT_STATE, view: state.view === 'log' ? 'chart' : state.view, selectedId: action.id };
    case 'chartLoaded': {
      const { chart } = action;
      if (chart.visit.id !== state.selectedId) return state;
      // A draft on this PC is newer than the saved note (the server sends it only then): it wins.
      const form = chart.draft ? formOfDraft(chart.draft.content) : chart.note ? formOfContent(chart.note.content) : EMPTY_NOTE_FORM;
      return { ...state, chart, form, editVersion: 0, draftVersion: 0, draftSavedAt: chart.draft?.savedAt ?? null, fieldErrors: {}, error: null };
    }
    case 'text': {
      // Editing a copied part counts as reading it, but the doctor still confirms it (WR-18): the mark stays.
      return edited(state, { ...state.form, text: { ...state.form.text, [action.field]: action.value } });
    }
    case 'vital':
      return edited(state, { ...state.form, vitals: { ...state.form.vitals, [action.key]: action.value } });
    case 'onset':
      return edited(state, { ...state.form, onsetDate: action.value });
    case 'form':
      return { ...edited(state, action.form), notice: action.notice ?? null };
    case 'proofread':
      return edited(state, { ...state.form, copyMarks: state.form.copyMarks.map((m) => (m.field === action.field ? { ...m, proofread: true } : m)) });
    case 'draftSaved':
      return { ...state, draftVersion: action.version, draftSavedAt: action.savedAt };
    case 'noteSaved':
      if (!state.chart) return state;
      return { ...state, chart: { ...state.chart, note: action.note, draft: null }, draftVersion: state.editVersion, fieldErrors: {}, error: null };
    case 'fieldErrors':
      return { ...state, fieldErrors: action.errors };
    case 'view':
      return { ...state, view: action.view };
    case 'failed':
      return { ...state, error: action.error, notice: null };
    case 'notice':
      return { ...state, notice: action.notice, error: action.notice ? null : state.error };
    default:
      return missingCase(action);
  }
}

/** Whether the open note can still be written: the visit is in the room with this doctor and the note is not signed. */
export function noteEditable(state: OutpatientState, username: string): boolean {
  const chart = state.chart;
  if (!chart) return false;
  return chart.visit.status === 'in_progress' && chart.visit.doctor?.username === username && chart.note?.status !== 'signed';
}
