import { ApiFailure } from '../../shared/api';
import type { AppContext } from './context';
import { cancelVisit, registerVisit } from '../services/visits/register-visit';
import { listVisits, visitQueue } from '../services/visits/visit-lists';
import { visitSlip } from '../services/visits/visit-slip';
import type { CallContext, Router } from './router';

function sessionUser(ctx: CallContext) {
  if (!ctx.session) throw new ApiFailure('UNAUTHENTICATED');
  return ctx.session.user;
}

export function registerVisits(router: Router, app: AppContext): void {
  const { data } = app;
  router
    .implement('visits.register', (input, ctx) => registerVisit(data, input, sessionUser(ctx).username))
    .implement('visits.cancel', (input, ctx) => cancelVisit(data, input, sessionUser(ctx).username))
    .implement('visits.listToday', (input) => listVisits(data, input))
    .implement('visits.queue', (input) => visitQueue(data, input))
    .implement('visits.slip', (input, ctx) => visitSlip(data, input.id, sessionUser(ctx).displayName));
}
