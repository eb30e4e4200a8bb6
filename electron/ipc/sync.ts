import { ApiFailure } from '../../shared/api';
import type { AppContext } from './context';
import { resolveConflictFor, showConflictView } from '../services/sync-conflicts';
import type { Router } from './router';

/** 同步: settings, "sync now", progress, history, the conflict inbox, compaction (electron/services/sync-manager.ts). */
export function registerSync(router: Router, app: AppContext): void {
  router
    .implement('sync.status', () => app.sync.status())
    .implement('sync.getSettings', () => app.sync.settingsView())
    .implement('sync.saveSettings', (input) => app.sync.save(input))
    .implement('sync.syncNow', (input) => app.sync.syncNow(input.wait))
    .implement('sync.history', (input) => app.sync.history(input.limit))
    .implement('sync.conflicts.list', () => app.sync.conflicts())
    .implement('sync.conflicts.show', (input) => showConflictView(app.data.store, input.id))
    .implement('sync.conflicts.resolve', (input, ctx) => {
      if (!ctx.session) throw new ApiFailure('UNAUTHENTICATED');
      const resolved = resolveConflictFor(app.data.store, app.audit, input, ctx.session.user.username);
      app.sync.touched();
      return resolved;
    })
    .implement('sync.compact', () => app.sync.compact());
}
