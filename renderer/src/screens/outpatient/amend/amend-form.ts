/** The 更正 form: the parts as the newest version has them, what the doctor changed, and the reason. */
import { NOTE_TEXT_FIELDS, type NoteTextField } from '../../../../../shared/docs/outpatient-note';
import { AMEND_TEXT as T } from './text';

export type NoteText = Readonly<Record<NoteTextField, string>>;

/** The text parts of a version as the history lists them (every part, blank where empty). */
export function noteTextOf(content: Readonly<Record<string, string>>): NoteText {
  return Object.fromEntries(NOTE_TEXT_FIELDS.map((f) => [f, content[f] ?? ''])) as Record<NoteTextField, string>;
}

/**
 * The correction to send: the parts that differ from the newest version, or the problem that stops
 * it (no reason, nothing changed), said before the PIN is asked for.
 */
export function correctionOf(latest: NoteText, edited: NoteText, reason: string): { ok: true; text: Partial<NoteText> } | { ok: false; problem: string } {
  if (reason.trim().length < 2) return { ok: false, problem: T.reasonMissing };
  const text: Partial<Record<NoteTextField, string>> = {};
  for (const field of NOTE_TEXT_FIELDS) if (edited[field] !== latest[field]) text[field] = edited[field];
  if (Object.keys(text).length === 0) return { ok: false, problem: T.nothingChanged };
  return { ok: true, text };
}
