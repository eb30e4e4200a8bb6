import type { AppContext } from './context';
import type { Router } from './router';

/** 本院主机: this PC's live replication with the centre (electron/services/lan-link.ts). */
export function registerLan(router: Router, app: AppContext): void {
  router
    .implement('lan.getSettings', () => app.lan.settingsView())
    .implement('lan.saveSettings', (input) => app.lan.save(input))
    .implement('lan.turnOff', () => app.lan.turnOff())
    .implement('lan.status', () => app.lan.status());
}
