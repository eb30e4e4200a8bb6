import { DEFAULT_CLINIC_TIME_ZONE } from '../../shared/time/clinic-time';
import { storeCaseSource } from '../services/custody/case-source';
import type { CustodyContext } from '../services/custody/context';
import { grantAccess, listGrants, myGrants, openThroughGrant, revokeGrant } from '../services/custody/grants';
import { folderStatus, lendFolder, paperLoans, returnFolder } from '../services/custody/paper-loans';
import { addSealStage, createSeal, listSeals, sealDetail, sealPreview } from '../services/custody/seals';
import { approveUnseal, unseal } from '../services/custody/unseal';
import { readClinicSettings } from '../services/setup';
import type { AppContext } from './context';
import type { Router } from './router';

/** 借阅与封存: thin handlers over electron/services/custody, one context per call (its clock and zone). */
export function registerCustody(router: Router, app: AppContext): void {
  const { data } = app;
  const cases = storeCaseSource(data.store);
  const ctx = (clinic: { code: string }): CustodyContext => ({
    data,
    cases,
    clinicCode: clinic.code,
    zone: readClinicSettings(data)?.time_zone ?? DEFAULT_CLINIC_TIME_ZONE,
    now: new Date(),
    isSealed: (caseNumber) => data.custody.isSealed(caseNumber),
  });
  router
    .implement('custody.grants', (_input, { actor, clinic }) => ({ grants: listGrants(ctx(clinic), actor) }))
    .implement('custody.grantAccess', (input, { actor, clinic }) => grantAccess(ctx(clinic), actor, input))
    .implement('custody.revokeGrant', (input, { actor, clinic }) => revokeGrant(ctx(clinic), actor, input.id, input.reason))
    .implement('custody.myGrants', (_input, { actor, clinic }) => ({ grants: myGrants(ctx(clinic), actor) }))
    .implement('custody.openCase', (input, { actor, clinic }) => openThroughGrant(ctx(clinic), actor, input.caseNumber))
    .implement('custody.paperLoans', (input, { actor, clinic }) => paperLoans(ctx(clinic), actor, input.outOnly))
    .implement('custody.folderStatus', (input, { actor, clinic }) => folderStatus(ctx(clinic), actor, input.code))
    .implement('custody.lendFolder', (input, { actor, clinic }) => lendFolder(ctx(clinic), actor, input))
    .implement('custody.returnFolder', (input, { actor, clinic }) => returnFolder(ctx(clinic), actor, input.code))
    .implement('custody.seals', (_input, { clinic }) => ({ seals: listSeals(ctx(clinic)) }))
    .implement('custody.sealPreview', (input, { clinic }) => sealPreview(ctx(clinic), input))
    .implement('custody.seal', (input, { actor, clinic }) => createSeal(ctx(clinic), actor, input))
    .implement('custody.addSealStage', (input, { actor, clinic }) => addSealStage(ctx(clinic), actor, input))
    .implement('custody.sealDetail', (input, { clinic }) => sealDetail(ctx(clinic), input.sealId))
    .implement('custody.approveUnseal', (input, { actor, clinic }) => approveUnseal(ctx(clinic), actor, input))
    .implement('custody.unseal', (input, { actor, clinic }) => unseal(ctx(clinic), actor, input));
}
