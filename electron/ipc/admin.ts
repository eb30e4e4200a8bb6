import { ApiFailure } from '../../shared/api';
import type { AppContext } from './context';
import { createDepartment, createUser } from '../services/admin';
import { resetPassword, updateDepartment, updateUser } from '../services/admin-updates';
import { readClinicSettings } from '../services/setup';
import type { CallContext, Router } from './router';

function actorAndClinic(app: AppContext, ctx: CallContext): { actor: string; clinicCode: string } {
  const settings = readClinicSettings(app.data);
  if (!settings) throw new ApiFailure('NOT_SET_UP');
  if (!ctx.session) throw new ApiFailure('UNAUTHENTICATED');
  return { actor: ctx.session.user.username, clinicCode: settings.code };
}

export function registerAdmin(router: Router, app: AppContext): void {
  router
    .implement('admin.listDepartments', (input) => app.data.departments.list(input))
    .implement('admin.createDepartment', (input, ctx) => {
      const { actor, clinicCode } = actorAndClinic(app, ctx);
      return createDepartment(app.data, clinicCode, actor, input);
    })
    .implement('admin.listUsers', () => app.data.users.list())
    .implement('admin.createUser', (input, ctx) => {
      const { actor, clinicCode } = actorAndClinic(app, ctx);
      return createUser(app.data, clinicCode, actor, input);
    })
    .implement('admin.updateDepartment', (input, ctx) => updateDepartment(app.data, actorAndClinic(app, ctx).actor, input))
    .implement('admin.updateUser', (input, ctx) => {
      const { actor } = actorAndClinic(app, ctx);
      const { user, endSessions } = updateUser(app.data, actor, input);
      // A stopped account, or one whose roles changed, must log in again before doing anything more.
      if (endSessions) app.sessions.closeUser(user.username, ctx.sessionToken ?? undefined);
      return user;
    })
    .implement('admin.resetPassword', async (input, ctx) => {
      const { actor } = actorAndClinic(app, ctx);
      const user = await resetPassword(app.data, actor, input);
      // Whoever was logged in with the old password is logged out (the caller stays in).
      app.sessions.closeUser(user.username, ctx.sessionToken ?? undefined);
      return user;
    });
}
