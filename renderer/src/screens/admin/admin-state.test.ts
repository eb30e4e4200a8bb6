import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../../../shared/api';
import { adminReducer, INITIAL_ADMIN_STATE, ownAccountDiffers, type UserList } from './admin-state';
import { stopConcerns } from './department-stop';

const admin = { username: 'admin', displayName: '张管理', roles: ['admin' as const], departmentCodes: [] as string[], active: true };
const lost: ApiError = { code: 'TRANSPORT', message: '与后台程序的连接中断' };

describe('admin screen state', () => {
  it('keeps the list last read on the screen when a later read fails', () => {
    const read = adminReducer(INITIAL_ADMIN_STATE, { type: 'usersRead', items: [admin] });
    const failed = adminReducer(read, { type: 'readFailed', list: 'users', error: lost });
    expect(failed.users).toEqual({ items: [admin], error: lost });
    expect(failed.departments).toEqual({ items: null, error: null });
  });

  it('sees the administrator’s own account changed in the list (a role added), and nothing when it is the same', () => {
    const self = { username: 'admin', displayName: '张管理', roles: ['admin'], departmentCodes: [] };
    expect(ownAccountDiffers([admin], self)).toBe(false);
    expect(ownAccountDiffers([{ ...admin, roles: ['registrar', 'admin'] }], self)).toBe(true);
    expect(ownAccountDiffers([{ ...admin, departmentCodes: ['03'] }], self)).toBe(true);
    expect(ownAccountDiffers(null, self)).toBe(false);
  });

  it('names the patients not yet seen to the end in a department today, in queue order, and its active staff', () => {
    const visit = (name: string, queueNumber: number, status: string, code = '03') =>
      ({ patient: { name }, queueNumber, queueLabel: String(queueNumber), status, department: { code } }) as unknown as Parameters<
        typeof stopConcerns
      >[1][number];
    const users: UserList = [
      { ...admin, username: 'li', displayName: '李医生', roles: ['doctor'], departmentCodes: ['03'] },
      { ...admin, username: 'wang', displayName: '王医生', roles: ['doctor'], departmentCodes: ['03'], active: false },
      { ...admin, username: 'zhao', displayName: '赵医生', roles: ['doctor'], departmentCodes: ['07'] },
    ];
    const visits = [visit('王五', 3, 'in_progress'), visit('张三', 1, 'waiting'), visit('李四', 2, 'completed'), visit('赵六', 4, 'waiting', '07')];
    expect(stopConcerns('03', visits, users)).toEqual({ patients: ['张三（1号）', '王五（3号）'], staff: ['李医生（li）'] });
  });
});
