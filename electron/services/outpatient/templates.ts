/** 常用模板 and 常用语: a doctor's own, and their department's (shared by its doctors). */
import { ulid } from 'ulid';
import { ApiFailure, type TemplateView } from '../../../shared/api';
import { documentRegistry, upgradeBody } from '../../../shared/docs';
import { noteTemplateDoc, type NotePhrase, type NoteTemplateDoc } from '../../../shared/docs/note-template';
import type { NoteTextField } from '../../../shared/docs/outpatient-note';
import type { ClinicData } from '../clinic-data';
import { documentStamp } from '../clinic-data';
import { requireSettings } from '../patients/patient-records';
import type { Actor } from '../sessions';
import { readDocument, writeOne, type Stored } from './records';

/** A personal template is its owner's; a department's belongs to every doctor of that department. */
const ownedBy = (doc: NoteTemplateDoc, actor: Actor): boolean =>
  doc.scope === 'personal' ? doc.owner_username === actor.username : actor.departmentCodes.includes(doc.department_code ?? '');

function templateView(doc: Stored<NoteTemplateDoc>, actor: Actor): TemplateView {
  const fields: Partial<Record<NoteTextField, string>> = {};
  for (const [field, value] of Object.entries(doc.fields)) if (value) fields[field as NoteTextField] = value;
  return {
    id: doc._id,
    rev: doc._rev,
    scope: doc.scope,
    departmentCode: doc.department_code ?? null,
    name: doc.name,
    fields,
    phrases: doc.phrases,
    editable: ownedBy(doc, actor),
  };
}

/** A stored template in the current shape: one written by an older program (plain phrases) is upgraded. */
function readTemplate(data: ClinicData, id: string): Stored<NoteTemplateDoc> {
  const stored = readDocument<Record<string, unknown>>(data, id, 'note_template', '没有找到这个模板。');
  const versioned = upgradeBody(documentRegistry.get('note_template')!, stored);
  if (versioned.status !== 'current') throw new ApiFailure('CONFLICT', '这个模板由更新版本的程序保存，请先升级本机程序。');
  return { ...noteTemplateDoc.parse(versioned.body), _rev: stored._rev };
}

export function listTemplates(data: ClinicData, actor: Actor): { templates: TemplateView[] } {
  return { templates: data.outpatient.templatesFor(actor.username, actor.departmentCodes).map((row) => templateView(readTemplate(data, row.id), actor)) };
}

export interface TemplateInput {
  readonly id?: string;
  readonly rev?: string;
  readonly scope: 'personal' | 'department';
  readonly departmentCode?: string;
  readonly name: string;
  readonly fields: Partial<Record<NoteTextField, string>>;
  readonly phrases: ReadonlyArray<NotePhrase>;
  readonly retired: boolean;
}

/** Saves (or, with `retired`, hides) a template. A department's templates belong to its doctors; a personal one to its owner. */
export function saveTemplate(data: ClinicData, actor: Actor, input: TemplateInput, now = new Date()): TemplateView {
  const settings = requireSettings(data);
  const department = input.scope === 'department' ? (input.departmentCode ?? actor.departmentCodes[0]) : undefined;
  if (input.scope === 'department' && (!department || !actor.departmentCodes.includes(department))) {
    throw new ApiFailure('FORBIDDEN', '只能为自己出诊的科室保存科室模板。');
  }
  return data.store.transaction(() => {
    const stamp = documentStamp(settings.code, actor.username, now);
    const existing = input.id ? readTemplate(data, input.id) : null;
    if (existing) {
      if (input.rev && existing._rev !== input.rev) throw new ApiFailure('CONFLICT', '这个模板刚在别处改过，请重新打开后再改。');
      if (!ownedBy(existing, actor)) throw new ApiFailure('FORBIDDEN', '这是别人的模板，不能修改。');
    }
    // Its id, revision and creation stay; the owner follows the scope chosen now.
    const kept = existing
      ? {
          _id: existing._id,
          _rev: existing._rev,
          type: existing.type,
          clinic_code: existing.clinic_code,
          created_at: existing.created_at,
          created_by: existing.created_by,
        }
      : { _id: `note_template:${ulid(now.getTime())}`, type: 'note_template' as const, ...stamp };
    const doc: NoteTemplateDoc & { _rev?: string } = {
      ...kept,
      schema_version: 2,
      updated_at: stamp.updated_at,
      updated_by: stamp.updated_by,
      scope: input.scope,
      ...(input.scope === 'personal' ? { owner_username: actor.username } : { department_code: department }),
      name: input.name,
      fields: input.fields,
      phrases: input.phrases.map((p) => ({ section: p.section, text: p.text })),
      retired: input.retired,
    };
    const rev = writeOne(data, doc);
    return templateView({ ...doc, _rev: rev }, actor);
  });
}
