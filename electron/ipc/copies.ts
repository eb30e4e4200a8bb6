import { CopyDesk } from '../services/copies/copy-desk';
import type { AppContext } from './context';
import type { Router } from './router';

/** 复印: thin handlers over electron/services/copies. */
export function registerCopies(router: Router, app: AppContext): void {
  const desk = new CopyDesk(app.data);
  router
    .implement('copies.request', (input, { actor, clinic }) => desk.request(input, actor, clinic.code))
    .implement('copies.decide', (input, { actor }) => desk.decide(input, actor))
    .implement('copies.print', (input, { actor, clinic }) => desk.print(input, actor, clinic.code))
    .implement('copies.requests', ({ status }) => ({ requests: desk.requests(status) }))
    .implement('copies.disclosures', ({ patientId }) => ({ disclosures: desk.disclosures(patientId) }))
    .implement('copies.verify', ({ code }) => desk.verify(code));
}
