import { currentVersionOf, documentRegistry } from '../../shared/docs';
import type { AppContext } from './context';
import { createDepartment, createUser } from '../services/admin';
import { resetPassword, updateDepartment, updateUser } from '../services/admin-updates';
import type { Router } from './router';

export function registerAdmin(router: Router, app: AppContext): void {
  router
    .implement('admin.listDepartments', (input) => app.data.departments.list(input))
    .implement('admin.createDepartment', (input, { actor, clinic }) => createDepartment(app.data, clinic.code, actor.username, input))
    .implement('admin.listUsers', () => app.data.users.list())
    .implement('admin.createUser', (input, { actor, clinic }) => createUser(app.data, clinic.code, actor.username, input))
    .implement('admin.updateDepartment', (input, { actor }) => updateDepartment(app.data, actor.username, input))
    .implement('admin.updateUser', (input, { actor, sessionToken }) => {
      const { user, endSessions } = updateUser(app.data, actor.username, input);
      // A stopped account, or one whose roles changed, must log in again before doing anything more.
      if (endSessions) app.sessions.closeUser(user.username, sessionToken);
      // One's own account (only an administrator's, and never stopped by oneself): the change applies to
      // this login at once, so a role just added is usable without logging in again.
      if (user.username === actor.username) {
        const { username, displayName, roles, departmentCodes } = user;
        app.sessions.refresh(sessionToken, { username, displayName, roles, departmentCodes });
      }
      return user;
    })
    .implement('admin.resetPassword', async (input, { actor, sessionToken }) => {
      const user = await resetPassword(app.data, actor.username, input);
      // Whoever was logged in with the old password is logged out (the caller stays in).
      app.sessions.closeUser(user.username, sessionToken);
      return user;
    })
    .implement('admin.listAwaitingUpgrade', () =>
      app.data.store.awaitingUpgrade().map((row) => {
        const definition = documentRegistry.get(row.type);
        return {
          id: row.docId,
          type: row.type,
          label: definition?.label ?? row.type,
          version: row.version,
          knownVersion: definition ? currentVersionOf(definition) : 0,
        };
      }),
    );
}
