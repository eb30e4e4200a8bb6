import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import { CLINIC_DOCUMENT_TYPES, type DocumentOf, type DocumentType } from '../../shared/docs';
import type { ProjectContext, ProjectionTx, Projector } from './types';

/**
 * A projector for one of the document types in shared/docs, checked against that type's current
 * schema (older versions are upgraded before they get here, see ProjectionRunner).
 */
export function defineProjector<T extends DocumentType>(definition: {
  readonly type: T;
  readonly tables: ReadonlyArray<SQLiteTable>;
  project(tx: ProjectionTx, doc: DocumentOf<T>, context: ProjectContext): void;
  remove(tx: ProjectionTx, id: string): void;
}): Projector<DocumentOf<T>> {
  return { ...definition, schema: CLINIC_DOCUMENT_TYPES[definition.type].schema as unknown as z.ZodType<DocumentOf<T>> };
}
