/**
 * The administrator sees the documents a newer program wrote, which this PC keeps but cannot show
 * yet (shared/docs/registry.ts, versions).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makePatient } from '../../db/testing/fixtures';
import { currentVersionOf, documentRegistry } from '../../shared/docs';
import { openTestApp } from '../app/testing';

let t: Awaited<ReturnType<typeof openTestApp>>;
beforeEach(async () => {
  t = await openTestApp({ initialized: true });
});
afterEach(() => t.close());

describe('admin.listAwaitingUpgrade', () => {
  it('lists a replicated document of a newer version with its label and versions, for administrators only', async () => {
    expect(await t.call('admin.listAwaitingUpgrade', {}, t.adminSession)).toEqual({ ok: true, value: [] });

    // One version past the newest this program knows.
    const known = currentVersionOf(documentRegistry.get('patient')!);
    const patient = makePatient(1, { _id: `patient:h${'7'.repeat(32)}` });
    const [written] = t.app.context.data.store.bulkDocs([{ ...patient, schema_version: known + 1, nickname: '小王', _rev: `1-${'a'.repeat(32)}` }], {
      newEdits: false,
    });
    expect(written.ok).toBe(true);

    expect(await t.call('admin.listAwaitingUpgrade', {}, t.adminSession)).toEqual({
      ok: true,
      value: [{ id: patient._id, type: 'patient', label: '患者', version: known + 1, knownVersion: known }],
    });
    expect(await t.call('admin.listAwaitingUpgrade', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
