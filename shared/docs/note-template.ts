import { z } from 'zod';
import { documentBase, documentFields } from './base';
import { departmentCode } from './department';
import { NOTE_TEMPLATE_ID } from './ids';
import { NOTE_TEXT_FIELDS, noteTextField, type NoteTextField } from './outpatient-note';
import { username } from './user';

const templateText = z.string().max(2000, '模板的每一项不超过 2000 个字');
const phraseText = z.string().trim().min(1, '常用语不能为空').max(200, '每条常用语不超过 200 个字');

/**
 * A 常用语 (insertable phrase): its words, and the part of the note it is for (体格检查's “心肺未见异常”
 * is offered while writing 体格检查); no section: offered in every part.
 */
export const notePhrase = z.object({ section: noteTextField.nullable(), text: phraseText });
export type NotePhrase = z.infer<typeof notePhrase>;

const templateFields = {
  _id: z.string().regex(NOTE_TEMPLATE_ID),
  type: z.literal('note_template'),
  scope: z.enum(['personal', 'department']),
  owner_username: username.optional(),
  department_code: departmentCode.optional(),
  name: z.string().trim().min(1, '请填写模板名称').max(40, '模板名称不超过 40 个字'),
  fields: z.object(Object.fromEntries(NOTE_TEXT_FIELDS.map((f) => [f, templateText.optional()])) as Record<NoteTextField, z.ZodOptional<typeof templateText>>),
  retired: z.boolean().default(false),
};

function checkOwner(template: { scope: 'personal' | 'department'; owner_username?: string; department_code?: string }, ctx: z.RefinementCtx) {
  if (template.scope === 'personal' && !template.owner_username) ctx.addIssue({ code: 'custom', path: ['owner_username'], message: '个人模板要写明是谁的' });
  if (template.scope === 'department' && !template.department_code) ctx.addIssue({ code: 'custom', path: ['department_code'], message: '科室模板要写明科室' });
}

/** Version 1: phrases were plain words, offered in every part of the note. */
export const noteTemplateDocV1 = z
  .object({ ...templateFields, ...documentBase, phrases: z.array(phraseText).max(100, '常用语不超过 100 条').default([]) })
  .superRefine(checkOwner);

/** Version 1's phrases become phrases for every part (section null): nothing offered before is lost. */
export function upgradeNoteTemplateV1(body: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const phrases = Array.isArray(body.phrases) ? body.phrases : [];
  return { ...body, phrases: phrases.map((text) => ({ section: null, text })) };
}

/**
 * 常用模板: a doctor's own (`personal`) or the department's, with text for some of the note's parts
 * and phrases (常用语) to insert while writing, each for one part or for all. Id `note_template:<ULID>`;
 * `retired` hides it from lists (删除 in the screens: the document stays, as every record does).
 */
export const noteTemplateDoc = z
  .object({ ...templateFields, ...documentFields(2), phrases: z.array(notePhrase).max(100, '常用语不超过 100 条').default([]) })
  .superRefine(checkOwner);
export type NoteTemplateDoc = z.infer<typeof noteTemplateDoc>;
