/** Reading and writing the outpatient documents: one place that turns a store answer into an ApiFailure. */
import { ApiFailure } from '../../../shared/api';
import type { DocumentType } from '../../../shared/docs';
import type { EncounterDoc } from '../../../shared/docs/encounter';
import type { DocumentInput, WriteResult } from '../../../db/store/types';
import type { ClinicData } from '../clinic-data';

export type Stored<T> = T & { readonly _rev: string };

export function readDocument<T>(data: ClinicData, id: string, type: DocumentType, missing: string): Stored<T> {
  const doc = data.store.get(id);
  if (!doc || doc.type !== type) throw new ApiFailure('NOT_FOUND', missing);
  return doc as unknown as Stored<T>;
}

export const readEncounter = (data: ClinicData, id: string) => readDocument<EncounterDoc>(data, id, 'encounter', '没有找到这次就诊，请刷新候诊列表。');

/** Writes one document; a refusal of the store (immutable, conflict, bad body) becomes the user's message. */
export function writeOne(data: ClinicData, doc: DocumentInput): string {
  const [result] = data.store.bulkDocs([doc]);
  return revOrFail(result);
}

function revOrFail(result: WriteResult): string {
  if (result.ok) return result.rev;
  switch (result.error) {
    case 'conflict':
      throw new ApiFailure('CONFLICT');
    case 'forbidden':
      throw new ApiFailure('CONFLICT', result.reason);
    case 'not_found':
      throw new ApiFailure('NOT_FOUND');
    case 'bad_request':
      throw new ApiFailure('VALIDATION_FAILED', result.reason);
  }
}
