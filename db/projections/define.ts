import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import { DOCUMENT_SCHEMAS, type DocumentType } from '../../shared/docs';
import type { ProjectContext, ProjectionTx, Projector } from './types';

type DocOf<T extends DocumentType> = z.infer<(typeof DOCUMENT_SCHEMAS)[T]>;

/** A projector for one of the document types in shared/docs, checked against that type's schema. */
export function defineProjector<T extends DocumentType>(definition: {
  readonly type: T;
  readonly tables: ReadonlyArray<SQLiteTable>;
  project(tx: ProjectionTx, doc: DocOf<T>, context: ProjectContext): void;
  remove(tx: ProjectionTx, id: string): void;
}): Projector<DocOf<T>> {
  return { ...definition, schema: DOCUMENT_SCHEMAS[definition.type] as unknown as z.ZodType<DocOf<T>> };
}
