import type { AppContext } from '../app/context';
import { initializeClinic, isInitialized, readClinicSettings } from '../services/setup';
import type { Router } from './router';

export function registerSetup(router: Router, app: AppContext): void {
  router
    .implement('setup.status', () => ({
      initialized: isInitialized(app.data),
      clinicName: readClinicSettings(app.data)?.name ?? null,
      dataDir: app.data.dataDir,
    }))
    .implement('setup.initialize', (input) => initializeClinic(app.data, input));
}
