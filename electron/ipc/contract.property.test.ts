import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../shared/api';
import { ROLES } from '../../shared/permissions';
import { openTestApp } from '../app/testing';

// Every API method must reject a malformed payload with a typed error and write nothing: the
// property runs over the whole contract, so a method added later is covered without a new test.

let t: Awaited<ReturnType<typeof openTestApp>>;
let everyRole = '';

beforeAll(async () => {
  t = await openTestApp({ initialized: true });
  const made = await t.call(
    'admin.createUser',
    { username: 'all.roles', displayName: '全权限', roles: [...ROLES], departmentCodes: [], password: 'AllRoles2026' },
    t.adminSession,
  );
  if (!made.ok) throw new Error(made.error.message);
  const login = await t.call('auth.login', { username: 'all.roles', password: 'AllRoles2026' });
  if (!login.ok) throw new Error(login.error.message);
  everyRole = login.value.sessionToken;
});
afterAll(() => t.close());

const methods = Object.keys(contract) as MethodName[];

describe.each(methods)('%s', (name) => {
  it('rejects any payload its schema rejects, with VALIDATION_FAILED, and writes nothing', async () => {
    const schema = contract[name].input;
    const malformed = fc
      .oneof(fc.anything(), fc.dictionary(fc.string(), fc.anything()), fc.constantFrom(null, undefined, [], '', 0, {}))
      .filter((value) => !schema.safeParse(value).success);
    await fc.assert(
      fc.asyncProperty(malformed, async (payload) => {
        const before = t.app.context.data.store.info().updateSeq;
        const result = await t.app.router.invoke({ method: name, input: payload, session: everyRole });
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('VALIDATION_FAILED');
          expect(result.error.message).toMatch(/[\u4e00-\u9fff]/);
          for (const field of result.error.fields ?? []) expect(field.message).toMatch(/[\u4e00-\u9fff]/);
        }
        expect(t.app.context.data.store.info().updateSeq).toBe(before);
      }),
      { numRuns: 150 },
    );
  });
});

describe('envelopes', () => {
  it('answers any malformed envelope with a typed error and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (envelope) => {
        const before = t.app.context.data.store.info().updateSeq;
        const result = await t.app.router.invoke(envelope);
        if (typeof envelope === 'object' && envelope !== null && typeof (envelope as { method?: unknown }).method === 'string') return;
        expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
        expect(t.app.context.data.store.info().updateSeq).toBe(before);
      }),
      { numRuns: 300 },
    );
  });
});

describe('declarations', () => {
  const patientData = new Set([
    'patient.read',
    'patient.write',
    'encounter.register',
    'encounter.chart',
    'archive.read',
    'archive.manage',
    'archive.qc',
    'archive.approve',
    'archive.seal',
  ]);

  // The note editor's autosave is exempt too: a draft stays on the PC and is no record (the saved note is audited),
  // and an event every few seconds of typing would bury the chain.
  // The record room's statistics are counts that name no patient.
  it('audits every method that touches patient data, but the card-reader polls whose lookup is the audited read, the autosave and the record-room counts', () => {
    const unaudited = methods.filter((name) => patientData.has(contract[name].permission) && contract[name].audit === 'none');
    // The ICD chapters, the OCR queue's progress and a folder label (the 病案号 alone) name no patient.
    expect(unaudited.sort()).toEqual([
      'archive.stats',
      'archive.statsXlsx',
      'devices.events',
      'devices.readCard',
      'outpatient.saveDraft',
      'records.chapters',
      'records.folderLabel',
      'records.ocrStatus',
    ]);
  });

  it('declares the methods that need a write permission as writes, but the staff lists, the awaiting-upgrade list, the hub status, import previews and the slip print', () => {
    const writePermissions = new Set(['patient.write', 'encounter.register', 'admin.manage', 'archive.seal']);
    const notWrites = methods.filter((name) => writePermissions.has(contract[name].permission) && contract[name].audit !== 'write');
    expect(notWrites.sort()).toEqual([
      'admin.listAwaitingUpgrade',
      'admin.listUsers',
      // Reading the backup settings and state; the sealed cases' lists and details are audited reads.
      'backup.getSettings',
      'backup.status',
      'custody.sealDetail',
      'custody.sealPreview',
      'custody.seals',
      // Checking a file writes nothing; its apply is the audited write.
      'dictionary.importIcdPreview',
      'dictionary.importProgress',
      'drugs.importPreview',
      'hub.status',
      'users.antibioticGrades',
      'visits.slip',
    ]);
  });

  it('lets only first-run methods run before setup', () => {
    expect(methods.filter((name) => !contract[name].requiresSetup).sort()).toEqual([
      // 从备份恢复 on the first-run screen.
      'backup.findBackups',
      'backup.restoreAtFirstRun',
      'backup.restoreStatus',
      'hub.join',
      'setup.initialize',
      'setup.restoreFromCounty',
      'setup.restoreStatus',
      'setup.status',
    ]);
  });
});
