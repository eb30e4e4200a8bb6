import { ApiFailure } from '../../shared/api';
import type { AppContext } from './context';
import { META_WORKSTATION, readClinicSettings } from '../services/setup';
import type { Router } from './router';

export function registerSystem(router: Router, app: AppContext): void {
  router.implement('system.status', (_input, ctx) => {
    const settings = readClinicSettings(app.data);
    if (!settings) throw new ApiFailure('NOT_SET_UP');
    if (!ctx.session) throw new ApiFailure('UNAUTHENTICATED');
    return {
      clinicName: settings.name,
      clinicCode: settings.code,
      workstationId: app.data.meta.get(META_WORKSTATION) ?? '',
      user: { username: ctx.session.user.username, displayName: ctx.session.user.displayName },
      sync: app.syncIndicator(),
      devices: app.deviceIndicator(),
      version: app.version,
    };
  });
}
