import type { AppContext } from './context';
import type { Router } from './router';

/** 外接设备: settings, test read, manual read, and the event poll (electron/services/device-hub.ts). */
export function registerDevices(router: Router, app: AppContext): void {
  router
    .implement('devices.listPorts', () => app.devices.ports())
    .implement('devices.getConfig', () => app.devices.config())
    .implement('devices.saveConfig', (input) => app.devices.save(input))
    .implement('devices.testRead', (input) => app.devices.testRead(input.kind, input.port))
    .implement('devices.readCard', () => app.devices.readCard())
    .implement('devices.events', (input) => app.devices.events(input.stream, input.after));
}
