import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiFailure } from '../../shared/api';
import { method } from '../../shared/api/define';
import type { Session } from '../services/sessions';
import { Router, type RouterHooks } from './router';

const testContract = {
  'setup.status': method({ input: z.object({}).strict(), output: z.object({ n: z.number() }), permission: 'public', audited: false, summary: '' }),
  'auth.currentUser': method({
    input: z.object({ name: z.string().min(2, '名字至少 2 个字'), age: z.number().int() }).strict(),
    output: z.object({ greeting: z.string() }),
    permission: 'admin.manage',
    audited: true,
    summary: '',
  }),
};

const admin: Session = { user: { username: 'admin', displayName: '管理员', roles: ['admin'], departmentCodes: [] }, createdAt: 0, lastSeenAt: 0 };
const doctor: Session = { user: { username: 'li', displayName: '李医生', roles: ['doctor'], departmentCodes: [] }, createdAt: 0, lastSeenAt: 0 };

function setup(sessions: Record<string, Session> = {}) {
  const hooks: RouterHooks = {
    resolveSession: (token) => ({ session: token ? (sessions[token] ?? null) : null, expired: token === 'old' }),
    audit: vi.fn(),
    logError: vi.fn(),
  };
  const router = new Router(hooks, testContract);
  return { router, hooks };
}

describe('Router', () => {
  it('refuses a second handler for the same method and reports missing ones', () => {
    const { router } = setup();
    router.implement('setup.status', () => ({ n: 1 }));
    expect(() => router.implement('setup.status', () => ({ n: 2 }))).toThrow(/twice/);
    expect(() => router.assertComplete()).toThrow(/auth.currentUser/);
  });

  it('checks session, permission, then input, before the handler runs', async () => {
    const { router, hooks } = setup({ a: admin, d: doctor });
    const handler = vi.fn(() => ({ greeting: 'hi' }));
    router.implement('setup.status', () => ({ n: 1 })).implement('auth.currentUser', handler);

    expect(await router.invoke({ method: 'auth.currentUser', input: { name: '王芳', age: 3 } })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await router.invoke({ method: 'auth.currentUser', input: {}, session: 'old' })).toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED' } });
    expect(await router.invoke({ method: 'auth.currentUser', input: { name: '王芳', age: 3 }, session: 'd' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const invalid = await router.invoke({ method: 'auth.currentUser', input: { name: '王', age: 'x', extra: 1 }, session: 'a' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(!invalid.ok && invalid.error.fields?.map((f) => f.path).sort()).toEqual(['', 'age', 'name']);
    expect(!invalid.ok && invalid.error.fields?.find((f) => f.path === 'name')?.message).toBe('名字至少 2 个字');
    expect(handler).not.toHaveBeenCalled();

    expect(await router.invoke({ method: 'auth.currentUser', input: { name: '王芳', age: 3 }, session: 'a' })).toEqual({ ok: true, value: { greeting: 'hi' } });
    expect(hooks.audit).toHaveBeenCalledWith(expect.objectContaining({ method: 'auth.currentUser', outcome: 'ok' }));
    expect(hooks.audit).toHaveBeenCalledWith(expect.objectContaining({ outcome: 'denied' }));
  });

  it('turns malformed envelopes and unknown methods into typed errors', async () => {
    const { router } = setup();
    router.implement('setup.status', () => ({ n: 1 }));
    for (const bad of [null, 42, 'x', [], { input: {} }, { method: 7 }]) {
      expect(await router.invoke(bad)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    expect(await router.invoke({ method: 'nope.nothing', input: {} })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await router.invoke({ method: '__proto__', input: {} })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('passes expected failures through and hides unexpected ones', async () => {
    const { router, hooks } = setup({ a: admin });
    router
      .implement('setup.status', () => ({ n: 'not a number' }) as unknown as { n: number })
      .implement('auth.currentUser', () => {
        throw new ApiFailure('CONFLICT');
      });
    expect(await router.invoke({ method: 'auth.currentUser', input: { name: '王芳', age: 1 }, session: 'a' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('刷新') } });
    expect(await router.invoke({ method: 'setup.status', input: {} })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(hooks.logError).toHaveBeenCalledTimes(1);
  });
});
