import { z } from 'zod';
import { isoTimestamp } from './base';
import { DRAFT_ID, DRAFT_KEY, DRAFT_PREFIX } from './ids';
import { username } from './user';

/**
 * Work in progress kept on this PC only (the note editor's autosave): stored among the `_local/`
 * documents, so it never enters the changes feed, never replicates and is never audited as a record.
 * One draft per owner and key (e.g. `note:encounter:<ULID>`).
 */
export const draftDoc = z.object({
  _id: z.string().regex(DRAFT_ID),
  type: z.literal('draft'),
  schema_version: z.literal(1),
  owner: username,
  key: z.string().regex(DRAFT_KEY),
  saved_at: isoTimestamp,
  content: z.record(z.string(), z.unknown()),
});
export type DraftDoc = z.infer<typeof draftDoc>;

export function draftId(owner: string, key: string): string {
  return `${DRAFT_PREFIX}${owner}/${key}`;
}
