import { NOTE_TEXT_FIELDS, type DocumentOf } from '../../shared/docs';

/**
 * The text of each searchable document, one function per type: the index is built from it and the
 * snippets are cut from it, so what is found is what is shown. Parts are joined by a line break,
 * which ends a run of Chinese text (a word never spans two sections).
 */

export type IndexedSource = 'note' | 'amendment' | 'page';

export interface IndexedText {
  readonly source: IndexedSource;
  /** The record a hit opens: the note itself or the page set. */
  readonly recordId: string;
  readonly patientId: string | null;
  readonly machineRead: boolean;
  readonly text: string;
}

const joinParts = (parts: ReadonlyArray<string>): string => parts.filter((part) => part.trim() !== '').join('\n');

export function noteText(doc: DocumentOf<'outpatient_note'>): IndexedText {
  const sections = NOTE_TEXT_FIELDS.map((field) => doc[field]);
  const diagnoses = doc.diagnoses.map((d) => d.name);
  return { source: 'note', recordId: doc._id, patientId: doc.patient_id, machineRead: false, text: joinParts([...sections, ...diagnoses]) };
}

/** An amendment's new wording (its string fields, in their order) and its reason. */
export function amendmentText(doc: DocumentOf<'amendment'>): IndexedText {
  const values = Object.values(doc.content).filter((value): value is string => typeof value === 'string');
  return { source: 'amendment', recordId: doc.target_id, patientId: doc.patient_id, machineRead: false, text: joinParts([...values, doc.reason]) };
}

export function pageText(doc: DocumentOf<'page_text'>): IndexedText {
  return { source: 'page', recordId: doc.page_set_id, patientId: doc.patient_id, machineRead: true, text: doc.text };
}
