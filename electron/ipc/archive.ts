import type { AppContext } from './context';
import type { Router } from './router';
import { ICD_CODE_SYSTEMS } from '../../shared/codes';
import { rolesGrant } from '../../shared/permissions';
import { icdDictionaryOf } from '../services/dictionary/icd-dictionary';
import { archiveVisit } from '../services/archive/archiving';
import { openCase, recentCases } from '../services/archive/case-view';
import { decideChange, pendingChanges, requestChange } from '../services/archive/changes';
import { answerTask, archiveQueue, checksOf, myTasks, reviewVisit, type QcDeps } from '../services/archive/qc';
import { NO_DESK_FIGURES, recordRoomStats, statsXlsx } from '../services/archive/stats';
import type { Actor } from '../services/sessions';

const isIcdCodeSystem = (value: string): value is (typeof ICD_CODE_SYSTEMS)[number] => (ICD_CODE_SYSTEMS as ReadonlyArray<string>).includes(value);
/** Sealed cases show only to holders of `archive.seal`. */
const visibilityOf = (actor: Actor) => ({ canSeeSealed: rolesGrant(actor.roles, 'archive.seal') });

/** 病案室: thin handlers over electron/services/archive. */
export function registerArchive(router: Router, app: AppContext): void {
  const { data, signing } = app;
  const icd = icdDictionaryOf(data.icd);
  const deps: QcDeps = { data, signing, icd: (codeSystem, code, version) => (isIcdCodeSystem(codeSystem) ? icd.resolve(codeSystem, code, version) : null) };
  router
    .implement('archive.queue', () => archiveQueue(data))
    .implement('archive.checks', ({ encounterId }) => checksOf(deps, encounterId))
    .implement('archive.review', (input, { actor }) => reviewVisit(deps, actor, input))
    .implement('archive.archive', ({ encounterId }, { actor }) => archiveVisit(deps, actor, encounterId))
    .implement('archive.myTasks', (_input, { actor }) => myTasks(data, actor))
    .implement('archive.answerTask', (input, { actor }) => answerTask(data, actor, input))
    .implement('archive.recent', ({ limit }, { actor }) => recentCases(data, visibilityOf(actor), limit))
    .implement('archive.case', ({ caseNumber }, { actor }) => openCase(data, signing, visibilityOf(actor), caseNumber))
    .implement('archive.requestChange', (input, { actor }) => requestChange(data, actor, visibilityOf(actor), input))
    .implement('archive.decideChange', (input, { actor }) => decideChange(data, actor, input))
    .implement('archive.pendingChanges', (_input, { actor }) => pendingChanges(data, visibilityOf(actor)))
    .implement('archive.stats', (_input, { actor }) => recordRoomStats(data, visibilityOf(actor), NO_DESK_FIGURES))
    .implement('archive.statsXlsx', ({ chart }, { actor }) => statsXlsx(recordRoomStats(data, visibilityOf(actor), NO_DESK_FIGURES), chart));
}
