/**
 * The 常用模板 manager in one reducer: which template is open in the editor (a new one has no id),
 * its name, scope, text per part of the note and its 常用语, and what to tell the doctor.
 */
import type { ApiError, InputOf, TemplateView } from '../../../../../shared/api';
import type { NotePhrase } from '../../../../../shared/docs/note-template';
import { NOTE_TEXT_FIELDS, type NoteTextField } from '../../../../../shared/docs/outpatient-note';
import { missingCase } from '../../../../../shared/missing-case';

export type TemplateScope = TemplateView['scope'];

export interface TemplateDraft {
  readonly id: string | null;
  readonly rev: string | null;
  readonly name: string;
  readonly scope: TemplateScope;
  readonly fields: Readonly<Record<NoteTextField, string>>;
  readonly phrases: ReadonlyArray<NotePhrase>;
}

export interface TemplateEditorState {
  readonly draft: TemplateDraft | null;
  /** 删除 asked, waiting for the doctor's yes. */
  readonly confirmingDelete: boolean;
  readonly error: ApiError | null;
  readonly notice: string | null;
}

export const INITIAL_TEMPLATE_EDITOR: TemplateEditorState = { draft: null, confirmingDelete: false, error: null, notice: null };

const blankFields = () => Object.fromEntries(NOTE_TEXT_FIELDS.map((f) => [f, ''])) as Record<NoteTextField, string>;

export const NEW_TEMPLATE: TemplateDraft = { id: null, rev: null, name: '', scope: 'personal', fields: blankFields(), phrases: [] };

export function draftOfTemplate(template: TemplateView): TemplateDraft {
  return {
    id: template.id,
    rev: template.rev,
    name: template.name,
    scope: template.scope,
    fields: { ...blankFields(), ...template.fields },
    phrases: template.phrases,
  };
}

export type TemplateEditorAction =
  | { readonly type: 'new' }
  | { readonly type: 'open'; readonly template: TemplateView }
  | { readonly type: 'name'; readonly value: string }
  | { readonly type: 'scope'; readonly value: TemplateScope }
  | { readonly type: 'field'; readonly field: NoteTextField; readonly value: string }
  | { readonly type: 'addPhrase'; readonly phrase: NotePhrase }
  | { readonly type: 'editPhrase'; readonly index: number; readonly phrase: NotePhrase }
  | { readonly type: 'removePhrase'; readonly index: number }
  | { readonly type: 'askDelete'; readonly asking: boolean }
  | { readonly type: 'saved'; readonly template: TemplateView; readonly notice: string }
  | { readonly type: 'deleted'; readonly notice: string }
  | { readonly type: 'failed'; readonly error: ApiError };

function edit(state: TemplateEditorState, change: (draft: TemplateDraft) => TemplateDraft): TemplateEditorState {
  return state.draft ? { ...state, draft: change(state.draft), notice: null } : state;
}

export function templateEditorReducer(state: TemplateEditorState, action: TemplateEditorAction): TemplateEditorState {
  switch (action.type) {
    case 'new':
      return { ...INITIAL_TEMPLATE_EDITOR, draft: NEW_TEMPLATE };
    case 'open':
      return { ...INITIAL_TEMPLATE_EDITOR, draft: draftOfTemplate(action.template) };
    case 'name':
      return edit(state, (draft) => ({ ...draft, name: action.value }));
    case 'scope':
      return edit(state, (draft) => ({ ...draft, scope: action.value }));
    case 'field':
      return edit(state, (draft) => ({ ...draft, fields: { ...draft.fields, [action.field]: action.value } }));
    case 'addPhrase': {
      const text = action.phrase.text.trim();
      if (!text) return state;
      return edit(state, (draft) =>
        draft.phrases.some((p) => p.text === text && p.section === action.phrase.section)
          ? draft
          : { ...draft, phrases: [...draft.phrases, { ...action.phrase, text }] },
      );
    }
    case 'editPhrase':
      return edit(state, (draft) => ({ ...draft, phrases: draft.phrases.map((p, i) => (i === action.index ? action.phrase : p)) }));
    case 'removePhrase':
      return edit(state, (draft) => ({ ...draft, phrases: draft.phrases.filter((_, i) => i !== action.index) }));
    case 'askDelete':
      return { ...state, confirmingDelete: action.asking };
    case 'saved':
      return { ...state, draft: draftOfTemplate(action.template), confirmingDelete: false, error: null, notice: action.notice };
    case 'deleted':
      return { ...INITIAL_TEMPLATE_EDITOR, notice: action.notice };
    case 'failed':
      return { ...state, confirmingDelete: false, error: action.error, notice: null };
    default:
      return missingCase(action);
  }
}

/** The save call for a draft: empty parts and empty phrases are left out; `retired` deletes (hides) it. */
export function saveInputOf(draft: TemplateDraft, retired = false): InputOf<'outpatient.saveTemplate'> {
  const fields: Partial<Record<NoteTextField, string>> = {};
  for (const field of NOTE_TEXT_FIELDS) if (draft.fields[field].trim()) fields[field] = draft.fields[field];
  return {
    ...(draft.id ? { id: draft.id } : {}),
    ...(draft.rev ? { rev: draft.rev } : {}),
    scope: draft.scope,
    name: draft.name,
    fields,
    phrases: draft.phrases.filter((p) => p.text.trim()).map((p) => ({ section: p.section, text: p.text.trim() })),
    retired,
  };
}

/**
 * The 常用语 offered while writing one part of the note: the part's own first, then those for every
 * part; the same words once.
 */
export function phrasesFor(templates: ReadonlyArray<TemplateView>, field: NoteTextField): string[] {
  const all = templates.flatMap((t) => t.phrases);
  const ordered = [...all.filter((p) => p.section === field), ...all.filter((p) => p.section === null)];
  return [...new Set(ordered.map((p) => p.text))];
}
