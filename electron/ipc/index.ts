import type { AppContext } from './context';
import { registerAdmin } from './admin';
import { registerAuth } from './auth';
import { registerBackup } from './backup';
import { registerClinic } from './clinic';
import { registerCustody } from './custody';
import { registerCopies } from './copies';
import { registerDevices } from './devices';
import { registerDictionary } from './dictionary';
import { registerHub } from './hub';
import { registerLan } from './lan';
import { registerOutpatient } from './outpatient';
import { registerPatients } from './patients';
import { registerRecords } from './records';
import type { RouterHooks } from './router';
import { Router } from './router';
import { registerSetup } from './setup';
import { registerSigning } from './signing';
import { registerArchive } from './archive';
import { registerSync } from './sync';
import { registerSystem } from './system';
import { registerVisits } from './visits';

/** Builds the one router both transports share, with every contract method implemented. */
export function buildRouter(app: AppContext, hooks: RouterHooks): Router {
  const router = new Router(hooks);
  registerSetup(router, app);
  registerAuth(router, app);
  registerAdmin(router, app);
  registerSystem(router, app);
  registerDevices(router, app);
  registerClinic(router, app);
  registerPatients(router, app);
  registerVisits(router, app);
  registerOutpatient(router, app);
  registerSync(router, app);
  registerDictionary(router, app);
  registerSigning(router, app);
  registerArchive(router, app);
  registerHub(router, app);
  registerLan(router, app);
  registerBackup(router, app);
  registerCustody(router, app);
  registerRecords(router, app);
  registerCopies(router, app);
  router.assertComplete();
  return router;
}
