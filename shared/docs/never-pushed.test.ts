import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineDocumentType, documentBase, documentRegistry, registerDocumentType } from '.';

describe('documents a clinic never pushes', () => {
  it('are read from the registry: the county’s own types and local ones, by their id patterns', () => {
    expect(documentRegistry.isNeverPushed('reference_dictionary:fee_category')).toBe(true);
    expect(documentRegistry.isNeverPushed('patient:01JQ0000000000000000000001')).toBe(false);
    expect(documentRegistry.isNeverPushed('department:03')).toBe(false);
  });

  it('follow a type declared later, with no list to update', () => {
    const ID = /^drug_catalogue:[a-z0-9]+$/;
    const catalogue = defineDocumentType({
      type: 'drug_catalogue',
      label: '县级药品目录',
      idPattern: ID,
      schema: z.object({ _id: z.string().regex(ID), type: z.literal('drug_catalogue'), ...documentBase }),
      documentClass: 'administrative',
      retention: { kind: 'current_state' },
      conflicts: 'county_wins',
      example: { _id: 'drug_catalogue:v1', type: 'drug_catalogue' },
    });
    expect(documentRegistry.isNeverPushed('drug_catalogue:v1')).toBe(false);
    const unregister = registerDocumentType(catalogue);
    try {
      expect(documentRegistry.isNeverPushed('drug_catalogue:v1')).toBe(true);
    } finally {
      unregister();
    }
    expect(documentRegistry.isNeverPushed('drug_catalogue:v1')).toBe(false);
  });
});
