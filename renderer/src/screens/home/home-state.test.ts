import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../../shared/api';
import { homeReducer, initialHomeState } from './home-state';

const admin: SessionUser = { username: 'admin', displayName: '张院长', roles: ['admin'], departmentCodes: [] };

describe('home state', () => {
  it('starts in the first built section the roles allow', () => {
    expect(initialHomeState(admin).section).toBe('admin');
    expect(initialHomeState({ ...admin, roles: ['registrar'] }).section).toBe('registration');
  });

  it('opens a section, and takes a changed account as it is now, staying where the user is', () => {
    const opened = homeReducer(initialHomeState(admin), { type: 'open', section: 'sync' });
    expect(opened.section).toBe('sync');
    const changed = homeReducer(opened, { type: 'userChanged', user: { ...admin, roles: ['admin', 'registrar'] } });
    expect(changed).toEqual({ section: 'sync', user: { ...admin, roles: ['admin', 'registrar'] } });
  });
});
