/**
 * One property per declared document type, so a type added later is covered without a new test:
 * its id pattern and its schema agree on ids, a valid body survives a JSON round trip, every older
 * version upgrades to one the current schema accepts, and it has a Chinese label.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { documentFields } from './base';
import { currentVersionOf, defineDocumentType, upgradeBody, versionOfBody } from './registry';
import { CLINIC_DOCUMENT_TYPES, documentRegistry, registerDocumentType } from './types';

// A type with a history, so the upgrade chain is walked for real: version 1 had one `text`,
// version 2 a list of `lines`, version 3 added `reviewed`.
const ID = /^visit_memo:\d{4}$/;
const base = { _id: z.string().regex(ID), type: z.literal('visit_memo') };
const memo = defineDocumentType({
  type: 'visit_memo',
  label: '就诊备忘',
  idPattern: ID,
  schema: z.object({ ...base, ...documentFields(3), lines: z.array(z.string()), reviewed: z.boolean() }),
  previous: [
    {
      schema: z.object({ ...base, ...documentFields(1), text: z.string() }),
      upgrade: ({ text, ...rest }) => ({ ...rest, lines: String(text).split('\n') }),
      example: { _id: 'visit_memo:0001', type: 'visit_memo', ...stamp(1), text: '咳嗽\n发热' },
    },
    {
      schema: z.object({ ...base, ...documentFields(2), lines: z.array(z.string()) }),
      upgrade: (body) => ({ ...body, reviewed: false }),
      example: { _id: 'visit_memo:0002', type: 'visit_memo', ...stamp(2), lines: ['头痛'] },
    },
  ],
  documentClass: 'clinical',
  retention: { kind: 'years_after_last_visit', years: 15 },
  example: { _id: 'visit_memo:0003', type: 'visit_memo', ...stamp(3), lines: ['复诊'], reviewed: true },
});

function stamp(version: number) {
  const at = '2025-03-01T08:00:00.000Z';
  return { schema_version: version, clinic_code: 'demo01', created_at: at, created_by: 'doc1', updated_at: at, updated_by: 'doc1' };
}

let unregister: () => void;
beforeAll(() => {
  unregister = registerDocumentType(memo);
});
afterAll(() => unregister());

describe('the registry', () => {
  it('declares each production type under its own name', () => {
    for (const [name, definition] of Object.entries(CLINIC_DOCUMENT_TYPES)) expect(definition.type).toBe(name);
    expect(() => registerDocumentType(CLINIC_DOCUMENT_TYPES.patient)).toThrow(/declared twice/);
  });
});

// Every production type, and the test type registered above (the first test checks both are in the registry).
const definitions = [...Object.values(CLINIC_DOCUMENT_TYPES), memo];

describe.each(definitions.map((d) => [d.type, d] as const))('%s', (type, definition) => {
  const schema = definition.schema;
  const withId = (id: string) => ({ ...definition.example, _id: id });

  it('is registered, has a Chinese label and a valid example of its current version', () => {
    expect(documentRegistry.get(type)).toBe(definition);
    expect(definition.label).toMatch(/^[\u4e00-\u9fff（）]+$/);
    expect(schema.safeParse(definition.example).success).toBe(true);
    expect(definition.example.type).toBe(type);
    expect(String(definition.example._id)).toMatch(definition.idPattern);
    expect(versionOfBody(definition.example)).toBe(currentVersionOf(definition));
  });

  it('accepts exactly the ids its id pattern matches', () => {
    const matching = fc.stringMatching(definition.idPattern);
    fc.assert(fc.property(matching, (id) => schema.safeParse(withId(id)).success));
    const near = fc.oneof(
      matching.map((id) => id.slice(0, -1)),
      matching.map((id) => `${id}x`),
      matching.map((id) => id.toUpperCase()),
      fc.string(),
    );
    fc.assert(fc.property(near, (id) => definition.idPattern.test(id) === schema.safeParse(withId(id)).success));
  });

  it('keeps a valid body through a JSON round trip', () => {
    fc.assert(
      fc.property(fc.stringMatching(definition.idPattern), (id) => {
        const parsed = schema.parse(withId(id));
        expect(schema.parse(JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
      }),
    );
  });

  it('upgrades every older version to one the current schema accepts, and leaves newer ones alone', () => {
    definition.previous.forEach((previous, i) => {
      expect(previous.schema.safeParse(previous.example).success).toBe(true);
      expect(versionOfBody(previous.example)).toBe(i + 1);
      const upgraded = upgradeBody(definition, previous.example);
      expect(upgraded.status).toBe('current');
      if (upgraded.status === 'current') expect(schema.safeParse(upgraded.body).success).toBe(true);
    });
    expect(upgradeBody(definition, definition.example)).toEqual({ status: 'current', body: definition.example });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (ahead) => {
        const version = currentVersionOf(definition) + ahead;
        expect(upgradeBody(definition, { ...definition.example, schema_version: version })).toEqual({
          status: 'newer',
          version,
          known: currentVersionOf(definition),
        });
      }),
    );
  });
});
