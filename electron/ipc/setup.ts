import { ApiFailure } from '../../shared/api';
import { DEFAULT_CLINIC_TIME_ZONE } from '../../shared/time/clinic-time';
import type { AppContext } from './context';
import { initializeClinic, readClinicSettings } from '../services/setup';
import type { Router } from './router';

export function registerSetup(router: Router, app: AppContext): void {
  router
    .implement('setup.status', (_input, { clinic }) => ({
      initialized: clinic !== null,
      clinicName: clinic?.name ?? null,
      timeZone: (clinic && readClinicSettings(app.data)?.time_zone) ?? DEFAULT_CLINIC_TIME_ZONE,
      dataDir: app.data.dataDir,
    }))
    .implement('setup.initialize', (input) => {
      if (app.restore.isRunning) throw new ApiFailure('ALREADY_SET_UP', '本机正在从县级服务器恢复数据，不能同时新建机构。');
      return initializeClinic(app.data, input);
    })
    .implement('setup.restoreFromCounty', (input) => app.restore.start(input))
    .implement('setup.restoreStatus', () => app.restore.status());
}
