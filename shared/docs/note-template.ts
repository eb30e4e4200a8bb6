import { z } from 'zod';
import { documentBase } from './base';
import { departmentCode } from './department';
import { NOTE_TEMPLATE_ID } from './ids';
import { NOTE_TEXT_FIELDS, type NoteTextField } from './outpatient-note';
import { username } from './user';

const templateText = z.string().max(2000, '模板的每一项不超过 2000 个字');

/**
 * 常用模板: a doctor's own (`personal`) or the department's, with text for some of the note's parts
 * and phrases to insert while writing. Id `note_template:<ULID>`; `retired` hides it from lists.
 */
export const noteTemplateDoc = z
  .object({
    _id: z.string().regex(NOTE_TEMPLATE_ID),
    type: z.literal('note_template'),
    ...documentBase,
    scope: z.enum(['personal', 'department']),
    owner_username: username.optional(),
    department_code: departmentCode.optional(),
    name: z.string().trim().min(1, '请填写模板名称').max(40, '模板名称不超过 40 个字'),
    fields: z.object(
      Object.fromEntries(NOTE_TEXT_FIELDS.map((f) => [f, templateText.optional()])) as Record<NoteTextField, z.ZodOptional<typeof templateText>>,
    ),
    phrases: z.array(z.string().trim().min(1).max(200)).max(100, '常用语不超过 100 条').default([]),
    retired: z.boolean().default(false),
  })
  .superRefine((template, ctx) => {
    if (template.scope === 'personal' && !template.owner_username) ctx.addIssue({ code: 'custom', path: ['owner_username'], message: '个人模板要写明是谁的' });
    if (template.scope === 'department' && !template.department_code)
      ctx.addIssue({ code: 'custom', path: ['department_code'], message: '科室模板要写明科室' });
  });
export type NoteTemplateDoc = z.infer<typeof noteTemplateDoc>;
