import type { AppContext } from './context';
import { disableHub, enableHub, hubStatusView, newPairingCode, revokeWorkstation } from '../services/centre-hub';
import type { Router } from './router';

/** 本院主机: hub mode under 管理 (electron/services/centre-hub.ts), and 加入本院 on a new PC's first-run screen. */
export function registerHub(router: Router, app: AppContext): void {
  router
    .implement('hub.status', () => hubStatusView(app.hub))
    .implement('hub.enable', (input) => enableHub(app.hub, input))
    .implement('hub.disable', () => disableHub(app.hub))
    .implement('hub.newPairingCode', () => newPairingCode(app.hub))
    .implement('hub.revoke', (input) => revokeWorkstation(app.hub, input.workstationNumber))
    .implement('hub.join', (input) => app.hubJoin.join(input));
}
