/**
 * 更正 of a signed outpatient note (WR-05, AR-05): the doctor rewrites some parts and says why; the
 * amendment carries the full content (electron/signing/amendments.ts refuses a partial one), so the
 * parts left alone are taken from the newest version here, not from the original note.
 */
import { ApiFailure, type SignedView } from '../../../shared/api';
import type { NoteTextField } from '../../../shared/docs/outpatient-note';
import type { Amendments } from '../../signing';
import type { ClinicData } from '../clinic-data';
import type { Actor } from '../sessions';

export interface NoteCorrection {
  readonly noteId: string;
  readonly reason: string;
  readonly text: Partial<Record<NoteTextField, string>>;
  readonly pin: string;
}

export async function amendNote(data: ClinicData, amendments: Amendments, actor: Actor, input: NoteCorrection): Promise<SignedView> {
  const note = data.store.get(input.noteId);
  if (!note || note.type !== 'outpatient_note') throw new ApiFailure('NOT_FOUND', '没有找到这份病历。');
  const latest = amendments.latestContent(input.noteId);
  const changed = Object.entries(input.text).filter(([field, value]) => (latest[field] ?? '') !== value);
  if (changed.length === 0) throw new ApiFailure('VALIDATION_FAILED', '更正后的内容和现在的一样，请先改要更正的地方。');
  return amendments.create({ targetId: input.noteId, reason: input.reason, content: { ...latest, ...Object.fromEntries(changed) }, pin: input.pin }, actor);
}
