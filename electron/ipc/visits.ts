import type { AppContext } from './context';
import { cancelVisit, registerVisit } from '../services/visits/register-visit';
import { listVisits, visitQueue } from '../services/visits/visit-lists';
import { visitSlip } from '../services/visits/visit-slip';
import type { Router } from './router';

export function registerVisits(router: Router, app: AppContext): void {
  const { data } = app;
  router
    .implement('visits.register', async (input, { actor }) =>
      registerVisit(data, { ...input, queueNumber: await app.lan.queueNumberFor(input.departmentCode, actor.workstation) }, actor.username),
    )
    .implement('visits.cancel', (input, { actor }) => cancelVisit(data, input, actor.username))
    .implement('visits.listToday', (input) => listVisits(data, input))
    .implement('visits.queue', (input) => visitQueue(data, input))
    .implement('visits.slip', (input, { actor }) => visitSlip(data, input.id, actor.displayName));
}
