import { describe, expect, it } from 'vitest';
import type { TemplateView } from '../../../../../shared/api';
import { INITIAL_TEMPLATE_EDITOR, phrasesFor, saveInputOf, templateEditorReducer as reduce, type TemplateEditorState } from './template-editor-state';

const TEMPLATE: TemplateView = {
  id: 'note_template:01JQ0000000000000000000004',
  rev: '1-0123456789abcdef0123456789abcdef',
  scope: 'personal',
  departmentCode: null,
  name: '高血压复诊',
  fields: { chief_complaint: '血压复查' },
  phrases: [{ section: 'physical_exam', text: '心肺未见异常' }],
  editable: true,
};

const opened = (): TemplateEditorState => reduce(INITIAL_TEMPLATE_EDITOR, { type: 'open', template: TEMPLATE });

describe('the 常用模板 editor', () => {
  it('opens a template with every part, blank where it has none, and saves only the parts written', () => {
    const state = reduce(opened(), { type: 'field', field: 'plan', value: '低盐饮食' });
    expect(state.draft?.fields.past_history).toBe('');
    expect(saveInputOf(state.draft!)).toEqual({
      id: TEMPLATE.id,
      rev: TEMPLATE.rev,
      scope: 'personal',
      name: '高血压复诊',
      fields: { chief_complaint: '血压复查', plan: '低盐饮食' },
      phrases: [{ section: 'physical_exam', text: '心肺未见异常' }],
      retired: false,
    });
  });

  it('a new template has no id; renaming and the scope change the save call; 删除 retires it', () => {
    let state = reduce(opened(), { type: 'new' });
    state = reduce(state, { type: 'name', value: '科室感冒' });
    state = reduce(state, { type: 'scope', value: 'department' });
    expect(saveInputOf(state.draft!)).toMatchObject({ name: '科室感冒', scope: 'department', fields: {}, phrases: [], retired: false });
    expect(saveInputOf(state.draft!)).not.toHaveProperty('id');
    expect(saveInputOf(opened().draft!, true).retired).toBe(true);
  });

  it('adds a phrase once (trimmed, blank ignored), edits and removes it by position', () => {
    let state = reduce(opened(), { type: 'addPhrase', phrase: { section: null, text: ' 嘱按时服药 ' } });
    state = reduce(state, { type: 'addPhrase', phrase: { section: null, text: '嘱按时服药' } });
    state = reduce(state, { type: 'addPhrase', phrase: { section: 'plan', text: '  ' } });
    expect(state.draft?.phrases).toEqual([
      { section: 'physical_exam', text: '心肺未见异常' },
      { section: null, text: '嘱按时服药' },
    ]);
    state = reduce(state, { type: 'editPhrase', index: 1, phrase: { section: 'plan', text: '嘱按时服药' } });
    state = reduce(state, { type: 'removePhrase', index: 0 });
    expect(state.draft?.phrases).toEqual([{ section: 'plan', text: '嘱按时服药' }]);
  });

  it('keeps the draft after a refusal and clears the delete question', () => {
    let state = reduce(opened(), { type: 'askDelete', asking: true });
    state = reduce(state, { type: 'failed', error: { code: 'CONFLICT', message: '这个模板刚在别处改过' } });
    expect(state).toMatchObject({ confirmingDelete: false, draft: { name: '高血压复诊' }, error: { code: 'CONFLICT' } });
    expect(reduce(state, { type: 'deleted', notice: '已删除' })).toEqual({ ...INITIAL_TEMPLATE_EDITOR, notice: '已删除' });
  });
});

describe('phrases offered while writing', () => {
  it('lists the part’s own phrases first, then those for every part, each once', () => {
    const other: TemplateView = {
      ...TEMPLATE,
      id: 'note_template:01JQ0000000000000000000005',
      phrases: [
        { section: null, text: '嘱低盐饮食' },
        { section: 'physical_exam', text: '双下肢无水肿' },
        { section: 'physical_exam', text: '心肺未见异常' },
        { section: 'plan', text: '两周后复诊' },
      ],
    };
    expect(phrasesFor([TEMPLATE, other], 'physical_exam')).toEqual(['心肺未见异常', '双下肢无水肿', '嘱低盐饮食']);
    expect(phrasesFor([TEMPLATE, other], 'chief_complaint')).toEqual(['嘱低盐饮食']);
  });
});
