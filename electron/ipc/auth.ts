import type { AppContext } from './context';
import { login } from '../services/auth';
import type { Router } from './router';

export function registerAuth(router: Router, app: AppContext): void {
  router
    .implement('auth.login', (input) => login(app.data, app.sessions, input.username, input.password))
    .implement('auth.logout', (_input, { sessionToken }) => {
      app.sessions.close(sessionToken);
      return { loggedOut: true as const };
    })
    .implement('auth.currentUser', (_input, { actor }) => ({
      username: actor.username,
      displayName: actor.displayName,
      roles: [...actor.roles],
      departmentCodes: [...actor.departmentCodes],
    }));
}
