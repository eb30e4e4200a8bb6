import { ApiFailure } from '../../shared/api';
import type { AppContext } from './context';
import { login } from '../services/auth';
import { isInitialized } from '../services/setup';
import type { Router } from './router';

export function registerAuth(router: Router, app: AppContext): void {
  router
    .implement('auth.login', (input) => {
      if (!isInitialized(app.data)) throw new ApiFailure('NOT_SET_UP');
      return login(app.data, app.sessions, input.username, input.password);
    })
    .implement('auth.logout', (_input, ctx) => {
      if (ctx.sessionToken) app.sessions.close(ctx.sessionToken);
      return { loggedOut: true as const };
    })
    .implement('auth.currentUser', (_input, ctx) => {
      if (!ctx.session) throw new ApiFailure('UNAUTHENTICATED');
      return ctx.session.user;
    });
}
