import { z } from 'zod';
import { REFERENCE_DICTIONARY_ID } from './ids';

/**
 * Reference data the county publishes for every clinic (dictionaries, the drug list, ICD code
 * versions), pulled read-only from the county's `county_reference` database (electron/sync/
 * reference-data.ts). One document per dictionary, replaced as a whole when the county publishes
 * a new version, so a clinic never sees half of a new list.
 */
export const referenceEntry = z.object({
  code: z.string().min(1).max(64),
  label: z.string().min(1).max(200),
  extra: z.record(z.string(), z.string()).optional(),
});

export const referenceDictionaryDoc = z.object({
  _id: z.string().regex(REFERENCE_DICTIONARY_ID),
  type: z.literal('reference_dictionary'),
  /** Absent in what the county published before versions existed: read as version 1. */
  schema_version: z.literal(1).optional(),
  name: z.string().regex(/^[a-z0-9_]+$/),
  version: z.string().min(1).max(40),
  title: z.string().min(1).max(100),
  published_at: z.string().min(10),
  entries: z.array(referenceEntry),
});
export type ReferenceDictionaryDoc = z.infer<typeof referenceDictionaryDoc>;

export function referenceDictionaryId(name: string): string {
  return `reference_dictionary:${name}`;
}
