import type { AppContext } from '../app/context';
import { registerAdmin } from './admin';
import { registerAuth } from './auth';
import { registerDevices } from './devices';
import type { RouterHooks } from './router';
import { Router } from './router';
import { registerPendingRegistration } from './registration-pending';
import { registerSetup } from './setup';
import { registerSystem } from './system';

/** Builds the one router both transports share, with every contract method implemented. */
export function buildRouter(app: AppContext, hooks: RouterHooks): Router {
  const router = new Router(hooks);
  registerSetup(router, app);
  registerAuth(router, app);
  registerAdmin(router, app);
  registerSystem(router, app);
  registerDevices(router, app);
  registerPendingRegistration(router);
  router.assertComplete();
  return router;
}
