/**
 * Over every declared document type (and the test type): a type that says it is signed must be one
 * the signing service can sign and keep signed — immutable once signed, clinical, replicated, with
 * content fields its schema knows.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DocumentRegistry, documentRegistry, type DocumentTypeDefinition } from '../../shared/docs';
import { testNote } from './testing/fixture';

function problems(definition: DocumentTypeDefinition): string[] {
  const rule = definition.signing;
  if (!rule) return [];
  const found: string[] = [];
  if (definition.immutable.kind === 'never') found.push('signed but never immutable');
  if (definition.documentClass !== 'clinical') found.push('signed but not clinical');
  if (definition.storage !== 'replicated') found.push('signed but not replicated');
  const shape = definition.schema instanceof z.ZodObject ? (definition.schema.shape as Record<string, unknown>) : {};
  for (const field of [...rule.contentFields, ...(rule.patientField ? [rule.patientField] : [])]) if (!(field in shape)) found.push(`no field ${field}`);
  if (definition.immutable.kind === 'when_field' && !(definition.immutable.field in shape)) found.push(`no field ${definition.immutable.field}`);
  return found;
}

describe('the signing rule of every document type', () => {
  it('is one the signing service can keep', () => {
    const types = [...documentRegistry.all(), testNote];
    expect(types.filter((d) => d.signing).length).toBeGreaterThanOrEqual(2);
    expect(Object.fromEntries(types.map((d) => [d.type, problems(d)]).filter(([, found]) => found.length > 0))).toEqual({});
  });

  it('catches a type declared signed but editable', () => {
    const editable = { ...testNote, type: 'editable_note', immutable: { kind: 'never' as const } };
    expect(problems(new DocumentRegistry([editable]).get('editable_note')!)).toEqual(['signed but never immutable']);
    expect(problems({ ...testNote, signing: { contentFields: ['nonsense'] } })).toEqual(['no field nonsense']);
  });
});
