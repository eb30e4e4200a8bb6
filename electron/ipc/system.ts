import type { AppContext } from './context';
import type { Router } from './router';

export function registerSystem(router: Router, app: AppContext): void {
  router.implement('system.status', (_input, { actor, clinic }) => ({
    clinicName: clinic.name,
    clinicCode: clinic.code,
    workstationId: actor.workstation,
    user: { username: actor.username, displayName: actor.displayName },
    sync: app.syncIndicator(),
    devices: app.deviceIndicator(),
    lan: app.lan.indicator(),
    version: app.version,
  }));
}
